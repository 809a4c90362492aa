"""The page as the quality measures see it: a grayscale copy at a fixed analysis size, once per page.

Every measure works on the same :class:`PageView`, so the page is converted, resized and its paper
background estimated only once. The analysis size (longest side ``side`` pixels, never enlarged)
matches what the OCR detector looks at (its input is limited to ~960 px), so a blur that is harmless
for a 4000 px photo is also measured as small here.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# Closing with this kernel removes strokes of text (a few px wide at the analysis size) and keeps paper.
_PAPER_KERNEL = 15
# A pixel darker than the paper around it by this many grey levels is ink (printed content).
INK_CONTRAST = 40
_FAINT_KERNEL = 41  # closes away even strongly blurred text strokes


@dataclass(frozen=True)
class PageView:
    """Grayscale page at analysis size, its paper background and the ink (content) mask."""

    gray: np.ndarray  # uint8, longest side <= the analysis side
    paper: np.ndarray  # uint8, grayscale with text strokes closed away
    ink: np.ndarray  # bool, pixels clearly darker than the paper around them
    scale: float  # analysis pixels per input pixel (<= 1)
    paper_level: int  # the most common grey level: the paper (255 for a clean scan)

    @property
    def ink_fraction(self) -> float:
        return float(self.ink.mean()) if self.ink.size else 0.0


def paper_level(gray: np.ndarray) -> int:
    """The most common grey level (the paper), from a lightly smoothed histogram.

    >>> paper_level(np.array([[200, 200, 201, 90, 255]], np.uint8))
    200
    """
    histogram = np.bincount(gray.ravel(), minlength=256).astype(np.float32)
    smoothed = np.convolve(histogram, np.array([1, 2, 3, 2, 1], np.float32), mode="same")
    return int(np.argmax(smoothed))


def faint_ink_fraction(view: PageView, contrast: int = 15) -> float:
    """Share of pixels darker than the paper by ``contrast`` after smoothing: content too blurred or too
    faint to count as ink still shows here, so a badly blurred page is not mistaken for a blank one."""
    smooth = cv2.GaussianBlur(view.gray, (0, 0), 2.0)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (_FAINT_KERNEL, _FAINT_KERNEL))
    paper = cv2.morphologyEx(smooth, cv2.MORPH_CLOSE, kernel)
    return float(((paper.astype(np.int16) - smooth.astype(np.int16)) > contrast).mean())


def to_gray(image: np.ndarray) -> np.ndarray:
    """A uint8 grayscale copy of a BGR, BGRA or grayscale image.

    >>> to_gray(np.full((2, 3, 3), 200, np.uint8)).shape
    (2, 3)
    """
    if image.ndim == 2:
        return image.astype(np.uint8, copy=False)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def analysis_scale(width: int, height: int, side: int) -> float:
    """Factor that brings the longest side down to ``side`` (never enlarges).

    >>> analysis_scale(2000, 1000, 1000), analysis_scale(800, 600, 1000)
    (0.5, 1.0)
    """
    longest = max(width, height)
    return min(1.0, side / longest) if longest else 1.0


def page_view(image: np.ndarray, side: int = 1000) -> PageView:
    """Build the view every measure shares (about 10–20 ms for an A4 page at 150 dpi)."""
    height, width = image.shape[:2]
    scale = analysis_scale(width, height, side)
    small = image
    if scale < 1.0:
        # Halving first keeps INTER_AREA cheap on 50-megapixel photos.
        while max(small.shape[:2]) > 2 * side:
            small = cv2.pyrDown(small)
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        small = cv2.resize(small, size, interpolation=cv2.INTER_AREA)
    gray = to_gray(small)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (_PAPER_KERNEL, _PAPER_KERNEL))
    paper = cv2.morphologyEx(cv2.medianBlur(gray, 3), cv2.MORPH_CLOSE, kernel)
    ink = (paper.astype(np.int16) - cv2.medianBlur(gray, 3).astype(np.int16)) > INK_CONTRAST
    return PageView(gray=gray, paper=paper, ink=ink, scale=scale, paper_level=paper_level(gray))
