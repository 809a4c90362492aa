"""What a renderer is given: the facts, the layout variant, the value font, the defects to print, a
seeded random source, and small helpers that print identifiers and dates as documents do."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from prereview.synth.content.identifiers import wrong_credit_check, wrong_id_check


@dataclass
class RenderContext:
    rng: random.Random
    facts: dict[str, Any]
    variant: str  # "v1", "v2", ...
    font: str  # font id for values
    defects: frozenset[str]

    @property
    def as_of(self) -> date:
        return self.facts["as_of"]

    def has(self, defect: str) -> bool:
        return defect in self.defects

    def jitter(self, amount: float) -> float:
        """A small random offset in ``[-amount, amount]`` pixels."""
        return self.rng.uniform(-amount, amount)

    def scale(self, size: float, spread: float = 0.05) -> int:
        """``size`` varied by up to ``spread`` (a fraction)."""
        return round(size * self.rng.uniform(1 - spread, 1 + spread))

    def id_number(self, number: str) -> str:
        """The ID number as printed: with a wrong check character under ``wrong_check_char``."""
        return wrong_id_check(self.rng, number) if self.has("wrong_check_char") else number

    def credit_code(self, code: str) -> str:
        """The credit code as printed: with a wrong check character under ``wrong_check_char``."""
        return wrong_credit_check(self.rng, code) if self.has("wrong_check_char") else code


def iso(day: date | str | None) -> str | None:
    """A label value for a date: ISO, or "长期" as is.

    >>> iso(date(2035, 6, 9)), iso("长期"), iso(None)
    ('2035-06-09', '长期', None)
    """
    if day is None or isinstance(day, str):
        return day
    return day.isoformat()


def cn_date(day: date, *, pad: bool = True) -> str:
    """A date as forms print it.

    >>> cn_date(date(2015, 6, 9)), cn_date(date(2015, 6, 9), pad=False)
    ('2015年06月09日', '2015年6月9日')
    """
    if pad:
        return f"{day.year}年{day.month:02d}月{day.day:02d}日"
    return f"{day.year}年{day.month}月{day.day}日"


def dotted(day: date | str) -> str:
    """A date as the ID card back prints it.

    >>> dotted(date(2015, 6, 9)), dotted("长期")
    ('2015.06.09', '长期')
    """
    return day if isinstance(day, str) else f"{day:%Y.%m.%d}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def capital_in_words(amount_wan: int) -> str:
    """A registered capital of up to 9999 万元 in financial numerals.

    >>> capital_in_words(50), capital_in_words(200), capital_in_words(3), capital_in_words(105)
    ('伍拾万元整', '贰佰万元整', '叁万元整', '壹佰零伍万元整')
    """
    units = ((1000, "仟"), (100, "佰"), (10, "拾"), (1, ""))
    out, zero = "", False
    for unit, name in units:
        digit = amount_wan // unit % 10
        if digit:
            out += ("零" if zero and out else "") + _DIGITS[digit] + name
            zero = False
        elif out:
            zero = True
    return out + "万元整"
