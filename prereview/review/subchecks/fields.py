"""Field sub-checks: filled in, identifiers valid, phone, dates, expiry, ID-card validity term."""

from __future__ import annotations

import re
from typing import Any

from prereview.checks.dates import is_long_term, parse_date, validity_on
from prereview.checks.id_card_term import check_id_card_term
from prereview.checks.id_kind import KIND_NAMES, read_id_number
from prereview.checks.identifiers import check_credit_code
from prereview.review.context import ReviewContext, evidence, field_label
from prereview.review.facts import printed_conflict
from prereview.review.point_schema import (
    CreditCodeCheck,
    DateCheck,
    IdCardTerm,
    IdNumberCheck,
    NotExpired,
    PhoneCheck,
    RequiredFields,
)
from prereview.review.schema import Slot
from prereview.review.verdict import Finding, worst

PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read(ctx: ReviewContext, slot: Slot, key: str, material_type: str | None) -> Any:
    """``(placed, field, label)`` or a ``Finding`` saying why the field cannot be judged."""
    found = ctx.read(slot, key, material_type)
    if found is None:
        label = field_label(slot, material_type or slot.material_types[0], key)
        return Finding("manual", f"未能读取{slot.name}中的“{label}”，需人工核对（或上传更清晰的{slot.name}）")
    placed, value = found
    label = field_label(slot, placed.material_type, key)
    doubt = ctx.doubt(value)
    if doubt:
        return Finding(
            "manual", f"{slot.name}中的“{label}”{doubt}，需人工核对", [evidence(placed, key, value)]
        )
    if _blank(value.value):
        return Finding("manual", f"{slot.name}中的“{label}”为空，需人工核对", [evidence(placed, key, value)])
    return placed, value, label


def _read_checked(check: Any, ctx: ReviewContext, slot: Slot) -> Any:
    """``(placed, value, label, evidence)`` of ``check.field``, or the finding when it cannot be read
    (``not_applicable`` for an optional field that is absent)."""
    if getattr(check, "optional", False) and ctx.read(slot, check.field, check.material_type) is None:
        return Finding("not_applicable")
    read = _read(ctx, slot, check.field, check.material_type)
    if isinstance(read, Finding):
        return read
    placed, value, label = read
    return placed, value, label, [evidence(placed, check.field, value)]


def required_fields(check: RequiredFields, ctx: ReviewContext, slot: Slot) -> Finding:
    findings = []
    for key in check.fields:
        found = ctx.read(slot, key, check.material_type)
        label = field_label(slot, found[0].material_type if found else slot.material_types[0], key)
        if found is None or _blank(found[1].value):
            ev = [evidence(found[0], key, found[1])] if found else []
            findings.append(
                Finding(check.missing, f"{slot.name}未填写“{label}”（或未能识别），请填写完整后重新上传", ev)
            )
            continue
        doubt = ctx.doubt(found[1])
        ev = [evidence(found[0], key, found[1])]
        findings.append(
            Finding("manual", f"{slot.name}中的“{label}”{doubt}，需人工核对", ev)
            if doubt
            else Finding("pass", "", ev)
        )
    return _merge(findings)


def _merge(findings: list[Finding]) -> Finding:
    status = worst(f.status for f in findings)
    bad = [f for f in findings if f.status == status]
    message = "；".join(dict.fromkeys(f.message for f in bad if f.message))
    return Finding(status, message, [e for f in (bad if status != "pass" else findings) for e in f.evidence])


def id_number(check: IdNumberCheck, ctx: ReviewContext, slot: Slot) -> Finding:
    read = _read_checked(check, ctx, slot)
    if isinstance(read, Finding):
        return read
    placed, value, label, ev = read
    reading = read_id_number(value.value)
    if reading.kind == "resident":
        # Only the holder's own number is compared with the sex and birth date printed beside it: a form
        # may print one person's sex next to another's number (a spouse's, an agent's).
        holder = check.field == "id_number"
        conflict = (
            printed_conflict(ctx, placed, reading.birth_date, reading.sex)
            if holder and reading.birth_date is not None and reading.sex is not None
            else None
        )
        if conflict:  # a genuine card never disagrees with its number: a misreading or a forgery
            return Finding("manual", f"{slot.name}：{conflict[0]}，需人工核验证件", [*ev, conflict[1]])
        return (
            Finding("warn", f"{slot.name}：{reading.warning}", ev)
            if reading.warning
            else Finding("pass", "", ev)
        )
    if reading.kind == "invalid":
        if check.on_invalid == "fail":
            return Finding(
                "fail", f"{slot.name}中的“{label}”（{value.value}）校验未通过，请核对号码后更正", ev
            )
        return Finding(
            "manual",
            f"{slot.name}中的“{label}”（{value.value}）校验未通过，可能为识别误差或证件异常，需人工核对",
            ev,
        )
    return Finding("manual", f"{slot.name}中的号码为{KIND_NAMES[reading.kind]}，需人工核验证件", ev)


