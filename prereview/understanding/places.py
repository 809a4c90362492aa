"""Names of China's administrative divisions (GB/T 2260), to tell a place name read right from a misread.

The names come from the county table ``stdnum/cn/loc.dat`` that python-stdnum ships (compiled from the
Chinese Wikipedia lists of division codes): provinces, prefecture-level cities and counties, current and
former (an authority keeps printing a renamed county on old seals and certificates). Group rows such as
"市辖区" are not names of a place and are left out.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

_NAME = re.compile(r'(?:county|province)="(?:\[[0-9-]*\])?([^"]+)"')
_GROUP_ROWS = frozenset({"市辖区", "县", "林区", "省直辖县级行政区划", "自治区直辖县级行政区划"})
MAX_PARTS = 3  # province, city, county


@functools.lru_cache(maxsize=1)
def division_names() -> frozenset[str]:
    """Every division name in the table.

    >>> {"北京市", "朝阳区", "克什克腾旗", "神农架林区"} <= division_names()
    True
    """
    text = resources.files("stdnum").joinpath("cn/loc.dat").read_text(encoding="utf-8")
    names = {match.group(1) for match in _NAME.finditer(text)}
    return frozenset(n for n in names if len(n) >= 2 and n not in _GROUP_ROWS and "直辖" not in n)


def is_place(text: str, parts: int = MAX_PARTS) -> bool:
    """True when ``text`` is one to three division names in a row ("上海市杨浦区", "东海县").

    >>> is_place("上海市杨浦区"), is_place("乐山市沙湾区"), is_place("东海县"), is_place("克什克腾旗")
    (True, True, True, True)
    >>> is_place("乐山市沙清区"), is_place("天津市红桥"), is_place("")
    (False, False, False)
    """
    if not text or parts == 0:
        return False
    names = division_names()
    if text in names:
        return True
    return any(text[:cut] in names and is_place(text[cut:], parts - 1) for cut in range(2, len(text) - 1))
