"""Identifier validity with python-stdnum: 公民身份号码 (GB 11643) and 统一社会信用代码 (GB 32100).

Each identifier field gets exactly one :class:`~prereview.document.Check`. Its ``code`` names the rule
that decided it — ``<kind>_checksum`` when the number passes or its check character is wrong, else the
reason stdnum gave, mapped from its typed errors:

================== ============================ ==============================
stdnum error        ID number (``id_number_*``)  credit code (``credit_code_*``)
================== ============================ ==============================
InvalidChecksum     ``checksum``  fail           ``checksum``  fail
InvalidLength       ``length``    fail           ``length``    fail
InvalidFormat       ``format``    fail           ``format``    fail
InvalidComponent    ``birth_date`` fail, or      —
                    ``region``    warn
================== ============================ ==============================

Where stdnum is known to be stricter than the real world the check degrades to ``warn`` (a person
looks), never ``fail``: a region code stdnum does not know (retired or too new) when the MOD 11-2
check character is right; 港澳台居民居住证 numbers (810000/820000/830000) and the 外国人永久居留身份证
numbers that start with 9, which stdnum rejects although they use the same layout and check; credit
codes whose first two characters are letters of the GB 32100 alphabet (登记管理部门 A, N, Y…), which
stdnum takes for digits only. (stdnum 2.2 raises a bare ``KeyError`` for a region code that names a
province or city but no county, e.g. ``110199``; that is treated as an unknown region too.)
"""

from __future__ import annotations

import datetime

from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.iso7064 import mod_11_2

from prereview.document import Check, Field

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_PERMIT_REGIONS = {
    "81": "港澳台居民居住证（香港）",
    "82": "港澳台居民居住证（澳门）",
    "83": "港澳台居民居住证（台湾）",
}

ID_MESSAGES = {
    "checksum_pass": "公民身份号码校验通过",
    "checksum": "公民身份号码校验位错误，请核对证件号码",
    "length": "公民身份号码应为18位，请核对证件号码或重新拍摄清晰的证件照片",
    "format": "公民身份号码含有无效字符（前17位应为数字，末位为数字或X），请核对证件号码",
    "birth_date": "公民身份号码中的出生日期无效，请核对证件号码",
    "region": "公民身份号码的地址码未能识别（可能为已调整的行政区划），校验位正确，需人工核对",
    "permit": "该号码为{kind}号码，校验位正确，需人工核对证件类型",
    "foreign": "该号码为外国人永久居留身份证号码，校验位正确，需人工核对证件类型",
}
CREDIT_MESSAGES = {
    "checksum_pass": "统一社会信用代码校验通过",
    "checksum": "统一社会信用代码校验位错误，请核对营业执照上的代码",
    "length": "统一社会信用代码应为18位，请核对代码或重新拍摄清晰的营业执照照片",
    "format": "统一社会信用代码含有无效字符（不使用I、O、Z、S、V），请核对代码",
    "department": "统一社会信用代码的登记管理部门码为字母，校验位正确，需人工核对",
}


def birth_date_ok(number: str) -> bool:
    """Whether characters 7–14 are a real date.

    >>> birth_date_ok("810000199002300000"), birth_date_ok("810000199002280000")
    (False, True)
    """
    try:
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return True


def _id_lenient(number: str, field: str) -> Check:
    """The verdict for a number stdnum rejected on a component: region, permit, or a bad date."""
    if not birth_date_ok(number):
        return Check("id_number_birth_date", field, "fail", ID_MESSAGES["birth_date"])
    if not mod_11_2.is_valid(number):  # stdnum checks the check character first; kept for safety
        return Check("id_number_checksum", field, "fail", ID_MESSAGES["checksum"])
    if number[:2] in _PERMIT_REGIONS:
        message = ID_MESSAGES["permit"].format(kind=_PERMIT_REGIONS[number[:2]])
        return Check("id_number_region", field, "warn", message)
    if number.startswith("9"):
        return Check("id_number_region", field, "warn", ID_MESSAGES["foreign"])
    return Check("id_number_region", field, "warn", ID_MESSAGES["region"])


