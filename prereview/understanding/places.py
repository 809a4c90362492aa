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

_ROW = re.compile(r'^(\s*)(\d+) (?:county|province)="([^"]+)"')
_PERIOD = re.compile(r"^\[[0-9-]*\]")  # "[1997-1997]万县区,[1998-]万州区": the years each name was used
_GROUP_ROWS = frozenset(
    {"市辖区", "市区", "县", "市", "林区", "省直辖县级行政区划", "自治区直辖县级行政区划"}
)
MAX_PARTS = 3  # province, city, county


def _names(field: str) -> list[str]:
    """The names a row gives a division, current and former.

    >>> _names("[1997-1997]万县区,[1998-]万州区"), _names("道孚县")
    (['万县区', '万州区'], ['道孚县'])
    """
    return [_PERIOD.sub("", part).strip() for part in field.split(",") if part.strip()]


@functools.lru_cache(maxsize=1)
def division_names() -> frozenset[str]:
    """Every division name in the table (:func:`division_tree`'s provinces and the names under them).

    >>> {"北京市", "朝阳区", "克什克腾旗", "神农架林区"} <= division_names()
    True
    """
    tree = division_tree()
    return frozenset(n for province, cities in tree.items() for n in {province, *cities[""]} if len(n) >= 2)


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


@functools.lru_cache(maxsize=1)
def division_tree() -> dict[str, dict[str, frozenset[str]]]:
    """``{province: {"": every name under it, city: the counties under that city}}``.

    >>> tree = division_tree()
    >>> "道孚县" in tree["四川省"]["甘孜藏族自治州"], "朝阳区" in tree["北京市"][""]
    (True, True)
    >>> "万州区" in tree["重庆市"][""]  # a row with a former and a current name
    True
    >>> "昌邑区" in tree["吉林省"]["吉林市"]  # after the city's own 市辖区 row
    True
    """
    text = resources.files("stdnum").joinpath("cn/loc.dat").read_text(encoding="utf-8")
    tree: dict[str, dict[str, set[str]]] = {}
    province = city = ""
    for row in text.splitlines():
        match = _ROW.match(row)
        if match is None:
            continue
        indent, code, field = match.groups()
        names = _names(field)
        if not indent:
            province, city = names[-1], ""
            tree.setdefault(province, {"": set()})
            continue
        if any(name in _GROUP_ROWS or "直辖" in name for name in names):
            if code.endswith("00"):  # counties the province governs itself follow (4290 省直辖…)
                city = ""
            continue  # a city's own group row (0201 市辖区) leaves its counties under it
        tree[province][""].update(names)
        if code.endswith("00"):
            city = names[-1]
            tree[province].setdefault(city, set())
        elif city:
            tree[province][city].update(names)
    return {p: {c: frozenset(n) for c, n in cities.items()} for p, cities in tree.items()}


def _one_off(text: str, names: frozenset[str] | set[str] | list[str]) -> str | None:
    """The only name of three or more characters that ``text`` starts with but for one character
    (never when what ``text`` starts with is itself a division's name: 南京市 is not a misread 北京市)."""
    real = division_names()
    found = {
        name
        for name in names
        if len(name) >= 3
        and text[: len(name)] != name
        and text[: len(name)] not in real
        and len(text) >= len(name)
        and sum(a != b for a, b in zip(text[: len(name)], name, strict=True)) == 1
    }
    return found.pop() if len(found) == 1 else None


def _next_name(text: str, names: frozenset[str] | set[str] | list[str]) -> tuple[str, bool] | None:
    """The division name ``text`` starts with (the longest), else the one it misspells by a character."""
    exact = [name for name in names if text.startswith(name)]
    if exact:
        return max(exact, key=len), False
    near = _one_off(text, names)
    return (near, True) if near else None


def correct_place_prefix(text: str) -> tuple[str, bool]:
    """An address with its leading division names (province, city, county) spelt as in GB/T 2260 when
    OCR misread one character of a name, and whether any was corrected.

    A name is corrected only inside the division read before it (a county among its city's counties),
    only when exactly one real name is one character away, and never when the name read is real.

    >>> correct_place_prefix("四川省甘孜藏族自治州道平县")
    ('四川省甘孜藏族自治州道孚县', True)
    >>> correct_place_prefix("新疆维吾尔自治区乌鲁本齐市头屯河区团结南路241号")
    ('新疆维吾尔自治区乌鲁木齐市头屯河区团结南路241号', True)
    >>> correct_place_prefix("北京市朝阳区建国路88号"), correct_place_prefix("南京市玄武区中山路1号")
    (('北京市朝阳区建国路88号', False), ('南京市玄武区中山路1号', False))
    """
    tree = division_tree()
    found = _next_name(text, list(tree))
    if found is None:
        return text, False
    province, repaired = found
    out, rest = province, text[len(province) :]
    cities = tree[province]
    step = _next_name(rest, cities[""])
    if step is None:
        return out + rest, repaired
    name, fixed = step
    out, rest, repaired = out + name, rest[len(name) :], repaired or fixed
    counties = cities.get(name)
    if counties:
        step = _next_name(rest, counties)
        if step is not None:
            out, rest, repaired = out + step[0], rest[len(step[0]) :], repaired or step[1]
    return out + rest, repaired


@functools.lru_cache(maxsize=1)
def _chains() -> dict[int, frozenset[str]]:
    """Every run of division names a place can be written as (county; city + county; province + city
    (+ county); province + county; city), by length."""
    runs: set[str] = set()
    for province, cities in division_tree().items():
        runs.add(province)
        for county in cities[""]:
            runs.update((county, province + county))
        for city, counties in cities.items():
            if city:
                runs.update((city, province + city))
                for county in counties:
                    runs.update((city + county, province + city + county))
    by_length: dict[int, set[str]] = {}
    for run in runs:
        by_length.setdefault(len(run), set()).add(run)
    return {n: frozenset(r) for n, r in by_length.items()}


def correct_place(text: str) -> str | None:
    """The run of division names ``text`` is when OCR misread one of its characters: the only such run
    one character away; ``None`` when ``text`` is one already, or none or several are that close.

    >>> correct_place("吉林市義邑区"), correct_place("乐山市沙清区"), correct_place("乐山市沙湾区")
    ('吉林市昌邑区', '乐山市沙湾区', None)
    >>> correct_place("某某区"), correct_place("")  # several counties end in 某区? none is 某某区
    (None, None)
    """
    if len(text) < 3 or is_place(text):
        return None
    near = [
        run
        for run in _chains().get(len(text), ())
        if sum(a != b for a, b in zip(run, text, strict=True)) == 1
    ]
    return near[0] if len(near) == 1 else None
