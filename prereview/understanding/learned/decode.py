"""BIO tags per character → fields: spans, their normalised values, confidence, page and box.

A span starts at ``B-key`` (or a stray ``I-key``) and runs over the following ``I-key`` tags, across
lines when a value wraps. When the model tags several spans with one key, the one holding the most
belief (mean probability × characters) wins. Values are normalised like the anchors' (ISO dates,
upper-case identifiers); an identifier is only changed when its checksum then passes
(:mod:`prereview.understanding.repair`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from prereview.document import Field
from prereview.understanding.layout import union
from prereview.understanding.learned.tokens import Token
from prereview.understanding.normalize import (
    cjk_punctuation,
    compact,
    is_date_only,
    normalize_date,
    normalize_name,
    normalize_sex,
)
from prereview.understanding.places import correct_place_prefix
from prereview.understanding.repair import id_number_within, read_credit_code, read_id_number
from prereview.understanding.scope_clauses import restore_clauses

OUTSIDE = "O"
DATE_KEYS = frozenset({"valid_from", "valid_to", "lease_start", "lease_end"})
PLACE_KEYS = frozenset({"address", "birthplace", "property_address"})  # division names checked


@dataclass(frozen=True)
class Span:
    """Tokens ``start:end`` tagged with ``key``, and the mean probability of their tags; ``more``: the
    ``(start, end)`` of further lines of the value that other lines separate from it in token order."""

    key: str
    start: int
    end: int
    confidence: float
    more: tuple[tuple[int, int], ...] = ()

    def indices(self) -> list[int]:
        return [i for a, b in ((self.start, self.end), *self.more) for i in range(a, b)]


def bio_labels(keys: list[str]) -> list[str]:
    """``O`` then ``B-key``/``I-key`` for every key.

    >>> bio_labels(["name", "sex"])
    ['O', 'B-name', 'I-name', 'B-sex', 'I-sex']
    """
    return [OUTSIDE, *(f"{tag}-{key}" for key in keys for tag in ("B", "I"))]


def find_spans(tags: list[str], probs: list[float]) -> list[Span]:
    """Spans of a tag sequence.

    >>> tags = ["O", "B-name", "I-name", "O", "I-sex", "B-name"]
    >>> [(s.key, s.start, s.end) for s in find_spans(tags, [1.0] * 6)]
    [('name', 1, 3), ('sex', 4, 5), ('name', 5, 6)]
    """
    found: list[Span] = []
    key, start = None, 0
    for i, tag in enumerate([*tags, OUTSIDE]):
        kind, _, name = tag.partition("-")
        if key is not None and not (kind == "I" and name == key):
            found.append(Span(key, start, i, float(np.mean(probs[start:i]))))
            key = None
        if kind in ("B", "I") and key is None:
            key, start = name, i
    return found


def bridge_gaps(best: np.ndarray, tokens: list[Token]) -> np.ndarray:
    """Label indices (0: outside) with a lone outside character between two characters of one key on
    one line given that key: a value is printed whole, and one weak character in it ("不动产权第" with
    权 untagged) does not cut it in two.

    >>> from prereview.understanding.learned.tokens import tokenize
    >>> from prereview.document import TextLine
    >>> tokens = tokenize([[TextLine("产权第9号", (0, 0, 50, 10), 0.9)]])
    >>> bridge_gaps(np.array([3, 0, 3, 3, 0]), tokens).tolist()
    [3, 3, 3, 3, 0]
    """
    out = best.copy()
    for i in range(1, len(best) - 1):
        if (
            best[i] == 0
            and best[i - 1] == best[i + 1] != 0
            and tokens[i - 1].line == tokens[i].line == tokens[i + 1].line
            and tokens[i - 1].page == tokens[i + 1].page
        ):
            out[i] = best[i - 1]
    return out


def _wraps(above: Token, first: Token, below: Token) -> bool:
    """Whether ``below`` starts the next line of a value whose previous line holds ``above`` and whose
    first character is ``first``: just under it, in the value's column, printed no larger (a signature
    under a value is not its next line)."""
    height = above.box[3] - above.box[1]
    return (
        below.page == above.page
        and below.box[3] - below.box[1] <= 1.5 * height
        and 0 < below.box[1] - above.box[1] <= 1.8 * height
        and abs(below.box[0] - first.box[0]) <= 2.5 * height
    )


def _runs_on(before: Token, after: Token) -> bool:
    """Whether ``after`` carries on ``before``'s line: OCR cut one row of text into two boxes side by
    side ("1990年" "3月23日")."""
    height = before.box[3] - before.box[1]
    middle = (after.box[1] + after.box[3]) / 2
    return (
        after.page == before.page
        and before.box[1] <= middle <= before.box[3]
        and -0.5 * height <= after.box[0] - before.box[2] <= 1.0 * height
    )


def split_at_jumps(spans: list[Span], tokens: list[Token], probs: list[float]) -> list[Span]:
    """Spans cut where they run from one OCR line into another that does not continue the value (a
    mark beside it, the next value on its row, a line further down): each part is a span of its own.

    >>> from prereview.understanding.learned.tokens import tokenize
    >>> from prereview.document import TextLine
    >>> lines = [TextLine("贵德县", (0, 0, 60, 20), 0.9), TextLine("孙女", (200, 0, 240, 20), 0.9),
    ...          TextLine("振兴路", (0, 22, 60, 42), 0.9)]
    >>> tokens = tokenize([lines])
    >>> [(s.start, s.end) for s in split_at_jumps([Span("place", 0, 4, 0.9)], tokens, [0.9] * 8)]
    [(0, 3), (3, 4)]
    >>> [(s.start, s.end) for s in split_at_jumps([Span("place", 5, 8, 0.9)], tokens, [0.9] * 8)]
    [(5, 8)]
    """
    out: list[Span] = []
    for span in spans:
        start = span.start
        for i in range(span.start + 1, span.end):
            if tokens[i].line == tokens[i - 1].line:
                continue
            if _runs_on(tokens[i - 1], tokens[i]) and (_is_date_key(span.key) or not _date_line(tokens, i)):
                continue
            line_start = start
            while line_start > 0 and tokens[line_start - 1].line == tokens[start].line:
                line_start -= 1
            firsts = (tokens[start], tokens[line_start])  # the value's column: where it or its line starts
            if not any(_wraps(tokens[i - 1], first, tokens[i]) for first in firsts):
                out.append(replace(span, start=start, end=i, confidence=float(np.mean(probs[start:i]))))
                start = i
        if start == span.start:
            out.append(span)
        else:
            out.append(replace(span, start=start, confidence=float(np.mean(probs[start : span.end]))))
    return out


def _date_line(tokens: list[Token], i: int) -> bool:
    """Whether token ``i``'s line is a date alone (the next value on a row, "1982年01月25日")."""

    def same(j: int) -> bool:
        return 0 <= j < len(tokens) and (tokens[j].page, tokens[j].line) == (tokens[i].page, tokens[i].line)

    start, end = i, i + 1
    while same(start - 1):
        start -= 1
    while same(end):
        end += 1
    return is_date_only("".join(t.char for t in tokens[start:end]))


