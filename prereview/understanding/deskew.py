"""A tilted photo's lines, levelled: the page's skew from the OCR polygons, lines turned back by it.

On a photo taken a few degrees off, every line's axis-aligned box is taller than its text (a long line
at 5° is twice its height) and the boxes of neighbouring lines overlap, so "the value beside its label"
and "the next line of an address" become guesses. The OCR engine reports each line's quadrilateral;
their common angle (the median over long lines, which show it best) is the page's skew. Turning every
polygon back by it around the page's centre gives level boxes again; what is found on them is turned
forward with :func:`skew_box` so boxes are still reported in the page's own pixels.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, replace

from prereview.document import Box, Polygon, TextLine, box_from_polygon
from prereview.understanding.layout import union

MIN_SKEW, MAX_SKEW = 0.7, 12.0  # degrees: below, boxes are tight enough; above, not a photo's tilt
MIN_LONG_LINES = 3
LONG = 4.0  # a line at least this many times as wide as high shows the page's angle


@dataclass(frozen=True)
class Skew:
    """A page's tilt: the angle (degrees, positive clockwise in image coordinates) and its centre."""

    degrees: float
    centre: tuple[float, float]

    def turn(self, x: float, y: float, sign: float = -1.0) -> tuple[float, float]:
        """The point turned by ``sign`` × the angle around the centre (-1 levels, +1 tilts back)."""
        angle = math.radians(sign * self.degrees)
        cx, cy = self.centre
        dx, dy = x - cx, y - cy
        return (
            cx + dx * math.cos(angle) - dy * math.sin(angle),
            cy + dx * math.sin(angle) + dy * math.cos(angle),
        )


def _angle(polygon: Polygon) -> float | None:
    """The angle in degrees of a line's quadrilateral (mean of its top and bottom edges).

    >>> round(_angle(((0, 0), (100, 10), (100, 30), (0, 20))), 2)
    5.71
    """
    if len(polygon) != 4:
        return None
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = polygon
    return math.degrees(math.atan2((by - ay) + (cy - dy), (bx - ax) + (cx - dx)))


def page_skew(lines: list[TextLine]) -> Skew | None:
    """The page's tilt from its long lines' polygons; ``None`` when it is level or cannot be told."""
    angles = []
    for line in lines:
        if line.polygon is None or len(line.polygon) != 4:
            continue
        (ax, ay), (bx, by), _, (dx, dy) = line.polygon
        width, height = math.hypot(bx - ax, by - ay), max(math.hypot(dx - ax, dy - ay), 1.0)
        angle = _angle(line.polygon)
        if angle is not None and width >= LONG * height and abs(angle) <= MAX_SKEW:
            angles.append(angle)
    if len(angles) < MIN_LONG_LINES:
        return None
    degrees = statistics.median(angles)
    if abs(degrees) < MIN_SKEW:
        return None
    x0, y0, x1, y1 = union([line.box for line in lines])
    return Skew(degrees, ((x0 + x1) / 2, (y0 + y1) / 2))


def level_lines(lines: list[TextLine], skew: Skew | None) -> list[TextLine]:
    """The lines with their polygons turned level (boxes around the turned polygons)."""
    if skew is None:
        return lines
    out = []
    for line in lines:
        if line.polygon is None:  # a text layer's line keeps its size: only its centre moves
            cx, cy = skew.turn(*line.center)
            half_w, half_h = (line.box[2] - line.box[0]) / 2, (line.box[3] - line.box[1]) / 2
            out.append(replace(line, box=(cx - half_w, cy - half_h, cx + half_w, cy + half_h), polygon=None))
            continue
        polygon: Polygon = tuple(skew.turn(x, y) for x, y in line.polygon)
        out.append(replace(line, box=box_from_polygon(polygon), polygon=polygon))
    return out


def _corners(box: Box) -> Polygon:
    return ((box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3]))


def skew_box(box: Box, skew: Skew | None) -> Box:
    """A box found on the levelled lines, in the page's own pixels (the box around its turned corners).

    >>> s = Skew(5.0, (500.0, 500.0))
    >>> [round(v) for v in skew_box((400, 480, 600, 520), None)]
    [400, 480, 600, 520]
    >>> level = level_lines([TextLine("x", (0, 0, 1, 1), 1.0, _corners((400, 480, 600, 520)))], s)[0]
    >>> [round(v) for v in skew_box(level.box, s)][0] <= 400
    True
    """
    if skew is None:
        return box
    return box_from_polygon(tuple(skew.turn(x, y, sign=1.0) for x, y in _corners(box)))
