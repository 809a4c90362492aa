"""Ruled tables, the way registration cards and application forms are printed: label cells and value
cells in rows, cells spanning several columns, values wrapped inside their cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prereview.synth.render.canvas import BLACK, Ink, Sheet
from prereview.synth.types import Box


@dataclass
class Cell:
    """A cell: ``text`` printed in it; a ``key`` labels the printed text as that field with ``value``."""

    text: str = ""
    key: str | None = None
    value: Any = None
    span: int = 1
    label: bool = False
    name: str | None = None  # to find the cell's box afterwards (e.g. the signature cell)


def label(text: str, span: int = 1) -> Cell:
    return Cell(text, span=span, label=True)


def value(key: str | None, val: Any, text: str | None = None, span: int = 1) -> Cell:
    return Cell(str(val) if text is None else text, key, val, span)


def draw_table(
    sheet: Sheet,
    *,
    x: float,
    y: float,
    columns: list[float],
    rows: list[list[Cell]],
    heights: list[float],
    size: int,
    label_font: str,
    value_font: str,
    rule: Ink = BLACK,
    label_ink: Ink = BLACK,
    label_fill: Ink | None = None,
) -> dict[str, Box]:
    """Draw the table; returns the boxes of named cells. ``heights`` gives each row's height."""
    named: dict[str, Box] = {}
    edges = [x]
    for width in columns:
        edges.append(edges[-1] + width)
    top = y
    for row, height in zip(rows, heights, strict=True):
        col = 0
        for cell in row:
            box = (edges[col], top, edges[min(col + cell.span, len(columns))], top + height)
            col += cell.span
            if cell.label and label_fill:
                sheet.draw.rectangle(box, fill=label_fill)
            sheet.draw.rectangle(box, outline=rule, width=2)
            if cell.name:
                named[cell.name] = box
            _cell_text(sheet, cell, box, size, label_font if cell.label else value_font, label_ink)
        top += height
    return named


def _cell_text(sheet: Sheet, cell: Cell, box: Box, size: int, font: str, label_ink: Ink) -> None:
    if not cell.text:
        return
    x0, y0, x1, y1 = box
    pad = size * 0.35
    width = x1 - x0 - 2 * pad
    while True:  # shrink the text until it fits the cell
        lines_fit = max(1, int((y1 - y0 - pad) // (size * 1.3)))
        if size <= 10 or sheet.width_of(cell.text, font, size) <= width * lines_fit * 0.92:
            break
        size -= 1
    one_line = sheet.width_of(cell.text, font, size) <= width
    if cell.label and one_line:
        position = ((x0 + x1) / 2, (y0 + y1) / 2)
        sheet.text(position, cell.text, font, size, label_ink, anchor="mm")
        return
    n_lines = 1 if one_line else min(lines_fit, int(sheet.width_of(cell.text, font, size) // width) + 1)
    start = (x0 + pad, (y0 + y1) / 2 - n_lines * size * 1.3 / 2 + size * 0.1)
    ink = label_ink if cell.label else BLACK
    text_box, _ = sheet.wrapped(
        start, cell.text, font, size, width, max_lines=n_lines, line_gap=1.3, fill=ink
    )
    if cell.key:
        sheet.draft.label(cell.key, cell.value, text_box, sheet.index)
