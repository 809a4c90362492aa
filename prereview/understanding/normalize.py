"""Value normalisers: turn printed text into the value forms of CONTRACT.md.

Every function is pure and total: it returns ``None`` when the text does not hold such a value, never
guesses one. Dates become ISO ``YYYY-MM-DD``; an open-ended validity stays the string ``"长期"``.
"""

from __future__ import annotations

import datetime
import re

LONG_TERM = "长期"

_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SPACES = re.compile(r"\s+")
# A date as printed: 2015年6月9日, 2015.06.09, 2015-06-09, 2015/6/9, 20150609.
DATE_PATTERN = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:年|[.\-/])\s*(?P<m>\d{1,2})\s*(?:月|[.\-/])\s*(?P<d>\d{1,2})\s*日?"
    r"|(?P<cy>(?:19|20)\d{2})(?P<cm>[01]\d)(?P<cd>[0-3]\d)"
)
_RANGE_SEPARATOR = re.compile(r"\s*起?\s*(?:至|到|[-－—~～])\s*")


def fold_width(text: str) -> str:
    """Full-width ASCII (and the ideographic space) to half-width; CJK characters are untouched.

    >>> fold_width("ＡＢＣ１２３")
    'ABC123'
    >>> fold_width("北京（朝阳）有限公司：")
    '北京(朝阳)有限公司:'
    """
    return text.translate(_WIDTH_TABLE)


def compact(text: str) -> str:
    """Half-width text without any whitespace (OCR spaces letters out: "姓 名", "住　址").

    >>> compact(" 张　三 丰 ")
    '张三丰'
    """
    return _SPACES.sub("", fold_width(text))


def normalize_name(text: str) -> str | None:
    """A person's or an entity's name as printed: compact, without separators around it.

    >>> normalize_name("北京某某科技有限公司（朝阳分公司） ")
    '北京某某科技有限公司(朝阳分公司)'
    >>> normalize_name(" :张 三")
    '张三'
    >>> normalize_name("：") is None
    True
    """
    value = compact(text).strip(":;,.、·")
    return value or None


_CJK_PUNCTUATION = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def cjk_punctuation(text: str) -> str:
    """Chinese text with the full-width punctuation it is printed with, whichever width OCR read.

    A mark becomes full-width when a CJK character stands next to it (or to the bracket it closes),
    so "A,B" and "3.5" stay as they are.

    >>> cjk_punctuation("一般项目:小餐饮;餐饮服务。(除依法须经批准的项目外,凭营业执照依法自主开展经营活动)")
    '一般项目：小餐饮；餐饮服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）'
    >>> cjk_punctuation("有限责任公司(自然人独资)"), cjk_punctuation("A,B(1)")
    ('有限责任公司（自然人独资）', 'A,B(1)')
    """
    chars = list(text)
    for i, char in enumerate(chars):
        wide = _CJK_PUNCTUATION.get(char)
        if wide is None:
            continue
        before = chars[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if _is_cjk(before) or _is_cjk(after):
            chars[i] = wide
    return "".join(chars)


def normalize_sex(text: str) -> str | None:
    """``男`` or ``女`` when that is what the text says, else ``None`` (never read from the ID number).

    >>> normalize_sex(" 女 "), normalize_sex("男"), normalize_sex("未知")
    ('女', '男', None)
    """
    value = compact(text).strip(":")
    return value if value in ("男", "女") else None


def _date(year: str, month: str, day: str) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date in ``text`` as ``(iso, start, end)``, offsets into ``text``.

    >>> find_date("出生2015年6月9日")
    ('2015-06-09', 2, 11)
    >>> find_date("2015.06.31") is None
    True
    """
    for match in DATE_PATTERN.finditer(text):
        if match["y"]:
            iso = _date(match["y"], match["m"], match["d"])
        else:
            iso = _date(match["cy"], match["cm"], match["cd"])
        if iso:
            return iso, match.start(), match.end()
    return None


def normalize_date(text: str) -> str | None:
    """An ISO date from a printed date, or ``"长期"`` for an open end.

    >>> normalize_date("2015年6月9日"), normalize_date("2015.06.09"), normalize_date("2015-06-09")
    ('2015-06-09', '2015-06-09', '2015-06-09')
    >>> normalize_date("２０１５年０６月０９日"), normalize_date("长期"), normalize_date("2015年13月1日")
    ('2015-06-09', '长期', None)
    """
    text = compact(text)
    if text.startswith(LONG_TERM):
        return LONG_TERM
    found = find_date(text)
    return found[0] if found else None


def is_date_only(text: str) -> bool:
    """True when the text is a date and nothing else (an issue-date line, not a name).

    >>> is_date_only("2020年05月10日"), is_date_only("北京2020年")
    (True, False)
    """
    text = compact(text)
    match = DATE_PATTERN.fullmatch(text)
    return bool(match) and find_date(text) is not None


def split_validity(text: str) -> tuple[str | None, str | None]:
    """A validity period ``start-end`` (or ``start至end``) as ``(valid_from, valid_to)``.

    >>> split_validity("2015.06.09-2035.06.09")
    ('2015-06-09', '2035-06-09')
    >>> split_validity("2015年06月09日至长期")
    ('2015-06-09', '长期')
    >>> split_validity("长期")
    (None, '长期')
    >>> split_validity("自2015年06月09日至2035年06月08日")
    ('2015-06-09', '2035-06-08')
    >>> split_validity("自2026年09月24日起至2027年09月23日止。")
    ('2026-09-24', '2027-09-23')
    """
    text = compact(text).lstrip("自")
    if text.startswith(LONG_TERM):
        return None, LONG_TERM
    first = find_date(text)
    if first is None:
        return None, None
    rest = text[first[2] :]
    separator = _RANGE_SEPARATOR.match(rest)
    if separator is None:
        return first[0], None
    return first[0], normalize_date(rest[separator.end() :])
