"""A PDF's own text layer: when to trust it, and how to turn its glyphs into lines.

A text layer beats OCR only when it is right, and it is often wrong: a CJK font embedded as a CFF subset
with a CMap encoding comes out of pdfplumber empty or garbled (DESIGN.md), a broken ToUnicode map gives
replacement characters or ``(cid:123)``, symbol fonts give private-use code points. So every layer is checked
first, and an untrusted one falls back to pypdfium2's reading, then to OCR.

Glyphs arrive with boxes already in image pixels; they are grouped into lines the way an OCR detector
cuts them: one line per row of text, split where a wide gap separates two runs (a label and its value).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from prereview.document import Box, TextLine, TextSource

MIN_VISIBLE_CHARS = 2
MAX_PRIVATE_USE_RATIO = 0.05
MAX_FOREIGN_LETTER_RATIO = 0.3  # Latin-1/Latin-Extended letters among all letters: mojibake
SEGMENT_GAP = 1.2  # a gap wider than this many line heights starts a new line (as OCR would)
SPACE_GAP = 0.2  # a gap wider than this many line heights reads as a space
TEXT_LAYER_CONFIDENCE = 1.0

_CID = re.compile(r"\(cid:\d+\)")


@dataclass(frozen=True)
class Glyph:
    """One character of a text layer with its box in image pixels."""

    text: str
    box: Box

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (the unified block and its extensions, compatibility ideographs).

    >>> is_cjk("中"), is_cjk("𠮷"), is_cjk("A"), is_cjk("：")
    (True, True, False, False)
    """
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x323AF
        or 0xF900 <= code <= 0xFAFF
    )


def is_private_use(ch: str) -> bool:
    """A private-use code point (symbol fonts map checkboxes and logos there).

    >>> is_private_use("\\ue000"), is_private_use("\\U000f0001"), is_private_use("中")
    (True, True, False)
    """
    return unicodedata.category(ch) == "Co"


def why_untrusted(text: str, min_cjk_ratio: float) -> str | None:
    """The reason a page's text layer cannot be trusted, or ``None`` when it can.

    The CJK ratio counts ideographs among letters, so digits and punctuation (a credit code, a date) do
    not dilute it.

    >>> why_untrusted("统一社会信用代码 91350100M000100Y43", 0.2) is None
    True
    >>> why_untrusted("  \\n ", 0.2)
    'empty'
    >>> why_untrusted("姓名\\ufffd\\ufffd", 0.2)
    'replacement_characters'
    >>> why_untrusted("(cid:1234)(cid:88)", 0.2)
    'unmapped_glyphs'
    >>> why_untrusted("\\ue001\\ue002\\ue003 申请表", 0.2)
    'private_use'
    >>> why_untrusted("ç\\x94³è¯·è¡¨", 0.2)
    'garbled'
    >>> why_untrusted("Application form", 0.2)
    'too_few_cjk'
    >>> why_untrusted("Application form", 0.0) is None
    True
    """
    visible = [ch for ch in text if not ch.isspace()]
    if len(visible) < MIN_VISIBLE_CHARS:
        return "empty"
    if "\ufffd" in text:
        return "replacement_characters"
    if _CID.search(text):
        return "unmapped_glyphs"
    if sum(map(is_private_use, visible)) > MAX_PRIVATE_USE_RATIO * len(visible):
        return "private_use"
    if _looks_garbled(visible):
        return "garbled"
    letters = [ch for ch in visible if ch.isalpha()]
    cjk = sum(map(is_cjk, letters))
    if min_cjk_ratio > 0 and cjk < min_cjk_ratio * max(len(letters), 1):
        return "too_few_cjk"
    return None


def _looks_garbled(visible: list[str]) -> bool:
    """Control or unassigned code points, or mojibake (UTF-8 read as Latin-1: ``ç\\x94³``)."""
    if any(unicodedata.category(ch) in ("Cc", "Cn", "Cs") for ch in visible):
        return True
    letters = [ch for ch in visible if ch.isalpha()]
    foreign = sum(1 for ch in letters if 0x00C0 <= ord(ch) <= 0x024F)
    return foreign > MAX_FOREIGN_LETTER_RATIO * max(len(letters), 1)


