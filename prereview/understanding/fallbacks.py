"""What a layout prints without a label, or what OCR may leave without one: found by pattern.

* an ID card's number when OCR lost the 公民身份号码 label, and the back's validity period;
* a business license's credit code, and its issue date (the date line at the bottom, by the seal);
* the numbers printed without a label: a 不动产权证书号 at the top of the register page, a 食品经营许可证
  number or 结婚证字号 whose label OCR lost, the ID number of a household register card;
* the date under a power of attorney's signature line when no 日期 label precedes it.

A fallback only fills a field the labels did not; its confidence is lower than a labelled read.
"""

from __future__ import annotations

from collections.abc import Callable

from prereview.document import Field
from prereview.understanding.forms import read_title
from prereview.understanding.layout import Run
from prereview.understanding.normalize import find_date, is_date_only
from prereview.understanding.shapes import (
    parse_license_number,
    parse_marriage_number,
    parse_property_number,
)
from prereview.understanding.values import (
    REPAIRED_PENALTY,
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
SMUDGED_DATE = 0.7  # the date's 日 unreadable under the seal: a person should look

Fallback = Callable[[list[Run], set[int]], dict[str, Field]]


def _field(run: Run, parsed: Parsed, placement: float) -> Field:
    value = Value((Piece(run, 0, len(run.text)),), placement)
    confidence = value.confidence * (REPAIRED_PENALTY if parsed.repaired else 1.0)
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


def _lowest_date(runs: list[Run], used: set[int], key: str) -> dict[str, Field]:
    """The lowest line of the last page that is only a date (an issue or signing date)."""
    dates = [r for r in runs if id(r) not in used and _date_line(r.text)]
    if not dates:
        return {}
    run = max(dates, key=lambda r: (r.page, r.bbox[1]))
    used.add(id(run))
    placement = ISSUE_DATE if is_date_only(run.text) else SMUDGED_DATE
    return {k: _field(run, p, placement) for k, p in parse_date(key, run.text).items()}


def _date_line(text: str) -> bool:
    """A line that is only a date, or a date whose last character a seal smudged ("2026年03月10厚").

    >>> _date_line("2026年03月10日"), _date_line("2026年03月10厚"), _date_line("2026年03月10日登记")
    (True, True, False)
    """
    if is_date_only(text):
        return True
    found = find_date(text)
    return found is not None and found[1] == 0 and len(text) - found[2] == 1 and not text[-1].isdigit()


def business_license(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """The credit code by its shape, and the issue date: the lowest line that is only a date."""
    fields = _first(runs, used, "credit_code", parse_credit_code)
    fields.update(_lowest_date(runs, used, "issue_date"))
    return fields


def food_business_license(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """The license number and the credit code by their shapes."""
    fields = _first(runs, used, "license_number", parse_license_number)
    fields.update(_first(runs, used, "credit_code", parse_credit_code))
    return fields


def marriage_certificate(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """The 结婚证字号 by its shape (J110105-2015-001234)."""
    return _first(
        runs, used, "certificate_number", lambda k, t: parse_marriage_number(k, t) if "-" in t else {}
    )


def property_certificate(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """The certificate number, printed without a label at the top of the register page."""
    return _first(runs, used, "certificate_number", parse_property_number)


def power_of_attorney(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """The signing date: the lowest line that is only a date."""
    return _lowest_date(runs, used, "sign_date")


FALLBACKS: dict[str, Fallback] = {
    "id_card_front": id_card_front,
    "id_card_back": id_card_back,
    "business_license": business_license,
    "household_register": id_card_front,
    "marriage_certificate": marriage_certificate,
    "property_certificate": property_certificate,
    "food_business_license": food_business_license,
    "power_of_attorney": power_of_attorney,
    "application_form": read_title,
}
