"""A free-text value's next line taken when the tagger left it out: the line just under the value's last
line, in its column, that the tagger gave mostly to the value or to nothing.

A wrapped address often ends in a short second line ("室", "号商铺", "49号底商"). The tagger, having seen
few such tails, may leave it untagged or give its first character to the field beside it. The page's own
geometry says it belongs to the value when:

- the value's last line ends its piece of the line (at the line's end or at a printed label);
- the line starts just under that line, in the value's column (:func:`decode._wraps`), and does not
  start with a label;
- its first piece holds at least as many of the value's characters as of any other field's; or holds
  none of any field's, is not a date or an identifier, and no other label sits left of it on its row
  (an untagged "无" beside 宗教信仰 is that label's value, not the end of the address above it).
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from prereview.document import Box, TextLine
from prereview.understanding.layout import same_row
from prereview.understanding.learned.decode import OUTSIDE, PLACE_KEYS, Span
from prereview.understanding.learned.printed_labels import NO_PIECE, PrintedLabels
from prereview.understanding.learned.tokens import Token
from prereview.understanding.normalize import is_date_only

MAX_LINES = 3  # further lines taken for one value at most
UNTAGGED_KEYS = PLACE_KEYS  # an untagged line is taken for an address only (a name's is a label's value)
_CODE = re.compile(r"[0-9A-Za-z]{12,}")  # an identifier or a unit number, not an address's tail


class _Page:
    """The lines of a page with their token ranges, for the geometric questions, asked of the levelled
    page (a tilted photo's long line has a box much taller than its print)."""

    def __init__(
        self,
        pages: list[list[TextLine]],
        levelled: list[list[TextLine]],
        tokens: list[Token],
        labels: PrintedLabels,
    ) -> None:
        self.pages = pages
        self.levelled = levelled
        self.tokens = tokens
        self.labels = labels
        self.ranges: dict[tuple[int, int], tuple[int, int]] = {}
        for index, token in enumerate(tokens):
            start, _ = self.ranges.get((token.page, token.line), (index, index))
            self.ranges[(token.page, token.line)] = (start, index + 1)

    def box(self, key: tuple[int, int]) -> Box:
        return self.levelled[key[0]][key[1]].box

    def line_of(self, token: int) -> tuple[int, int]:
        return self.tokens[token].page, self.tokens[token].line

    def left_edge(self, token: int) -> float:
        """Where token ``token`` starts on the levelled page (its share of its line's width)."""
        key = self.line_of(token)
        own, level = self.pages[key[0]][key[1]].box, self.box(key)
        share = (self.tokens[token].box[0] - own[0]) / max(own[2] - own[0], 1.0)
        return level[0] + share * (level[2] - level[0])

    def starts_with_label(self, key: tuple[int, int]) -> bool:
        return bool(self.labels.piece[self.ranges[key][0]] == NO_PIECE)

    def labels_left_of(self, key: tuple[int, int], edge: float) -> set[tuple[int, int]]:
        """The lines left of line ``key`` on its row that start with a label and end right of ``edge``."""
        box = self.box(key)
        height = box[3] - box[1]
        return {
            other
            for other in self.ranges
            if other != key
            and other[0] == key[0]
            and self.starts_with_label(other)
            and same_row(self.box(other), box)
            and edge < self.box(other)[2] <= box[0] + 0.5 * height
        }

    def own_label(self, key: str, line: tuple[int, int]) -> tuple[int, int] | None:
        """The line printing ``key``'s label: ``line`` itself, or the nearest left of it on its row."""
        if key in self.labels.keys.get(line, ()):
            return line
        box = self.box(line)
        left = [
            other
            for other, keys in self.labels.keys.items()
            if key in keys
            and other[0] == line[0]
            and same_row(self.box(other), box)
            and self.box(other)[0] < box[0]
        ]
        return max(left, key=lambda other: self.box(other)[2], default=None)

    def line_below(self, last: int, first: int) -> tuple[int, int] | None:
        """The nearest line under token ``last``'s line: its top at least half a line lower and less
        than 0.6 of a line below its bottom, starting within a character of the column of token
        ``first``, and printed no larger (a signature under an address is not its next line)."""
        above, column = self.line_of(last), self.left_edge(first)
        _, top, _, bottom = self.box(above)
        height = bottom - top
        under = [
            key
            for key in self.ranges
            if key[0] == above[0]
            and top + 0.5 * height <= self.box(key)[1] < bottom + 0.6 * height
            and abs(self.box(key)[0] - column) <= height
            and self.box(key)[3] - self.box(key)[1] <= 1.5 * height
        ]
        return min(under, key=lambda key: (self.box(key)[1], self.box(key)[0]), default=None)

    def first_piece(self, key: tuple[int, int]) -> tuple[int, int]:
        start, end = self.ranges[key]
        piece = self.labels.piece[start]
        stop = start
        while stop < end and self.labels.piece[stop] == piece:
            stop += 1
        return start, stop


def _ends_piece(segment: tuple[int, int], pieces: np.ndarray) -> bool:
    end = segment[1]
    return end == len(pieces) or pieces[end] != pieces[end - 1]


def take_lines_below(
    spans: dict[str, Span],
    keys: frozenset[str],
    tags: list[str],
    pages: list[list[TextLine]],
    levelled: list[list[TextLine]],
    tokens: list[Token],
    labels: PrintedLabels,
) -> dict[str, Span]:
    """``spans`` with the untaken next lines of the ``keys`` values added (see the module's text);
    ``levelled``: ``pages`` with a tilted photo's lines turned level (:func:`deskew.level_lines`)."""
    page = _Page(pages, levelled, tokens, labels)
    claimed = {i: other.key for other in spans.values() for i in other.indices()}
    out = dict(spans)
    for key, span in spans.items():
        if key not in keys:
            continue
        first = span.start
        ours = page.own_label(key, (tokens[first].page, tokens[first].line))
        taken = set(span.indices())
        for _ in range(MAX_LINES):
            last = (span.more or ((span.start, span.end),))[-1]
            if not _ends_piece(last, labels.piece):
                break
            below = page.line_below(last[1] - 1, first)
            if below is None or page.starts_with_label(below):
                break
            start, end = page.first_piece(below)
            held = [
                tag if tag[2:] in (key, claimed.get(i)) else OUTSIDE
                for i, tag in enumerate(tags[start:end], start)
            ]
            if taken & set(range(start, end)) or not _belongs(key, held, page, below, ours):
                break
            span = replace(span, more=(*span.more, (start, end)))
            taken |= set(range(start, end))
        out[key] = span
    return out


def _belongs(
    key: str, tags: list[str], page: _Page, line: tuple[int, int], ours: tuple[int, int] | None
) -> bool:
    """Whether ``line``, whose first piece the tagger tagged ``tags`` (a character tagged with a field
    whose chosen value lies elsewhere counts as untagged), continues ``key``'s value whose first line has
    the label ``ours`` left of it. A label wholly left of ``ours`` is another column's (on a two-column
    license 经营范围 is level with the second line of 住所's value)."""
    edge = float("-inf") if ours is None else page.box(ours)[0]
    if page.labels_left_of(line, edge) - {ours}:
        return False
    mine = sum(tag == f"I-{key}" for tag in tags)
    others: dict[str, int] = {}
    for tag in tags:
        if tag not in (OUTSIDE, f"I-{key}"):
            others[tag] = others.get(tag, 0) + 1
    if mine:
        return mine >= max(others.values(), default=0)
    text = page.pages[line[0]][line[1]].text
    return not others and key in UNTAGGED_KEYS and not (is_date_only(text) or _CODE.search(text))