def group_lines(glyphs: Iterable[Glyph], source: TextSource) -> list[TextLine]:
    """Glyphs (boxes in pixels) → text lines in reading order, top to bottom, left to right.

    >>> g = [Glyph("姓", (10, 10, 30, 30)), Glyph("名", (30, 11, 50, 31)),
    ...      Glyph("张", (200, 10, 220, 30)), Glyph("三", (220, 10, 240, 30)),
    ...      Glyph("A", (10, 50, 22, 70)), Glyph("B", (30, 50, 42, 70))]
    >>> [(line.text, line.box) for line in group_lines(g, "pdf_text")]
    [('姓名', (10, 10, 50, 31)), ('张三', (200, 10, 240, 30)), ('A B', (10, 50, 42, 70))]
    """
    rows = _rows([g for g in glyphs if g.height > 0])
    lines: list[TextLine] = []
    for row in rows:
        for run in _runs(row):
            text = _run_text(run)
            if text:
                box = _union(g.box for g in run if not g.text.isspace())
                lines.append(TextLine(text=text, box=box, confidence=TEXT_LAYER_CONFIDENCE, source=source))
    return lines


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Cluster glyphs whose vertical extents overlap by at least half the smaller height."""
    rows: list[tuple[list[float], list[Glyph]]] = []  # ([top, bottom], glyphs)
    for glyph in sorted(glyphs, key=lambda g: (g.box[1] + g.box[3]) / 2):
        for extent, members in reversed(rows[-3:]):  # a new glyph can only join one of the last rows
            overlap = min(extent[1], glyph.box[3]) - max(extent[0], glyph.box[1])
            if overlap >= 0.5 * min(extent[1] - extent[0], glyph.height):
                members.append(glyph)
                extent[0], extent[1] = min(extent[0], glyph.box[1]), max(extent[1], glyph.box[3])
                break
        else:
            rows.append(([glyph.box[1], glyph.box[3]], [glyph]))
    return [sorted(members, key=lambda g: g.box[0]) for _, members in rows]


def _runs(row: list[Glyph]) -> list[list[Glyph]]:
    """Split one row where the gap between inked glyphs exceeds ``SEGMENT_GAP`` line heights."""
    height = _median([g.height for g in row if not g.text.isspace()] or [g.height for g in row])
    runs: list[list[Glyph]] = []
    right = 0.0  # right edge of the inked glyphs of the current run
    for glyph in row:
        if glyph.text.isspace():
            if runs:
                runs[-1].append(glyph)
        elif not runs or glyph.box[0] - right > SEGMENT_GAP * height:
            runs.append([glyph])
            right = glyph.box[2]
        elif not _is_double_strike(runs[-1], glyph, height):
            runs[-1].append(glyph)
            right = max(right, glyph.box[2])
    return runs


def _is_double_strike(run: list[Glyph], glyph: Glyph, height: float) -> bool:
    """Fake bold: the same character drawn again a hair to the side."""
    inked = [g for g in run if not g.text.isspace()]
    return (
        bool(inked) and inked[-1].text == glyph.text and abs(inked[-1].box[0] - glyph.box[0]) < 0.2 * height
    )


def _run_text(run: list[Glyph]) -> str:
    parts: list[str] = []
    previous: Glyph | None = None
    for glyph in run:
        if glyph.text.isspace():
            parts.append(" ")
            continue
        gap = glyph.box[0] - previous.box[2] if previous is not None else 0.0
        if (
            previous is not None
            and gap > SPACE_GAP * previous.height
            and not (_is_wide(previous.text) and _is_wide(glyph.text))
        ):
            parts.append(" ")
        parts.append(glyph.text)
        previous = glyph
    return " ".join("".join(parts).split())


def _is_wide(text: str) -> bool:
    """Chinese text has no spaces between words: a gap between two wide characters is layout.

    >>> _is_wide("中"), _is_wide("："), _is_wide("A")
    (True, True, False)
    """
    return all(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)


def _union(boxes: Iterable[Box]) -> Box:
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    return (min(x0s), min(y0s), max(x1s), max(y1s))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
