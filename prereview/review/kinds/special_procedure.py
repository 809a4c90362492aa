"""特别程序: 现场审查, 专家评审… They are listed and stop instant approval; they never change the
pre-review verdict, so the point itself is neutral (``not_applicable``) with a message saying what follows.
"""

from __future__ import annotations

from prereview.review.context import ReviewContext
from prereview.review.kinds.combine import not_applicable
from prereview.review.point_schema import SpecialProcedurePoint
from prereview.review.verdict import PointResult


def evaluate(point: SpecialProcedurePoint, ctx: ReviewContext) -> PointResult:
    if not ctx.holds(point.when):
        return not_applicable(point)
    limit = "计入" if point.counts_in_limit else "不计入"
    message = f"本事项需经{point.name}（{limit}办理时限），不影响预审结论，受理后由工作人员安排；不适用秒批"
    return PointResult(point.id, point.kind, "not_applicable", message, fixable=True)
