"""Red-seal presence on a page: a red-ink mask, then round or oval blobs with a ring of ink at their rim.

A 公章 is a red ring with a star and ring text. The mask is taken on a copy at most ``WORK_SIDE`` pixels
long (seals are large; this keeps a page under a few milliseconds). After closing the mask each seal is
one blob whose convex hull is nearly a circle or an ellipse, which is not a solid fill, and whose rim
carries red ink nearly all the way round (red text, banners and logos do not).

A photocopy or a greyscale scan cannot show a red seal: on such a page nothing is reported (the reviewer
then sees "no seal found", never a seal made up from grey ink).

Ring text comes from OCR lines whose centre lies inside the seal box; the page OCR reads curved text
poorly, so with an ``engine`` the ring is also unrolled into a straight strip (``cv2.warpPolar``) and read.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol

import cv2
import numpy as np

from prereview.document import Box, Mark, TextLine
from prereview.quality.rotation import rotate_image

MIN_HULL_CIRCULARITY = 0.80  # 4πA/P² of the convex hull: circle 1.0, square 0.785
MIN_SIDE_RATIO = 0.04  # smallest seal side relative to the shorter page side
FILL_RANGE = (0.04, 0.60)  # red pixels per bounding-box pixel: rings and text, not a solid disc (0.785)
MIN_RIM_COVER = 0.6  # share of the rim's angular sectors holding red ink
WORK_SIDE = 800  # longest side the red mask is computed at


InkMask = Callable[[np.ndarray], np.ndarray]  # BGR image -> 255 where the ink to keep is, else 0


class Reader(Protocol):
    """What reading the unrolled ring needs: an OCR engine's ``recognize``."""

    def recognize(self, image: np.ndarray) -> list[TextLine]: ...


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


def shows_colour(image: np.ndarray | None, min_fraction: float = 0.0005) -> bool:
    """Whether a page can show a red seal at all: a grey photocopy or scan cannot.

    >>> shows_colour(np.full((50, 50, 3), 128, np.uint8))
    False
    >>> img = np.full((50, 50, 3), 255, np.uint8); img[10:20, 10:20] = (30, 30, 220)
    >>> shows_colour(img)
    True
    """
    if image is None or image.ndim != 3 or image.shape[2] != 3 or image.size == 0:
        return False
    scale = 256 / max(image.shape[:2])
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image
    saturation = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)[:, :, 1]
    return float(np.count_nonzero(saturation > 80)) / saturation.size >= min_fraction


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


def rim_cover(mask: np.ndarray, sectors: int = 36) -> float:
    """Share of angular sectors with ink near the rim of the ellipse inscribed in ``mask``'s box.

    >>> ring = np.zeros((100, 100), np.uint8); _ = cv2.circle(ring, (50, 50), 46, 255, 4)
    >>> rim_cover(ring), rim_cover(ring[:, :50].repeat(2, axis=1) * 0)
    (1.0, 0.0)
    """
    h, w = mask.shape[:2]
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return 0.0
    u, v = (xs + 0.5 - w / 2) / (w / 2), (ys + 0.5 - h / 2) / (h / 2)
    rim = (u * u + v * v) >= 0.72**2
    angles = np.arctan2(v[rim], u[rim])
    bins = np.unique(((angles + math.pi) / (2 * math.pi) * sectors).astype(int) % sectors)
    return len(bins) / sectors


def ring_text(box: Box, lines: Sequence[TextLine] | None) -> str | None:
    """Text of the OCR lines whose centre lies inside ``box``, joined; ``None`` when there are none.

    >>> ring_text((0, 0, 100, 100), [TextLine("某某市场监督管理局", (10, 10, 90, 30), 0.9)])
    '某某市场监督管理局'
    """
    inside = [
        ln.text for ln in lines or [] if box[0] <= ln.center[0] <= box[2] and box[1] <= ln.center[1] <= box[3]
    ]
    return "".join(inside) if inside else None


