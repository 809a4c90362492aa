"""Glare: a saturated bright patch over the text of a material whose paper is not itself white.

Measured on the paper background of the :class:`PageView` (text closed away), so a patch is glare only
where the *paper itself* turns white. A flat scan, whose paper is already pure white, has no measurable
glare (and needs none: scanners do not reflect).
"""

from __future__ import annotations

import cv2
import numpy as np

from prereview.quality.view import PageView

SATURATED = 248  # grey level at which paper counts as washed out
_BRIGHTER_BY = 12  # glare needs paper at least this much darker than saturation


def content_box(ink: np.ndarray, margin: int = 10) -> tuple[int, int, int, int] | None:
    """Bounding box ``(x0, y0, x1, y1)`` of the ink, ignoring 0.5 % stray pixels at each end.

    >>> ink = np.zeros((100, 100), bool); ink[20:30, 40:70] = True
    >>> content_box(ink, margin=0)
    (40, 20, 69, 29)
    """
    ys, xs = np.nonzero(ink)
    if xs.size == 0:
        return None
    x0, x1 = np.percentile(xs, [0.5, 99.5])
    y0, y1 = np.percentile(ys, [0.5, 99.5])
    height, width = ink.shape
    return (
        max(0, int(x0) - margin),
        max(0, int(y0) - margin),
        min(width - 1, int(x1) + margin),
        min(height - 1, int(y1) + margin),
    )


def glare_fraction(view: PageView, min_area: float = 0.003) -> float:
    """Share of the text area covered by glare patches (each at least ``min_area`` of the page).

    A patch counts when the paper of the page is not white itself (a scan) and the patch covers less than
    half of the text area (more is a white card on a dark table, not a reflection on it).
    """
    box = content_box(view.ink)
    if box is None or view.paper_level > SATURATED - _BRIGHTER_BY:
        return 0.0
    x0, y0, x1, y1 = box
    in_text = np.zeros(view.paper.shape, bool)
    in_text[y0 : y1 + 1, x0 : x1 + 1] = True
    text_area = float(in_text.sum())
    bright = (view.paper >= SATURATED).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=8)
    covered = 0.0
    for label in range(1, count):
        if stats[label, cv2.CC_STAT_AREA] < min_area * view.paper.size:
            continue
        patch = labels == label
        overlap = float((patch & in_text).sum())
        if 0 < overlap < 0.5 * text_area:
            covered += overlap
    return covered / text_area
