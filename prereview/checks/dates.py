"""Dates as printed on materials, and validity against an evaluation date (``as_of``).

Dates are ISO ``YYYY-MM-DD`` strings (CONTRACT.md); an open-ended validity is the string ``"长期"``.
The calendar is Asia/Shanghai: "today" is the date in China, whatever the server's zone. A document is
valid through its ``valid_to`` day inclusive.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from zoneinfo import ZoneInfo

LONG_TERM = "长期"
SHANGHAI = ZoneInfo("Asia/Shanghai")
Validity = Literal["valid", "expired", "long_term", "unreadable"]


def today_in_shanghai(now: dt.datetime | None = None) -> dt.date:
    """The calendar date in China at ``now`` (default: the current instant).

    >>> today_in_shanghai(dt.datetime(2025, 3, 1, 17, 0, tzinfo=dt.UTC))
    datetime.date(2025, 3, 2)
    """
    moment = now or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(SHANGHAI).date()


def parse_date(value: Any) -> dt.date | None:
    """A date from an ISO string or a ``date``; ``None`` for anything else (including ``"长期"``).

    >>> parse_date("2024-05-01"), parse_date("2024-02-30"), parse_date(None), parse_date("😴")
    (datetime.date(2024, 5, 1), None, None, None)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def is_long_term(value: Any) -> bool:
    """``"长期"`` (also with stray spaces).

    >>> is_long_term(" 长期"), is_long_term("2030-01-01")
    (True, False)
    """
    return isinstance(value, str) and value.strip() == LONG_TERM


def validity_on(valid_to: Any, as_of: dt.date) -> Validity:
    """Whether a document whose validity ends on ``valid_to`` is still valid on ``as_of``.

    >>> d = dt.date(2024, 5, 1)
    >>> validity_on("2024-05-01", d), validity_on("2024-04-30", d), validity_on("长期", d), validity_on("", d)
    ('valid', 'expired', 'long_term', 'unreadable')
    """
    if is_long_term(valid_to):
        return "long_term"
    end = parse_date(valid_to)
    if end is None:
        return "unreadable"
    return "valid" if as_of <= end else "expired"


def add_years(day: dt.date, years: int) -> dt.date:
    """The same month and day ``years`` later; 29 February becomes 28 February in a common year.

    >>> add_years(dt.date(2020, 2, 29), 5), add_years(dt.date(2015, 3, 1), 10)
    (datetime.date(2025, 2, 28), datetime.date(2025, 3, 1))
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on ``day`` (the birthday itself counts; 29 February turns over on 1 March).

    >>> age_on(dt.date(2008, 6, 1), dt.date(2024, 6, 1)), age_on(dt.date(2008, 6, 1), dt.date(2024, 5, 31))
    (16, 15)
    >>> age_on(dt.date(2004, 2, 29), dt.date(2020, 2, 28)), age_on(dt.date(2004, 2, 29), dt.date(2020, 3, 1))
    (15, 16)
    """
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years
