"""Cross-material sub-checks: a field equals another slot's field, the ID document is the slot's person,
and CEL rules across fields."""

from __future__ import annotations

from typing import Any, Literal

from prereview.checks.consistency import compare
from prereview.checks.id_kind import read_id_number
from prereview.review.context import ReviewContext, evidence, field_label
from prereview.review.expressions import ExpressionUndecided, to_cel
from prereview.review.point_schema import Rule, SameAs, SamePerson
from prereview.review.schema import Slot
from prereview.review.verdict import Evidence, Finding, worst
from prereview.review.vocabulary import FIELD_LABELS

_MODE_OF: dict[str, Literal["id", "name"]] = {"id_number": "id", "name": "name"}


def _other_label(ctx: ReviewContext, ref: str, material_type: str) -> tuple[str, str]:
    slot_id, key = ref.split(".", 1)
    other = ctx.item.slot(slot_id)
    return other.name, field_label(other, material_type, key)


def _compare(a: Any, b: Any, mode: str, identity: bool = True) -> str:
    """``compare`` with identity papers other than a 居民身份证 sent to a person (``identity``: the fields
    are personal ID numbers, not credit codes or license numbers)."""
    if mode == "id" and identity:
        kinds = {read_id_number(a).kind, read_id_number(b).kind}
        if kinds - {"resident", "invalid"}:
            return "manual"  # residence permits, passports, 15-digit numbers: a person compares
    return compare(a, b, mode)  # type: ignore[arg-type]


def same_as(check: SameAs, ctx: ReviewContext, slot: Slot) -> Finding:
    mine = ctx.read(slot, check.field, check.material_type)
    other_slot, other_key = check.other.split(".", 1)
    theirs = ctx.assignment.value(check.other)
    if not ctx.is_active(other_slot) or not ctx.assignment.in_slot(other_slot):
        return Finding("not_applicable")  # nothing to compare with: the other slot's own point says why
    if theirs is None:
        if not _carries(ctx, other_slot, other_key):
            return Finding("not_applicable")  # e.g. a property certificate has no lessee
        other_doc, _ = _other_label(ctx, check.other, ctx.item.slot(other_slot).material_types[0])
        return Finding(
            "manual", f"未能读取{other_doc}中与{slot.name}比对的信息（{other_key}），无法自动比对，需人工核对"
        )
    if mine is None:
        return Finding(
            "manual",
            f"未能读取{slot.name}中的“{field_label(slot, slot.material_types[0], check.field)}”，无法比对",
        )
    ev = [evidence(mine[0], check.field, mine[1]), evidence(theirs[0], check.other.split(".")[1], theirs[1])]
    label = field_label(slot, mine[0].material_type, check.field)
    other_doc, other_label = _other_label(ctx, check.other, theirs[0].material_type)
    doubt = ctx.doubt(mine[1]) or ctx.doubt(theirs[1])
    if doubt:
        return Finding(
            "manual", f"{slot.name}“{label}”与{other_doc}“{other_label}”的比对依据{doubt}，需人工核对", ev
        )
    identity = check.field.endswith("id_number") or other_key.endswith("id_number")
    outcome = _compare(mine[1].value, theirs[1].value, check.compare, identity)
    if outcome == "pass":
        return Finding("pass", "", ev)
    if outcome == "manual":
        return Finding(
            "manual",
            f"{slot.name}“{label}”（{mine[1].value}）与{other_doc}“{other_label}”（{theirs[1].value}）"
            "含生僻字、间隔号或非居民身份证号码，需人工比对",
            ev,
        )
    return Finding(
        check.on_mismatch,
        f"{slot.name}“{label}”（{mine[1].value}）与{other_doc}“{other_label}”"
        f"（{theirs[1].value}）不一致，请核对后更正",
        ev,
    )


def _carries(ctx: ReviewContext, slot_id: str, key: str) -> bool:
    """Whether a material in the slot is of a type that prints ``key`` (read or not): a field of its
    CONTRACT.md type, or of the slot's form definition."""
    slot = ctx.item.slot(slot_id)
    form_keys = {f.key for f in slot.fields or []}
    return any(
        key in FIELD_LABELS.get(p.material_type, {})
        or (p.material_type == "application_form" and key in form_keys)
        for p in ctx.assignment.in_slot(slot_id)
    )


def same_person(check: SamePerson, ctx: ReviewContext, slot: Slot) -> Finding:
    person = next((p for p in ctx.item.persons if p.id == slot.person), None)
    if person is None:
        return Finding("not_applicable")
    findings = []
    for key, refs in (("id_number", person.id_numbers), ("name", person.names)):
        for ref in refs:
            if ref.split(".")[0] == slot.id:
                continue
            sub = SameAs(
                check="same_as",
                field=key,
                other=ref,
                compare=_MODE_OF[key],
                material_type=check.material_type,
            )
            finding = same_as(sub, ctx, slot)
            if finding.status == "fail":
                finding.message = f"{slot.name}不是{person.label}本人的证件：{finding.message}"
            findings.append(finding)
    status = worst(f.status for f in findings)
    chosen = [f for f in findings if f.status == status]
    return Finding(
        status,
        "；".join(dict.fromkeys(f.message for f in chosen if f.message)),
        [e for f in chosen for e in f.evidence],
    )


def _referenced(check: Rule, ctx: ReviewContext, slot: Slot | None) -> tuple[list[Evidence], list[str], bool]:
    """Evidence of the fields a rule reads, doubts about them, and whether a referenced slot is empty."""
    refs = [(slot.id, key) for key in check.expr.references("fields")] if slot else []
    refs += check.expr.slot_references()
    ev, doubts, empty = [], [], False
    for slot_id, key in refs:
        if not ctx.assignment.in_slot(slot_id):
            empty = True
            continue
        found = ctx.assignment.value(f"{slot_id}.{key}")
        if found:
            ev.append(evidence(found[0], key, found[1]))
            doubt = ctx.doubt(found[1])
            if doubt:
                doubts.append(f"“{field_label(ctx.item.slot(slot_id), found[0].material_type, key)}”{doubt}")
    return ev, doubts, empty


def rule(check: Rule, ctx: ReviewContext, slot: Slot | None) -> Finding:
    ev, doubts, empty = _referenced(check, ctx, slot)
    if empty:
        return Finding("not_applicable")
    if doubts:
        return Finding("manual", f"{check.message}（无法自动判断：{'；'.join(doubts)}）", ev)
    activation = dict(ctx.activation())
    if slot is not None:
        activation["fields"] = to_cel(ctx.plain_slots.get(slot.id, {}))
    try:
        holds = check.expr.truth(activation)
    except ExpressionUndecided:
        return Finding("manual", f"{check.message}（相关信息缺失，无法自动判断，需人工核对）", ev)
    return Finding("pass", "", ev) if holds else Finding(check.on_false, check.message, ev)
