"""Makers for the records that tie people together: marriages, properties, leases, food licenses."""

from __future__ import annotations

import random
from datetime import date, timedelta

from prereview.synth.content.addresses import street_address
from prereview.synth.content.dates import add_years, random_day
from prereview.synth.content.facts import Company, FoodLicense, Lease, Marriage, Person, Property, make_person
from prereview.synth.content.regions import Region, civil_affairs_authority, pick_region

PROVINCE_ABBREVIATIONS = {
    "11": "京",
    "12": "津",
    "13": "冀",
    "14": "晋",
    "15": "蒙",
    "21": "辽",
    "22": "吉",
    "23": "黑",
    "31": "沪",
    "32": "苏",
    "33": "浙",
    "34": "皖",
    "35": "闽",
    "36": "赣",
    "37": "鲁",
    "41": "豫",
    "42": "鄂",
    "43": "湘",
    "44": "粤",
    "45": "桂",
    "46": "琼",
    "50": "渝",
    "51": "川",
    "52": "贵",
    "53": "云",
    "54": "藏",
    "61": "陕",
    "62": "甘",
    "63": "青",
    "64": "宁",
    "65": "新",
}
USAGES = ("住宅", "住宅", "住宅", "商业", "商业服务", "办公")


def make_marriage(
    rng: random.Random, *, as_of: date, region: Region | None = None, age_range: tuple[int, int] = (22, 45)
) -> Marriage:
    """A couple married in ``region`` a few years before ``as_of``; both old enough when they married."""
    region = region or pick_region(rng)
    husband = make_person(rng, as_of=as_of, age_range=age_range, sex="男", region=region)
    wife = make_person(
        rng,
        as_of=as_of,
        age_range=(age_range[0], age_range[1]),
        sex="女",
        region=region if rng.random() < 0.6 else None,
    )
    earliest = max(add_years(husband.birth_date, 22), add_years(wife.birth_date, 20), date(2000, 1, 1))
    registered = random_day(rng, earliest, as_of - timedelta(days=1))
    number = f"J{region.code}-{registered.year}-{rng.randrange(1, 20000):06d}"
    return Marriage(husband, wife, registered, number, civil_affairs_authority(region), rng.choice((1, 2)))


def property_certificate_number(rng: random.Random, region: Region, year: int) -> str:
    """A 不动产权证书 number, e.g. "粤（2019）深圳市不动产权第0123456号".

    >>> nanshan = Region("440305", "广东省", "深圳市", "南山区")
    >>> property_certificate_number(random.Random(0), nanshan, 2019)[:10]
    '粤（2019）深圳市'
    """
    place = region.city if region.is_district else region.county
    return f"{PROVINCE_ABBREVIATIONS[region.code[:2]]}（{year}）{place}不动产权第{rng.randrange(10**7):07d}号"


def make_property(
    rng: random.Random, holder: Person, *, as_of: date, region: Region | None = None, usage: str | None = None
) -> Property:
    """A registered property of ``holder`` in ``region`` (default: the holder's own county)."""
    region = region or holder.region or pick_region(rng)
    issued = random_day(
        rng, max(date(2016, 1, 1), add_years(holder.birth_date, 20)), as_of - timedelta(days=1)
    )
    usage = usage or rng.choice(USAGES)
    area = f"{rng.uniform(28, 180):.2f}"
    unit = (
        f"{region.code}{rng.randrange(10**3):03d}{rng.randrange(10**3):03d}GB{rng.randrange(10**5):05d}"
        f"F{rng.randrange(10**8):08d}"
    )
    return Property(
        certificate_number=property_certificate_number(rng, region, issued.year),
        holder=holder.name,
        holder_id_number=holder.id_number,
        property_address=street_address(rng, region),
        usage=usage,
        area=area,
        unit_number=unit,
        right_type="国有建设用地使用权/房屋所有权",
        ownership=rng.choice(("单独所有", "单独所有", "共同共有")),
        issue_date=issued,
        authority=f"{region.city}不动产登记中心" if region.is_district else f"{region.county}不动产登记中心",
    )


def make_lease(
    rng: random.Random, lessee: Person, *, as_of: date, lessor: Person | None = None, usage: str = "商业"
) -> Lease:
    """A lease of a property in the lessee's county, running through ``as_of``."""
    region = lessee.region or pick_region(rng)
    lessor = lessor or make_person(rng, as_of=as_of, age_range=(30, 70), region=region)
    prop = make_property(rng, lessor, as_of=as_of, region=region, usage=usage)
    start = random_day(rng, as_of - timedelta(days=300), as_of + timedelta(days=20))
    end = add_years(start, rng.choice((1, 2, 3, 5))) - timedelta(days=1)
    rent = rng.randrange(8, 120) * 100
    sign = start - timedelta(days=rng.randint(0, 20))
    return Lease(lessor, lessee, prop, start, end, rent, rent * rng.choice((1, 2, 3)), sign, usage)


def food_license_number(rng: random.Random, region_code: str, catering: bool) -> str:
    """A 食品经营许可证 number: "JY", 主体业态 digit, region, serial, check digit.

    >>> number = food_license_number(random.Random(0), "440305", True)
    >>> number[:9], len(number)
    ('JY2440305', 16)
    """
    kind = "2" if catering else "1"
    return f"JY{kind}{region_code}{rng.randrange(10**6):06d}{rng.randrange(10)}"


def make_food_license(rng: random.Random, company: Company, *, as_of: date) -> FoodLicense:
    """The 食品经营许可证 of ``company``: five years' validity, issued by the county regulator."""
    catering = any(word in company.business_scope for word in ("餐饮", "小餐饮"))
    region_code = company.region.code if company.region else company.credit_code[2:8]
    issued = random_day(
        rng,
        max(company.established_date, add_years(as_of, -5) + timedelta(days=1)),
        as_of - timedelta(days=1),
    )
    return FoodLicense(
        license_number=food_license_number(rng, region_code, catering),
        company=company,
        main_business="餐饮服务经营者" if catering else "食品销售经营者",
        items="热食类食品制售；冷食类食品制售"
        if catering
        else "预包装食品（含冷藏冷冻食品）销售；散装食品销售",
        premises=company.address,
        issue_date=issued,
        valid_to=add_years(issued, 5) - timedelta(days=1),
        authority=company.registration_authority,
    )
