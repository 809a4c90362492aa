"""Small pages are enlarged before reading, and their lines come back in the page's own pixels."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from prereview.document import TextLine
from prereview.ocr import OcrEngine
from prereview.ocr.enlarge import ENLARGE_BELOW, ENLARGE_TO, MAX_FACTOR, enlargement, shrink_lines
from prereview.quality import orient_and_read
from tests.ocr.pages import A4_LINES, DrawnLine, compact, iou, line_reading, render_page


class RecordingEngine:
    """Returns one upright line covering the middle of whatever image it is given, and keeps the sizes."""

    name = "recording"

    def __init__(self) -> None:
        self.sizes: list[tuple[int, int]] = []

    def recognize(self, image: np.ndarray) -> list[TextLine]:
        height, width = image.shape[:2]
        self.sizes.append((width, height))
        box = (width * 0.1, height * 0.4, width * 0.9, height * 0.5)
        polygon = ((box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3]))
        return [TextLine("申请人姓名张三", box, 0.99, polygon=polygon)]


def test_pages_at_or_above_the_limit_are_read_as_they_are() -> None:
    assert enlargement(ENLARGE_BELOW, 400) == 1.0
    assert enlargement(1240, 1754) == 1.0
    assert enlargement(0, 0) == 1.0


def test_a_small_page_is_enlarged_to_the_detector_size_but_never_more_than_the_cap() -> None:
    assert enlargement(300, 480) == pytest.approx(ENLARGE_TO / 480)
    assert enlargement(100, 120) == MAX_FACTOR


def test_lines_read_on_the_enlarged_copy_come_back_in_the_page_pixels() -> None:
    engine = RecordingEngine()
    page = np.full((400, 300, 3), 255, np.uint8)
    rotation, lines = orient_and_read(page, engine)
    assert rotation == 0
    assert engine.sizes == [(720, 960)]  # read once, enlarged 2.4 times
    assert lines[0].box == pytest.approx((30.0, 160.0, 270.0, 200.0))
    assert lines[0].polygon is not None
    assert lines[0].polygon[2] == pytest.approx((270.0, 200.0))
    assert lines[0].text == "申请人姓名张三" and lines[0].confidence == 0.99


def test_a_large_page_is_given_to_the_engine_untouched() -> None:
    engine = RecordingEngine()
    orient_and_read(np.full((1000, 800, 3), 255, np.uint8), engine)
    assert engine.sizes == [(800, 1000)]


def test_shrinking_by_one_keeps_the_lines() -> None:
    line = TextLine("x", (1.0, 2.0, 3.0, 4.0), 0.5)
    assert shrink_lines([line], 1.0) == [line]


@pytest.mark.slow
def test_a_small_photo_of_a_page_is_read_where_it_was_printed(
    rapid_engine: OcrEngine, cjk_font: Path
) -> None:
    page = render_page(A4_LINES, (1240, 1754), cjk_font)
    factor = 360 / 1240
    small = cv2.resize(page.image, (360, round(1754 * factor)), interpolation=cv2.INTER_AREA)
    _, lines = orient_and_read(small, rapid_engine)
    for drawn in page.lines:
        there = DrawnLine(drawn.text, tuple(v * factor for v in drawn.box))  # type: ignore[arg-type]
        line = line_reading(lines, there)
        assert compact(line.text) == compact(drawn.text)
        assert iou(line.box, there.box) > 0.6, (drawn.text, there.box, line.box)
