"""The committed learned models served with onnxruntime, through the understanding stage."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import pytest

from prereview.document import TextLine
from prereview.errors import ModelUnavailable
from prereview.ocr import OcrEngine
from prereview.pipeline.core import Pipeline
from prereview.settings import ModelSettings, Settings
from prereview.synth.content import make_facts
from prereview.synth.render import render_material
from prereview.understanding import Understander, build_understander
from prereview.understanding.base import build_extractor
from prereview.understanding.learned import (
    AutoExtractor,
    ConsensusClassifier,
    LearnedClassifier,
    LearnedExtractor,
)
from tests.learned.scripted import ScriptedTags


@pytest.fixture(scope="module")
def rendered_card() -> tuple[dict[str, object], bytes]:
    """A fresh ID card (a seed no dataset uses) as PNG bytes, with the values drawn on it."""
    rng = random.Random(20240611)
    facts = make_facts("id_card_front", rng, as_of=date(2025, 6, 30))
    rendered = render_material("id_card_front", facts, rng=rng, font="noto_sans", layout="id_card_front/v1")
    ok, png = cv2.imencode(".png", rendered.pages[0].image)
    assert ok
    return {k: f.value for k, f in rendered.fields.items()}, png.tobytes()


@pytest.fixture(scope="module")
def id_card_lines(
    rendered_card: tuple[dict[str, object], bytes], rapid_engine: OcrEngine
) -> tuple[dict[str, object], list[list[TextLine]]]:
    truth, png = rendered_card
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    return truth, [rapid_engine.recognize(image)]


@pytest.mark.slow
def test_committed_models_read_a_rendered_id_card_through_the_pipeline(
    rendered_card: tuple[dict[str, object], bytes], rapid_engine: OcrEngine
) -> None:
    truth, png = rendered_card
    understander = Understander(LearnedClassifier(), LearnedExtractor())
    pipeline = Pipeline(settings=Settings(), engine=rapid_engine, understander=understander)
    result = pipeline.extract(png, name="card.png")
    assert result.material_type == "id_card_front"
    assert 0.5 < result.confidence <= 1.0
    assert result.fields["id_number"].value == truth["id_number"]
    assert result.fields["sex"].value == truth["sex"]
    assert result.fields["ethnicity"].value == truth["ethnicity"]
    # kie v1 sometimes drops a name's first character (model card, "known weaknesses"): the span it
    # returns must still come from the printed name, never from elsewhere on the card
    assert result.fields["name"].value and result.fields["name"].value in str(truth["name"])
    box = result.fields["id_number"].box
    assert box[2] > box[0] and box[3] > box[1]
    assert 0.0 < result.fields["id_number"].confidence <= 1.0


@pytest.mark.slow
def test_the_default_pipeline_classifies_through_the_onnx_model_and_the_anchors(
    rendered_card: tuple[dict[str, object], bytes], rapid_engine: OcrEngine
) -> None:
    truth, png = rendered_card
    pipeline = Pipeline(
        settings=Settings(), engine=rapid_engine, understander=build_understander("consensus", "auto")
    )
    classifier = pipeline.understander.classifier
    assert isinstance(classifier, ConsensusClassifier) and classifier.learned.model.session is not None
    result = pipeline.extract(png, name="card.png")
    assert "consensus" in result.version
    assert result.material_type == "id_card_front" and result.confidence > 0.9  # both agree
    assert result.fields["id_number"].value == truth["id_number"]


@pytest.mark.slow
def test_auto_extractor_is_registered_and_uses_the_anchors_for_id_cards(
    id_card_lines: tuple[dict[str, object], list[list[TextLine]]],
) -> None:
    truth, pages = id_card_lines
    fields = build_extractor("auto").extract("id_card_front", pages)
    assert fields["id_number"].value == truth["id_number"]


@pytest.mark.slow
def test_auto_extractor_reads_the_types_it_is_given_with_the_learned_model(rapid_engine: OcrEngine) -> None:
    rng = random.Random(20240612)
    facts = make_facts("id_card_back", rng, as_of=date(2025, 6, 30))
    rendered = render_material("id_card_back", facts, rng=rng, font="noto_sans", layout="id_card_back/v1")
    pages = [rapid_engine.recognize(rendered.pages[0].image)]
    assert build_extractor("auto").learned is None  # by default the anchors read every type
    auto = AutoExtractor(ModelSettings(learned_types=["id_card_back"]))
    fields = auto.extract("id_card_back", pages)
    assert auto.learned is not None and fields == auto.learned.extract("id_card_back", pages)
    for key in ("issuing_authority", "valid_from", "valid_to"):
        assert str(fields[key].value) == str(rendered.fields[key].value), key


@pytest.mark.parametrize("component", [LearnedClassifier, LearnedExtractor])
def test_missing_model_says_how_to_get_it(tmp_path: Path, component: type) -> None:
    with pytest.raises(ModelUnavailable) as raised:
        component(ModelSettings(dir=tmp_path))
    assert "prereview train" in str(raised.value)
    assert str(tmp_path) in str(raised.value)


def test_an_incomplete_model_folder_is_unavailable(tmp_path: Path) -> None:
    (tmp_path / "kie" / "v1").mkdir(parents=True)
    (tmp_path / "kie" / "v1" / "model.onnx").write_bytes(b"")
    with pytest.raises(ModelUnavailable, match=r"vocab\.txt"):
        LearnedExtractor(ModelSettings(dir=tmp_path))


def test_a_label_alone_on_its_line_is_never_part_of_a_value() -> None:
    """A tagger that takes the label's last character with the value ("族" of 民族, then 壮族) or stops
    a name or a date short ("玉" of 袁玉, "07月04日") is corrected by the page itself: a label alone on its
    line is no value, a free-text value fills its piece of the line, a date its digits."""
    lines = [
        TextLine("姓名", (244, 262, 315, 313), 0.99),
        TextLine("袁玉", (370, 273, 436, 318), 0.99),
        TextLine("民族", (783, 345, 851, 391), 0.99),
        TextLine("壮族", (917, 353, 987, 399), 0.99),
        TextLine("出生日期1961年07月04日", (751, 459, 1114, 509), 0.99),
    ]
    tagger = ScriptedTags({"玉": "name", "族壮族": "ethnicity", "07月04日": "birth_date"})
    fields = tagger.extract("household_register", [lines])
    assert fields["ethnicity"].value == "壮族"
    assert fields["name"].value == "袁玉"
    assert fields["birth_date"].raw == "1961年07月04日"  # a date grows over its digits, not over its label


def test_a_mark_beside_a_value_is_not_part_of_it_but_a_wrapped_line_is() -> None:
    """Characters tagged across a line break stay one value only when the next line continues it (just
    under it, in its column); a speck read to the right ("加") or a value below-right is cut off."""
    lines = [
        TextLine("姓名", (615, 259, 728, 297), 0.99),
        TextLine("黄梅英", (756, 257, 842, 291), 0.99),
        TextLine("加", (1010, 254, 1045, 285), 0.6),
        TextLine("住址", (615, 320, 700, 350), 0.99),
        TextLine("天津市和平区光明街603号御", (756, 320, 1100, 350), 0.99),
        TextLine("景苑28栋6单元304室", (756, 356, 1000, 386), 0.99),
        TextLine("120101198409026106", (900, 420, 1200, 450), 0.99),
    ]
    tagger = ScriptedTags({"黄梅英加": "name", "御景苑28栋6单元304室1": "address"})
    fields = tagger.extract("id_card_front", [lines])
    assert fields["name"].value == "黄梅英"
    assert fields["address"].value == "天津市和平区光明街603号御景苑28栋6单元304室"
