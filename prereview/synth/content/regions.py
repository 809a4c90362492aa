"""Real administrative divisions (GB/T 2260 codes) for synthetic addresses and ID numbers.

Provenance: the county table ``stdnum/cn/loc.dat`` shipped with python-stdnum (>= 2.0), itself compiled from
the Chinese Wikipedia pages "中华人民共和国行政区划代码 (1区…8区)". Each line holds a code and a name, with an
optional ``[from-to]`` validity; we keep only divisions still valid today (no end year) and skip the
"市辖区"/"县" group rows, Taiwan, Hong Kong and Macau (their residents do not hold mainland ID cards).
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass
from importlib import resources

_MUNICIPALITIES = {"11", "12", "31", "50"}
_VALIDITY = re.compile(r"^\[(\d{4})?-(\d{4})?\]")
_GROUP_ROWS = {
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "省直辖行政单位",
    "省直辖县级行政单位",
    "自治区直辖县级行政单位",
    "林区",
}


@dataclass(frozen=True)
class Region:
    """A county-level division: its six-digit code and the names above it."""

    code: str
    province: str
    city: str  # prefecture-level city (for municipalities: the municipality itself)
    county: str
    since: int | None = None  # year the code came into use, when the table knows it

    @property
    def full_name(self) -> str:
        """Province + city + county as printed in an address (a municipality is not repeated).

        >>> Region("110105", "北京市", "北京市", "朝阳区").full_name
        '北京市朝阳区'
        >>> Region("440305", "广东省", "深圳市", "南山区").full_name
        '广东省深圳市南山区'
        """
        if self.province == self.city:
            return self.city + self.county
        return self.province + self.city + self.county

    @property
    def is_district(self) -> bool:
        """True for a city district (区), whose police are a 分局 of the city bureau."""
        return self.county.endswith("区") and not self.county.endswith("自治区")


def _current_name(raw: str) -> tuple[str | None, int | None]:
    """The name if the division is valid today (else None), and the year it came into use.

    >>> _current_name('"[1997-]通州区"')
    ('通州区', 1997)
    >>> _current_name('"[-2010]崇文区"')
    (None, None)
    """
    name = raw.split("=", 1)[-1].strip().strip('"')
    match = _VALIDITY.match(name)
    if match:
        if match.group(2):
            return None, None
        return name[match.end() :], int(match.group(1)) if match.group(1) else None
    return name, None


@functools.lru_cache(maxsize=1)
def all_regions() -> tuple[Region, ...]:
    """Every current county-level division of the mainland, in code order."""
    text = resources.files("stdnum").joinpath("cn/loc.dat").read_text(encoding="utf-8")
    regions: list[Region] = []
    province_code, province = "", ""
    cities: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            code, rest = line.split(" ", 1)
            province_code, province, cities = code, _current_name(rest)[0] or "", {}
            continue
        code, rest = line.strip().split(" ", 1)
        name, since = _current_name(rest)
        if name is None or province_code not in _PROVINCE_CODES:
            continue
        if code[2:] == "00":
            cities[code[:2]] = name
        elif name not in _GROUP_ROWS and not name.endswith("市辖区") and "區" not in name and name != "林区":
            city = province if province_code in _MUNICIPALITIES else cities.get(code[:2], "")
            if city in _GROUP_ROWS:  # 省直辖县级市 such as 仙桃市: the county is its own city
                city = name
            if city:
                regions.append(Region(province_code + code, province, city, name, since))
    return tuple(regions)


_PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65".split()  # noqa: SIM905
)


def pick_region(
    rng: random.Random, *, province_code: str | None = None, existed_in: int | None = None
) -> Region:
    """A random current county-level division, optionally within one province (two-digit code).

    City districts are drawn more often than rural counties, as most applicants live in cities.
    ``existed_in`` keeps divisions whose code was already in use that year (an ID number carries the
    code of the place of first registration, at birth).
    """
    regions = all_regions()
    if existed_in is not None:
        regions = tuple(r for r in regions if r.since is None or r.since <= existed_in)
    if province_code:
        regions = tuple(r for r in regions if r.code.startswith(province_code))
    districts = [r for r in regions if r.is_district]
    if districts and rng.random() < 0.6:
        return rng.choice(districts)
    return rng.choice(regions)


def police_authority(region: Region) -> str:
    """The public security bureau that issues ID cards in ``region``.

    >>> police_authority(Region("440305", "广东省", "深圳市", "南山区"))
    '深圳市公安局南山分局'
    >>> police_authority(Region("130423", "河北省", "邯郸市", "临漳县"))
    '临漳县公安局'
    """
    if region.is_district:
        stem = region.county[:-1] if len(region.county) > 2 else region.county
        return f"{region.city}公安局{stem}分局"
    return f"{region.county}公安局"


def market_authority(region: Region) -> str:
    """The market regulation bureau that registers businesses in ``region``.

    >>> market_authority(Region("440305", "广东省", "深圳市", "南山区"))
    '深圳市南山区市场监督管理局'
    """
    return (
        f"{region.city}{region.county}市场监督管理局"
        if region.is_district
        else f"{region.county}市场监督管理局"
    )


def civil_affairs_authority(region: Region) -> str:
    """The marriage registry (民政局) of ``region``.

    >>> civil_affairs_authority(Region("110105", "北京市", "北京市", "朝阳区"))
    '北京市朝阳区民政局'
    """
    return f"{region.city}{region.county}民政局" if region.is_district else f"{region.county}民政局"


def birth_region(rng: random.Random, region: Region, year: int) -> Region:
    """``region`` if its code was in use in ``year``, else a division of the same city (or province) that was.

    >>> tongzhou = Region("110112", "北京市", "北京市", "通州区", 1997)
    >>> birth_region(random.Random(0), tongzhou, 1990).since in (None, 1986)
    True
    """
    if region.since is None or region.since <= year:
        return region
    for prefix in (region.code[:4], region.code[:2]):
        older = [
            r for r in all_regions() if r.code.startswith(prefix) and (r.since is None or r.since <= year)
        ]
        if older:
            return rng.choice(older)
    return pick_region(rng, existed_in=year)