def _whole_lines(span: tuple[int, int], tokens: list[Token], parts: Sequence[int] | None = None) -> bool:
    """Whether a span starts and ends a line (with ``parts``, a number per token: a part of a line)."""
    start, end = span
    part = parts if parts is not None else [t.line for t in tokens]
    return (start == 0 or part[start - 1] != part[start]) and (
        end == len(tokens) or part[end] != part[end - 1]
    )


def join_wrapped(spans: list[Span], tokens: list[Token], parts: Sequence[int] | None = None) -> list[Span]:
    """A value's lines joined when other lines come between them in token order (a two-column page
    interleaves its columns' lines): a span that ends its line is continued by the next span of its key
    that starts a line just under it, in its column.

    >>> from prereview.understanding.learned.tokens import tokenize
    >>> from prereview.document import TextLine
    >>> lines = [TextLine("一般项目：五", (100, 0, 220, 20), 0.9), TextLine("住所甲", (300, 0, 360, 20), 0.9),
    ...          TextLine("金零售", (100, 24, 160, 44), 0.9)]
    >>> tokens = tokenize([lines])
    >>> [joined] = join_wrapped([Span("scope", 0, 6, 0.9), Span("scope", 9, 12, 0.7)], tokens)
    >>> "".join(tokens[i].char for i in joined.indices()), round(joined.confidence, 3)
    ('一般项目：五金零售', 0.833)
    """
    out: list[Span] = []
    for span in spans:
        at = next(
            (
                i
                for i in range(len(out) - 1, -1, -1)
                if out[i].key == span.key and _continues(out[i], span, tokens, parts)
            ),
            None,
        )
        if at is not None:
            previous = out[at]
            size_a, size_b = len(previous.indices()), span.end - span.start
            confidence = (previous.confidence * size_a + span.confidence * size_b) / (size_a + size_b)
            more = (*previous.more, (span.start, span.end))
            out[at] = replace(previous, confidence=confidence, more=more)
        else:
            out.append(span)
    return out


