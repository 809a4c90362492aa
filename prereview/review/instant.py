"""秒批 instant-approval eligibility (CONTRACT.md).

Eligible only when the item allows it (即办件 marked 秒批, no special procedure), the verdict is ``pass``
with no ``warn``, and every identity and license fact the item lists under ``verification`` was
confirmed by a named authoritative source. ``verified_by`` is how the integration layer says so:
``{"applicant_identity": "公安人口库", "food_license": "电子证照库"}`` — supplied only after that source
agreed with the application. OCR of an uploaded image never confirms a fact.
"""

from __future__ import annotations

from collections.abc import Mapping

from prereview.review.schema import Item
from prereview.review.verdict import InstantApproval, Overall, PointResult

VERDICT_NAMES = {
    "needs_correction": "需补正",
    "reject": "不予受理",
    "manual_review": "需人工审核",
    "pass": "通过",
}


def instant_approval(
    item: Item, verdict: Overall, points: list[PointResult], verified_by: Mapping[str, str] | None
) -> InstantApproval:
    reasons = []
    specials = [p for p in item.points if p.kind == "special_procedure"]
    if specials:
        names = "、".join(getattr(p, "name", p.id) for p in specials)
        reasons.append(f"本事项含特别程序（{names}），不适用秒批")
    elif not item.allows_instant_approval:
        reasons.append(f"本事项为{item.project_type}，未列入秒批事项")
    if verdict != "pass":
        reasons.append(f"预审结论为“{VERDICT_NAMES[verdict]}”")
    warned = [p.id for p in points if p.status == "warn"]
    if warned:
        reasons.append(f"存在需要注意的审查要点（{'、'.join(warned)}），需人工确认")
    given = dict(verified_by or {})
    if not given and item.verification:
        reasons.append(
            "尚未接入权威数据源核验（如公安人口库、电子证照库），身份与证照信息仅来自上传材料的识别，不能秒批"
        )
    else:
        for fact in item.verification:
            if not given.get(fact.id):
                reasons.append(f"{fact.text}尚未经权威数据源（{'、'.join(fact.sources)}）核验")
    confirmed = {k: v for k, v in given.items() if any(f.id == k for f in item.verification) and v}
    return InstantApproval(eligible=not reasons, reasons=reasons, verified_by=confirmed)
