"""材料审查要点: one material slot — submitted (or exempt), the right type, complete, legible, and its
field checks (valid, not expired, consistent). Quality problems are failing findings with the fix.
"""

from __future__ import annotations

from prereview.review.context import ReviewContext, material_name
from prereview.review.kinds.combine import not_applicable, point_result, run_checks
from prereview.review.point_schema import MaterialPoint
from prereview.review.schema import Slot
from prereview.review.slots import Placed
from prereview.review.verdict import Evidence, Finding, PointResult, PointStatus
from prereview.review.vocabulary import EXEMPTION_REASONS, UPLOAD_EXEMPTIONS
from prereview.understanding.base import OTHER

RECOMPUTED_CHECKS = ("id_number", "credit_code")  # extraction checks the field sub-checks decide again


def missing(slot: Slot) -> Finding:
    """What an empty slot means, by necessity and exemption."""
    if slot.exemption in UPLOAD_EXEMPTIONS:
        return Finding("not_applicable", f"{slot.name}：{EXEMPTION_REASONS[slot.exemption or '']}")
    if slot.necessity == "必要":
        return Finding("fail", f"缺少{slot.name}，请上传")
    if slot.necessity == "容缺后补":
        days = f"{slot.deadline_days}个工作日内" if slot.deadline_days else "规定期限内"
        return Finding("warn", f"未提交{slot.name}，可容缺受理，请在{days}补交")
    return Finding("not_applicable", f"{slot.name}为非必要材料，未提交")


def _type_fits(ctx: ReviewContext, slot: Slot, placed: Placed) -> Finding | None:
    expected = "或".join(material_name(t) for t in slot.material_types)
    ev = [Evidence(placed.file, None, None, None, placed.material_type)]
    if placed.material_type in slot.material_types:
        confidence = placed.source.type_confidence
        if confidence >= ctx.min_confidence or placed.material_type == OTHER:  # "other" claims no type
            return None
        return Finding(  # the right type, but nobody is sure of it: a person looks before anything passes
            "manual",
            f"文件“{placed.file}”看似{material_name(placed.material_type)}，"
            f"但材料类型识别把握不足（{confidence:.2f}），需人工核对",
            ev,
        )
    if placed.source.type_confidence >= ctx.min_confidence:
        return Finding(
            "fail",
            f"上传到“{slot.name}”的文件“{placed.file}”被识别为{material_name(placed.material_type)}，"
            f"请上传{expected}",
            ev,
        )
    return Finding("manual", f"无法确认文件“{placed.file}”是否为{expected}，需人工核对", ev)


def _quality(placed: Placed) -> list[Finding]:
    findings = []
    for issue in placed.source.quality_issues:
        status: PointStatus = "fail" if issue.blocking or not placed.source.quality_usable else "warn"
        findings.append(
            Finding(
                status,
                f"{issue.message}，{issue.hint}".strip("，"),
                [Evidence(placed.file, issue.page, None, issue.code, None)],
            )
        )
    if not placed.source.quality_usable and not any(f.status == "fail" for f in findings):
        findings.append(
            Finding(
                "fail",
                f"文件“{placed.file}”无法识别，请重新拍摄或扫描清晰、完整的材料",
                [Evidence(placed.file)],
            )
        )
    return findings


def _extraction_checks(placed: Placed) -> list[Finding]:
    findings = []
    for check in placed.source.checks:
        if (
            check.status == "pass"
            or check.code.startswith(RECOMPUTED_CHECKS)
            or check.field not in placed.fields
        ):
            continue
        status: PointStatus = "warn" if check.status == "warn" else "manual"
        field = placed.fields[check.field]
        findings.append(
            Finding(
                status,
                check.message,
                [Evidence(placed.file, field.page, field.box, check.field, field.value)],
            )
        )
    return findings


def _completeness(slot: Slot, placed: list[Placed]) -> Finding | None:
    present = {p.material_type for p in placed}
    if any(set(alternative) <= present for alternative in slot.completions):
        return None
    closest = min(slot.completions, key=lambda a: len(set(a) - present))
    lacking = "、".join(material_name(t) for t in closest if t not in present)
    return Finding("fail", f"{slot.name}不完整，缺少{lacking}，请补充上传")


def evaluate(point: MaterialPoint, ctx: ReviewContext) -> PointResult:
    slot = ctx.item.slot(point.slot)
    if not ctx.holds(point.when) or not ctx.is_active(slot.id):
        return not_applicable(point, "本情形不需要提交")
    placed = ctx.assignment.in_slot(slot.id)
    if not placed:
        return point_result(point, [missing(slot)], slot=slot.id)
    findings: list[Finding] = []
    for p in placed:
        findings += [f for f in [_type_fits(ctx, slot, p)] if f] + _quality(p) + _extraction_checks(p)
    fitting = [p for p in placed if p.material_type in slot.material_types]
    incomplete = _completeness(slot, fitting) if fitting else None
    findings += [incomplete] if incomplete else []
    if all(p.source.quality_usable for p in placed) and fitting:
        findings += run_checks(point.checks, ctx, slot)
    return point_result(point, findings, slot=slot.id)
