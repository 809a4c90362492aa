"""Rendering helpers for tests: draw CJK text on white pages (no downloaded fixtures)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont


def render_lines(
    lines: list[tuple[str, tuple[int, int], int]],
    size: tuple[int, int],
    font: Path,
    background: str = "white",
) -> np.ndarray:
    """A BGR image of ``size`` (width, height) with each ``(text, (x, y), font_px)`` drawn in black."""
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    for text, xy, px in lines:
        draw.text(xy, text, font=ImageFont.truetype(str(font), px), fill="black")
    return cv2.cvtColor(np.array(image), cv2.COLOR_RGB2BGR)
