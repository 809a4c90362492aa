"""Glare: a lamp's reflection washes out part of the text of a photographed material.

A glare patch is a **saturated, texture-less blob** (no print inside it) whose brightness **clearly exceeds
the paper around it**, and that **covers text**: print runs up to it and stops. A reflection also fades out
softly into the paper around it, while printed light areas (the pale portrait panel of an ID card, a
white box on a tinted card, the white paper of a scan) end in a crisp edge; a crisp blob therefore counts
only when text runs right into its edge (a white shape burnt over the text).

Not glare: a page whose paper is itself white (nothing is brighter than the paper), a white sheet lying on
a dark desk (it holds print: it is not texture-less), a light panel or a pale card background with no text
running into it.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from prereview.quality.view import PageView

SATURATED = 250  # grey level at which a blob counts as washed out
_BRIGHTER_BY = 5  # the blob must be at least this much brighter than the paper around it
_MAX_INNER_INK = 0.002  # a texture-less blob holds (almost) no print
_NEAR = 0.025  # the band around the washed area where cut text is looked for, share of the short side
_FAR = (0.04, 0.08)  # the ring where the local paper is measured, share of the short side
_MIN_CUT_TEXT = 0.02  # share of the band around the blob that is ink when text runs into it
_MIN_TEXT_NEAR = 0.005  # share of the ring around the blob that is ink: text is near
_SOFT_RIM_PX = 4.0  # a rim (25–75 % of the step to the paper) wider than this is a reflection's fall-off
_MAX_RECTANGULARITY = 0.9  # a blob filling its enclosing rectangle more than this is a printed box
_MAX_CANDIDATES = 6  # the largest saturated blobs looked at (keeps the measure cheap)


@dataclass(frozen=True)
class Blob:
    """What the glare test measured on one saturated blob (analysis pixels)."""

    area: float  # share of the page
    inner_ink: float  # share of the blob (holes filled) that is ink
    brighter_by: float  # blob level minus the local paper level
    rim_px: float  # width of the fall-off from the blob to the paper
    cut_text: float  # share of the band around the washed area that is ink
    text_near: float  # share of the ring around the blob (where the paper is measured) that is ink
    rectangularity: float  # blob area over the area of its smallest enclosing rotated rectangle
    covered: float  # share of the page's text area under the washed area

    @property
    def is_glare(self) -> bool:
        if self.inner_ink > _MAX_INNER_INK or self.brighter_by < _BRIGHTER_BY:
            return False
        if self.rim_px >= _SOFT_RIM_PX:
            return True  # a reflection's soft fall-off, over the text area
        # a crisp white shape: glare only when text runs into it and it is no printed box (a table cell)
        return (
            self.text_near >= _MIN_TEXT_NEAR
            and self.cut_text >= _MIN_CUT_TEXT
            and self.rectangularity < _MAX_RECTANGULARITY
        )


def _disk(radius: int) -> np.ndarray:
    size = 2 * max(1, radius) + 1
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))


def _filled(mask: np.ndarray) -> np.ndarray:
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    out = np.zeros_like(mask)
    cv2.drawContours(out, contours, -1, 1, thickness=cv2.FILLED)
    return out


def rectangularity(mask: np.ndarray) -> float:
    """Area of the mask over the area of its smallest rotated bounding rectangle (1 for a box, π/4 for an
    ellipse).

    >>> box = np.zeros((60, 80), np.uint8); box[10:50, 10:70] = 1
    >>> ellipse = cv2.ellipse(np.zeros((60, 80), np.uint8), (40, 30), (30, 20), 0, 0, 360, 1, -1)
    >>> round(rectangularity(box), 2), round(rectangularity(ellipse), 2)
    (1.0, 0.78)
    """
    points = cv2.findNonZero(mask)
    if points is None:
        return 0.0
    (_, _), (width, height), _ = cv2.minAreaRect(points)
    return float(np.count_nonzero(mask)) / max(1.0, (width + 1) * (height + 1))


def _grown(paper: np.ndarray, seed: np.ndarray, level: float) -> np.ndarray:
    """The region of paper at least ``level`` bright that is connected to ``seed``."""
    above = ((paper >= level) | seed.astype(bool)).astype(np.uint8)
    _, labels = cv2.connectedComponents(above, connectivity=8)
    ids = np.unique(labels[seed.astype(bool)])
    return np.isin(labels, ids[ids > 0]).astype(np.uint8)


def _within(mask: np.ndarray, distance: float) -> np.ndarray:
    """Pixels at most ``distance`` away from ``mask`` (a cheap dilation by a disk of any size)."""
    return cv2.distanceTransform((mask == 0).astype(np.uint8), cv2.DIST_L2, 3) <= distance


def measure_blob(
    view: PageView,
    labels: np.ndarray,
    label: int,
    bbox: tuple[int, int, int, int],
    text_box: tuple[int, int, int, int],
) -> Blob:
    """Measure the saturated blob ``label`` of ``labels`` (its bounding box ``(x, y, w, h)``); a blob
    holding print is measured no further (it is no glare)."""
    short = min(view.paper.shape)
    near, far_in, far_out = (max(2, round(f * short)) for f in (_NEAR, *_FAR))
    bx, by, bw, bh = bbox
    pad = far_out + 2
    y0, y1 = max(0, by - pad), min(labels.shape[0], by + bh + pad)
    x0, x1 = max(0, bx - pad), min(labels.shape[1], bx + bw + pad)
    paper, ink, gray = view.paper[y0:y1, x0:x1], view.ink[y0:y1, x0:x1], view.gray[y0:y1, x0:x1]
    core = (labels[y0:y1, x0:x1] == label).astype(np.uint8)
    blob = _filled(core)
    inside = blob.astype(bool)
    area, inner_ink = float(core.sum()) / labels.size, float(ink[inside].mean())
    if inner_ink > _MAX_INNER_INK:
        return Blob(area, inner_ink, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0)
    distance = cv2.distanceTransform((blob == 0).astype(np.uint8), cv2.DIST_L2, 3)
    far = (distance > far_in) & (distance <= far_out)
    level = float(np.median(gray[inside]))
    behind_text = far & ink  # the paper is measured behind print: a desk around the sheet never counts
    text_near = float(behind_text.sum()) / max(1.0, float(far.sum()))
    if text_near >= _MIN_TEXT_NEAR:
        local = float(np.median(paper[behind_text]))
    else:
        local = float(np.median(paper[far])) if far.any() else level
    step = level - local
    reach = (distance <= far_in).astype(np.uint8)  # the fall-off stays near the blob: no leak into pale areas
    washed = _grown(paper, blob, local + 0.25 * step) & reach if step > 0 else blob
    bright = _grown(paper, blob, local + 0.75 * step) & reach if step > 0 else blob
    perimeter = max(1.0, float(cv2.countNonZero(cv2.morphologyEx(bright, cv2.MORPH_GRADIENT, _disk(1)))) / 2)
    band = _within(washed, near) & ~bright.astype(bool)
    tx0, ty0, tx1, ty1 = text_box
    in_text = np.zeros(view.paper.shape, bool)
    in_text[ty0 : ty1 + 1, tx0 : tx1 + 1] = True
    return Blob(
        area=area,
        inner_ink=inner_ink,
        brighter_by=step,
        rim_px=float(washed.sum() - bright.sum()) / perimeter,
        cut_text=float(ink[band].mean()) if band.any() else 0.0,
        text_near=text_near,
        rectangularity=rectangularity(blob),
        covered=float((washed.astype(bool) & in_text[y0:y1, x0:x1]).sum()) / max(1.0, float(in_text.sum())),
    )


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


def glare_blobs(view: PageView, min_area: float = 0.003) -> list[Blob]:
    """The saturated blobs of at least ``min_area`` of the page that overlap the text area, measured."""
    box = content_box(view.ink)
    if box is None:
        return []
    saturated = (cv2.medianBlur(view.gray, 3) >= SATURATED).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(saturated, connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA]
    x0, y0, x1, y1 = box
    blobs = []
    for label in (np.argsort(-areas)[:_MAX_CANDIDATES] + 1).tolist():
        if stats[label, cv2.CC_STAT_AREA] < min_area * view.paper.size:
            break
        bx, by, bw, bh = stats[label, :4]
        if bx > x1 or by > y1 or bx + bw < x0 or by + bh < y0:
            continue  # outside the text area: a light desk, a margin
        blobs.append(measure_blob(view, labels, label, (bx, by, bw, bh), box))
    return blobs


def glare_fraction(view: PageView, min_area: float = 0.003) -> float:
    """Share of the text area covered by glare patches (each at least ``min_area`` of the page); 0 when
    there is none."""
    return sum(max(blob.covered, 1e-4) for blob in glare_blobs(view, min_area) if blob.is_glare)
