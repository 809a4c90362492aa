"""Build one application package plan: the people and businesses, their files, and the chosen defect.

The world of a package is coherent (the applicant on the form is the person on the ID card, the lease is
the applicant's, the spouses are the couple on the marriage certificate); then exactly one defect of
:data:`prereview.synth.packages.DEFECT_KINDS` is put in, and what a reviewer must find is recorded.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from prereview.synth.capture import VARIANTS
from prereview.synth.content import (
    Lease,
    Person,
    make_company,
    make_facts,
    make_food_license,
    make_lease,
    make_marriage,
    make_person,
    make_property,
)
from prereview.synth.content.dates import random_day
from prereview.synth.content.names import make_name
from prereview.synth.packages import (
    ID_CARD,
    ITEMS,
    UNUSABLE_CAPTURES,
    ItemSpec,
    PackagePlan,
    PlannedFile,
    applicable_defects,
)

_WRONG_TYPES = (
    "household_register",
    "property_certificate",
    "business_license",
    "marriage_certificate",
    "food_business_license",
    "id_card_front",
)


def applicant_for(item: ItemSpec, defect: str, rng: random.Random, as_of: date) -> Person:
    """The applicant: of a passing age, or of a failing one for ``age_condition``."""
    ages = rng.choice(item.failing_ages) if defect == "age_condition" else item.ages
    return make_person(rng, as_of=as_of, age_range=ages)


def other_name(rng: random.Random, person: Person) -> str:
    """A name that is not ``person.name`` (same surname: the mismatch a careless form shows).

    >>> from prereview.synth.content import make_person
    >>> p = make_person(random.Random(1), as_of=date(2025, 1, 1))
    >>> n = other_name(random.Random(2), p)
    >>> n != p.name and n[0] == p.name[0]
    True
    """
    for _ in range(50):
        given = make_name(rng, person.sex)[1:]
        candidate = person.name[0] + given
        if candidate != person.name:
            return candidate
    return person.name + "明"


def random_as_of(rng: random.Random) -> date:
    """The evaluation date of a package: a day in 2024–2025 (validity and age are judged on it)."""
    return random_day(rng, date(2024, 3, 1), date(2025, 12, 31))


def sign_date(rng: random.Random, as_of: date) -> date:
    return as_of - timedelta(days=rng.randint(0, 20))


def with_name(person: Person, name: str) -> Person:
    return replace(person, name=name)


_ID_DEFECTS = {"expired_id", "wrong_check_char", "sex_birth_mismatch", "unusable_photo"}
_MATTERS = {
    "individual_business_registration": "代为办理个体工商户设立登记，签署、提交相关申请材料，领取营业执照",
    "food_license_cancellation": "代为办理食品经营许可证注销手续，签署相关文件并领取办理结果",
}


def _id_files(slot: str, person: Person, role: str, as_of: date) -> list[PlannedFile]:
    facts = {"as_of": as_of, "person": person}
    return [PlannedFile(slot, t, dict(facts), role) for t in ID_CARD]


def _world(
    item: ItemSpec, defect: str, rng: random.Random, as_of: date
) -> tuple[Person, dict[str, Any], list[PlannedFile]]:
    """The applicant, the facts the form shares with the other materials, and the item's own files."""
    if item.id == "birth_registration":
        marriage = make_marriage(rng, as_of=as_of, age_range=item.ages)
        applicant, spouse = (
            (marriage.spouse_2, marriage.spouse_1)
            if rng.random() < 0.6
            else (marriage.spouse_1, marriage.spouse_2)
        )
        spouse_slot = "spouse_1_id_card" if spouse is marriage.spouse_1 else "spouse_2_id_card"
        couple = [
            *_id_files(spouse_slot, spouse, "spouse", as_of),
            PlannedFile(
                "marriage_certificate",
                "marriage_certificate",
                {"as_of": as_of, "marriage": marriage},
                "applicant",
            ),
        ]
        return applicant, {"marriage": marriage}, couple
    applicant = applicant_for(item, defect, rng, as_of)
    shared: dict[str, Any] = {}
    files: list[PlannedFile] = []
    if item.id in (
        "individual_business_registration",
        "food_license_cancellation",
        "public_place_hygiene_license",
    ):
        company = make_company(
            rng,
            applicant,
            individual=item.id != "food_license_cancellation" or rng.random() < 0.7,
            as_of=as_of,
        )
        shared["company"] = company
    if item.id == "individual_business_registration":
        if rng.random() < 0.5:
            shared["lease"] = lease = _in_force(make_lease(rng, applicant, as_of=as_of), as_of)
            files.append(
                PlannedFile("premises_proof", "lease_contract", {"as_of": as_of, "lease": lease}, "applicant")
            )
        else:
            prop = make_property(rng, applicant, as_of=as_of, usage=rng.choice(("商业", "商业服务")))
            shared["property"] = prop
            files.append(
                PlannedFile(
                    "premises_proof", "property_certificate", {"as_of": as_of, "property": prop}, "applicant"
                )
            )
    if item.id == "food_license_cancellation":
        shared["food_license"] = make_food_license(rng, shared["company"], as_of=as_of)
        files.append(
            PlannedFile(
                "food_business_license",
                "food_business_license",
                {"as_of": as_of, "food_license": shared["food_license"]},
                "business",
            )
        )
    if item.id in ("food_license_cancellation", "public_place_hygiene_license"):
        files.append(
            PlannedFile(
                "business_license",
                "business_license",
                {"as_of": as_of, "company": shared["company"]},
                "business",
            )
        )
    for slot, title in item.documents:
        files.append(PlannedFile(slot, "other", _document(title, shared["company"].name, as_of), "business"))
    return applicant, shared, files


