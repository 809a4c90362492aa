"""Red-seal presence on a page: an HSV red mask, then round or oval blobs of the right size.

A 公章 is a red ring with a star and ring text. After closing the mask each seal is one blob whose convex
hull is nearly a circle or an ellipse and which is not a solid fill. The ring text is read from OCR lines
whose centre lies inside the seal box (OCR of curved text is partial; whatever it read is reported).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import cv2
import numpy as np

from prereview.document import Box, Mark, TextLine

MIN_HULL_CIRCULARITY = 0.80  # 4πA/P² of the convex hull: circle 1.0, square 0.785
MIN_SIDE_RATIO = 0.04  # smallest seal side relative to the shorter page side
FILL_RANGE = (0.04, 0.80)  # red pixels per bounding-box pixel: rings and text, not a solid patch


def red_mask(image: np.ndarray) -> np.ndarray:
    """255 where a BGR pixel is saturated red (both ends of the hue circle), else 0.

    >>> img = np.zeros((2, 2, 3), np.uint8); img[0, 0] = (30, 30, 220); img[1, 1] = (200, 200, 200)
    >>> red_mask(img).tolist()
    [[255, 0], [0, 0]]
    """
    if image.ndim != 3 or image.shape[2] != 3:
        return np.zeros(image.shape[:2], np.uint8)
    hsv = cv2.cvtColor(image, cv2.COLOR_BGR2HSV)
    low = cv2.inRange(hsv, np.array((0, 70, 60)), np.array((10, 255, 255)))
    high = cv2.inRange(hsv, np.array((160, 70, 60)), np.array((180, 255, 255)))
    return cv2.bitwise_or(low, high)


def _crop(image: np.ndarray, region: Box | None) -> tuple[np.ndarray, int, int]:
    if region is None:
        return image, 0, 0
    h, w = image.shape[:2]
    x0, y0 = max(0, int(region[0])), max(0, int(region[1]))
    x1, y1 = min(w, math.ceil(region[2])), min(h, math.ceil(region[3]))
    if x1 <= x0 or y1 <= y0:
        return image[0:0, 0:0], x0, y0
    return image[y0:y1, x0:x1], x0, y0


def _hull_circularity(contour: np.ndarray) -> float:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    return 0.0 if perimeter == 0 else float(4 * math.pi * cv2.contourArea(hull) / perimeter**2)


def ring_text(box: Box, lines: Sequence[TextLine] | None) -> str | None:
    """Text of the OCR lines whose centre lies inside ``box``, joined; ``None`` when there are none.

    >>> ring_text((0, 0, 100, 100), [TextLine("某某市场监督管理局", (10, 10, 90, 30), 0.9)])
    '某某市场监督管理局'
    """
    inside = [
        ln.text for ln in lines or [] if box[0] <= ln.center[0] <= box[2] and box[1] <= ln.center[1] <= box[3]
    ]
    return "".join(inside) if inside else None


def find_seals(
    image: np.ndarray | None,
    *,
    page: int = 0,
    region: Box | None = None,
    lines: Sequence[TextLine] | None = None,
) -> list[Mark]:
    """Red round/oval seals on a BGR page image (optionally only inside ``region``).

    >>> find_seals(np.full((200, 200, 3), 255, np.uint8))
    []
    """
    if image is None or image.size == 0:
        return []
    crop, dx, dy = _crop(image, region)
    if crop.size == 0:
        return []
    mask = red_mask(crop)
    if not mask.any():
        return []
    min_side = max(12, int(MIN_SIDE_RATIO * min(image.shape[:2])))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (max(3, min_side // 6),) * 2)
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    marks = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if min(w, h) < min_side or not 0.5 <= w / h <= 2.0:
            continue
        fill = float(np.count_nonzero(mask[y : y + h, x : x + w])) / (w * h)
        circularity = _hull_circularity(contour)
        if circularity < MIN_HULL_CIRCULARITY or not FILL_RANGE[0] <= fill <= FILL_RANGE[1]:
            continue
        box: Box = (float(x + dx), float(y + dy), float(x + dx + w), float(y + dy + h))
        marks.append(
            Mark(page=page, box=box, text=ring_text(box, lines), confidence=round(min(1.0, circularity), 3))
        )
    return marks
