"""The facts behind synthetic materials: people, businesses, marriages, properties, leases, licenses.

Facts are the truth; renderers print them (or, for a defect, print them wrongly on purpose). Every maker
takes an explicit ``random.Random`` and an ``as_of`` date, so a seed reproduces the same world.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from prereview.synth.content import business
from prereview.synth.content.addresses import shop_address, street_address
from prereview.synth.content.dates import add_years, age_on, random_day
from prereview.synth.content.identifiers import make_credit_code, make_id_number
from prereview.synth.content.names import make_ethnicity, make_name
from prereview.synth.content.regions import (
    Region,
    birth_region,
    market_authority,
    pick_region,
    police_authority,
)

LONG_TERM = "长期"
_PHONE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)


@dataclass
class Person:
    """A resident as the population register knows them; ``id_valid_to`` is a date or "长期"."""

    name: str
    sex: str  # "男" / "女"
    ethnicity: str  # as on the ID card, without "族": "汉", "回"
    birth_date: date
    address: str
    id_number: str
    region_code: str
    issuing_authority: str
    id_valid_from: date
    id_valid_to: date | str
    phone: str
    region: Region | None = None

    @property
    def birthplace(self) -> str:
        """出生地 as the household register prints it (province + city + county)."""
        return self.region.full_name if self.region else ""


@dataclass
class Company:
    """A registered market entity; ``valid_to`` is a date, "长期", or None when not printed (个体工商户)."""

    name: str
    credit_code: str
    entity_type: str
    legal_representative: str
    registered_capital: str | None
    established_date: date
    valid_to: date | str | None
    address: str
    business_scope: str
    registration_authority: str
    issue_date: date
    individual: bool = False
    region: Region | None = None


@dataclass
class Marriage:
    """A marriage registration: ``holder`` (1 or 2) says whose copy of the certificate this is."""

    spouse_1: Person  # the man, printed first
    spouse_2: Person
    registration_date: date
    certificate_number: str  # 结婚证字号, e.g. "J110105-2015-001234"
    authority: str  # 婚姻登记机关
    holder: int = 1

    @property
    def holder_person(self) -> Person:
        return self.spouse_1 if self.holder == 1 else self.spouse_2


@dataclass
class Property:
    """A registered flat or shop: 不动产权证书 facts."""

    certificate_number: str  # e.g. "粤（2019）深圳市不动产权第0123456号"
    holder: str
    holder_id_number: str
    property_address: str
    usage: str  # 用途, e.g. "住宅"
    area: str  # square metres as printed without the unit, "89.56"
    unit_number: str  # 不动产单元号
    right_type: str
    ownership: str
    issue_date: date
    authority: str


@dataclass
class Lease:
    """A residential or shop lease between two people."""

    lessor: Person
    lessee: Person
    property: Property
    lease_start: date
    lease_end: date
    monthly_rent: int
    deposit: int
    sign_date: date
    usage: str


@dataclass
class FoodLicense:
    """A 食品经营许可证 held by ``company``."""

    license_number: str  # "JY" + 14 digits
    company: Company
    main_business: str  # 主体业态
    items: str  # 经营项目
    premises: str  # 经营场所
    issue_date: date
    valid_to: date
    authority: str
    complaint_phone: str = "12315"


def make_phone(rng: random.Random) -> str:
    """A mobile number: a real carrier prefix and eight digits.

    >>> len(make_phone(random.Random(0)))
    11
    """
    return rng.choice(_PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def id_card_term(age_at_issue: int) -> int | None:
    """Years an ID card issued at that age stays valid (None: 长期), per the Resident ID Card Law art. 5.

    >>> [id_card_term(a) for a in (10, 16, 25, 26, 45, 46)]
    [5, 10, 10, 20, 20, None]
    """
    if age_at_issue < 16:
        return 5
    if age_at_issue <= 25:
        return 10
    if age_at_issue <= 45:
        return 20
    return None


def _id_card_dates(rng: random.Random, birth: date, as_of: date) -> tuple[date, date | str]:
    """The issue and expiry of the card currently held: cards are renewed around their expiry."""
    age = age_on(birth, as_of)
    first = add_years(birth, 16) if age >= 16 else birth + timedelta(days=30)
    issue = random_day(rng, first, min(add_years(first, 3), as_of - timedelta(days=1)))
    while True:
        term = id_card_term(age_on(birth, issue))
        if term is None:
            if issue.year < 2005:  # second-generation cards were issued from 2004 on
                issue = random_day(rng, date(2005, 1, 1), min(date(2016, 12, 31), as_of - timedelta(days=1)))
            return issue, LONG_TERM
        valid_to = add_years(issue, term)
        if valid_to >= as_of:
            return issue, valid_to
        issue = valid_to - timedelta(days=rng.randint(0, 60))


def make_person(
    rng: random.Random,
    *,
    as_of: date,
    age_range: tuple[int, int] = (18, 75),
    sex: str | None = None,
    region: Region | None = None,
    exotic_name: bool = False,
) -> Person:
    """A fictional resident aged within ``age_range`` (inclusive) on ``as_of``, holding a valid ID card."""
    sex = sex or rng.choice(("男", "女"))
    youngest = add_years(as_of, -age_range[0])
    oldest = add_years(as_of, -age_range[1] - 1) + timedelta(days=1)
    birth = random_day(rng, oldest, youngest)
    region = region or pick_region(rng, existed_in=birth.year)
    born_in = birth_region(rng, region, birth.year)
    valid_from, valid_to = _id_card_dates(rng, birth, as_of)
    return Person(
        name=make_name(rng, sex, exotic=exotic_name),
        sex=sex,
        ethnicity=make_ethnicity(rng),
        birth_date=birth,
        address=street_address(rng, region),
        id_number=make_id_number(rng, born_in.code, birth, sex),
        region_code=born_in.code,
        issuing_authority=police_authority(region),
        id_valid_from=valid_from,
        id_valid_to=valid_to,
        phone=make_phone(rng),
        region=region,
    )


_CAPITALS = (3, 5, 10, 20, 30, 50, 100, 200, 500)


def make_company(rng: random.Random, owner: Person, *, individual: bool = True, as_of: date) -> Company:
    """A business run by ``owner`` in the owner's county: a 个体工商户, or a limited company."""
    region = owner.region or pick_region(rng)
    trade = rng.choice(business.TRADES)
    established = random_day(rng, add_years(as_of, -15), as_of - timedelta(days=20))
    issue = established if rng.random() < 0.6 else random_day(rng, established, as_of - timedelta(days=1))
    valid_to: date | str | None = None
    capital: str | None = None
    if not individual:
        valid_to = LONG_TERM if rng.random() < 0.5 else add_years(established, rng.choice((20, 30, 50)))
        capital = f"人民币{rng.choice(_CAPITALS)}万元"
    return Company(
        name=(business.individual_business_name if individual else business.company_name)(rng, region, trade),
        credit_code=make_credit_code(rng, region.code, individual=individual),
        entity_type=business.INDIVIDUAL_FORM if individual else rng.choice(business.COMPANY_FORMS),
        legal_representative=owner.name,
        registered_capital=capital,
        established_date=established,
        valid_to=valid_to,
        address=shop_address(rng, region),
        business_scope=business.business_scope(rng, trade),
        registration_authority=market_authority(region),
        issue_date=issue,
        individual=individual,
        region=region,
    )


def expired_id_card_dates(rng: random.Random, birth: date, as_of: date) -> tuple[date, date]:
    """Issue and expiry of a card that expired before ``as_of``, as recently as the holder's age allows.

    >>> start, end = expired_id_card_dates(random.Random(0), date(1983, 8, 5), date(2025, 6, 1))
    >>> end < date(2025, 6, 1), id_card_term(age_on(date(1983, 8, 5), start)) == end.year - start.year
    (True, True)
    """
    candidates: list[tuple[date, date]] = []
    issue = birth + timedelta(days=30)
    while issue < as_of:
        term = id_card_term(age_on(birth, issue))
        if term is not None and add_years(issue, term) < as_of:
            candidates.append((issue, add_years(issue, term)))
        issue += timedelta(days=29)
    if not candidates:  # a small child: no real card can have expired yet
        return birth, as_of - timedelta(days=1)
    candidates.sort(key=lambda c: c[1])
    return rng.choice(candidates[-6:])
