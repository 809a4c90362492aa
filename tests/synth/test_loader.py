"""The loader reads pages in the labels' pixels and caches OCR by file content and engine."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from prereview.checks.seal import find_seals
from prereview.document import TextLine
from prereview.ocr import OcrEngine
from prereview.ocr.fake import FakeOcrEngine
from prereview.synth.content import make_facts
from prereview.synth.dataset import generate_dataset
from prereview.synth.loader import decode_pages, engine_key, iter_samples
from prereview.synth.recipes import Recipe
from prereview.synth.sample import FileSpec, make_file

SCRIPT = [TextLine("居民身份证", (10, 10, 200, 40), 0.99), TextLine("公民身份号码", (10, 60, 220, 90), 0.97)]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("loader")
    recipe = Recipe(
        name="loader",
        types={"id_card_back": 2, "lease_contract": 1, "power_of_attorney": 1},
        captures={"clean_scan": 1, "phone_photo": 1},
        pdf_share=0.5,
    )
    generate_dataset(out, recipe, n=5, seed=5)
    return out


def test_second_pass_reads_the_cache(dataset: Path, tmp_path: Path) -> None:
    first_engine = FakeOcrEngine(SCRIPT)
    first = list(iter_samples(dataset, ocr_engine=first_engine, cache_dir=tmp_path))
    pages = sum(len(s.pages) for s in first)
    assert len(first) == 5 and len(first_engine.calls) == pages > 5  # the lease contract has several pages
    second_engine = FakeOcrEngine(SCRIPT)
    second = list(iter_samples(dataset, ocr_engine=second_engine, cache_dir=tmp_path))
    assert second_engine.calls == []
    assert [s.ocr for s in second] == [s.ocr for s in first]
    assert second[0].ocr is not None and second[0].ocr[0][0].text == "居民身份证"
    assert len(list((tmp_path / engine_key(first_engine)).glob("*.json"))) == 5


def test_another_engine_version_does_not_read_the_cache(dataset: Path, tmp_path: Path) -> None:
    list(iter_samples(dataset, ocr_engine=FakeOcrEngine(SCRIPT), cache_dir=tmp_path))
    newer = FakeOcrEngine([])
    newer.version = "2"  # type: ignore[attr-defined]
    samples = list(iter_samples(dataset, ocr_engine=newer, cache_dir=tmp_path))
    assert len(newer.calls) == sum(len(s.pages) for s in samples)
    assert all(page == [] for s in samples for page in s.ocr or [])


def test_without_an_engine_there_is_no_ocr_and_pages_match_labels(dataset: Path) -> None:
    for sample in iter_samples(dataset):
        assert sample.ocr is None
        for page, label in zip(sample.pages, sample.label.pages, strict=True):
            assert page.shape[:2] == (label.height, label.width)
    assert not (dataset / ".ocr_cache").exists()


@pytest.mark.slow
def test_real_ocr_reads_the_labelled_values_where_the_labels_say(
    rapid_engine: OcrEngine, tmp_path: Path
) -> None:
    """End to end: the real engine on a generated ID card finds the labelled ID number inside its box."""
    as_of = date(2025, 6, 30)
    facts = make_facts("id_card_front", random.Random(21), as_of=as_of)
    made = make_file(
        FileSpec("id_card_front", "phone_photo", "jpeg", 21, "id_card_front/v1", "noto_sans"),
        facts,
        sample_id="x",
        as_of=as_of,
    )
    folder = tmp_path / "one"
    (folder / "files").mkdir(parents=True)
    made.label.file = "files/x.jpg"
    (folder / made.label.file).write_bytes(made.data)
    from prereview.synth.labels import LABELS_FILE, dumps

    (folder / LABELS_FILE).write_text(dumps(made.label) + "\n", encoding="utf-8")
    sample = next(iter_samples(folder, ocr_engine=rapid_engine, cache_dir=tmp_path / "cache"))
    assert sample.ocr is not None
    field = made.label.fields["id_number"]
    assert field.box is not None
    hits = [line for line in sample.ocr[0] if field.value in line.text.replace(" ", "")]
    assert hits, [line.text for line in sample.ocr[0]]
    cx, cy = hits[0].center
    x0, y0, x1, y1 = field.box
    assert x0 <= cx <= x1 and y0 <= cy <= y1


def test_a_pdf_page_keeps_its_colours() -> None:
    """A scanned PDF's red seal stays red: the loader renders in BGR as ingest does (it once swapped red
    and blue, so no seal was found on a PDF while training and evaluating)."""
    as_of = date(2025, 6, 30)
    facts = make_facts("business_license", random.Random(8), as_of=as_of)
    spec = FileSpec("business_license", "clean_scan", "pdf", 8, "business_license/v2", "noto_sans")
    made = make_file(spec, facts, sample_id="x", as_of=as_of)
    page = decode_pages(made.data, made.label)[0]
    assert len(find_seals(page)) == 1
    assert find_seals(page[:, :, ::-1].copy()) == []  # the same page with red and blue swapped
