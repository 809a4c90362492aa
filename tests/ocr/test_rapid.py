"""The default engine (RapidOCR, PP-OCRv6) on rendered pages, and the engine registry."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from prereview.document import TextLine
from prereview.errors import UnknownComponent
from prereview.ocr import ENGINES, OcrEngine, build_engine, get_engine
from prereview.ocr.rapid import rapid_params
from prereview.settings import OcrSettings
from tests.conftest import NOTO_SERIF
from tests.ocr.pages import JUNK_IMAGES, RenderedPage, compact, iou, line_reading, render_page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def card_reading(rapid_engine: OcrEngine, card_page: RenderedPage) -> list[TextLine]:
    return rapid_engine.recognize(card_page.image)


def test_reads_the_id_number_line(card_reading: list[TextLine], card_page: RenderedPage) -> None:
    drawn = card_page.lines[3]
    line = line_reading(card_reading, drawn)
    assert compact(line.text) == compact(drawn.text)


def test_reads_a_line_of_chinese(card_reading: list[TextLine], card_page: RenderedPage) -> None:
    drawn = card_page.lines[2]
    assert compact(line_reading(card_reading, drawn).text) == compact(drawn.text)


def test_every_drawn_line_is_found_where_it_was_drawn(
    card_reading: list[TextLine], card_page: RenderedPage
) -> None:
    for drawn in card_page.lines:
        line = line_reading(card_reading, drawn)
        assert iou(line.box, drawn.box) > 0.5, (drawn.text, drawn.box, line.box)


def test_confidences_are_probabilities(card_reading: list[TextLine]) -> None:
    assert card_reading
    assert all(0.0 < line.confidence <= 1.0 for line in card_reading)
    assert all(line.polygon is not None and len(line.polygon) == 4 for line in card_reading)


def test_reads_an_a4_page(rapid_engine: OcrEngine, a4_page: RenderedPage) -> None:
    reading = rapid_engine.recognize(a4_page.image)
    for drawn in a4_page.lines:
        line = line_reading(reading, drawn)
        assert compact(line.text) == compact(drawn.text)
        assert iou(line.box, drawn.box) > 0.5


def test_a_gray_page_reads_like_its_colour_version(rapid_engine: OcrEngine, card_page: RenderedPage) -> None:
    gray = card_page.image[:, :, 0]
    texts = {compact(line.text) for line in rapid_engine.recognize(np.dstack([gray] * 3))}
    assert compact(card_page.lines[3].text) in texts


@pytest.mark.parametrize("name", sorted(JUNK_IMAGES))
def test_junk_images_do_not_crash(rapid_engine: OcrEngine, name: str) -> None:
    lines = rapid_engine.recognize(JUNK_IMAGES[name])
    assert isinstance(lines, list)
    assert all(isinstance(line, TextLine) and 0.0 < line.confidence <= 1.0 for line in lines)
    if name in ("one_pixel", "all_white", "all_black", "empty"):
        assert lines == []


def test_the_engine_loads_once_per_process(rapid_engine: OcrEngine) -> None:
    assert get_engine(OcrSettings()) is rapid_engine
    assert rapid_engine.name == "rapid"
    assert isinstance(rapid_engine, OcrEngine)


def test_different_settings_get_a_different_engine(rapid_engine: OcrEngine) -> None:
    fake = get_engine(OcrSettings(engine="fake"))
    assert fake is not rapid_engine
    assert fake.name == "fake"


def test_unknown_engine_name_lists_the_known_ones() -> None:
    with pytest.raises(UnknownComponent) as caught:
        build_engine(OcrSettings(engine="padle"))
    message = str(caught.value)
    assert "padle" in message
    for known in ENGINES:
        assert known in message
    assert caught.value.code == "unknown_component"


def test_the_detector_threshold_is_taken_from_the_settings() -> None:
    assert rapid_params(OcrSettings(det_box_thresh=0.45))["Det.box_thresh"] == 0.45


def test_a_faint_label_spaced_over_its_cell_is_found(rapid_engine: OcrEngine) -> None:
    """A photocopy's pale 名  称 (two lone characters, about a fifth of full ink): the detector's box
    threshold (0.3) keeps it; RapidOCR's own 0.5 dropped such labels and lone one-digit values."""
    drawn = [
        ("从业人数", (100, 100), 30),
        ("8", (400, 100), 30),
        ("名", (100, 200), 30),
        ("称", (200, 200), 30),
    ]
    page = render_page(drawn, (1200, 400), NOTO_SERIF)
    faint = 255 - (255 - page.image.astype(np.float32)) * 0.18
    image = cv2.GaussianBlur(faint, (0, 0), 1.2).clip(0, 255).astype(np.uint8)
    texts = [compact(line.text) for line in rapid_engine.recognize(image)]
    assert "名称" in texts
    assert "8" in texts
