"""情形引导要点: the uploads fit the situation the answers selected (no stray materials, situation rules)."""

from __future__ import annotations

from prereview.review.context import ReviewContext, material_name
from prereview.review.kinds.combine import not_applicable, point_result
from prereview.review.point_schema import Rule, SituationPoint
from prereview.review.subchecks.consistency import rule
from prereview.review.verdict import Evidence, Finding, PointResult


def _situation_name(ctx: ReviewContext) -> str:
    return next((s.name for s in ctx.item.situations if s.id == ctx.choice.id), ctx.choice.id or "默认情形")


def unplaced(ctx: ReviewContext) -> list[Finding]:
    findings = []
    for placed in ctx.assignment.unplaced:
        if not placed.source.quality_usable:
            reasons = (
                "；".join(f"{i.message}，{i.hint}" for i in placed.source.quality_issues) or "文件无法识别"
            )
            findings.append(
                Finding(
                    "fail",
                    f"文件“{placed.file}”无法使用（{reasons}），请重新上传",
                    [Evidence(placed.file, None, None, None, placed.material_type)],
                )
            )
            continue
        asked = placed.source.slot
        where = f"（指定的材料位置“{asked}”在本情形下不需要）" if asked else ""
        findings.append(
            Finding(
                "warn",
                f"文件“{placed.file}”（识别为{material_name(placed.material_type)}）不属于“{_situation_name(ctx)}”"
                f"所需材料{where}，请确认办理情形的回答是否正确，或删除该文件",
                [Evidence(placed.file, None, None, None, placed.material_type)],
            )
        )
    return findings or [Finding("pass")]


def evaluate(point: SituationPoint, ctx: ReviewContext) -> PointResult:
    if not ctx.holds(point.when):
        return not_applicable(point)
    findings = []
    for check in point.checks:
        if not ctx.holds(check.when):
            continue
        if isinstance(check, Rule):
            findings.append(rule(check, ctx, None))
        else:
            findings += unplaced(ctx)
    passed = f"{point.text}：办理情形为“{_situation_name(ctx)}”，所交材料与情形相符"
    return point_result(point, findings, passed=passed)
