"""What a layout prints without a label, or what OCR may leave without one: found by pattern.

* an ID card's number when OCR lost the 公民身份号码 label, and the back's validity period;
* a business license's credit code, and its issue date (the date line at the bottom, by the seal).

A fallback only fills a field the labels did not; its confidence is lower than a labelled read.
"""

from __future__ import annotations

from collections.abc import Callable

from prereview.document import Field
from prereview.understanding.layout import Run
from prereview.understanding.normalize import is_date_only
from prereview.understanding.values import (
    Parsed,
    Piece,
    Value,
    parse_credit_code,
    parse_date,
    parse_id_number,
    parse_validity,
)

BY_PATTERN = 0.8
ISSUE_DATE = 0.9

Fallback = Callable[[list[Run], set[int]], dict[str, Field]]


def _field(run: Run, parsed: Parsed, placement: float) -> Field:
    value = Value((Piece(run, 0, len(run.text)),), placement)
    confidence = value.confidence * (0.9 if parsed.repaired else 1.0)
    return Field(
        parsed.value,
        confidence,
        run.page,
        value.box(parsed.start, parsed.end),
        parsed.repaired,
        raw=run.text[parsed.start : parsed.end],
    )


def _first(
    runs: list[Run], used: set[int], key: str, parse: Callable[[str, str], dict[str, Parsed]]
) -> dict[str, Field]:
    for run in runs:
        if id(run) in used:
            continue
        parsed = parse(key, run.text)
        if parsed:
            used.add(id(run))
            return {k: _field(run, p, BY_PATTERN) for k, p in parsed.items()}
    return {}


def id_card_front(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """The ID number by its 18-character shape."""
    return _first(runs, used, "id_number", parse_id_number)


def id_card_back(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """The validity period by its two-date shape ("2015.06.09-2035.06.09", "…-长期")."""
    return _first(
        runs,
        used,
        "valid_to",
        lambda key, text: found if len(found := parse_validity(key, text)) == 2 else {},
    )


def business_license(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """The credit code by its shape, and the issue date: the lowest line that is only a date."""
    fields = _first(runs, used, "credit_code", parse_credit_code)
    dates = [r for r in runs if id(r) not in used and is_date_only(r.text)]
    if dates:
        run = max(dates, key=lambda r: (r.page, r.bbox[1]))
        used.add(id(run))
        fields.update({k: _field(run, p, ISSUE_DATE) for k, p in parse_date("issue_date", run.text).items()})
    return fields


FALLBACKS: dict[str, Fallback] = {
    "id_card_front": id_card_front,
    "id_card_back": id_card_back,
    "business_license": business_license,
}