def _continues(previous: Span, span: Span, tokens: list[Token], parts: Sequence[int] | None) -> bool:
    if span.key.endswith(FIXED_LENGTH):
        return False  # an 18-character number is never wrapped: the one under it is another's
    last = (previous.more or ((previous.start, previous.end),))[-1]
    if not (_whole_lines(last, tokens, parts) and _whole_lines((span.start, span.end), tokens, parts)):
        return False
    return _wraps(tokens[last[1] - 1], tokens[previous.start], tokens[span.start])


def best_spans(spans: list[Span]) -> dict[str, Span]:
    """The span of every key that holds the most of the tagger's belief (mean probability times its
    characters): a sure character beside a sure value does not outweigh the value.

    >>> best = best_spans([Span("name", 0, 2, 0.6), Span("name", 5, 7, 0.9), Span("name", 9, 10, 0.99)])
    >>> best["name"].start
    5
    """
    out: dict[str, Span] = {}
    for span in spans:
        if span.key not in out or belief(span) > belief(out[span.key]):
            out[span.key] = span
    return out


def belief(span: Span) -> float:
    return span.confidence * len(span.indices())


IDENTIFIER_SUFFIXES = ("id_number", "credit_code", "certificate_number", "license_number")
FIXED_LENGTH = ("id_number", "credit_code")  # 18 characters
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DATE_CHARS = frozenset("0123456789年月日.")


def _is_date_key(key: str) -> bool:
    return key.endswith("date") or key in DATE_KEYS


def grow_to_run(span: Span, tokens: list[Token]) -> Span:
    """An identifier's span widened to the whole run of ASCII letters and digits on its line, a date's to
    the digits around it.

    An identifier is printed as one unbroken run and a date's numbers are whole, so a tagger that
    missed the first or last characters is corrected by the page itself, never by guessing characters.

    >>> from prereview.understanding.learned.tokens import tokenize
    >>> from prereview.document import TextLine
    >>> tokens = tokenize([[TextLine("号码540127197209190304", (0, 0, 200, 10), 0.9)]])
    >>> grown = grow_to_run(Span("id_number", 4, 10, 0.8), tokens)
    >>> "".join(t.char for t in tokens[grown.start : grown.end])
    '540127197209190304'
    >>> tokens = tokenize([[TextLine("2024年11月23日至2074年11月23日", (0, 0, 200, 10), 0.9)]])
    >>> grown = grow_to_run(Span("valid_to", 14, 22, 0.8), tokens)
    >>> "".join(t.char for t in tokens[grown.start : grown.end])
    '2074年11月23日'
    >>> tokens = tokenize([[TextLine("44020319990114596413244109168", (0, 0, 290, 10), 0.9)]])
    >>> grow_to_run(Span("id_number", 2, 18, 0.8), tokens).end  # an ID number and a phone number
    18
    """
    if span.key.endswith(FIXED_LENGTH):
        span = _line_of_eighteen(span, tokens)
    if span.key.endswith(IDENTIFIER_SUFFIXES):
        chars = _ALNUM
    elif _is_date_key(span.key):
        chars = _DATE_CHARS
    else:
        return span

    def joins(i: int, j: int) -> bool:
        return 0 <= j < len(tokens) and tokens[j].line == tokens[i].line and tokens[j].char in chars

    start, end = span.start, span.end
    while joins(start, start - 1):
        start -= 1
    while joins(end - 1, end):
        end += 1
    if not span.key.endswith(FIXED_LENGTH):
        return replace(span, start=start, end=end)
    if end - start > 18:  # more than one value ran together
        start, end = span.start, span.end
    return replace(span, start=start, end=end, more=())  # an 18-character number is never wrapped


