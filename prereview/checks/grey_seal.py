"""Round seals on a page that shows no colour (a photocopy or a greyscale scan), read for the text some
materials print only in a seal: a business license's registration authority.

A grey copy cannot show that a seal is red, so what is found here is never reported as a seal (the seal
check says "no seal found" on such a page, :mod:`prereview.checks.seal`); it only gives the ring's text
to :mod:`prereview.understanding.seal_fields`, which keeps nothing but an authority's name with a real
place in it. A seal's ring is a circle of ink: circles are found with the Hough transform on a copy at
most ``WORK_SIDE`` pixels long, kept when ink runs nearly all the way round them, and their ring band
is unrolled and read like a red seal's (:func:`prereview.checks.seal.read_ring`, dark ink instead of red).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from prereview.checks.seal import WORK_SIDE, Reader, read_ring
from prereview.document import Box, Mark

RADIUS_RANGE = (0.04, 0.2)  # ring radius relative to the shorter page side
MIN_RIM_INK = 0.7  # share of the circle's angular sectors with ink on the rim
DARK = 170  # grey level below which a pixel is ink
MAX_RINGS = 3  # circles read per page, surest first (each costs one OCR call)


def dark_mask(image: np.ndarray) -> np.ndarray:
    """255 where a pixel is dark enough to be ink, else 0.

    >>> img = np.full((2, 2, 3), 255, np.uint8); img[0, 0] = (40, 40, 40)
    >>> dark_mask(img).tolist()
    [[255, 0], [0, 0]]
    """
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    return np.where(grey < DARK, 255, 0).astype(np.uint8)


def rim_ink(mask: np.ndarray, x: float, y: float, r: float, sectors: int = 72, band: int = 3) -> float:
    """Share of ``sectors`` angles at which ``mask`` has ink within ``band`` pixels of the circle.

    >>> ring = np.zeros((100, 100), np.uint8); _ = cv2.circle(ring, (50, 50), 40, 255, 2)
    >>> rim_ink(ring, 50, 50, 40), rim_ink(ring, 50, 50, 20)
    (1.0, 0.0)
    """
    angles = np.linspace(0, 2 * math.pi, sectors, endpoint=False)
    offsets = np.arange(-band, band + 1)
    xs = (x + np.outer(np.cos(angles), r + offsets)).round().astype(int)
    ys = (y + np.outer(np.sin(angles), r + offsets)).round().astype(int)
    inside = (xs >= 0) & (xs < mask.shape[1]) & (ys >= 0) & (ys < mask.shape[0])
    ink = np.zeros(xs.shape, bool)
    ink[inside] = mask[ys[inside], xs[inside]] > 0
    return float(ink.any(axis=1).mean())


def ring_boxes(image: np.ndarray) -> list[tuple[Box, float]]:
    """``(box, rim ink)`` of the ink circles on a page, in ``image`` pixels, the most inked first.

    >>> page = np.full((600, 500, 3), 255, np.uint8)
    >>> _ = cv2.circle(page, (300, 400), 60, (90, 90, 90), 4)
    >>> [(tuple(round(v / 10) for v in box), cover) for box, cover in ring_boxes(page)]
    [((24, 34, 36, 46), 1.0)]
    """
    scale = min(1.0, WORK_SIDE / max(image.shape[:2]))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small
    short = min(grey.shape[:2])
    circles = cv2.HoughCircles(
        cv2.medianBlur(grey, 3),
        cv2.HOUGH_GRADIENT,
        dp=1,
        minDist=short * 0.1,
        param1=120,
        param2=30,
        minRadius=max(5, int(short * RADIUS_RANGE[0])),
        maxRadius=int(short * RADIUS_RANGE[1]),
    )
    if circles is None:
        return []
    mask = dark_mask(small)
    found: list[tuple[Box, float]] = []
    for x, y, r in circles[0]:
        cover = rim_ink(mask, float(x), float(y), float(r))
        if cover >= MIN_RIM_INK:
            x0, y0, x1, y1 = (round(float(v) / scale, 1) for v in (x - r, y - r, x + r, y + r))
            found.append(((x0, y0, x1, y1), round(cover, 3)))
    return sorted(found, key=lambda item: -item[1])[:MAX_RINGS]


def read_grey_rings(image: np.ndarray, engine: Reader, *, page: int = 0, rotation: int = 0) -> list[Mark]:
    """The ink circles of a grey page with the text read on their rings (circles without text left out).
    ``Mark.confidence`` is the share of the rim with ink."""
    marks = []
    for box, cover in ring_boxes(image):
        text = read_ring(image, box, engine, rotation, ink=dark_mask)
        if text:
            marks.append(Mark(page=page, box=box, text=text, confidence=cover))
    return marks
