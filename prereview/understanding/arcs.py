"""Text read along a curve (a seal's ring) is not a line of the page.

The detector sometimes frames part of a round seal's ring as one text line: its quadrilateral is
nearly as tall as it is wide although it holds several characters ("郴州市龙公司" over 285×237 px). A
straight line of ``n`` characters, horizontal or vertical, tilted or not, has a short side about one
character and a long side about ``n`` characters (a digit or Latin letter counting about half). A
line whose short side holds far more than one character's share of its long side is such an arc; the
anchors leave it out (the seal is read on its own, :mod:`prereview.checks.seal`), so it cannot become
the value of the label it happens to lie by. A line with digits is kept: a ring's words are Chinese,
and a date printed under the seal's ink reads with a box swollen by the ink.
"""

from __future__ import annotations

import math

from prereview.document import Polygon, TextLine

MIN_CHARS = 3  # one or two characters make a square box by themselves
MAX_SHORT_SIDE = 2.5  # short side / (long side / characters): about 1 for a straight line
NARROW = 0.55  # a digit or Latin letter is about this share of a Chinese character's width


def _sides(polygon: Polygon) -> tuple[float, float]:
    (x0, y0), (x1, y1), (x2, y2) = polygon[:3]
    return math.hypot(x1 - x0, y1 - y0), math.hypot(x2 - x1, y2 - y1)


def is_arc(line: TextLine) -> bool:
    """True for a line of several characters whose quadrilateral is far too thick for them.

    >>> square = ((798.0, 105.0), (1083.0, 105.0), (1083.0, 342.0), (798.0, 342.0))
    >>> is_arc(TextLine("郴州市龙公司", (798, 105, 1083, 342), 0.54, polygon=square))
    True
    >>> quad = lambda x0, y0, x1, y1: ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    >>> is_arc(TextLine("婚姻登记专用章", (894, 298, 1033, 338), 1.0, polygon=quad(894, 298, 1033, 338)))
    False
    >>> is_arc(TextLine("经营范围", (40, 100, 80, 260), 0.99, polygon=quad(40, 100, 80, 260)))  # downwards
    False
    >>> is_arc(TextLine("429021196703313050", (377, 406, 575, 436), 1.0, polygon=quad(377, 406, 575, 436)))
    False
    >>> is_arc(TextLine("2020年04月17日", (600, 1400, 795, 1468), 0.88, polygon=quad(600, 1400, 795, 1468)))
    False
    >>> is_arc(TextLine("郴州市龙公司", (798, 105, 1083, 342), 0.54))  # no quadrilateral: not judged
    False
    """
    if line.polygon is None or len(line.polygon) != 4:
        return False  # judged on the OCR quadrilateral only: a tilted line's upright box is thick too
    text = "".join(line.text.split())
    if len(text) < MIN_CHARS or any(char.isdigit() for char in text):
        return False  # a ring is Chinese words; a date under the seal's ink is a value
    chars = sum(NARROW if char.isascii() else 1.0 for char in text)
    width, height = _sides(line.polygon)
    short, long = sorted((width, height))
    return long > 0 and short * chars / long > MAX_SHORT_SIDE


def straight_lines(lines: list[TextLine]) -> list[TextLine]:
    """``lines`` without the arcs."""
    return [line for line in lines if not is_arc(line)]