def check_id_number(value: str, field: str = "id_number") -> Check:
    """Validate a 公民身份号码 as printed.

    >>> check_id_number("110105199003152338").status
    'pass'
    >>> check = check_id_number("110105199003152331")
    >>> check.code, check.status, check.message
    ('id_number_checksum', 'fail', '公民身份号码校验位错误，请核对证件号码')
    >>> check_id_number("11010519900315233").code
    'id_number_length'
    >>> check_id_number("810000199003152336").status  # HK/MO/TW residence permit, MOD 11-2 valid
    'warn'
    >>> check_id_number("810000199003152331").status  # same permit, wrong check character
    'fail'
    >>> check_id_number("110199199003152338").code  # MOD 11-2 valid, region code stdnum does not know
    'id_number_region'
    """
    number = ric.compact(value)
    try:
        ric.validate(number)
    except InvalidChecksum:
        return Check("id_number_checksum", field, "fail", ID_MESSAGES["checksum"])
    except InvalidLength:
        return Check("id_number_length", field, "fail", ID_MESSAGES["length"])
    except InvalidFormat:
        return Check("id_number_format", field, "fail", ID_MESSAGES["format"])
    except (InvalidComponent, ValidationError, KeyError):  # stdnum 2.2 raises KeyError for some regions
        return _id_lenient(number, field)
    return Check("id_number_checksum", field, "pass", ID_MESSAGES["checksum_pass"])


def _uscc_lenient(number: str, field: str) -> Check:
    """A code stdnum calls malformed: letters of the alphabet in places 1–2 only degrade to ``warn``."""
    shape_ok = all(c in _USCC_ALPHABET for c in number[:2] + number[8:]) and number[2:8].isdigit()
    if shape_ok and uscc.calc_check_digit(number) == number[17]:
        return Check("credit_code_format", field, "warn", CREDIT_MESSAGES["department"])
    if shape_ok:
        return Check("credit_code_checksum", field, "fail", CREDIT_MESSAGES["checksum"])
    return Check("credit_code_format", field, "fail", CREDIT_MESSAGES["format"])


def check_credit_code(value: str, field: str = "credit_code") -> Check:
    """Validate a 统一社会信用代码 as printed.

    >>> check_credit_code("91350100M000100Y43").status
    'pass'
    >>> check_credit_code("91350100M000100Y44").code, check_credit_code("91350100M000100Y44").status
    ('credit_code_checksum', 'fail')
    >>> check_credit_code("91350100M0001OOY43").code
    'credit_code_format'
    """
    number = uscc.compact(value)
    try:
        uscc.validate(number)
    except InvalidChecksum:
        return Check("credit_code_checksum", field, "fail", CREDIT_MESSAGES["checksum"])
    except InvalidLength:
        return Check("credit_code_length", field, "fail", CREDIT_MESSAGES["length"])
    except (InvalidFormat, ValidationError):
        return _uscc_lenient(number, field)
    return Check("credit_code_checksum", field, "pass", CREDIT_MESSAGES["checksum_pass"])


def check_identifiers(fields: dict[str, Field]) -> list[Check]:
    """One check per identifier field: keys ``id_number`` / ``*_id_number`` and ``credit_code``.

    >>> code = Field("91350100M000100Y43", 0.9, 0, (0, 0, 1, 1))
    >>> [c.code for c in check_identifiers({"credit_code": code})]
    ['credit_code_checksum']
    """
    checks = []
    for key, field in fields.items():
        if not isinstance(field.value, str):
            continue
        if key == "id_number" or key.endswith("_id_number"):
            checks.append(check_id_number(field.value, key))
        elif key == "credit_code":
            checks.append(check_credit_code(field.value, key))
    return checks
