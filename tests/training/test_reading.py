"""Training reads a file as the service does: turned upright, labels turned with it, cached on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from prereview.ocr import OcrEngine
from prereview.synth.dataset import generate_dataset
from prereview.synth.loader import engine_key
from prereview.synth.recipes import load_recipe
from prereview.training.components import anchor_components
from prereview.training.data import AlignReport, load_documents, tag_document
from prereview.training.metrics import measure
from prereview.training.reading import ReadingCache
from prereview.understanding.learned.decode import bio_labels

RECIPE = """\
name: turned
description: 旋转的身份证
seed: 3
n: 2
as_of: 2025-06-30
types:
  id_card_front: 1
captures:
  rotated_90: 1
  rotated_180: 1
pdf_share: 0
png_share: 0
text_pdf_share: 0
defect_share: 0
"""


@pytest.mark.slow
def test_turned_cards_are_read_upright_and_labels_align(tmp_path: Path, rapid_engine: OcrEngine) -> None:
    recipe = tmp_path / "turned.yaml"
    recipe.write_text(RECIPE, encoding="utf-8")
    folder = tmp_path / "data"
    generate_dataset(folder, load_recipe(recipe))
    documents = load_documents(folder, rapid_engine)
    assert sorted(d.label.capture for d in documents) == ["rotated_180", "rotated_90"]
    assert all(d.reading is not None and d.reading.rotations[0] in (90, 180, 270) for d in documents)

    labels = bio_labels(["id_number", "name", "address", "birth_date", "sex", "ethnicity"])
    ids = {label: i for i, label in enumerate(labels)}
    report = AlignReport()
    for document in documents:
        tagged = tag_document(document, ids, report)
        assert tagged is not None, report.dropped
        begin = tagged.tags.index(ids["B-id_number"])
        number = document.label.fields["id_number"].value
        assert "".join(t.char for t in tagged.tokens[begin : begin + len(number)]) == number
        # Upright: the number is printed below the name, which it is not on a turned page's own pixels.
        name_at = tagged.tags.index(ids["B-name"])
        assert tagged.tokens[begin].box[1] > tagged.tokens[name_at].box[3]

    cache = ReadingCache(folder, engine_key(rapid_engine))
    assert len(list(cache.folder.glob("*.json"))) == 2
    again = load_documents(folder, rapid_engine)
    assert [d.ocr for d in again] == [d.ocr for d in documents]


SEALED = """\
name: sealed
description: 公章里的登记机关
seed: 5
n: 1
as_of: 2025-06-30
types:
  business_license: 1
layouts:
  business_license: [business_license/v2]
captures:
  rotated_90: 1
pdf_share: 0
png_share: 0
text_pdf_share: 0
defect_share: 0
"""


@pytest.mark.slow
def test_seals_are_read_cached_and_give_the_authority_to_the_evaluation(
    tmp_path: Path, rapid_engine: OcrEngine
) -> None:
    """The v2 license prints its registration authority only in the seal: evaluation finds it there,
    as the pipeline does, from a reading that keeps the seals (also when read back from the cache)."""
    recipe = tmp_path / "sealed.yaml"
    recipe.write_text(SEALED, encoding="utf-8")
    folder = tmp_path / "data"
    generate_dataset(folder, load_recipe(recipe))
    [document] = load_documents(folder, rapid_engine)
    authority = document.label.fields["registration_authority"].value
    assert document.reading is not None and document.reading.rotations[0] in (90, 270)
    assert any(authority in (seal.text or "") for seal in document.reading.seals)

    [again] = load_documents(folder, rapid_engine)
    assert again.reading is not None and again.reading.seals == document.reading.seals
    report = measure([again], *anchor_components())
    assert report.fields["business_license.registration_authority"].exact == 1
