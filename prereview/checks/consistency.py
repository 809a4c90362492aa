"""Cross-material consistency: the same person or entity on two materials, compared after normalising.

Names are compared exactly after Unicode NFKC and removing spaces. A name with a middle dot (少数民族
and foreign names: 阿依古丽·买买提) or with a character outside GB 2312 (rare characters that OCR often
reads as a similar common one) cannot be decided by the machine: the comparison is ``manual``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

Comparison = Literal["pass", "fail", "manual"]
CompareMode = Literal["name", "id", "text", "address"]
_DOTS = "·•・‧∙."
_PUNCT = re.compile(r"[\s,，.。;；:：、'\"“”‘’\-—_/\\|()（）\[\]【】<>《》]")


def normalise_name(value: Any) -> str:
    """NFKC, no spaces.

    >>> normalise_name(" 张　三 "), normalise_name(None)
    ('张三', '')
    """
    if not isinstance(value, str):
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))


def normalise_id(value: Any) -> str:
    """Upper case, no spaces or hyphens.

    >>> normalise_id("11010519900315233x ")
    '11010519900315233X'
    """
    return re.sub(r"[\s\-]", "", normalise_name(value)).upper()


def normalise_text(value: Any) -> str:
    """For entity names and addresses: NFKC, no spaces or punctuation, brackets ignored.

    >>> normalise_text("北京市（朝阳区） 建国路1号") == normalise_text("北京市(朝阳区)建国路1号")
    True
    """
    return _PUNCT.sub("", normalise_name(value))


def is_rare_character(char: str) -> bool:
    """A CJK character outside GB 2312.

    >>> is_rare_character("张"), is_rare_character("堃"), is_rare_character("𠀾")
    (False, True, True)
    """
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def name_is_doubtful(value: Any) -> bool:
    """A name the machine should not judge alone: middle dots or rare characters.

    >>> name_is_doubtful("阿依古丽·买买提"), name_is_doubtful("王堃"), name_is_doubtful("张三")
    (True, True, False)
    """
    name = normalise_name(value)
    return any(c in _DOTS for c in name) or any(is_rare_character(c) for c in name)


def compare(a: Any, b: Any, mode: CompareMode = "text") -> Comparison:
    """Compare two printed values after normalising for ``mode``.

    >>> compare("张三", "张 三", "name"), compare("张三", "张山", "name"), compare("王堃", "王堃", "name")
    ('pass', 'fail', 'manual')
    >>> compare("11010519900315233x", "11010519900315233X", "id"), compare("", "x"), compare(None, None)
    ('pass', 'manual', 'manual')
    """
    if mode == "name" and (name_is_doubtful(a) or name_is_doubtful(b)):
        return "manual"
    normalise = {"name": normalise_name, "id": normalise_id}.get(mode, normalise_text)
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return "manual"
    return "pass" if left == right else "fail"
