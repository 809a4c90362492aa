"""Identifier readings: find an ID number or credit code in text and fix only impossible characters.

The rule (CONTRACT.md "Values are what the document visibly prints"): a character that is *legal* in
its position is never changed, so a wrong check character stays visible and fails its check. A
character that *cannot* occur in its position (``O`` among the digits of an ID number; ``I O Z S V``,
which the credit-code alphabet leaves out) may be mapped to the digit it was surely meant to be — and
only when the result then passes its checksum. Such a value is marked ``repaired``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum.cn import ric, uscc

from prereview.checks.identifiers import birth_date_ok
from prereview.understanding.normalize import compact

# What OCR reads for a digit in a digits-only position.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_CHECK_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "×": "X"})
# Letters outside the GB 32100 alphabet (no I O Z S V) that stand for a digit.
_USCC_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "Z": "2", "S": "5"})

ID_NUMBER_PATTERN = re.compile(r"(?<![0-9A-Za-z])[0-9OoIl|]{17}[0-9Xx×OoIl|](?![0-9A-Za-z])")
CREDIT_CODE_PATTERN = re.compile(r"(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])")


@dataclass(frozen=True)
class Reading:
    """An identifier as read: ``value`` (upper-case, no spaces), where it was in the text, and
    whether an impossible character was mapped."""

    value: str
    start: int
    end: int
    repaired: bool = False


def read_id_number(text: str) -> Reading | None:
    """The first 18-character 公民身份号码 in ``text`` (offsets into ``compact(text)``).

    >>> read_id_number("公民身份号码110105199003152338")
    Reading(value='110105199003152338', start=6, end=24, repaired=False)

    ``O`` in a digit position becomes ``0`` when the checksum then passes:

    >>> read_id_number("11O105199003152338").value, read_id_number("11O105199003152338").repaired
    ('110105199003152338', True)

    A wrong check character is a legal character: it stays as printed.

    >>> read_id_number("110105199003152331")
    Reading(value='110105199003152331', start=0, end=18, repaired=False)
    """
    text = compact(text)
    match = ID_NUMBER_PATTERN.search(text)
    if match is None:
        return None
    printed = match.group()[:17] + match.group()[17].replace("x", "X")  # case is not a repair
    candidate = printed[:17].translate(_DIGIT_LOOKALIKES) + printed[17].translate(_CHECK_LOOKALIKES)
    if candidate != printed and _ric_checksum_ok(candidate):
        return Reading(candidate, match.start(), match.end(), repaired=True)
    return Reading(printed, match.start(), match.end())


def read_credit_code(text: str) -> Reading | None:
    """The first 18-character 统一社会信用代码 in ``text`` (offsets into ``compact(text)``).

    >>> read_credit_code("统一社会信用代码 91350100M000100Y43")
    Reading(value='91350100M000100Y43', start=8, end=26, repaired=False)
    >>> read_credit_code("9135O1OOM000100Y43").repaired
    True
    >>> read_credit_code("91350100M000100Y44").value  # wrong check character: kept
    '91350100M000100Y44'
    """
    text = compact(text).upper()
    match = CREDIT_CODE_PATTERN.search(text)
    if match is None:
        return None
    printed = match.group()
    candidate = printed.translate(_USCC_LOOKALIKES)
    if candidate != printed and uscc.is_valid(candidate):
        return Reading(candidate, match.start(), match.end(), repaired=True)
    return Reading(printed, match.start(), match.end())


def _ric_checksum_ok(number: str) -> bool:
    """MOD 11-2 only (the region check is the checks stage's business).

    >>> _ric_checksum_ok("110105199003152338"), _ric_checksum_ok("110105199003152331")
    (True, False)
    """
    return number[:17].isdigit() and ric.calc_check_digit(number) == number[17]


def id_number_within(text: str) -> Reading | None:
    """The one 18-character window of a run one or two characters too long that is a 公民身份号码 by its
    checksum and birth date, when OCR ran a stray mark beside the number into it ("公民身份号码1" above
    "110109198108192150"). Only for text known to hold one ID number (a value tagged as one): a bank
    account in free text would pass by chance too often. ``None`` when no window or several pass.

    >>> read_id_number("1110109198108192150") is None, id_number_within("1110109198108192150")
    (True, Reading(value='110109198108192150', start=1, end=19, repaired=True))
    >>> id_number_within("110109198108192150"), id_number_within("12345678901234567890")
    (None, None)
    """
    text = compact(text).upper()
    if not 18 < len(text) <= 20:
        return None
    found = [
        Reading(text[i : i + 18], i, i + 18, repaired=True)
        for i in range(len(text) - 17)
        if _ric_checksum_ok(text[i : i + 18])
        and birth_date_ok(text[i : i + 18])
        and 1900 <= int(text[i + 6 : i + 10]) <= 2100
    ]
    return found[0] if len(found) == 1 else None
