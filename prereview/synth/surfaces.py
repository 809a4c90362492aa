"""What a camera or a copier adds to a page: desk texture, uneven light, glare, noise, blur.

Pure functions of an image and a ``numpy.random.Generator``; none of them moves a pixel, so the
boxes of the labels stay valid (the geometric part lives in :mod:`prereview.synth.capture`).
"""

from __future__ import annotations

import cv2
import numpy as np

from prereview.synth.types import Box

# Desk and table colours (BGR): light oak, walnut, grey laminate, white desk, dark slate.
_DESK_COLOURS = [(120, 165, 205), (70, 105, 150), (150, 150, 150), (205, 205, 200), (95, 100, 105)]


def _smooth_noise(rng: np.random.Generator, width: int, height: int, cells: int) -> np.ndarray:
    """Low-frequency noise in [0, 1] of the given size (random cells, cubic upsampling)."""
    small = rng.random((max(2, cells * height // max(width, 1)), cells)).astype(np.float32)
    big = cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC)
    return np.clip(big, 0.0, 1.0)


def desk_texture(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """A BGR table or desk surface: a base colour, wood-like grain and soft blotches.

    >>> desk_texture(np.random.default_rng(0), 40, 30).shape
    (30, 40, 3)
    """
    colour = np.array(_DESK_COLOURS[int(rng.integers(len(_DESK_COLOURS)))], dtype=np.float32)
    small_w, small_h = max(2, width // 3), max(2, height // 3)  # drawn at a third of the size, then enlarged
    ys = np.arange(small_h, dtype=np.float32)[:, None]
    xs = np.arange(small_w, dtype=np.float32)[None, :]
    period = float(rng.uniform(2, 6))
    wobble = 4.0 * _smooth_noise(rng, small_w, small_h, 6)
    grain = 0.5 + 0.5 * np.sin((ys + 0.15 * xs) / period + wobble)
    blotch = _smooth_noise(rng, small_w, small_h, 4)
    shade = cv2.resize(0.85 + 0.1 * grain + 0.1 * blotch, (width, height), interpolation=cv2.INTER_LINEAR)
    texture = colour[None, None, :] * shade[:, :, None]
    return np.clip(texture, 0, 255).astype(np.uint8)


def blank_paper(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """An empty sheet as a scanner or camera sees it: off-white with faint unevenness.

    >>> int(blank_paper(np.random.default_rng(0), 20, 10).min()) > 200
    True
    """
    tone = float(rng.uniform(232, 250))
    shade = tone - 12.0 * _smooth_noise(rng, width, height, 3)
    grain = rng.normal(0.0, 1.5, (height, width)).astype(np.float32)
    page = np.clip(shade + grain, 0, 255).astype(np.uint8)
    return cv2.cvtColor(page, cv2.COLOR_GRAY2BGR)


def uneven_light(image: np.ndarray, rng: np.random.Generator, strength: float = 0.25) -> np.ndarray:
    """Multiply by a soft light field: a linear fall-off plus a dim corner (``strength`` = max dimming).

    >>> img = np.full((20, 30, 3), 200, np.uint8)
    >>> out = uneven_light(img, np.random.default_rng(1))
    >>> bool(out.max() <= 210 and out.min() >= 140)
    True
    """
    height, width = image.shape[:2]
    angle = float(rng.uniform(0, 2 * np.pi))
    small_w, small_h = max(2, width // 8), max(2, height // 8)  # the field is smooth: compute it small
    ys, xs = np.mgrid[0:small_h, 0:small_w].astype(np.float32)
    ramp = (np.cos(angle) * xs / small_w + np.sin(angle) * ys / small_h) / 2 + 0.5
    small = 1.02 - strength * np.clip(ramp, 0, 1) * float(rng.uniform(0.6, 1.0))
    field = cv2.resize(small.astype(np.float32), (width, height), interpolation=cv2.INTER_LINEAR)
    lit = image.astype(np.float32) * field[:, :, None]
    return np.clip(lit, 0, 255).astype(np.uint8)


def glare_spot(image: np.ndarray, rng: np.random.Generator, over: Box) -> tuple[np.ndarray, Box]:
    """Burn a bright, soft-edged specular highlight over ``over``; returns the image and the washed-out box.

    >>> img = np.zeros((100, 100, 3), np.uint8)
    >>> out, washed = glare_spot(img, np.random.default_rng(0), (40, 40, 60, 50))
    >>> int(out[45, 50].min()) > 240, washed[0] < 40 < 60 < washed[2]
    (True, True)
    """
    height, width = image.shape[:2]
    x0, y0, x1, y1 = over
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    reach = 0.06 * min(height, width)  # a lamp's reflection is a blob, never thinner than this
    ax = max((x1 - x0) * float(rng.uniform(0.8, 1.0)), reach)
    ay = max((y1 - y0) * float(rng.uniform(1.6, 2.2)), reach)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    dist = ((xs + 0.5 - cx) / ax) ** 2 + ((ys + 0.5 - cy) / ay) ** 2
    alpha = np.clip(1.6 - dist, 0.0, 1.0)  # fully white inside the core, soft fall-off outside
    tint = np.array([250, 252, 255], dtype=np.float32)
    out = image.astype(np.float32) * (1 - alpha[:, :, None]) + tint * alpha[:, :, None]
    reach = float(np.sqrt(1.1))  # alpha >= 0.5 inside this radius: the text there is gone
    washed = (cx - ax * reach, cy - ay * reach, cx + ax * reach, cy + ay * reach)
    return np.clip(out, 0, 255).astype(np.uint8), washed


def gaussian_blur(image: np.ndarray, sigma: float) -> np.ndarray:
    """Optical blur with a Gaussian of ``sigma`` pixels (no-op below 0.2)."""
    if sigma < 0.2:
        return image
    return cv2.GaussianBlur(image, (0, 0), sigmaX=sigma, sigmaY=sigma)


def photocopy_tone(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A photocopier's look: grey, harder contrast, toner speckles and a faint streak; BGR out.

    >>> out = photocopy_tone(np.full((10, 10, 3), 128, np.uint8), np.random.default_rng(0))
    >>> out.shape, bool((out[:, :, 0] == out[:, :, 2]).all())
    ((10, 10, 3), True)
    """
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    contrast = float(rng.uniform(1.2, 1.5))
    grey = (grey - 128.0) * contrast + 128.0 + float(rng.uniform(0, 15))
    grey += rng.standard_normal(grey.shape, dtype=np.float32) * np.float32(rng.uniform(4, 9))
    speckles = rng.random(grey.shape) < float(rng.uniform(0.0005, 0.002))
    grey[speckles] = float(rng.uniform(20, 70))
    column = int(rng.integers(grey.shape[1]))
    grey[:, column : column + 2] -= float(rng.uniform(10, 40))
    out = np.clip(grey, 0, 255).astype(np.uint8)
    return cv2.cvtColor(out, cv2.COLOR_GRAY2BGR)


def sensor_noise(image: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    """Additive Gaussian noise of ``sigma`` grey levels."""
    noisy = image.astype(np.float32) + rng.standard_normal(image.shape, dtype=np.float32) * np.float32(sigma)
    return np.clip(noisy, 0, 255).astype(np.uint8)
