"""Calendar helpers for synthetic documents: whole-year terms and random days in a range."""

from __future__ import annotations

import random
from datetime import date, timedelta


def add_years(day: date, years: int) -> date:
    """The same month and day ``years`` later (29 February becomes 28 February).

    >>> add_years(date(2016, 2, 29), 10)
    datetime.date(2026, 2, 28)
    >>> add_years(date(2015, 6, 9), 20)
    datetime.date(2035, 6, 9)
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def random_day(rng: random.Random, start: date, end: date) -> date:
    """A day in ``[start, end]`` (``start`` when the range is empty).

    >>> random_day(random.Random(0), date(2020, 1, 1), date(2020, 1, 1))
    datetime.date(2020, 1, 1)
    """
    span = (end - start).days
    return start + timedelta(days=rng.randint(0, span)) if span > 0 else start


def age_on(birth: date, day: date) -> int:
    """Whole years of age on ``day``.

    >>> age_on(date(2000, 6, 10), date(2016, 6, 9)), age_on(date(2000, 6, 10), date(2016, 6, 10))
    (15, 16)
    """
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
