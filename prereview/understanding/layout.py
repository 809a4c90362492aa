"""Geometry of OCR lines: compacted text with a box per character, and who sits beside or below whom.

OCR merges neighbouring labels and values into one line ("姓名张三性别男") and spaces labels out
("姓 名"). A :class:`Run` is one line with its whitespace removed and full-width folded, and keeps a
horizontal extent per remaining character (estimated proportionally: CJK characters are wider than
digits), so a value that is a sub-span of a merged line gets its own box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from prereview.document import Box, TextLine
from prereview.understanding.normalize import fold_width

T = TypeVar("T")


def _char_weight(char: str) -> float:
    """Relative printed width: CJK 1, ASCII letters and digits ~0.55, spaces and punctuation less.

    >>> _char_weight("张"), _char_weight("7"), _char_weight(" ")
    (1.0, 0.55, 0.35)
    """
    if char.isspace():
        return 0.35
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    return 0.55 if char.isalnum() else 0.45


@dataclass(frozen=True)
class Run:
    """One OCR line as compact text with one ``(x0, x1)`` per character."""

    text: str
    extents: tuple[tuple[float, float], ...]
    line: TextLine
    page: int = 0

    @classmethod
    def from_line(cls, line: TextLine, page: int = 0) -> Run:
        """Compact a line, keeping each surviving character's share of the line's width.

        >>> run = Run.from_line(TextLine("姓 名张三", (0, 0, 100, 20), 0.9))
        >>> run.text, [round(x) for x in run.box(2, 4)[::2]]
        ('姓名张三', [54, 100])
        """
        raw = fold_width(line.text)
        weights = [_char_weight(c) for c in raw]
        total = sum(weights) or 1.0
        x0, _, x1, _ = line.box
        scale = (x1 - x0) / total
        chars: list[str] = []
        extents: list[tuple[float, float]] = []
        cursor = x0
        for char, weight in zip(raw, weights, strict=True):
            if not char.isspace():
                chars.append(char)
                extents.append((cursor, cursor + weight * scale))
            cursor += weight * scale
        return cls("".join(chars), tuple(extents), line, page)

    @property
    def bbox(self) -> Box:
        return self.line.box

    @property
    def height(self) -> float:
        return max(self.line.height, 1.0)

    @property
    def char_width(self) -> float:
        """The width of one CJK character at the line's print size (its width over its characters').

        >>> round(Run.from_line(TextLine("营业执照", (0, 0, 400, 100), 0.9)).char_width)
        100
        """
        return (self.bbox[2] - self.bbox[0]) / max(sum(_char_weight(c) for c in self.text), 1.0)

    @property
    def confidence(self) -> float:
        return self.line.confidence

    def box(self, start: int = 0, end: int | None = None) -> Box:
        """The box of characters ``start:end`` (the whole line when the span is empty)."""
        end = len(self.text) if end is None else end
        if not self.extents or start >= end:
            return self.line.box
        _, y0, _, y1 = self.line.box
        return (self.extents[start][0], y0, self.extents[end - 1][1], y1)


def union(boxes: list[Box]) -> Box:
    """The smallest box holding all ``boxes``.

    >>> union([(0, 0, 2, 2), (1, 1, 5, 3)])
    (0, 0, 5, 3)
    """
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def vertical_overlap(a: Box, b: Box) -> float:
    """Shared height as a fraction of the lower of the two heights (1 = same row).

    >>> vertical_overlap((0, 0, 10, 10), (20, 5, 30, 15))
    0.5
    """
    shared = min(a[3], b[3]) - max(a[1], b[1])
    return max(shared, 0.0) / max(min(a[3] - a[1], b[3] - b[1]), 1.0)


def same_row(a: Box, b: Box) -> bool:
    """True when two boxes share at least half of the lower one's height."""
    return vertical_overlap(a, b) >= 0.5


def stacked_below(upper: Box, lower: Box) -> bool:
    """True when ``lower`` is a line printed under ``upper`` (the next line of a paragraph or a cell).

    Its top is half of ``upper``'s height lower. In a tilted photo the boxes of long lines are taller
    than their text and overlap the next line's, so a line is also under ``upper`` when it lies within
    ``upper``'s columns, is no wider (a wrapped paragraph's next line is as long or shorter), and its top
    or its bottom (the end of the box its start is at, depending on which way the page tilts) is 0.4 of
    the shorter height lower.

    >>> stacked_below((0, 0, 300, 30), (0, 32, 200, 62)), stacked_below((0, 0, 300, 30), (320, 10, 400, 40))
    (True, False)
    >>> stacked_below((375, 913, 721, 979), (375, 944, 721, 1017))  # tilted: boxes 66 high, lines 35 apart
    True
    """
    if lower[1] > upper[1] + 0.5 * (upper[3] - upper[1]):
        return True
    upper_width, lower_width = upper[2] - upper[0], lower[2] - lower[0]
    shared = min(upper[2], lower[2]) - max(upper[0], lower[0])
    step = 0.4 * min(upper[3] - upper[1], lower[3] - lower[1])
    return (
        shared >= 0.5 * lower_width
        and lower_width <= upper_width + step
        and lower[1] + lower[3] > upper[1] + upper[3]
        and (lower[1] - upper[1] >= step or lower[3] - upper[3] >= step)
    )


def in_rows(items: list[T], box: Callable[[T], Box], page: Callable[[T], int]) -> list[T]:
    """Items by page, rows top to bottom (items whose boxes share a row stay together), left to right
    in a row.

    >>> boxes = {"a": (100, 0, 150, 20), "b": (0, 4, 50, 24), "c": (0, 40, 50, 60)}
    >>> in_rows(["c", "a", "b"], boxes.__getitem__, lambda item: 0)
    ['b', 'a', 'c']
    """
    rows: list[list[T]] = []
    for item in sorted(items, key=lambda i: (page(i), box(i)[1])):
        row = rows[-1] if rows else None
        if row and page(row[0]) == page(item) and same_row(box(row[0]), box(item)):
            row.append(item)
        else:
            rows.append([item])
    return [item for row in rows for item in sorted(row, key=lambda i: box(i)[0])]


def reading_order(runs: list[Run]) -> list[Run]:
    """Runs by page, then top to bottom, then left to right (lines of one row stay together)."""
    return sorted(runs, key=lambda r: (r.page, round(r.bbox[1] / max(r.height * 0.6, 1.0)), r.bbox[0]))
