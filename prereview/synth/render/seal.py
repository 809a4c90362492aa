"""Red round official seals (公章): the authority's name along the ring, a star in the middle, and an
optional purpose line (e.g. 婚姻登记专用章) below the star."""

from __future__ import annotations

import functools
import math
import random

import numpy as np
from PIL import Image, ImageDraw

from prereview.synth.fonts import load_font
from prereview.synth.render.canvas import Sheet
from prereview.synth.types import Box

SEAL_FONT = "noto_sans_bold"


def star_points(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star pointing up.

    >>> pts = star_points(0, 0, 10)
    >>> len(pts), round(pts[0][1], 6)
    (10, -10.0)
    """
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.382
        angle = math.pi * i / 5
        points.append((cx + r * math.sin(angle), cy - r * math.cos(angle)))
    return points


@functools.lru_cache(maxsize=4096)
def _glyph(char: str, size: int, degrees: int) -> Image.Image:
    """A white-on-transparent glyph mask of ``char`` rotated clockwise by ``degrees``."""
    face = load_font(SEAL_FONT, size)
    tile = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(tile).text((size, size), char, font=face, fill=255, anchor="mm")
    return tile.rotate(-degrees, resample=Image.Resampling.BICUBIC)


def _seal_mask(text: str, diameter: int, purpose: str, rng: random.Random) -> Image.Image:
    """The seal's ink as an 8-bit mask (255 = full ink)."""
    mask = Image.new("L", (diameter, diameter), 0)
    draw = ImageDraw.Draw(mask)
    ring = max(3, diameter // 28)
    draw.ellipse(
        (ring // 2, ring // 2, diameter - ring // 2 - 1, diameter - ring // 2 - 1), outline=255, width=ring
    )
    c = diameter / 2
    draw.polygon(star_points(c, c, diameter * 0.17), fill=255)
    char_size = max(10, int(diameter * (0.15 if len(text) <= 12 else 0.12)))
    radius = c - ring - char_size * 0.75
    span = min(290.0, max(140.0, len(text) * char_size * 1.05 / radius * 180 / math.pi))
    for i, char in enumerate(text):
        theta = -span / 2 + span * (i + 0.5) / len(text)
        glyph = _glyph(char, char_size, round(theta))
        x = c + radius * math.sin(math.radians(theta)) - glyph.width / 2
        y = c - radius * math.cos(math.radians(theta)) - glyph.height / 2
        mask.paste(255, (round(x), round(y)), glyph)
    if purpose:
        size = max(9, int(diameter * 0.09))
        draw.text((c, c + diameter * 0.27), purpose, font=load_font(SEAL_FONT, size), fill=255, anchor="mm")
    ink = np.asarray(mask, dtype=np.float32)
    speckle = np.random.default_rng(rng.getrandbits(32)).uniform(0.55, 1.0, ink.shape).astype(np.float32)
    return Image.fromarray((ink * speckle).astype(np.uint8))


def stamp_seal(
    sheet: Sheet,
    center: tuple[float, float],
    diameter: int,
    text: str,
    rng: random.Random,
    *,
    purpose: str = "",
) -> Box:
    """Stamp a red seal over whatever is printed at ``center``; returns and records its box."""
    mask = _seal_mask(text, diameter, purpose, rng)
    mask = mask.rotate(rng.uniform(-20, 20), resample=Image.Resampling.BICUBIC)
    red = (rng.randint(200, 235), rng.randint(15, 45), rng.randint(25, 55))
    alpha = mask.point(lambda v: int(v * 0.9))
    x0, y0 = round(center[0] - diameter / 2), round(center[1] - diameter / 2)
    sheet.image.paste(red, (x0, y0), alpha)
    bbox = mask.getbbox() or (0, 0, diameter, diameter)
    box: Box = (x0 + bbox[0], y0 + bbox[1], x0 + bbox[2], y0 + bbox[3])
    sheet.draft.seal_boxes.append((sheet.index, box))
    sheet.draft.meta.setdefault("seal_texts", []).append((sheet.index, text))
    return box
