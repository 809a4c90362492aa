"""Quarter turns of a page image, and mapping what was read on the turned image back to the original.

``rotation`` is always the clockwise turn applied to the *input* to make it upright (0, 90, 180, 270),
as ``Page.rotation`` reports it. Boxes and polygons found on the turned image are mapped back to the
input's pixels, because the contract reports every box in the unrotated input.
"""

from __future__ import annotations

import cv2
import numpy as np

from prereview.document import Box, Polygon, TextLine, box_from_polygon

ROTATIONS = (0, 90, 180, 270)
_CV2_CODES = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


def check_rotation(rotation: int) -> int:
    """``rotation`` if it is a quarter turn, else ValueError.

    >>> check_rotation(270)
    270
    """
    if rotation not in ROTATIONS:
        raise ValueError(f"rotation must be one of {ROTATIONS}, got {rotation}")
    return rotation


def rotate_image(image: np.ndarray, rotation: int) -> np.ndarray:
    """The image turned clockwise by ``rotation`` degrees (a copy-free view for 0).

    >>> rotate_image(np.arange(6).reshape(2, 3), 90).tolist()
    [[3, 0], [4, 1], [5, 2]]
    """
    if check_rotation(rotation) == 0:
        return image
    return cv2.rotate(image, _CV2_CODES[rotation])


def unrotate_point(x: float, y: float, rotation: int, width: int, height: int) -> tuple[float, float]:
    """Where a point of the turned image lies in the original of size ``width`` × ``height``.

    Coordinates are continuous (pixel edges): the turned image's corner (0, 0) is an original corner.

    >>> unrotate_point(0, 0, 90, width=300, height=200)  # top-left after a clockwise turn
    (0.0, 200.0)
    >>> unrotate_point(10, 20, 180, width=300, height=200)
    (290.0, 180.0)
    >>> unrotate_point(10, 20, 270, width=300, height=200)
    (280.0, 10.0)
    """
    check_rotation(rotation)
    if rotation == 90:
        return float(y), float(height - x)
    if rotation == 180:
        return float(width - x), float(height - y)
    if rotation == 270:
        return float(width - y), float(x)
    return float(x), float(y)


def unrotate_polygon(polygon: Polygon, rotation: int, width: int, height: int) -> Polygon:
    """A polygon of the turned image, in the original's pixels."""
    return tuple(unrotate_point(x, y, rotation, width, height) for x, y in polygon)


def unrotate_box(box: Box, rotation: int, width: int, height: int) -> Box:
    """A box ``(x0, y0, x1, y1)`` of the turned image, as an axis-aligned box in the original.

    >>> unrotate_box((10, 20, 50, 30), 90, width=300, height=200)
    (20.0, 150.0, 30.0, 190.0)
    """
    x0, y0, x1, y1 = box
    return box_from_polygon(unrotate_polygon(((x0, y0), (x1, y1)), rotation, width, height))


def unrotate_lines(lines: list[TextLine], rotation: int, width: int, height: int) -> list[TextLine]:
    """Text lines read on the turned image, with boxes and polygons in the original's pixels."""
    if check_rotation(rotation) == 0:
        return list(lines)
    out = []
    for line in lines:
        polygon = None if line.polygon is None else unrotate_polygon(line.polygon, rotation, width, height)
        out.append(
            TextLine(
                text=line.text,
                box=unrotate_box(line.box, rotation, width, height),
                confidence=line.confidence,
                polygon=polygon,
                source=line.source,
            )
        )
    return out


def turn_point(x: float, y: float, rotation: int, width: int, height: int) -> tuple[float, float]:
    """Where a point of the original (``width`` × ``height``) lies after turning it by ``rotation``.

    The inverse of :func:`unrotate_point`:

    >>> turn_point(*unrotate_point(10, 20, 90, 300, 200), 90, 300, 200)
    (10.0, 20.0)
    """
    inverse = (360 - check_rotation(rotation)) % 360
    turned_width, turned_height = (height, width) if rotation in (90, 270) else (width, height)
    return unrotate_point(x, y, inverse, turned_width, turned_height)


def turn_lines(lines: list[TextLine], rotation: int, width: int, height: int) -> list[TextLine]:
    """Lines in the original's pixels, expressed in the upright page's pixels (for layout analysis)."""
    inverse = (360 - check_rotation(rotation)) % 360
    turned_width, turned_height = (height, width) if rotation in (90, 270) else (width, height)
    return unrotate_lines(lines, inverse, turned_width, turned_height)
