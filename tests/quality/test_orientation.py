"""Orientation with the real OCR engine, on a small rendered card turned 90/180/270."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import ImageFont

from prereview.document import TextLine
from prereview.ocr import OcrEngine
from prereview.quality import detect_orientation, looks_upright, orient_and_read, rotate_image
from tests.quality import scenes

ID_LINE = ("公民身份号码 110108199003081234", (60, 480), 38)
SMALL = (640, 403)  # keep OCR tests quick


class CountingEngine:
    """The real engine, counting the images it is asked to read."""

    def __init__(self, engine: OcrEngine) -> None:
        self.engine, self.name, self.calls = engine, engine.name, 0

    def recognize(self, image: np.ndarray) -> list[TextLine]:
        self.calls += 1
        return self.engine.recognize(image)


def small(image: np.ndarray) -> np.ndarray:
    return cv2.resize(image, SMALL, interpolation=cv2.INTER_AREA)


@pytest.fixture(scope="module")
def upright_card(cjk_font: Path) -> np.ndarray:
    return small(scenes.card(cjk_font))


@pytest.fixture(scope="module")
def id_drawn(cjk_font: Path) -> tuple[np.ndarray, np.ndarray]:
    """The card with only the ID number drawn where the card prints it, and with its whole line."""
    text, (x, y), px = ID_LINE
    label, number = text.split(" ")
    offset = round(ImageFont.truetype(str(cjk_font), px).getlength(label + " "))
    number_only = scenes.card(cjk_font, lines=[(number, (x + offset, y), px)])
    return small(number_only), small(scenes.card(cjk_font, lines=[ID_LINE]))


def test_upright_page_costs_no_extra_ocr(rapid_engine: OcrEngine, upright_card: np.ndarray) -> None:
    engine = CountingEngine(rapid_engine)
    rotation, lines = orient_and_read(upright_card, engine)
    assert rotation == 0 and engine.calls == 1
    assert looks_upright(lines)
    assert any("110108199003081234" in line.text for line in lines)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("turn", "fix"),
    [(cv2.ROTATE_90_CLOCKWISE, 270), (cv2.ROTATE_180, 180), (cv2.ROTATE_90_COUNTERCLOCKWISE, 90)],
)
def test_turned_page_is_read_upright_with_boxes_in_input_pixels(
    rapid_engine: OcrEngine,
    upright_card: np.ndarray,
    id_drawn: tuple[np.ndarray, np.ndarray],
    turn: int,
    fix: int,
) -> None:
    page = cv2.rotate(upright_card, turn)
    engine = CountingEngine(rapid_engine)
    rotation, lines = orient_and_read(page, engine)
    assert rotation == fix
    assert engine.calls <= 4  # the first read, two small probes, one read of the turned page
    assert np.array_equal(rotate_image(page, rotation), upright_card)
    id_lines = [line for line in lines if "110108199003081234" in line.text]
    assert len(id_lines) == 1
    # where the number (and its line) was drawn on the turned input, found on the same turn of a page
    # holding only that text: the box covers the number and stays within the line
    x0, y0, x1, y1 = scenes.ink_box(cv2.rotate(id_drawn[0], turn))
    lx0, ly0, lx1, ly1 = scenes.ink_box(cv2.rotate(id_drawn[1], turn))
    bx0, by0, bx1, by1 = id_lines[0].box
    assert bx0 <= x0 + 4 and by0 <= y0 + 4 and bx1 >= x1 - 4 and by1 >= y1 - 4
    assert bx0 >= lx0 - 8 and by0 >= ly0 - 8 and bx1 <= lx1 + 8 and by1 <= ly1 + 8


@pytest.mark.slow
def test_detect_orientation(rapid_engine: OcrEngine, upright_card: np.ndarray) -> None:
    rotation, confidence = detect_orientation(cv2.rotate(upright_card, cv2.ROTATE_90_CLOCKWISE), rapid_engine)
    assert rotation == 270
    assert 0.8 < confidence <= 1.0


def test_looks_upright_rules() -> None:
    wide = TextLine("申请人签字", (0, 0, 150, 30), 0.97)
    assert looks_upright([wide])
    assert not looks_upright([TextLine("二一十", (0, 0, 150, 30), 0.55)])  # wide but unreadable: upside down?
    assert not looks_upright([TextLine("申请人签字", (0, 0, 30, 150), 0.97)])
