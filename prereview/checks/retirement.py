"""Whether a person has reached the statutory retirement age — a deliberately simple, documented rule.

Before 2025: men 60; women 50 (workers) or 55 (cadres). The 2025 reform (全国人大常委会《关于实施渐进式
延迟法定退休年龄的决定》, in force 2025-01-01) raises these over fifteen years by one month every four
(men to 63, women to 55/58) for people whose original retirement date falls on or after 2025-01-01.

We do not compute the month-exact raised age or the job category. Instead:

* men: under 60 → below; 63 or over → reached; 60–62 → reached only if they turned 60 before 2025,
  else unknown (the transition window);
* women: under 50 → below; 58 or over → reached; 55–57 and turned 55 before 2025 → reached; everything
  else (50–57: job category and transition unknown) → unknown.

"Unknown" sends the condition to a person (``manual``), never to a pass or a fail.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from prereview.checks.dates import add_years, age_on

REFORM_START = dt.date(2025, 1, 1)
RetirementStatus = Literal["below", "reached"]


def retirement_status(birth: dt.date, sex: str, as_of: dt.date) -> RetirementStatus | None:
    """``below``, ``reached`` or ``None`` (cannot be decided by the simple rule).

    >>> b = dt.date
    >>> today = b(2026, 1, 1)
    >>> retirement_status(b(1970, 1, 1), "男", today), retirement_status(b(1960, 1, 1), "男", today)
    ('below', 'reached')
    >>> retirement_status(b(1965, 6, 1), "男", b(2026, 1, 1)) is None   # turned 60 in 2025: transition
    True
    >>> retirement_status(b(1980, 1, 1), "女", today), retirement_status(b(1972, 1, 1), "女", today)
    ('below', None)
    """
    age = age_on(birth, as_of)
    if sex == "男":
        base, top = 60, 63
    elif sex == "女":
        base, top = 50, 58
    else:
        return None
    if age < base:
        return "below"
    if age >= top:
        return "reached"
    settled_age = 60 if sex == "男" else 55
    if age >= settled_age and add_years(birth, settled_age) < REFORM_START:
        return "reached"
    return None
