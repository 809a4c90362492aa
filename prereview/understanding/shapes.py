"""Value shapes beyond names and dates: phone numbers, license and certificate numbers, areas, authorities.

Each parser takes the compact text after a label and returns the value as printed (never corrected)
with the span it came from, or nothing when the text does not have the shape — a bare year is not an
authority, a date is not a phone number.
"""

from __future__ import annotations

import re

from prereview.understanding.normalize import fold_width, is_date_only
from prereview.understanding.values import Parsed, parse_name

PHONE_PATTERN = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
# 食品经营许可证编号: "JY" + 14 digits (older "SP"/"SC" + digits also occur).
LICENSE_NUMBER_PATTERN = re.compile(r"(?<![0-9A-Z])(?:JY|SP|SC|JS)[0-9]{13,15}(?![0-9])")
# 不动产权证书号: 粤(2019)深圳市不动产权第0123456号; the place may be a long autonomous county's name
# (积石山保安族东乡族撒拉族自治县, 15 characters)
PROPERTY_NUMBER_PATTERN = re.compile(r"[\u4e00-\u9fff]\(\d{4}\)[\u4e00-\u9fff]{1,20}不动产权第\d{5,9}号")
# 结婚证字号: J110105-2015-001234 (older ones: 京朝结字第123号 and similar)
MARRIAGE_NUMBER_PATTERN = re.compile(
    r"(?<![0-9A-Z])[JLB]\d{6}-\d{4}-\d{5,7}(?!\d)|[\u4e00-\u9fff]{1,6}字第\d+号"
)
# the unit's superscript is small: OCR often drops it ("89.56m") or reads only it ("89.56²")
AREA_PATTERN = re.compile(r"(\d+(?:\.\d+)?)\s*(?:㎡|m2|m²|m|²|平方米|平米|$)")
ACCOUNT_PATTERN = re.compile(r"(?<!\d)\d{12,21}(?!\d)")
# An organisation that issues or registers: ends in one of these words (局, 分局, 委员会, 派出所…).
AUTHORITY_ENDINGS = (
    "局",
    "委员会",
    "所",
    "厅",
    "处",
    "办公室",
    "中心",
    "政府",
    "部",
    "院",
    "管委会",
    "站",
    "科",
)


def _match(key: str, text: str, pattern: re.Pattern[str], group: int = 0) -> dict[str, Parsed]:
    found = pattern.search(text)
    if found is None:
        return {}
    return {key: Parsed(found.group(group), found.start(group), found.end(group))}


def parse_phone(key: str, text: str) -> dict[str, Parsed]:
    """A mobile or landline number.

    >>> parse_phone("phone", ":13898648873")["phone"].value
    '13898648873'
    >>> parse_phone("phone", "2026年11月28日")
    {}
    """
    return _match(key, text, PHONE_PATTERN)


def parse_license_number(key: str, text: str) -> dict[str, Parsed]:
    """A 食品经营许可证 number.

    >>> parse_license_number("license_number", "JY12204210970583")["license_number"].value
    'JY12204210970583'
    """
    return _match(key, text.upper(), LICENSE_NUMBER_PATTERN)


def canonical_property_number(text: str) -> str:
    """A 不动产权证书号 with the full-width brackets it is printed with.

    >>> canonical_property_number("粤(2019)深圳市不动产权第0123456号")
    '粤（2019）深圳市不动产权第0123456号'
    """
    return fold_width(text).replace("(", "（").replace(")", "）")


def parse_property_number(key: str, text: str) -> dict[str, Parsed]:
    """A 不动产权证书号 by its shape.

    >>> parse_property_number("n", "甘(2023)积石山保安族东乡族撒拉族自治县不动产权第9124191号")["n"].value
    '甘（2023）积石山保安族东乡族撒拉族自治县不动产权第9124191号'
    """
    found = PROPERTY_NUMBER_PATTERN.search(fold_width(text))
    if found is None:
        return {}
    return {key: Parsed(canonical_property_number(found.group()), found.start(), found.end())}


def parse_marriage_number(key: str, text: str) -> dict[str, Parsed]:
    """A 结婚证字号 by its shape, else the printed text when it is not a date.

    >>> parse_marriage_number("certificate_number", "J120119-2024-008158")["certificate_number"].value
    'J120119-2024-008158'
    """
    found = _match(key, text.upper(), MARRIAGE_NUMBER_PATTERN)
    return found or parse_name(key, text)


def parse_area(key: str, text: str) -> dict[str, Parsed]:
    """The number of square metres, without its unit (the last area printed: 房屋建筑面积 after 宗地面积).

    >>> parse_area("area", "共有宗地面积/房屋建筑面积89.56㎡")["area"].value
    '89.56'
    >>> parse_area("area", "89.56平方米")["area"].value, parse_area("area", "建筑面积163.79")["area"].value
    ('89.56', '163.79')
    >>> parse_area("area", "房屋建筑面积176.72m")["area"].value
    '176.72'
    """
    found = list(AREA_PATTERN.finditer(text))
    if not found:
        return {}
    last = found[-1]
    return {key: Parsed(last.group(1), last.start(1), last.end(1))}


def parse_account(key: str, text: str) -> dict[str, Parsed]:
    """A bank or social-security card account number (digits only)."""
    return _match(key, text, ACCOUNT_PATTERN)


def parse_authority(key: str, text: str) -> dict[str, Parsed]:
    """An organisation's name: text that ends like one (局, 委员会, 派出所…), never a bare date or year.

    >>> parse_authority("authority", "北京市朝阳区市场监督管理局")["authority"].value
    '北京市朝阳区市场监督管理局'
    >>> parse_authority("authority", "2016"), parse_authority("authority", "2016年08月07日")
    ({}, {})
    """
    found = parse_name(key, text)
    value = found[key].value if found else ""
    if not value or is_date_only(value) or not value.endswith(AUTHORITY_ENDINGS) or len(value) < 3:
        return {}
    return found


PARSERS = {
    "phone": parse_phone,
    "license_number": parse_license_number,
    "property_number": parse_property_number,
    "marriage_number": parse_marriage_number,
    "area": parse_area,
    "account": parse_account,
    "authority": parse_authority,
}
