"""Ink on paper: dark pixels against the local paper tone, the ruling lines among them, and stroke groups.

Used by the signature check. Photos light a page unevenly, so a pixel is ink when it is clearly darker
than the paper *around it* (a max filter estimates the paper under thin strokes), not darker than one
global threshold. Ruling lines (table rules, the line to sign on, underscores) are long and thin: a
morphological opening with a long kernel keeps them and nothing written by hand; the ink is first
thickened across the line direction so a rule tilted by a few degrees (a phone photo) still survives
the opening.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from prereview.checks.seal import red_mask

PAPER_CONTRAST = 0.74  # ink is at most this share of the local paper brightness
MIN_PAPER_SPREAD = 40  # grey levels between the darkest pixel and the paper below which nothing is ink


def ink_mask(crop: np.ndarray, stroke: int) -> np.ndarray:
    """255 where a pixel is ink (clearly darker than the paper around it, not red seal ink), else 0.

    ``stroke`` is the widest stroke expected in pixels (the paper is estimated past it).

    >>> img = np.full((20, 40, 3), 200, np.uint8); img[8:11, 5:35] = 40
    >>> int(ink_mask(img, 4).sum() // 255)
    90
    >>> int(ink_mask(np.full((20, 40, 3), 200, np.uint8), 4).sum())
    0
    """
    if crop.size == 0:
        return np.zeros(crop.shape[:2], np.uint8)
    gray = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    size = 2 * max(2, stroke) + 1
    paper = cv2.dilate(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    paper = cv2.blur(paper, (size, size))
    ink = (gray.astype(np.float32) < paper.astype(np.float32) * PAPER_CONTRAST) & (
        gray.astype(np.int16) < paper.astype(np.int16) - MIN_PAPER_SPREAD
    )
    mask = ink.astype(np.uint8) * 255
    if crop.ndim == 3:
        mask[red_mask(crop) > 0] = 0
    return mask


def rule_masks(ink: np.ndarray, length: int) -> tuple[np.ndarray, np.ndarray]:
    """``(horizontal, vertical)``: the ink pixels on straight rules at least ``length`` pixels long.

    >>> ink = np.zeros((60, 80), np.uint8); ink[30, 2:78] = 255; ink[5:55, 40] = 255; ink[10:20, 10] = 255
    >>> h, v = rule_masks(ink, 30)
    >>> int(h.sum() // 255), int(v.sum() // 255), int(h[15, 10] | v[15, 10])
    (79, 53, 0)
    """
    length = max(3, int(length))
    found = []
    for long_side, across in (((length, 1), (1, 5)), ((1, length), (5, 1))):
        thick = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, across))
        opened = cv2.morphologyEx(thick, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, long_side))
        found.append(cv2.bitwise_and(opened, ink))
    return found[0], found[1]


def without_rules(ink: np.ndarray, length: int) -> np.ndarray:
    """``ink`` with ruling lines (and a one-pixel halo around them) removed.

    >>> ink = np.zeros((60, 80), np.uint8); ink[30, 2:78] = 255; ink[10:20, 10:14] = 255
    >>> int(without_rules(ink, 30).sum() // 255)
    40
    """
    horizontal, vertical = rule_masks(ink, length)
    rules = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((3, 3), np.uint8))
    return cv2.bitwise_and(ink, cv2.bitwise_not(rules))


def is_thin_line(points: np.ndarray, thickness: float, length: float) -> bool:
    """True when the points (N×2, x y) lie on a straight strip at most ``thickness`` wide and at least
    ``length`` long, at any angle: a rule, an underscore or a stray table edge, not handwriting.

    >>> xs = np.arange(100); line = np.stack([xs, xs // 10], axis=1)
    >>> is_thin_line(line, 4, 40), is_thin_line(np.array([[0, 0], [30, 0], [0, 30], [30, 30]]), 4, 20)
    (True, False)
    """
    if len(points) < 2:
        return False
    (_, _), (w, h), _ = cv2.minAreaRect(points.astype(np.float32).reshape(-1, 1, 2))
    return min(w, h) <= thickness and max(w, h) >= length


def dominant_tilt(ink: np.ndarray, min_length: int) -> float:
    """The angle in degrees (positive: falling to the right) of the long, nearly horizontal straight
    lines in ``ink`` (table rules, lines to sign on), weighted by length; 0.0 when there are none.

    Rules are found as in :func:`rule_masks`, with the ink thickened enough for an 8° tilt, and a
    straight line is fitted to each.

    >>> ink = np.zeros((100, 300), np.uint8); _ = cv2.line(ink, (10, 30), (290, 50), 255, 2)
    >>> round(dominant_tilt(ink, 100), 1)
    4.1
    """
    min_length = max(8, int(min_length))
    across = int(min_length * 0.15) + 3  # a rule tilted by 8° climbs 0.14 of its length
    thick = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (1, across)))
    opened = cv2.morphologyEx(
        thick, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (min_length, 1))
    )
    contours, _ = cv2.findContours(cv2.bitwise_and(opened, ink), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    angles, weights = [], []
    for contour in contours:
        w = cv2.boundingRect(contour)[2]
        if w < min_length:
            continue
        vx, vy = cv2.fitLine(contour, cv2.DIST_L2, 0, 0.01, 0.01).ravel()[:2]
        angle = math.degrees(math.atan2(float(vy), float(vx)))
        angle = angle - 180 if angle > 90 else angle + 180 if angle < -90 else angle
        if abs(angle) <= 8:
            angles.append(angle)
            weights.append(w)
    if not angles:
        return 0.0
    order = np.argsort(angles)
    cumulative = np.cumsum(np.asarray(weights, np.float64)[order])
    return float(np.asarray(angles)[order][np.searchsorted(cumulative, cumulative[-1] / 2)])
