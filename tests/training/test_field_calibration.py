"""Field confidences: the 99% threshold, the report's calibration, the plots and the model card."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from prereview.cli.evaluate import _record, field_plots, field_png
from prereview.document import Field, TextLine
from prereview.settings import ModelSettings
from prereview.synth.labels import FieldLabel
from prereview.training.calibrate import confidence_threshold
from prereview.training.data import Document
from prereview.training.metrics import Report, measure, score_fields
from prereview.understanding.base import MaterialGuess
from tests.training.labelled import labelled_document

BOX = [10, 10, 200, 40]


def _document(fields: dict[str, Any], capture: str = "clean_scan", doc_id: str = "d0") -> Document:
    """A labelled id card front whose fields are all visible and boxed (no image, no OCR needed)."""
    boxed = {k: FieldLabel(value=v, page=0, box=BOX, visible=True) for k, v in fields.items()}
    ocr = [[TextLine(text="居民身份证 姓名 张三", box=(0.0, 0.0, 100.0, 20.0), confidence=0.99)]]
    return labelled_document(doc_id, "id_card_front", boxed, capture=capture, ocr=ocr)


def _field(value: Any, confidence: float) -> Field:
    return Field(value=value, confidence=confidence, page=0, box=(10.0, 10.0, 200.0, 40.0))


def _brute_force(conf: np.ndarray, correct: np.ndarray, target: float) -> float | None:
    """The definition, checked one observed confidence at a time."""
    good = [float(t) for t in np.unique(conf) if correct[conf >= t].mean() >= target]
    return min(good) if good else None


# --- the threshold ----------------------------------------------------------------------------------


def test_threshold_is_the_smallest_confidence_meeting_the_target_even_past_a_dip() -> None:
    # the most confident field is wrong; only with 99 right ones below it does precision reach 0.99
    conf = np.array([0.999] + [0.9 - i * 0.001 for i in range(99)] + [0.1])
    correct = np.array([0] + [1] * 99 + [0])
    found = confidence_threshold(conf, correct)
    assert found["reached"] is True
    assert found["threshold"] == conf[99]
    assert found["coverage"] == round(100 / 101, 4) and found["precision"] == 0.99


def test_tied_confidences_are_kept_or_dropped_together() -> None:
    # sorting could put the right 0.9 field first: the threshold must not split the two 0.9 fields
    found = confidence_threshold(np.array([0.95, 0.9, 0.9]), np.array([1, 1, 0]))
    assert found["threshold"] == 0.95
    assert found["coverage"] == round(1 / 3, 4) and found["precision"] == 1.0


def test_unreached_target_gives_one_with_a_flag() -> None:
    found = confidence_threshold(np.array([1.0, 1.0, 0.7]), np.array([1, 0, 1]))
    assert (found["threshold"], found["reached"]) == (1.0, False)
    assert found["coverage"] == round(2 / 3, 4) and found["precision"] == 0.5
    empty = confidence_threshold(np.array([]), np.array([]))
    assert (empty["threshold"], empty["reached"], empty["coverage"], empty["precision"]) == (
        1.0,
        False,
        0.0,
        None,
    )


def test_threshold_agrees_with_the_definition_on_random_fields() -> None:
    rng = np.random.default_rng(7)
    for target in (0.99, 0.9, 0.75):
        for _ in range(30):
            conf = np.round(rng.uniform(0, 1, size=rng.integers(1, 60)), 2)  # rounding makes ties
            correct = (rng.uniform(0, 1, size=conf.size) < conf + 0.3).astype(float)
            found = confidence_threshold(conf, correct, target)
            expected = _brute_force(conf, correct, target)
            assert found["reached"] is (expected is not None)
            if expected is not None:
                above = conf >= expected
                assert found["threshold"] == expected
                assert found["coverage"] == round(above.mean(), 4)
                assert found["precision"] == round(correct[above].mean(), 4)
                assert found["precision"] >= target


# --- the report -------------------------------------------------------------------------------------


def test_report_pairs_only_returned_fields_that_were_expected() -> None:
    report = Report()
    document = _document({"name": "张三", "id_number": "11010519491231002X", "birth_date": "1949-12-31"})
    predicted = {
        "name": _field("张三", 0.97),  # right
        "id_number": _field("110105194912310021", 0.6),  # wrong
        "birth_date": _field(date(1949, 12, 31), 0.92),  # right once in its JSON form
        "sex": _field("男", 0.99),  # not labelled: no pair
    }
    score_fields(report, document, predicted)
    assert sorted(report.field_confidence) == [(0.6, False), (0.92, True), (0.97, True)]
    calibration = report.to_dict()["field_calibration"]
    assert calibration["n"] == 3
    assert calibration["threshold"] == 0.92 and calibration["reached"] is True
    assert calibration["coverage"] == round(2 / 3, 4) and calibration["precision"] == 1.0
    assert sum(p["count"] for p in calibration["reliability"]) == 3
    # mean |confidence - accuracy| over the three one-field bins
    assert calibration["ece"] == round((0.6 + (1 - 0.92) + (1 - 0.97)) / 3, 4)


def test_report_keeps_its_other_numbers() -> None:
    report = Report()
    score_fields(report, _document({"name": "张三"}), {"name": _field("李四", 0.9)})
    data = report.to_dict()
    assert {"type_accuracy", "fields", "fields_overall", "clean_scan_fields", "clean_scan_overall"} <= set(
        data
    )
    assert data["fields"]["id_card_front.name"]["exact_match"] == 0.0
    assert data["field_calibration"]["reached"] is False


class _Guess:
    name = "fake"

    def classify(self, pages: list[list[TextLine]]) -> MaterialGuess:
        return MaterialGuess("id_card_front", 0.9)


class _Read:
    """Reads every name with the same confidence: the text after "：" (right only where the OCR has one)."""

    name = "fake"

    def extract(self, material_type: str, pages: list[list[TextLine]]) -> dict[str, Field]:
        return {"name": _field(pages[0][0].text.split("：")[-1], 0.8)} if pages else {}


def test_measure_collects_confidences_over_documents() -> None:
    documents = [_document({"name": "张三"}, doc_id=f"d{i}") for i in range(4)]
    documents[0].ocr = [[TextLine(text="姓名：张三", box=(0.0, 0.0, 1.0, 1.0), confidence=1.0)]]
    documents[3].ocr = []  # no text: scored as ``other``, its fields are not measured
    report = measure(documents, _Guess(), _Read())
    assert sorted(report.field_confidence) == [(0.8, False), (0.8, False), (0.8, True)]
    assert report.field_calibration()["precision"] is None  # nothing at 1.0: not reached


# --- plots and the card -----------------------------------------------------------------------------


def _results() -> dict[str, Any]:
    learned, anchors = Report(), Report()
    learned.field_confidence = [(0.95, True), (0.9, True), (0.85, True), (0.4, False)]
    anchors.field_confidence = [(0.9, True), (0.7, False)]
    return {"data": "tiny", "documents": 2, "learned": learned.to_dict(), "anchors": anchors.to_dict()}


def test_a_field_reliability_png_per_system(tmp_path: Path) -> None:
    plots = field_plots(_results(), tmp_path / "confusion.png")
    assert plots == {s: tmp_path / f"confusion-fields-{s}.png" for s in ("learned", "anchors")}
    for path in plots.values():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 1000


def _model_folder(root: Path, kind: str) -> Path:
    active = ModelSettings()
    folder = root / kind / (active.classifier_version if kind == "classifier" else active.kie_version)
    folder.mkdir(parents=True)
    config = {"kind": kind, "size": {}, "seed": 0, "trained": "today", "max_len": 64, "stride": 48}
    config |= {"temperature": 1.0, "min_confidence": 0.5} if kind == "classifier" else {}
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder


def test_record_writes_field_calibration_into_the_kie_card(tmp_path: Path) -> None:
    models = tmp_path / "models"
    kie, classifier = _model_folder(models, "kie"), _model_folder(models, "classifier")
    results = _results()
    plot = field_png(tmp_path / "confusion.png", "learned")
    plot.write_bytes(b"\x89PNG fake plot")
    _record(models, results, plot)
    assert (kie / "field_reliability.png").read_bytes() == plot.read_bytes()
    assert not (classifier / "field_reliability.png").exists()
    metrics = json.loads((kie / "metrics.json").read_text(encoding="utf-8"))
    assert (
        metrics["test"]["field_calibration"]["threshold"]
        == results["learned"]["field_calibration"]["threshold"]
    )
    assert "field_calibration" in metrics["test_anchors"]
    card = (kie / "model_card.md").read_text(encoding="utf-8")
    learned = results["learned"]["field_calibration"]
    assert f"| learned | {learned['threshold']:.4f} | True | {learned['coverage']} |" in card
    assert "| anchors |" in card and "field_reliability.png" in card
    assert "Field confidence" not in (classifier / "model_card.md").read_text(encoding="utf-8")
