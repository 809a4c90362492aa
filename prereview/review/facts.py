"""Facts about a person that conditions read (``person.age`` …), established only on confident evidence.

The source is the person's identity document in its slot (ID card front, household register), else the
ID number their references name (the form's applicant number, for 一证通办). A fact is left out — and
the reason recorded — when the number is doubtful (low confidence, repaired), is not a checksum-valid
resident number (residence permits, permanent-residence cards, passports, 15-digit numbers), or
disagrees with the printed birth date or sex. A condition that needs a missing fact is ``manual``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from prereview.checks.consistency import compare
from prereview.checks.dates import age_on, parse_date
from prereview.checks.id_kind import KIND_NAMES, read_id_number
from prereview.checks.retirement import retirement_status
from prereview.document import Field
from prereview.review.context import ReviewContext, evidence
from prereview.review.slots import IDENTITY_TYPES, Placed
from prereview.review.verdict import Evidence


@dataclass
class PersonFacts:
    values: dict[str, Any] = field(default_factory=dict)
    unknown: dict[str, str] = field(default_factory=dict)  # fact → why it could not be established
    evidence: list[Evidence] = field(default_factory=list)

    def reason(self) -> str:
        return "；".join(dict.fromkeys(self.unknown.values())) or "相关信息缺失"


def _number_source(ctx: ReviewContext, person_id: str) -> tuple[Any, Any] | None:
    for slot in ctx.active:
        if slot.person == person_id:
            for placed in ctx.assignment.in_slot(slot.id):
                if placed.material_type in IDENTITY_TYPES and "id_number" in placed.fields:
                    return placed, placed.fields["id_number"]
    person = next((p for p in ctx.item.persons if p.id == person_id), None)
    for ref in person.id_numbers if person else []:
        found = ctx.assignment.value(ref)
        if found:
            return found
    return None


def _disagreement(ctx: ReviewContext, person_id: str, placed: Placed, number: Field) -> str | None:
    """A confident reference (the form's applicant number) that names someone else: whose age is it?"""
    person = next((p for p in ctx.item.persons if p.id == person_id), None)
    for ref in person.id_numbers if person else []:
        found = ctx.assignment.value(ref)
        other = found is not None and found[0] is not placed and ctx.doubt(found[1]) is None
        if found and other and compare(found[1].value, number.value, "id") == "fail":
            return f"与{ctx.item.slot(ref.split('.')[0]).name}中的号码不一致，无法确定申请人本人的年龄"
    return None


def printed_conflict(ctx: ReviewContext, placed: Placed, birth: Any, sex: str) -> tuple[str, Evidence] | None:
    """The birth date or sex printed on the document disagrees with the number (a misread or a forgery)."""
    printed = placed.fields.get("birth_date")
    if printed is not None and ctx.doubt(printed) is None and parse_date(printed.value) not in (None, birth):
        return "证件上的出生日期与公民身份号码不一致", evidence(placed, "birth_date", printed)
    printed = placed.fields.get("sex")
    if (
        printed is not None
        and ctx.doubt(printed) is None
        and printed.value in ("男", "女")
        and printed.value != sex
    ):
        return "证件上的性别与公民身份号码不一致", evidence(placed, "sex", printed)
    return None


def person_facts(ctx: ReviewContext, person_id: str) -> PersonFacts:
    """Age, sex, birth date and retirement status of ``person_id`` where the evidence allows."""
    facts = PersonFacts()
    source = _number_source(ctx, person_id)
    everything = ("age", "sex", "birth_date", "below_retirement_age")
    if source is None:
        facts.unknown = dict.fromkeys(everything, "未提供可读取的公民身份号码")
        return facts
    placed, number = source
    facts.evidence.append(evidence(placed, "id_number", number))
    doubt = ctx.doubt(number) or _disagreement(ctx, person_id, placed, number)
    if doubt:
        facts.unknown = dict.fromkeys(everything, f"公民身份号码{doubt}")
        return facts
    reading = read_id_number(number.value)
    facts.values["id_kind"] = reading.kind
    if reading.kind != "resident" or reading.birth_date is None or reading.sex is None:
        facts.unknown = dict.fromkeys(everything, f"证件号码为{KIND_NAMES[reading.kind]}，无法自动计算年龄")
        return facts
    conflict = printed_conflict(ctx, placed, reading.birth_date, reading.sex)
    if conflict:
        facts.unknown = dict.fromkeys(everything, conflict[0])
        facts.evidence.append(conflict[1])
        return facts
    facts.values.update(
        age=age_on(reading.birth_date, ctx.as_of), sex=reading.sex, birth_date=reading.birth_date.isoformat()
    )
    status = retirement_status(reading.birth_date, reading.sex, ctx.as_of)
    if status is None:
        facts.unknown["below_retirement_age"] = (
            "处于渐进式延迟退休过渡期或退休年龄因岗位而异，无法自动判断是否达到法定退休年龄"
        )
    else:
        facts.values["below_retirement_age"] = status == "below"
    return facts