_REPORT_LINES = (
    "检测依据：GB 37487-2019《公共场所卫生管理规范》、GB 37488-2019《公共场所卫生指标及限值要求》",
    "检测项目：室内空气温度、相对湿度、风速、二氧化碳、甲醛、噪声、照度及公共用品用具微生物",
    "检测结果：所检项目均符合国家卫生标准要求",
    "检测结论：该场所卫生状况符合公共场所卫生管理要求",
)


def _document(title: str, holder: str, as_of: date) -> dict[str, Any]:
    """The facts of a generic ``other`` document (a titled page about ``holder``)."""
    return {
        "as_of": as_of - timedelta(days=30),
        "title": title,
        "holder": holder,
        "lines": list(_REPORT_LINES),
    }


def _in_force(lease: Lease, as_of: date) -> Lease:
    """The lease moved back so it has started by ``as_of`` (a clean package has no lease still to begin)."""
    late = (lease.lease_start - as_of).days
    if late <= 0:
        return lease
    shift = timedelta(days=late + 1)
    return replace(
        lease,
        lease_start=lease.lease_start - shift,
        lease_end=lease.lease_end - shift,
        sign_date=lease.sign_date - shift,
    )


def _agent_files(item: ItemSpec, applicant: Person, rng: random.Random, as_of: date) -> list[PlannedFile]:
    agent = make_person(rng, as_of=as_of, age_range=(22, 60), region=applicant.region)
    signed = as_of - timedelta(days=rng.randint(0, 10))
    facts = {
        "as_of": as_of,
        "principal": applicant,
        "agent": agent,
        "matters": _MATTERS[item.id],
        "sign_date": signed,
        "valid_to": signed + timedelta(days=rng.choice((60, 90, 180))),
    }
    return [
        PlannedFile("power_of_attorney", "power_of_attorney", facts, "applicant"),
        *_id_files("agent_id_card", agent, "agent", as_of),
    ]


def plan_package(package_id: str, item_id: str, defect: str, seed: int) -> PackagePlan:
    """A package of ``item_id`` carrying ``defect`` (one of :func:`applicable_defects`)."""
    item = ITEMS[item_id]
    if defect not in applicable_defects(item):
        raise ValueError(
            f"defect {defect!r} does not apply to {item_id}; it takes: {', '.join(applicable_defects(item))}"
        )
    rng = random.Random(seed)
    as_of = random_as_of(rng)
    applicant, shared, files = _world(item, defect, rng, as_of)
    # Without an applicant ID card (food license cancellation) the ID-card defects are on the agent's.
    by_agent = item.by_agent and (rng.random() < 0.4 or (item.id_slot is None and defect in _ID_DEFECTS))
    form = {
        "as_of": as_of,
        "item_id": item.id,
        "person": applicant,
        "sign_date": sign_date(rng, as_of),
        **shared,
    }
    plan_files = [PlannedFile("application_form", "application_form", form, "applicant")]
    id_slot = _applicant_slot(item, applicant, shared)
    if id_slot is None:
        pass
    elif item.id == "elderly_allowance" and defect not in _ID_DEFECTS and rng.random() < 0.4:
        register = make_facts("household_register", rng, as_of=as_of, person=applicant)
        plan_files.append(PlannedFile(id_slot, "household_register", register, "applicant"))
    else:
        plan_files += _id_files(id_slot, applicant, "applicant", as_of)
    plan_files += files
    if by_agent:
        plan_files += _agent_files(item, applicant, rng, as_of)
    answers = {"by_agent": "true" if by_agent else "false"} if item.by_agent else {}
    answers.update(item.answers)
    plan = PackagePlan(package_id, item.id, defect, as_of, answers, plan_files, seed=seed)
    plan.id_slot = id_slot or "agent_id_card"
    for planned in plan.files:
        planned.capture = rng.choices(("clean_scan", "phone_photo", "photocopy"), weights=(5, 3, 2))[0]
    _apply_defect(plan, item, applicant, rng)
    return plan


