"""A value as read off the page (pieces of one or more lines) and the parsers that normalise it.

A parser takes the compact text after a label and returns, per output field, the normalised value and
the character span it came from, so the field's box covers exactly the printed value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from prereview.document import Box
from prereview.understanding.layout import Run, union
from prereview.understanding.normalize import (
    LONG_TERM,
    cjk_punctuation,
    find_date,
    is_date_only,
    normalize_date,
    normalize_name,
    split_validity,
)
from prereview.understanding.places import correct_place_prefix
from prereview.understanding.repair import read_credit_code, read_id_number
from prereview.understanding.scope_clauses import restore_clauses

_LEAD = ":;,.、·|☑☐□■√"


@dataclass(frozen=True)
class Piece:
    """Characters ``start:end`` of one run."""

    run: Run
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.run.text[self.start : self.end]


@dataclass(frozen=True)
class Value:
    """The text of a field as it appears, possibly over several lines, and how it was found."""

    pieces: tuple[Piece, ...]
    placement: float  # 1.0 on the label's own line; lower when found beside, below or by pattern

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def page(self) -> int:
        return self.pieces[0].run.page

    @property
    def confidence(self) -> float:
        return min(p.run.confidence for p in self.pieces) * self.placement

    def box(self, start: int = 0, end: int | None = None) -> Box:
        """The box of characters ``start:end`` of :attr:`text`, across the pieces they fall in."""
        end = len(self.text) if end is None else end
        boxes: list[Box] = []
        offset = 0
        for piece in self.pieces:
            length = piece.end - piece.start
            lo, hi = max(start - offset, 0), min(end - offset, length)
            if lo < hi:
                boxes.append(piece.run.box(piece.start + lo, piece.start + hi))
            offset += length
        return union(boxes) if boxes else self.pieces[0].run.box(self.pieces[0].start, self.pieces[0].end)


# A value's confidence is multiplied by this once a repair (checksum, standard clause, place name) changed it.
REPAIRED_PENALTY = 0.9


@dataclass(frozen=True)
class Parsed:
    """A normalised value and the span of :attr:`Value.text` it was read from."""

    value: str
    start: int
    end: int
    repaired: bool = False


Parser = Callable[[str, str], dict[str, Parsed]]


def _stripped(text: str) -> tuple[int, int]:
    start, end = 0, len(text)
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _LEAD:
        end -= 1
    return start, end


def parse_name(key: str, text: str) -> dict[str, Parsed]:
    """Free text (a name, an address, a scope), never a bare date; Chinese punctuation full-width.

    >>> parse_name("name", ":张三")
    {'name': Parsed(value='张三', start=1, end=3, repaired=False)}
    >>> parse_name("name", "2020年1月2日")
    {}
    >>> parse_name("entity_type", "有限责任公司(自然人独资)")["entity_type"].value
    '有限责任公司（自然人独资）'
    """
    start, end = _stripped(text)
    value = normalize_name(text[start:end])
    value = cjk_punctuation(value) if value else value
    if value is None or is_date_only(value):
        return {}
    return {key: Parsed(value, start, end)}


def _repaired_text(key: str, text: str, repair: Callable[[str], tuple[str, bool]]) -> dict[str, Parsed]:
    """Free text as :func:`parse_name` reads it, then ``repair``-ed (marked repaired when it changed)."""
    found = parse_name(key, text)
    if key not in found:
        return found
    parsed = found[key]
    value, repaired = repair(parsed.value)
    return {key: Parsed(value, parsed.start, parsed.end, repaired)}


def parse_scope(key: str, text: str) -> dict[str, Parsed]:
    """A business scope: free text whose standard clauses are restored when a mark of them was misread
    (:mod:`prereview.understanding.scope_clauses`; the value is then marked repaired).

    >>> read = parse_scope("business_scope", "小餐饮。(除依法须经批准的项目外凭营业执照依法自主开展经营活动)")
    >>> read["business_scope"].value, read["business_scope"].repaired
    ('小餐饮。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）', True)
    """
    return _repaired_text(key, text, restore_clauses)


def parse_place(key: str, text: str) -> dict[str, Parsed]:
    """An address or birthplace: free text whose leading division names are spelt as in GB/T 2260 when
    OCR misread a character of one (:func:`~prereview.understanding.places.correct_place_prefix`).

    >>> parse_place("birthplace", "四川省甘孜藏族自治州道平县")["birthplace"]
    Parsed(value='四川省甘孜藏族自治州道孚县', start=0, end=13, repaired=True)
    """
    return _repaired_text(key, text, correct_place_prefix)


def parse_sex(key: str, text: str) -> dict[str, Parsed]:
    """男 or 女 as the first character, nothing else.

    >>> parse_sex("sex", "女"), parse_sex("sex", "x")
    ({'sex': Parsed(value='女', start=0, end=1, repaired=False)}, {})
    """
    start, end = _stripped(text)
    if start < end and text[start] in "男女":
        return {key: Parsed(text[start], start, start + 1)}
    return {}


def parse_date(key: str, text: str) -> dict[str, Parsed]:
    """The first valid date.

    >>> parse_date("birth_date", "1990年3月15日")["birth_date"].value
    '1990-03-15'
    """
    found = find_date(text)
    return {key: Parsed(found[0], found[1], found[2])} if found else {}


def parse_id_number(key: str, text: str) -> dict[str, Parsed]:
    reading = read_id_number(text)
    return {key: Parsed(reading.value, reading.start, reading.end, reading.repaired)} if reading else {}


def parse_credit_code(key: str, text: str) -> dict[str, Parsed]:
    reading = read_credit_code(text)
    return {key: Parsed(reading.value, reading.start, reading.end, reading.repaired)} if reading else {}


def parse_validity(key: str, text: str) -> dict[str, Parsed]:
    """An ID card's 有效期限: ``valid_from`` and ``valid_to``, each with its own span.

    >>> sorted((k, p.value, p.start, p.end) for k, p in parse_validity("valid_to", "2015.06.09-长期").items())
    [('valid_from', '2015-06-09', 0, 10), ('valid_to', '长期', 11, 13)]
    """
    valid_from, valid_to = split_validity(text)
    out: dict[str, Parsed] = {}
    first = find_date(text)
    if valid_from and first:
        out["valid_from"] = Parsed(valid_from, first[1], first[2])
    if valid_to:
        if valid_to == LONG_TERM:
            at = text.find(LONG_TERM)
            out["valid_to"] = Parsed(valid_to, at, at + len(LONG_TERM))
        else:
            tail = first[2] if first else 0
            second = find_date(text[tail:])
            start, end = (tail + second[1], tail + second[2]) if second else (0, len(text))
            out["valid_to"] = Parsed(valid_to, start, end)
    return out


def parse_period_end(key: str, text: str) -> dict[str, Parsed]:
    """A business license's 营业期限: only its end (a date or 长期) is a contract field.

    >>> parse_period_end("valid_to", "2015年06月09日至长期")["valid_to"].value
    '长期'
    >>> parse_period_end("valid_to", "长期")["valid_to"].value
    '长期'
    """
    found = parse_validity(key, text).get("valid_to")
    if found is None and normalize_date(text) == LONG_TERM:
        found = Parsed(LONG_TERM, 0, len(text))
    return {key: found} if found else {}


def parse_end_date(key: str, text: str) -> dict[str, Parsed]:
    """The end of a term: the second date of a period, else the only date, else ``长期``.

    >>> parse_end_date("valid_to", "自2026年11月02日至2026年12月02日止")["valid_to"].value
    '2026-12-02'
    >>> parse_end_date("valid_to", "2031年05月10日")["valid_to"].value
    '2031-05-10'
    """
    found = parse_period_end(key, text)
    return found or parse_date(key, text)


def parse_span(start_key: str, end_key: str) -> Parser:
    """A parser of a period "自…起至…止" into two fields (a lease's ``lease_start`` and ``lease_end``).

    >>> read = parse_span("lease_start", "lease_end")
    >>> sorted((k, p.value) for k, p in read("lease_start", "自2026年03月22日起至2031年03月21日止。").items())
    [('lease_end', '2031-03-21'), ('lease_start', '2026-03-22')]
    """

    def parse(key: str, text: str) -> dict[str, Parsed]:
        found = parse_validity(end_key, text)
        names = {"valid_from": start_key, "valid_to": end_key}
        return {names[k]: p for k, p in found.items()}

    return parse


PARSERS: dict[str, Parser] = {
    "end_date": parse_end_date,
    "lease_term": parse_span("lease_start", "lease_end"),
    "name": parse_name,
    "text": parse_name,
    "scope": parse_scope,
    "place": parse_place,
    "sex": parse_sex,
    "date": parse_date,
    "id_number": parse_id_number,
    "credit_code": parse_credit_code,
    "validity": parse_validity,
    "period_end": parse_period_end,
}