def _line_of_eighteen(span: Span, tokens: list[Token]) -> Span:
    """An 18-character number's span cut to the part on one line that is 18 characters long, when the
    span runs over several lines (a speck at the end of the label line above "公民身份号码1")."""
    parts: dict[tuple[int, int], list[int]] = {}
    for i in range(span.start, span.end):
        parts.setdefault((tokens[i].page, tokens[i].line), []).append(i)
    whole = [indices for indices in parts.values() if len(indices) == 18]
    if len(parts) < 2 or len(whole) != 1:
        return span
    return replace(span, start=whole[0][0], end=whole[0][-1] + 1)


def normalize_value(key: str, text: str) -> tuple[str | None, bool]:
    """A field's value in CONTRACT.md form and whether a character was repaired; ``None`` if no value.

    >>> normalize_value("birth_date", "1990年3月5日"), normalize_value("valid_to", "长期")
    (('1990-03-05', False), ('长期', False))
    >>> normalize_value("id_number", "11O105199003152338")
    ('110105199003152338', True)
    >>> normalize_value("id_number", "1101051990031523")  # too short: kept as printed
    ('1101051990031523', False)
    >>> normalize_value("sex", "女"), normalize_value("name", "：张 三")
    (('女', False), ('张三', False))
    >>> normalize_value("business_scope", "一般项目:餐饮服务;小餐饮(除依法须经批准的项目外)")[0]
    '一般项目：餐饮服务；小餐饮（除依法须经批准的项目外）'
    """
    if _is_date_key(key):
        return normalize_date(text), False
    if key.endswith("id_number"):
        reading = read_id_number(text) or id_number_within(text)
        return (reading.value, reading.repaired) if reading else (compact(text).upper() or None, False)
    if key == "credit_code":
        code = read_credit_code(text)
        return (code.value, code.repaired) if code else (compact(text).upper() or None, False)
    if key == "sex":
        return normalize_sex(text), False
    value = normalize_name(text)  # free text: Chinese punctuation full-width, as the anchors give it
    if value and key == "business_scope":
        return restore_clauses(cjk_punctuation(value))
    if value and key in PLACE_KEYS:
        return correct_place_prefix(cjk_punctuation(value))
    return (cjk_punctuation(value) if value else None), False


def to_fields(spans: dict[str, Span], tokens: list[Token], keys: set[str] | None = None) -> dict[str, Field]:
    """Fields from the best spans (only ``keys`` when given); a span without a value is left out."""
    fields: dict[str, Field] = {}
    for key, span in spans.items():
        if keys is not None and key not in keys:
            continue
        span = grow_to_run(span, tokens)
        chosen = [tokens[i] for i in span.indices()]
        raw = "".join(t.char for t in chosen)
        value, repaired = normalize_value(key, raw)
        if value is None:
            continue
        page = chosen[0].page
        box = union([t.box for t in chosen if t.page == page])
        fields[key] = Field(value, round(span.confidence, 4), page, box, repaired=repaired, raw=raw)
    return fields