def _applicant_slot(item: ItemSpec, applicant: Person, shared: dict[str, Any]) -> str | None:
    """The slot of the applicant's ID card: for a birth registration, the spouse the applicant is."""
    marriage = shared.get("marriage")
    if marriage is not None:
        return "spouse_1_id_card" if applicant is marriage.spouse_1 else "spouse_2_id_card"
    return item.id_slot


def _file(plan: PackagePlan, slot: str, material_type: str) -> PlannedFile:
    return next(f for f in plan.files if f.slot == slot and f.material_type == material_type)


def _add_defect(planned: PlannedFile, defect: str) -> None:
    planned.defects = (*planned.defects, defect)


def _apply_defect(plan: PackagePlan, item: ItemSpec, applicant: Person, rng: random.Random) -> None:
    """Change the planned files so that the package carries ``plan.defect``; record what must be found."""
    defect = plan.defect
    if defect == "expired_id":
        _add_defect(_file(plan, plan.id_slot, "id_card_back"), "expired")
        plan.findings.append({"slot": plan.id_slot, "code": "id_expired"})
    elif defect == "unsigned_form":
        _add_defect(_file(plan, "application_form", "application_form"), "missing_signature")
        plan.findings.append({"slot": "application_form", "code": "not_signed"})
    elif defect == "name_mismatch":
        form = _file(plan, "application_form", "application_form")
        form.facts["person"] = replace(applicant, name=other_name(rng, applicant))
        plan.findings.append({"slot": "application_form", "code": "name_mismatch"})
    elif defect == "missing_material":
        required = {s.id for s in item.slots if s.required}
        slot = rng.choice(sorted({f.slot for f in plan.files} & required - {"application_form"}))
        plan.files = [f for f in plan.files if f.slot != slot]
        plan.missing_materials.append(slot)
        plan.findings.append({"slot": slot, "code": "missing"})
    elif defect == "wrong_material":
        _wrong_material(plan, item, applicant, rng)
    elif defect in ("wrong_check_char", "sex_birth_mismatch"):
        _add_defect(_file(plan, plan.id_slot, "id_card_front"), defect)
        code = "id_number_checksum" if defect == "wrong_check_char" else "id_number_inconsistent"
        plan.findings.append({"slot": plan.id_slot, "code": code})
    elif defect == "age_condition":
        plan.findings.append({"slot": plan.id_slot, "code": "age_condition"})
    elif defect == "unusable_photo":
        front = _file(plan, plan.id_slot, "id_card_front")
        front.capture = rng.choice(UNUSABLE_CAPTURES)
        issue = VARIANTS[front.capture].issue or front.capture
        plan.findings.append({"slot": plan.id_slot, "code": issue})


def _wrong_material(plan: PackagePlan, item: ItemSpec, applicant: Person, rng: random.Random) -> None:
    """Replace a slot's files by one material of a type the slot does not take (a mix-up at upload)."""
    slots = {s.id: s for s in item.slots}
    slot = rng.choice(sorted({f.slot for f in plan.files} - {"application_form"}))
    wrong = rng.choice([t for t in _WRONG_TYPES if t not in slots[slot].material_types])
    first = next(i for i, f in enumerate(plan.files) if f.slot == slot)
    person = plan.files[first].facts.get("person") or applicant
    facts = make_facts(wrong, rng, as_of=plan.as_of, person=person)
    plan.files = [f for f in plan.files if f.slot != slot]
    plan.files.insert(first, PlannedFile(slot, wrong, facts, "applicant", "clean_scan"))
    plan.findings.append({"slot": slot, "code": "wrong_material_type"})
    if slots[slot].required:
        plan.missing_materials.append(slot)  # the slot is filled, but its material is still missing
