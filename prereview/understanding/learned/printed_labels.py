"""The page's printed labels among the learned tagger's characters: a label is never part of a value, and
the labels cut a line into the pieces a free-text value fills whole.

The tagger reads characters, so on a layout it has not seen it may tag the label's last character with
the value ("族" of 民族 and then 壮族) or stop a name one character short ("宏云" of 曹宏云). The labels
are the same words the anchors look for (:mod:`prereview.understanding.labels`):

- a line that holds a label alone is never part of a value;
- a free-text value (a name, an address, a scope: nothing with a shape of its own, such as a date or an
  identifier, where a line may hold two values) starts where its piece of the line starts, and when it
  ends on the line it started on, it ends where that piece ends. A piece runs from a line's start or a
  label to the next label or the line's end.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

import numpy as np

from prereview.document import TextLine
from prereview.understanding.label_runs import LEADING_MARKS, find_hits
from prereview.understanding.labels import LAYOUTS
from prereview.understanding.layout import Run
from prereview.understanding.learned.decode import Span
from prereview.understanding.learned.tokens import Token

FREE_TEXT = frozenset({"name", "text", "place", "scope"})  # parsers of values without a shape
NO_PIECE = -1


@dataclass(frozen=True)
class PrintedLabels:
    """Per token: part of a label that starts its line, and the piece of its line it lies in; per
    ``(page, line)``: the keys whose labels the line prints."""

    label: np.ndarray  # bool
    piece: np.ndarray  # int; NO_PIECE inside a label
    keys: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)


def free_text_keys(material_type: str) -> frozenset[str]:
    """The keys of ``material_type`` whose values are free text.

    >>> sorted(free_text_keys("id_card_front"))
    ['address', 'ethnicity', 'name']
    """
    return frozenset(
        key
        for spec in LAYOUTS.get(material_type, ())
        if spec.parser in FREE_TEXT
        for key in (spec.keys or (spec.key,))
        if key
    )


def printed_labels(pages: list[list[TextLine]], tokens: list[Token], material_type: str) -> PrintedLabels:
    """Where the labels of ``material_type`` are among ``tokens`` (:func:`tokenize` of ``pages``): a
    line that is a label alone (or one character of a two-character label alone) is marked as one;
    every label (and the end of a label whose start OCR
    lost, at a line's start) separates pieces.

    >>> from prereview.understanding.learned.tokens import tokenize
    >>> pages = [[TextLine("民族", (0, 0, 20, 10), 0.9), TextLine("姓名张三性别男", (0, 20, 70, 30), 0.9)]]
    >>> found = printed_labels(pages, tokenize(pages), "id_card_front")
    >>> found.label.astype(int).tolist(), found.piece.tolist()
    ([1, 1, 0, 0, 0, 0, 0, 0, 0], [-1, -1, -1, -1, 0, 0, -1, -1, 1])
    """
    label = np.zeros(len(tokens), bool)
    piece = np.full(len(tokens), NO_PIECE, int)
    specs = LAYOUTS.get(material_type, ())
    by_line: dict[tuple[int, int], list[int]] = {}
    for index, token in enumerate(tokens):
        by_line.setdefault((token.page, token.line), []).append(index)
    number = 0
    keys: dict[tuple[int, int], frozenset[str]] = {}
    for (page, line), indices in by_line.items():
        run = Run.from_line(pages[page][line], page)
        if len(run.text) != len(indices):  # folding changed the text's length: no place to map labels to
            hits, cuts = [], []
        else:
            hits = find_hits(run, specs)
            cuts = [(hit.start, hit.end) for hit in hits] or [(0, _clipped_tail(run.text, material_type))]
            keys[(page, line)] = frozenset(k for hit in hits for k in (hit.spec.keys or (hit.spec.key,)) if k)
        if len(hits) == 1 and not (run.text[: hits[0].start] + run.text[hits[0].end :]).strip(LEADING_MARKS):
            label[indices] = True  # the line is the label alone
        elif not hits and _label_half(run.text, material_type):
            label[indices] = True  # the line is half of a label spaced out in print
            cuts = [(0, len(indices))]
        at = 0
        for start, end in [*cuts, (len(indices), len(indices))]:
            if start > at:
                piece[indices[at:start]] = number
                number += 1
            at = max(at, end)
    return PrintedLabels(label, piece, keys)


@functools.cache
def _two_character_labels(material_type: str) -> tuple[frozenset[str], frozenset[str]]:
    """The first and the second characters of ``material_type``'s two-character labels."""
    words = [word for spec in LAYOUTS.get(material_type, ()) for word in spec.words if len(word) == 2]
    return frozenset(word[0] for word in words), frozenset(word[1] for word in words)


def _label_half(text: str, material_type: str) -> bool:
    """Whether ``text`` is one character of a two-character label alone: a label printed with its
    characters far apart comes back as two lines ("住" "所", "用" "途").

    >>> _label_half("住", "business_license"), _label_half("所", "business_license")
    (True, True)
    >>> _label_half("男", "business_license"), _label_half("住所", "business_license")
    (False, False)
    """
    firsts, seconds = _two_character_labels(material_type)
    return len(text) == 1 and (text in firsts or text in seconds)


def _clipped_tail(text: str, material_type: str) -> int:
    """1 when ``text`` starts with the second character of a two-character label whose first OCR lost
    ("途" of 用途 on "途住宅") and a value follows it, else 0. Longer labels are not guessed at:
    "项目外，凭营业执照…" is a scope's line, not the end of 经营项目.

    >>> _clipped_tail("途住宅", "property_certificate"), _clipped_tail("住宅", "property_certificate")
    (1, 0)
    >>> _clipped_tail("途", "property_certificate"), _clipped_tail("项目外，凭营业执照", "application_form")
    (0, 0)
    """
    return int(len(text) > 1 and text[0] in _two_character_labels(material_type)[1])


def fill_piece(span: Span, pieces: np.ndarray) -> Span:
    """A free-text span grown to its piece's start, and to its piece's end when it ends on the line it
    starts on (a value wrapped onto further lines keeps their ends as tagged).

    >>> pieces = np.array([-1, -1, 0, 0, 0, -1, 1, 1])
    >>> s = fill_piece(Span("spouse_2_name", 3, 5, 0.9), pieces); (s.start, s.end)
    (2, 5)
    >>> s = fill_piece(Span("name", 6, 7, 0.9), pieces); (s.start, s.end)
    (6, 8)
    >>> fill_piece(Span("name", 0, 2, 0.9), pieces) == Span("name", 0, 2, 0.9)  # inside a label
    True
    """
    piece = pieces[span.start]
    if piece == NO_PIECE:
        return span
    start = span.start
    while start > 0 and pieces[start - 1] == piece:
        start -= 1
    end = span.end
    if not span.more and pieces[end - 1] == piece:
        while end < len(pieces) and pieces[end] == piece:
            end += 1
    return replace(span, start=start, end=end)
