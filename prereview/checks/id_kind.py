"""What kind of identity number a printed value is, so rules know when they can trust it.

Only a checksum-valid 18-character 居民身份号码 supports automatic decisions (age, sex). Everything
else — 港澳台居民居住证 (81/82/83…), 外国人永久居留身份证 (starts with 9), legacy 15-digit numbers,
passports and other papers — goes to a person (``manual``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from prereview.checks.identifiers import check_id_number

IdKind = Literal[
    "resident", "residence_permit", "permanent_residence", "legacy_15", "passport", "invalid", "unknown"
]

KIND_NAMES: dict[str, str] = {
    "resident": "居民身份证号码",
    "residence_permit": "港澳台居民居住证号码",
    "permanent_residence": "外国人永久居留身份证号码",
    "legacy_15": "15位旧版身份证号码",
    "passport": "护照或通行证号码",
    "invalid": "校验未通过的身份号码",
    "unknown": "无法识别的证件号码",
}
_PASSPORT = re.compile(
    r"^(?:E[A-F0-9]\d{7}|[SDPG]E?\d{7,8}|K\d{8}|MA\d{7}|[HM]\d{8,10}|C[A-Z0-9]\d{7}|W\d{8})$"
)


@dataclass(frozen=True)
class IdReading:
    """A classified number; ``birth_date`` and ``sex`` only for a checksum-valid resident number."""

    number: str
    kind: IdKind
    birth_date: dt.date | None = None
    sex: Literal["男", "女"] | None = None
    warning: str | None = None  # a resident number stdnum doubts on a component (unknown region)


def compact(value: Any) -> str:
    """Upper-case without spaces or separators; ``""`` for non-strings.

    >>> compact(" 1101 0519-9003152338 "), compact(None)
    ('110105199003152338', '')
    """
    if not isinstance(value, str):
        return ""
    return re.sub(r"[\s\-]", "", value).upper()


def read_id_number(value: Any) -> IdReading:
    """Classify a printed number and, when it is a valid resident number, read birth date and sex.

    Pure, and memoised on the compacted number (stdnum's region lookup is the slow part).

    >>> r = read_id_number("110105199003152338")
    >>> r.kind, r.birth_date, r.sex, r.warning
    ('resident', datetime.date(1990, 3, 15), '男', None)
    >>> read_id_number("110105199003152331").kind, read_id_number("810000199003152336").kind
    ('invalid', 'residence_permit')
    >>> read_id_number("110105900315233").kind, read_id_number("E12345678").kind, read_id_number("😴").kind
    ('legacy_15', 'passport', 'unknown')
    """
    return _classify(compact(value))


@lru_cache(maxsize=4096)
def _classify(number: str) -> IdReading:
    if re.fullmatch(r"\d{15}", number):
        return IdReading(number, "legacy_15")
    if _PASSPORT.fullmatch(number):
        return IdReading(number, "passport")
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return IdReading(number, "unknown")
    check = check_id_number(number)
    if check.status == "fail":
        return IdReading(number, "invalid")
    if number[:2] in ("81", "82", "83"):
        return IdReading(number, "residence_permit")
    if number.startswith("9"):
        return IdReading(number, "permanent_residence")
    birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    warning = check.message if check.status == "warn" else None
    return IdReading(number, "resident", birth, "男" if int(number[16]) % 2 else "女", warning)
