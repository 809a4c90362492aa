"""Backgrounds: plain paper with a faint texture, and the guilloche-patterned card stock of ID cards.

Patterns are computed with numpy over the whole image (no per-pixel Python loops) and cached per
size and variant, so a batch of documents pays for each background once.
"""

from __future__ import annotations

import functools

import numpy as np
from PIL import Image

Tint = tuple[int, int, int]


@functools.lru_cache(maxsize=32)
def paper(size: tuple[int, int], tint: Tint = (252, 251, 247), grain: int = 0) -> Image.Image:
    """Off-white paper with a faint fibre noise; ``grain`` picks one of several textures."""
    width, height = size
    noise = np.random.default_rng(grain).normal(0, 2.2, (height, width, 1)).astype(np.float32)
    base = np.array(tint, dtype=np.float32)[None, None, :] + noise
    return Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))


@functools.lru_cache(maxsize=32)
def card_stock(size: tuple[int, int], tint: Tint, line: Tint, variant: int = 0) -> Image.Image:
    """A light card background: a soft gradient with wavy guilloche lines and a rounded border."""
    width, height = size
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    phase = 0.7 * variant
    wave = np.sin(x / 23.0 + 3.0 * np.sin(y / 57.0 + phase)) * np.sin(y / 31.0 + 2.0 * np.cos(x / 71.0))
    lines = np.clip(1.0 - np.abs(wave) * 6.0, 0, 1)[..., None]
    gradient = (0.85 + 0.15 * (x / width))[..., None]
    base = np.array(tint, np.float32) * gradient + (1 - gradient) * 255.0
    ink = np.array(line, np.float32)
    image = base * (1 - 0.35 * lines) + ink * 0.35 * lines
    radius = min(width, height) * 0.06
    corner = _outside_rounded(x, y, width, height, radius)
    image[corner] = 255.0
    return Image.fromarray(np.clip(image, 0, 255).astype(np.uint8))


def _outside_rounded(x: np.ndarray, y: np.ndarray, width: int, height: int, radius: float) -> np.ndarray:
    cx = np.clip(x, radius, width - 1 - radius)
    cy = np.clip(y, radius, height - 1 - radius)
    return np.asarray((x - cx) ** 2 + (y - cy) ** 2 > radius**2)