def credit_code(check: CreditCodeCheck, ctx: ReviewContext, slot: Slot) -> Finding:
    read = _read_checked(check, ctx, slot)
    if isinstance(read, Finding):
        return read
    _placed, value, label, ev = read
    verdict = check_credit_code(str(value.value), check.field)
    if verdict.status == "pass":
        return Finding("pass", "", ev)
    if verdict.status == "warn":
        return Finding("warn", verdict.message, ev)
    if check.on_invalid == "fail":
        return Finding("fail", f"{slot.name}中的“{label}”（{value.value}）{verdict.message}", ev)
    return Finding(
        "manual", f"{slot.name}中的“{label}”（{value.value}）校验未通过，可能为识别误差，需人工核对", ev
    )


def phone(check: PhoneCheck, ctx: ReviewContext, slot: Slot) -> Finding:
    read = _read_checked(check, ctx, slot)
    if isinstance(read, Finding):
        return read
    _placed, value, label, ev = read
    if PHONE.match(re.sub(r"\s", "", str(value.value))):
        return Finding("pass", "", ev)
    return Finding(
        "fail", f"{slot.name}中的“{label}”（{value.value}）不是有效的手机或固定电话号码，请更正", ev
    )


def date(check: DateCheck, ctx: ReviewContext, slot: Slot) -> Finding:
    read = _read_checked(check, ctx, slot)
    if isinstance(read, Finding):
        return read
    _placed, value, label, ev = read
    day = parse_date(value.value)
    if day is None:
        return Finding("manual", f"{slot.name}中的“{label}”（{value.value}）不是可识别的日期，需人工核对", ev)
    if check.not_future and day > ctx.as_of:
        return Finding(
            "fail", f"{slot.name}中的“{label}”（{day}）晚于审查日期（{ctx.as_of}），请核对后更正", ev
        )
    return Finding("pass", "", ev)


def not_expired(check: NotExpired, ctx: ReviewContext, slot: Slot) -> Finding:
    read = _read_checked(check, ctx, slot)
    if isinstance(read, Finding):
        return read
    _placed, value, label, ev = read
    state = validity_on(value.value, ctx.as_of)
    if state == "expired":
        return Finding(
            "fail", f"{slot.name}已过期（{label}：{value.value}），请上传在有效期内的{slot.name}", ev
        )
    if state == "unreadable":
        return Finding(
            "manual", f"{slot.name}的“{label}”（{value.value}）不是可识别的日期，需人工核对有效期", ev
        )
    return Finding("pass", "", ev)


def _birth_date(ctx: ReviewContext, slot: Slot) -> Any:
    printed = ctx.read(slot, "birth_date")
    if printed and ctx.doubt(printed[1]) is None and parse_date(printed[1].value):
        return parse_date(printed[1].value)
    number = ctx.read(slot, "id_number")
    if number and ctx.doubt(number[1]) is None:
        return read_id_number(number[1].value).birth_date
    return None


def id_card_term(check: IdCardTerm, ctx: ReviewContext, slot: Slot) -> Finding:
    start, end = ctx.read(slot, "valid_from"), ctx.read(slot, "valid_to")
    if start is None or end is None:
        return Finding("manual", f"未能读取{slot.name}的有效期限，需人工核对")
    ev = [evidence(start[0], "valid_from", start[1]), evidence(end[0], "valid_to", end[1])]
    doubts = [d for d in (ctx.doubt(start[1]), ctx.doubt(end[1])) if d]
    if doubts:
        return Finding("manual", f"{slot.name}的有效期限{doubts[0]}，需人工核对", ev)
    if not is_long_term(end[1].value) and parse_date(end[1].value) is None:
        return Finding("manual", f"{slot.name}的有效期限（{end[1].value}）无法识别，需人工核对", ev)
    term = check_id_card_term(start[1].value, end[1].value, _birth_date(ctx, slot))
    return Finding(term.status, "" if term.status == "pass" else f"{slot.name}{term.message}", ev)
