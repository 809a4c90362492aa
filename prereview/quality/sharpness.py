"""Blur as a radius in pixels, measured on the strongest edges only (text, not blank paper).

The variance of the Laplacian over the whole page calls a clean, mostly white page blurry because it has
few edges. Here the measure looks only at the page's strongest edges and asks how much weaker they get
when the page is blurred a little more: a sharp edge loses much of its slope, an already blurred edge
hardly any. For a Gaussian blur of radius ``s`` the slope falls by ``s / sqrt(s² + b²)`` under an extra
blur ``b``, which gives ``s`` back. The result does not depend on contrast or on how much text there is.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from prereview.quality.view import PageView

_EXTRA_BLUR = 2.5  # the probe blur b, in analysis pixels
# Immerkær's noise-estimation kernel: its response to white noise of std sigma has std 6 * sigma.
_NOISE_KERNEL = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], np.float32)


def noise_sigma(gray: np.ndarray) -> float:
    """Robust estimate of the sensor noise (grey levels), from the median second-difference response.

    >>> rng = np.random.default_rng(0)
    >>> flat = np.clip(128 + rng.normal(0, 5, (200, 200)), 0, 255).astype(np.float32)
    >>> 4.0 < noise_sigma(flat) < 6.0
    True
    """
    response = np.abs(cv2.filter2D(gray.astype(np.float32), cv2.CV_32F, _NOISE_KERNEL))
    return float(np.median(response) / 0.6745 / 6.0)


def _slope(gray: np.ndarray) -> np.ndarray:
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3)
    return cv2.magnitude(gx, gy)


def blur_from_slope_ratio(ratio: float, probe: float) -> float:
    """The Gaussian radius ``s`` whose edge slope falls by ``ratio`` under an extra blur ``probe``.

    >>> round(blur_from_slope_ratio(3 / 5, 4.0), 6)  # s=3, b=4: ratio 3/5
    3.0
    """
    ratio = min(max(ratio, 0.0), 0.999)
    return probe * ratio / math.sqrt(1.0 - ratio * ratio)


def blur_radius(view: PageView) -> float:
    """Estimated blur (Gaussian sigma, in analysis pixels) of the page's strongest edges; 0 when sharp.

    Noise is smoothed away first (more smoothing for noisier photos) and that smoothing is subtracted
    again, so sensor noise does not pass for sharpness.
    """
    gray = view.gray.astype(np.float32)
    if gray.size == 0:
        return 0.0
    pre = max(1.0, 0.5 * noise_sigma(gray))
    base = cv2.GaussianBlur(gray, (0, 0), pre)
    probed = cv2.GaussianBlur(base, (0, 0), _EXTRA_BLUR)
    slope, probed_slope = _slope(base), _slope(probed)
    strongest = float(np.percentile(slope, 99.99))
    if strongest <= 0:
        return 0.0
    edges = slope >= max(float(np.percentile(slope, 99.5)), 0.4 * strongest)
    ratio = float(probed_slope[edges].mean() / slope[edges].mean())
    total = blur_from_slope_ratio(ratio, _EXTRA_BLUR)
    return math.sqrt(max(total * total - pre * pre, 0.0))
