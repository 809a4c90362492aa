"""Pixel probes for synthetic-material tests: red-seal ink and dark ink inside a box."""

from __future__ import annotations

import cv2
import numpy as np

from prereview.synth.types import Box


def red_mask(bgr: np.ndarray) -> np.ndarray:
    """Pixels of saturated red (seal ink): hue near 0/180, strong saturation and value."""
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    return ((hue <= 10) | (hue >= 170)) & (sat >= 100) & (val >= 80)


def crop(image: np.ndarray, box: Box, margin: int = 0) -> np.ndarray:
    x0, y0, x1, y1 = (round(v) for v in box)
    height, width = image.shape[:2]
    return image[
        max(0, y0 - margin) : min(height, y1 + margin), max(0, x0 - margin) : min(width, x1 + margin)
    ]


def dark_pixels(bgr: np.ndarray, box: Box, threshold: int = 150) -> int:
    """How many pixels inside ``box`` are darker than ``threshold`` (ink, not paper)."""
    gray = cv2.cvtColor(crop(bgr, box), cv2.COLOR_BGR2GRAY)
    return int((gray < threshold).sum())
