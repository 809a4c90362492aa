"""The facts dictionary each renderer reads, and a maker of a coherent one per material type.

Keys (all renderers also read ``as_of``, the reference date for validity):

=====================  ==========================================================================
material type          keys
=====================  ==========================================================================
id_card_front/back     ``person``
household_register     ``person``, ``head`` (the householder, may be ``person``), ``relation_to_head``
business_license       ``company``
marriage_certificate   ``marriage``
application_form       ``item_id``, ``person`` (the applicant), ``sign_date``; per item: ``company``,
                       ``food_license``, ``marriage``, ``lease`` (see ``ITEM_EXTRAS``)
power_of_attorney      ``principal``, ``agent``, ``matters``, ``valid_to``, ``sign_date``
lease_contract         ``lease``
property_certificate   ``property``
food_business_license  ``food_license``
=====================  ==========================================================================

Callers building a package (the same person on an ID card and a form) pass their own objects as
``overrides``; anything missing is made up here.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from prereview.synth.content.dates import add_years, random_day
from prereview.synth.content.facts import make_company, make_person
from prereview.synth.content.records import make_food_license, make_lease, make_marriage, make_property

ITEM_IDS = (
    "individual_business_registration",
    "food_license_cancellation",
    "unemployment_registration",
    "resident_pension_enrollment",
    "elderly_allowance",
    "public_place_hygiene_license",
    "birth_registration",
)
# Age on ``as_of`` that the item's applicant normally has.
ITEM_AGES = {
    "individual_business_registration": (20, 60),
    "food_license_cancellation": (25, 65),
    "unemployment_registration": (18, 55),
    "resident_pension_enrollment": (18, 59),
    "elderly_allowance": (80, 98),
    "public_place_hygiene_license": (25, 60),
    "birth_registration": (22, 42),
}
RELATIONS = {
    "男": ("户主", "户主", "配偶", "子", "父亲", "孙子"),
    "女": ("户主", "配偶", "女", "母亲", "孙女"),
}
MATTERS = (
    "代为办理个体工商户设立登记，签署、提交相关申请材料，领取营业执照",
    "代为办理食品经营许可证注销手续，签署相关文件并领取办理结果",
    "代为办理公共场所卫生许可申请，提交材料并领取许可证",
)


def make_facts(material_type: str, rng: random.Random, *, as_of: date, **overrides: Any) -> dict[str, Any]:
    """A facts dictionary for ``material_type``; ``overrides`` replace any key (e.g. ``person=...``)."""
    facts: dict[str, Any] = {"as_of": as_of, **overrides}
    item_id = facts.get("item_id") or rng.choice(ITEM_IDS)
    ages = ITEM_AGES[item_id] if material_type == "application_form" else (18, 75)
    if "person" not in facts and material_type != "power_of_attorney":
        facts["person"] = make_person(rng, as_of=as_of, age_range=ages)
    person: Any = facts.get("person")
    makers = {
        "household_register": lambda: _household(rng, facts),
        "business_license": lambda: facts.setdefault(
            "company", make_company(rng, person, individual=rng.random() < 0.6, as_of=as_of)
        ),
        "marriage_certificate": lambda: facts.setdefault("marriage", make_marriage(rng, as_of=as_of)),
        "application_form": lambda: _application(rng, facts, item_id),
        "power_of_attorney": lambda: _attorney(rng, facts),
        "lease_contract": lambda: facts.setdefault("lease", make_lease(rng, person, as_of=as_of)),
        "property_certificate": lambda: facts.setdefault("property", make_property(rng, person, as_of=as_of)),
        "food_business_license": lambda: _food_license(rng, facts),
    }
    if material_type in makers:
        makers[material_type]()
    return facts


def _household(rng: random.Random, facts: dict[str, Any]) -> None:
    person = facts["person"]
    relation = facts.setdefault("relation_to_head", rng.choice(RELATIONS[person.sex]))
    if "head" not in facts:
        same = relation == "户主"
        facts["head"] = (
            person
            if same
            else make_person(rng, as_of=facts["as_of"], age_range=(30, 80), region=person.region)
        )


def _food_license(rng: random.Random, facts: dict[str, Any]) -> None:
    if "food_license" not in facts:
        company = facts.get("company") or make_company(
            rng, facts["person"], individual=rng.random() < 0.7, as_of=facts["as_of"]
        )
        facts["food_license"] = make_food_license(rng, company, as_of=facts["as_of"])


def _application(rng: random.Random, facts: dict[str, Any], item_id: str) -> None:
    as_of, person = facts["as_of"], facts["person"]
    facts["item_id"] = item_id
    facts.setdefault("sign_date", random_day(rng, as_of - timedelta(days=20), as_of))
    if item_id in (
        "individual_business_registration",
        "public_place_hygiene_license",
        "food_license_cancellation",
    ):
        facts.setdefault("company", make_company(rng, person, individual=True, as_of=as_of))
    if item_id == "individual_business_registration":
        facts.setdefault("lease", make_lease(rng, person, as_of=as_of))
    if item_id == "food_license_cancellation":
        _food_license(rng, facts)
    if item_id == "birth_registration" and "marriage" not in facts:
        marriage = make_marriage(rng, as_of=as_of)
        if person.sex == "男":
            marriage.spouse_1 = person
        else:
            marriage.spouse_2 = person
        facts["marriage"] = marriage


def _attorney(rng: random.Random, facts: dict[str, Any]) -> None:
    as_of = facts["as_of"]
    principal = facts.setdefault("principal", facts.get("person") or make_person(rng, as_of=as_of))
    facts.setdefault("agent", make_person(rng, as_of=as_of, age_range=(20, 65), region=principal.region))
    facts.setdefault("matters", rng.choice(MATTERS))
    sign = facts.setdefault("sign_date", random_day(rng, as_of - timedelta(days=30), as_of))
    facts.setdefault(
        "valid_to",
        sign + timedelta(days=rng.choice((30, 60, 90, 180))) if rng.random() < 0.8 else add_years(sign, 1),
    )