def unrolled_ring(image: np.ndarray, box: Box, rotation: int = 0, ink: InkMask | None = None) -> np.ndarray:
    """The seal's ring band as a straight strip (BGR, dark ink on white), read left to right: the arc
    from lower left over the top to lower right, outer edge up. Only the ink ``ink`` marks is kept (red
    by default). ``rotation``: the clockwise turn that makes the page upright (a sideways photo's seal
    has its top on a side).

    >>> unrolled_ring(np.full((200, 200, 3), 255, np.uint8), (20, 20, 180, 180)).shape
    (29, 447, 3)
    """
    crop, _, _ = _crop(image, box)
    crop = rotate_image(crop, rotation)
    side = max(crop.shape[:2])
    if side < 8:
        return np.full((1, 1, 3), 255, np.uint8)
    square = cv2.resize((ink or red_mask)(crop), (side, side), interpolation=cv2.INTER_LINEAR)
    radius = side / 2
    turns = max(8, round(2 * math.pi * radius))
    polar = cv2.warpPolar(square, (round(radius), turns), (radius, radius), radius, cv2.WARP_POLAR_LINEAR)
    band = polar[:, round(0.55 * radius) : round(0.91 * radius)]  # rows: angle clockwise from +x
    start, span = round(turns * 110 / 360), round(turns * 320 / 360)  # 110° → 430°: over the top
    strip = np.vstack([band, band])[start : start + span]
    strip = cv2.rotate(strip, cv2.ROTATE_90_COUNTERCLOCKWISE)  # angle → x, outer radius at the top
    return cv2.cvtColor(255 - strip, cv2.COLOR_GRAY2BGR)


def read_ring(
    image: np.ndarray, box: Box, engine: Reader, rotation: int = 0, ink: InkMask | None = None
) -> str | None:
    """What ``engine`` reads on the unrolled ring of the seal in ``box`` (``None`` when nothing)."""
    found = engine.recognize(unrolled_ring(image, box, rotation, ink))
    text = "".join(ln.text for ln in sorted(found, key=lambda ln: ln.box[0]) if ln.confidence >= 0.5)
    return text or None


def _candidates(image: np.ndarray) -> list[tuple[Box, float]]:
    """``(box, confidence)`` of seal-like red blobs, in ``image`` pixels."""
    scale = min(1.0, WORK_SIDE / max(image.shape[:2]))
    small = (
        image if scale == 1.0 else cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR)
    )
    mask = red_mask(small)
    if cv2.countNonZero(mask) == 0:
        return []
    min_side = max(10, int(MIN_SIDE_RATIO * min(small.shape[:2])))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (max(3, min_side // 6),) * 2)
    contours, _ = cv2.findContours(cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel), cv2.RETR_EXTERNAL, 2)
    found = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if min(w, h) < min_side or not 0.5 <= w / h <= 2.0:
            continue
        inside = mask[y : y + h, x : x + w]
        fill = float(np.count_nonzero(inside)) / (w * h)
        circularity = _hull_circularity(contour)
        if circularity < MIN_HULL_CIRCULARITY or not FILL_RANGE[0] <= fill <= FILL_RANGE[1]:
            continue
        rim = rim_cover(inside)
        if rim < MIN_RIM_COVER:
            continue
        box: Box = (x / scale, y / scale, (x + w) / scale, (y + h) / scale)
        found.append((box, round(min(1.0, circularity) * min(1.0, rim / 0.9), 3)))
    return found


def find_seals(
    image: np.ndarray | None,
    *,
    page: int = 0,
    region: Box | None = None,
    lines: Sequence[TextLine] | None = None,
    engine: Reader | None = None,
    rotation: int = 0,
) -> list[Mark]:
    """Red round/oval seals on a BGR page image (optionally only inside ``region``).

    ``Mark.text`` is the ring text: OCR ``lines`` inside the seal, and with ``engine`` what it reads on
    the unrolled ring (one extra small OCR call per seal) put first; ``rotation`` is the clockwise turn
    that makes the page upright.

    >>> find_seals(np.full((200, 200, 3), 255, np.uint8))
    []
    """
    if image is None or image.size == 0 or image.ndim != 3 or image.shape[2] != 3:
        return []
    crop, dx, dy = _crop(image, region)
    if crop.size == 0:
        return []
    marks = []
    for (x0, y0, x1, y1), confidence in _candidates(crop):
        box: Box = (round(x0 + dx, 1), round(y0 + dy, 1), round(x1 + dx, 1), round(y1 + dy, 1))
        ring = read_ring(image, box, engine, rotation) if engine is not None else None
        parts = [ring, ring_text(box, lines)]
        text = " ".join(dict.fromkeys(p for p in parts if p)) or None
        marks.append(Mark(page=page, box=box, text=text, confidence=confidence))
    return marks
