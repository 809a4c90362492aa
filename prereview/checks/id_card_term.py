"""The validity term of a 居民身份证 against the age of its holder at issue (居民身份证法 §5).

Under 16 at issue → 5 years; 16–25 → 10 years; 26–45 → 20 years; 46 and over → 长期. A card whose
term does not follow the rule is not necessarily false (cards issued before the law took effect on
2004-01-01, temporary cards), so an irregular term is a ``warn`` for a person to look at, never a ``fail``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from prereview.checks.dates import LONG_TERM, add_years, age_on, is_long_term, parse_date

LAW_EFFECTIVE = dt.date(2004, 1, 1)
TermStatus = Literal["pass", "warn", "manual"]


@dataclass(frozen=True)
class TermFinding:
    status: TermStatus
    message: str
    expected_valid_to: str | None = None


def expected_term_years(age_at_issue: int) -> int | None:
    """Years of validity for a holder of this age at issue; ``None`` means 长期.

    >>> [expected_term_years(a) for a in (10, 16, 25, 26, 45, 46, 80)]
    [5, 10, 10, 20, 20, None, None]
    """
    if age_at_issue < 16:
        return 5
    if age_at_issue <= 25:
        return 10
    if age_at_issue <= 45:
        return 20
    return None


def check_id_card_term(valid_from: Any, valid_to: Any, birth_date: dt.date | None) -> TermFinding:
    """Whether ``valid_from``–``valid_to`` is the statutory term for someone born on ``birth_date``.

    >>> b = dt.date(1990, 3, 15)
    >>> check_id_card_term("2015-03-01", "2035-03-01", b).status   # 24 at issue → 10 years expected
    'warn'
    >>> check_id_card_term("2015-03-01", "2025-03-01", b).status
    'pass'
    >>> check_id_card_term("2040-01-01", "长期", b).status          # 49 at issue → 长期
    'pass'
    >>> check_id_card_term("", "2025-03-01", b).status
    'manual'
    """
    start = parse_date(valid_from)
    if start is None or birth_date is None or (parse_date(valid_to) is None and not is_long_term(valid_to)):
        return TermFinding("manual", "无法读取签发日期、有效期或出生日期，需人工核对证件有效期限")
    if start < LAW_EFFECTIVE:
        return TermFinding("pass", "证件签发于《居民身份证法》施行前，不核对有效期限年限")
    years = expected_term_years(age_on(birth_date, start))
    expected = LONG_TERM if years is None else add_years(start, years).isoformat()
    actual = LONG_TERM if is_long_term(valid_to) else str(parse_date(valid_to))
    if actual == expected:
        return TermFinding("pass", "有效期限符合法定年限", expected)
    term_text = "长期" if years is None else f"{years}年"
    return TermFinding(
        "warn",
        f"有效期限（{valid_from}至{valid_to}）与持证人签发时年龄对应的法定期限（{term_text}，应至{expected}）不符，"
        "需人工核对证件真实性",
        expected,
    )
