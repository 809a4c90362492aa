"""Drawing surfaces that remember what they drew: every string's box, and the labelled fields.

A ``Draft`` is one material being drawn: its pages (``Sheet``), the labelled fields, the seal and
signature boxes, and the text layer (every string drawn, with its box) for PDFs made with one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from prereview.synth.fonts import load_font
from prereview.synth.types import Box, LabelledField, RenderedMaterial, RenderedPage

Ink = tuple[int, int, int]
BLACK: Ink = (20, 20, 20)


def union(boxes: list[Box]) -> Box:
    """The smallest box holding all ``boxes``.

    >>> union([(0, 0, 10, 10), (5, 2, 20, 8)])
    (0, 0, 20, 10)
    """
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass
class Sheet:
    """One page being drawn; ``index`` is its page number in the draft."""

    image: Image.Image
    index: int
    draft: Draft
    dpi: int | None = None

    def __post_init__(self) -> None:
        self.draw = ImageDraw.Draw(self.image)

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size

    def text(
        self, xy: tuple[float, float], text: str, font: str, size: int, fill: Ink = BLACK, anchor: str = "la"
    ) -> Box:
        """Draw ``text`` and return the box of its ink (also added to the page's text layer)."""
        face = load_font(font, size)
        self.draw.text(xy, text, font=face, fill=fill, anchor=anchor)
        box = self.draw.textbbox(xy, text, font=face, anchor=anchor)
        self.draft.text_layer[self.index].append((text, box))
        return box

    def width_of(self, text: str, font: str, size: int) -> float:
        return load_font(font, size).getlength(text)

    def field(
        self,
        key: str,
        value: Any,
        xy: tuple[float, float],
        text: str,
        font: str,
        size: int,
        fill: Ink = BLACK,
        anchor: str = "la",
    ) -> Box:
        """Draw ``text`` (how ``value`` is printed) and label it as field ``key``."""
        box = self.text(xy, text, font, size, fill, anchor)
        self.draft.label(key, value, box, self.index)
        return box

    def wrapped(
        self,
        xy: tuple[float, float],
        text: str,
        font: str,
        size: int,
        width: float,
        *,
        max_lines: int = 99,
        line_gap: float = 1.35,
        fill: Ink = BLACK,
    ) -> tuple[Box, list[str]]:
        """Draw ``text`` wrapped to ``width`` pixels; returns the union box and the lines drawn."""
        lines = wrap(text, lambda s: self.width_of(s, font, size), width, max_lines)
        boxes = [
            self.text((xy[0], xy[1] + i * size * line_gap), line, font, size, fill)
            for i, line in enumerate(lines)
        ]
        return union(boxes), lines

    def wrapped_field(
        self,
        key: str,
        value: Any,
        xy: tuple[float, float],
        text: str,
        font: str,
        size: int,
        width: float,
        **kwargs: Any,
    ) -> Box:
        """A wrapped value labelled as one field whose box spans all its lines."""
        box, _ = self.wrapped(xy, text, font, size, width, **kwargs)
        self.draft.label(key, value, box, self.index)
        return box

    def inline(
        self,
        xy: tuple[float, float],
        pieces: list[tuple[str, str | None, Any]],
        font: str,
        size: int,
        fill: Ink = BLACK,
    ) -> Box:
        """Draw ``(text, key, value)`` pieces one after another on a line; pieces with a key are labelled."""
        x, y = xy
        boxes = []
        for text, key, value in pieces:
            box = (
                self.field(key, value, (x, y), text, font, size, fill)
                if key
                else self.text((x, y), text, font, size, fill)
            )
            boxes.append(box)
            x += self.width_of(text, font, size)
        return union(boxes)

    def label_part(self, key: str, value: Any, line: str, part: str, font: str) -> bool:
        """Label ``part`` of an already drawn ``line`` as field ``key``, placed by the advance widths of the
        characters before and through it. Returns False when no drawn line holds it."""
        for text, box in self.draft.text_layer[self.index]:
            if part in text and text in line:  # the line, or the wrapped piece of it holding the part
                total = self.width_of(text, font, 100)
                start = text.index(part)
                x0 = box[0] + (box[2] - box[0]) * self.width_of(text[:start], font, 100) / total
                x1 = box[0] + (box[2] - box[0]) * self.width_of(text[: start + len(part)], font, 100) / total
                self.draft.label(key, value, (x0, box[1], x1, box[3]), self.index)
                return True
        return False

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: int = 2, fill: Ink = BLACK) -> None:
        self.draw.line((x0, y0, x1, y1), fill=fill, width=width)

    def grid(self, xs: list[float], ys: list[float], width: int = 2, fill: Ink = BLACK) -> None:
        """A table frame: vertical rules at ``xs`` and horizontal rules at ``ys`` (full span)."""
        for x in xs:
            self.rule(x, ys[0], x, ys[-1], width, fill)
        for y in ys:
            self.rule(xs[0], y, xs[-1], y, width, fill)


def wrap(text: str, measure: Any, width: float, max_lines: int = 99) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` (character by character, as CJK text wraps).

    >>> wrap("abcdefg", len, 3)
    ['abc', 'def', 'g']
    >>> wrap("abcdefg", len, 3, max_lines=2)
    ['abc', 'defg']
    """
    lines: list[str] = []
    current = ""
    for ch in text:
        if current and measure(current + ch) > width:
            lines.append(current)
            current = ""
        current += ch
    if current:
        lines.append(current)
    if len(lines) > max_lines:  # the last line takes the rest, a little over the width
        lines = [*lines[: max_lines - 1], "".join(lines[max_lines - 1 :])]
    return lines


@dataclass
class Draft:
    """A material being drawn."""

    material_type: str
    pages: list[Sheet] = field(default_factory=list)
    fields: dict[str, LabelledField] = field(default_factory=dict)
    text_layer: list[list[tuple[str, Box]]] = field(default_factory=list)
    seal_boxes: list[tuple[int, Box]] = field(default_factory=list)
    signature_boxes: list[tuple[int, Box]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def new_page(
        self, size: tuple[int, int], background: Image.Image | Ink = (255, 255, 255), dpi: int | None = None
    ) -> Sheet:
        image = (
            background.copy() if isinstance(background, Image.Image) else Image.new("RGB", size, background)
        )
        sheet = Sheet(image, len(self.pages), self, dpi)
        self.pages.append(sheet)
        self.text_layer.append([])
        return sheet

    def label(self, key: str, value: Any, box: Box | None, page: int = 0) -> None:
        rounded = None if box is None else tuple(float(round(v)) for v in box)
        self.fields[key] = LabelledField(value, rounded, page)  # type: ignore[arg-type]

    def area(self, kind: str, page: int, box: Box) -> None:
        """Remember a region (``signature_areas``, ``seal_areas``) in ``meta``, drawn or not."""
        self.meta.setdefault(kind, []).append((page, box))

    def finish(self, layout: str, font: str, defects: list[str], with_text_layer: bool) -> RenderedMaterial:
        pages = [RenderedPage(np.asarray(s.image)[:, :, ::-1].copy(), s.dpi) for s in self.pages]
        return RenderedMaterial(
            material_type=self.material_type,
            pages=pages,
            fields=self.fields,
            layout=layout,
            font=font,
            defects=defects,
            seal_boxes=self.seal_boxes,
            signature_boxes=self.signature_boxes,
            text_layer=self.text_layer if with_text_layer else None,
            meta=self.meta,
        )
