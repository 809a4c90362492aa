"""Handwritten signatures: the name in a brush-like font at a slant, or a cursive scribble."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from prereview.synth.fonts import HANDWRITING_FONT, load_font
from prereview.synth.render.canvas import Sheet
from prereview.synth.types import Box

INKS = ((25, 25, 30), (20, 35, 110), (30, 30, 80))


def _name_mask(name: str, height: int, rng: random.Random) -> Image.Image:
    size = max(12, int(height * rng.uniform(0.6, 0.85)))
    face = load_font(HANDWRITING_FONT, size)
    width = int(face.getlength(name) * 1.1) + size
    tile = Image.new("L", (width, size * 2), 0)
    draw = ImageDraw.Draw(tile)
    x = size * 0.3
    for ch in name:  # uneven baseline and spacing, as a hand writes
        draw.text((x, size * 0.5 + rng.uniform(-size * 0.08, size * 0.08)), ch, font=face, fill=255)
        x += face.getlength(ch) * rng.uniform(0.85, 1.05)
    return tile.rotate(rng.uniform(-8, 8), resample=Image.Resampling.BICUBIC, expand=True)


def _scribble_mask(height: int, rng: random.Random) -> Image.Image:
    width = int(height * rng.uniform(2.0, 3.2))
    tile = Image.new("L", (width, height), 0)
    points = []
    loops = rng.randint(3, 6)
    for i in range(80):
        t = i / 79
        x = width * (0.05 + 0.9 * t) + math.sin(t * loops * 2 * math.pi) * height * 0.12
        y = height * (0.5 + 0.3 * math.cos(t * loops * 2 * math.pi + rng.uniform(-0.3, 0.3)) - 0.1 * t)
        points.append((x, y))
    ImageDraw.Draw(tile).line(points, fill=255, width=max(2, height // 18), joint="curve")
    return tile


def sign(sheet: Sheet, area: Box, name: str, rng: random.Random, *, scribble: bool | None = None) -> Box:
    """Sign ``name`` inside ``area``; returns and records the box of the ink."""
    x0, y0, x1, y1 = area
    height = int((y1 - y0) * 0.9)
    use_scribble = rng.random() < 0.25 if scribble is None else scribble
    mask = _scribble_mask(height, rng) if use_scribble else _name_mask(name, height, rng)
    bbox = mask.getbbox()
    if bbox is None:
        raise ValueError("empty signature")
    mask = mask.crop(bbox)
    limit = (int(x1 - x0 - 4), int(y1 - y0 - 4))
    if mask.width > limit[0] or mask.height > limit[1]:
        mask.thumbnail(limit, Image.Resampling.BICUBIC)
    px = round(x0 + 2 + rng.uniform(0, max(0, x1 - x0 - 4 - mask.width)))
    py = round(y0 + 2 + rng.uniform(0, max(0, y1 - y0 - 4 - mask.height)))
    sheet.image.paste(rng.choice(INKS), (px, py), mask)
    box: Box = (px, py, px + mask.width, py + mask.height)
    sheet.draft.signature_boxes.append((sheet.index, box))
    return box
