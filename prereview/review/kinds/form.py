"""表单审查要点: the application form's fields — filled in, valid, signed, consistent with other materials."""

from __future__ import annotations

from prereview.review.context import ReviewContext
from prereview.review.kinds.combine import not_applicable, point_result, run_checks
from prereview.review.point_schema import FormPoint
from prereview.review.verdict import PointResult


def evaluate(point: FormPoint, ctx: ReviewContext) -> PointResult:
    if not ctx.holds(point.when) or not ctx.is_active(point.slot):
        return not_applicable(point)
    slot = ctx.item.slot(point.slot)
    placed = ctx.assignment.in_slot(slot.id)
    if not placed:
        return not_applicable(point, f"未提交{slot.name}，见材料审查要点")
    if not all(p.source.quality_usable for p in placed):
        return not_applicable(point, f"{slot.name}图像无法使用，请先按材料审查要点重新上传")
    return point_result(point, run_checks(point.checks, ctx, slot), slot=slot.id)
