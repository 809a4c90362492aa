"""Rendered pages for the OCR engine tests: what was drawn, and where, so a test can compare."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import ImageFont

from prereview.document import Box, TextLine
from tests.render import render_lines


@dataclass(frozen=True)
class DrawnLine:
    text: str
    box: Box


@dataclass(frozen=True)
class RenderedPage:
    image: np.ndarray
    lines: list[DrawnLine]


def render_page(
    lines: list[tuple[str, tuple[int, int], int]], size: tuple[int, int], font: Path
) -> RenderedPage:
    """Render ``lines`` and keep each one's ink box (PIL's text bbox at that position)."""
    drawn = []
    for text, (x, y), px in lines:
        left, top, right, bottom = ImageFont.truetype(str(font), px).getbbox(text)
        drawn.append(DrawnLine(text, (float(x + left), float(y + top), float(x + right), float(y + bottom))))
    return RenderedPage(render_lines(lines, size, font), drawn)


def compact(text: str) -> str:
    """Text without spaces: engines differ in whether they keep the gap between a label and its value."""
    return "".join(text.split())


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two boxes."""
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def line_reading(lines: list[TextLine], drawn: DrawnLine) -> TextLine:
    """The recognised line that overlaps ``drawn`` most."""
    assert lines, "the engine found no text at all"
    return max(lines, key=lambda line: iou(line.box, drawn.box))


# An ID-card-sized image (85.6 x 54 mm at 10 px/mm) with card-like lines; the number is the one
# printed as the example in GB 11643.
CARD_LINES = [
    ("姓名  张三丰", (60, 50), 34),
    ("性别  男    民族  汉", (60, 115), 30),
    ("住址  北京市朝阳区建国路八十八号", (60, 180), 30),
    ("公民身份号码  11010519491231002X", (60, 420), 34),
]
# An A4 page at 150 dpi with a heading and two body lines.
A4_LINES = [
    ("个体工商户设立登记申请书", (320, 150), 48),
    ("经营者姓名：李四    联系电话：13800138000", (150, 400), 32),
    ("经营场所：上海市浦东新区世纪大道一百号", (150, 480), 32),
]


JUNK_IMAGES = {
    "one_pixel": np.zeros((1, 1, 3), np.uint8),
    "all_white": np.full((400, 600, 3), 255, np.uint8),
    "all_black": np.zeros((400, 600, 3), np.uint8),
    "tiny": np.full((6, 24, 3), 128, np.uint8),
    "empty": np.zeros((0, 0, 3), np.uint8),
    "noise": np.random.default_rng(7).integers(0, 256, (300, 300, 3), dtype=np.uint8),
}
