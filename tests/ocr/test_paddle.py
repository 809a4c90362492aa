"""The optional PaddleOCR engine.

Tests marked ``paddle`` run in the PaddleOCR lane (``scripts/paddle_lane.sh``, its own virtualenv) over
model directories made by ``make_paddle_model_dirs``; the unmarked ones (missing model directories) run in
the main lane too, where PaddleOCR is not installed. Nothing here imports paddleocr at module level.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from prereview.document import TextLine
from prereview.errors import ModelUnavailable
from prereview.ocr import OcrEngine, get_engine
from prereview.ocr.paddle import PaddleOcrEngine, paddle_params
from prereview.ocr.paddle_models import META_FILE, MODEL_FILE, make_paddle_model_dirs
from prereview.settings import OcrSettings
from tests.ocr.pages import JUNK_IMAGES, RenderedPage, compact, iou, line_reading

# --- main lane: configuration errors, no PaddleOCR needed ---------------------------------------------


def test_missing_model_dirs_name_the_setting_and_the_fix() -> None:
    with pytest.raises(ModelUnavailable) as caught:
        PaddleOcrEngine(OcrSettings(engine="paddle"))
    message = str(caught.value)
    assert "PREREVIEW_OCR__PADDLE_DET_DIR" in message
    assert "prereview ocr make-paddle-models --out DIR" in message
    assert caught.value.code == "paddle_models_missing"


def test_the_registry_raises_the_same_error() -> None:
    with pytest.raises(ModelUnavailable, match="PREREVIEW_OCR__PADDLE_DET_DIR"):
        get_engine(OcrSettings(engine="paddle"))


def test_an_incomplete_recognition_dir_is_named(tmp_path: Path) -> None:
    det, rec = tmp_path / "det", tmp_path / "rec"
    for folder in (det, rec):
        folder.mkdir()
        (folder / MODEL_FILE).write_bytes(b"onnx")
    (det / META_FILE).write_text("Global: {model_name: PP-OCRv6_small_det}\n", encoding="utf-8")
    with pytest.raises(ModelUnavailable) as caught:
        PaddleOcrEngine(OcrSettings(engine="paddle", paddle_det_dir=det, paddle_rec_dir=rec))
    message = str(caught.value)
    assert "PREREVIEW_OCR__PADDLE_REC_DIR" in message
    assert str(rec) in message and META_FILE in message


def test_without_paddleocr_installed_the_error_says_which_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("det", "rec"):
        (tmp_path / name).mkdir()
        (tmp_path / name / MODEL_FILE).write_bytes(b"onnx")
        (tmp_path / name / META_FILE).write_text("Global: {model_name: x}\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "paddleocr", None)  # what `import paddleocr` sees when it is absent
    settings = OcrSettings(engine="paddle", paddle_det_dir=tmp_path / "det", paddle_rec_dir=tmp_path / "rec")
    with pytest.raises(ModelUnavailable) as caught:
        PaddleOcrEngine(settings)
    assert "paddle" in caught.value.reason_zh and ".[paddle]" in str(caught.value)
    assert caught.value.code == "paddle_not_installed"


def test_params_follow_the_settings_and_the_model_names(tmp_path: Path) -> None:
    for name in ("det", "rec"):
        (tmp_path / name).mkdir()
        meta = {"Global": {"model_name": f"PP-OCRv6_small_{name}"}}
        (tmp_path / name / META_FILE).write_text(yaml.safe_dump(meta), encoding="utf-8")
    params = paddle_params(OcrSettings(det_limit_side=1280, threads=2), tmp_path / "det", tmp_path / "rec")
    assert params["text_detection_model_name"] == "PP-OCRv6_small_det"
    assert params["text_recognition_model_name"] == "PP-OCRv6_small_rec"
    assert (params["text_det_limit_type"], params["text_det_limit_side_len"]) == ("max", 1280)
    assert params["text_det_box_thresh"] == OcrSettings().det_box_thresh
    assert params["engine"] == "onnxruntime"
    assert params["engine_config"]["intra_op_num_threads"] == 2
    assert not any(
        params[key]
        for key in ("use_doc_orientation_classify", "use_doc_unwarping", "use_textline_orientation")
    )


# --- paddle lane: the real engine ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def paddle_model_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_paddle_model_dirs(tmp_path_factory.mktemp("paddle-models"))


@pytest.fixture(scope="session")
def paddle_engine(paddle_model_dirs: tuple[Path, Path]) -> OcrEngine:
    det, rec = paddle_model_dirs
    return get_engine(OcrSettings(engine="paddle", paddle_det_dir=det, paddle_rec_dir=rec))


@pytest.mark.paddle
def test_model_dirs_hold_what_paddlex_reads(paddle_model_dirs: tuple[Path, Path]) -> None:
    import onnxruntime as ort

    det, rec = paddle_model_dirs
    for folder, name in ((det, "PP-OCRv6_small_det"), (rec, "PP-OCRv6_small_rec")):
        assert (folder / MODEL_FILE).stat().st_size > 1_000_000
        meta = yaml.safe_load((folder / META_FILE).read_text(encoding="utf-8"))
        assert meta["Global"]["model_name"] == name
        assert meta["PreProcess"]["transform_ops"] and meta["PostProcess"]
    rec_meta = yaml.safe_load((rec / META_FILE).read_text(encoding="utf-8"))
    classes = ort.InferenceSession(str(rec / MODEL_FILE), providers=["CPUExecutionProvider"]).get_outputs()
    # CTC classes = blank + characters + space
    assert len(rec_meta["PostProcess"]["character_dict"]) + 2 == classes[0].shape[-1]


@pytest.mark.paddle
def test_reads_a_card(paddle_engine: OcrEngine, card_page: RenderedPage) -> None:
    reading = paddle_engine.recognize(card_page.image)
    for drawn in card_page.lines:
        line = line_reading(reading, drawn)
        assert compact(line.text) == compact(drawn.text)
        assert iou(line.box, drawn.box) > 0.5, (drawn.text, drawn.box, line.box)
        assert 0.0 < line.confidence <= 1.0


@pytest.mark.paddle
def test_reads_an_a4_page(paddle_engine: OcrEngine, a4_page: RenderedPage) -> None:
    reading = paddle_engine.recognize(a4_page.image)
    for drawn in a4_page.lines:
        line = line_reading(reading, drawn)
        assert compact(line.text) == compact(drawn.text)
        assert iou(line.box, drawn.box) > 0.5


@pytest.mark.paddle
def test_a_gray_page_is_read_too(paddle_engine: OcrEngine, card_page: RenderedPage) -> None:
    texts = {compact(line.text) for line in paddle_engine.recognize(card_page.image[:, :, 1])}
    assert compact(card_page.lines[3].text) in texts


@pytest.mark.paddle
@pytest.mark.parametrize("name", sorted(JUNK_IMAGES))
def test_junk_images_do_not_crash(paddle_engine: OcrEngine, name: str) -> None:
    lines = paddle_engine.recognize(JUNK_IMAGES[name])
    assert all(isinstance(line, TextLine) and 0.0 < line.confidence <= 1.0 for line in lines)
    if name in ("one_pixel", "all_white", "all_black", "empty"):
        assert lines == []


@pytest.mark.paddle
def test_the_engine_loads_once(paddle_engine: OcrEngine, paddle_model_dirs: tuple[Path, Path]) -> None:
    det, rec = paddle_model_dirs
    assert get_engine(OcrSettings(engine="paddle", paddle_det_dir=det, paddle_rec_dir=rec)) is paddle_engine
    assert paddle_engine.name == "paddle"


@pytest.mark.paddle
def test_agrees_with_the_rapid_engine_on_the_id_number(
    paddle_engine: OcrEngine, rapid_engine: OcrEngine, card_page: RenderedPage
) -> None:
    drawn = card_page.lines[3]
    paddle_line = line_reading(paddle_engine.recognize(card_page.image), drawn)
    rapid_line = line_reading(rapid_engine.recognize(card_page.image), drawn)
    assert compact(paddle_line.text) == compact(rapid_line.text)
    assert np.allclose(paddle_line.box, rapid_line.box, atol=8)
