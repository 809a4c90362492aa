"""Turn a point's findings into its status, message and evidence."""

from __future__ import annotations

from typing import Any

from prereview.review.context import ReviewContext
from prereview.review.subchecks import REGISTRY
from prereview.review.verdict import Evidence, Finding, PointResult, worst


def unique(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence without repeats, in first-seen order."""
    seen: dict[tuple[object, ...], Evidence] = {}
    for e in evidence:
        seen.setdefault((e.file, e.page, e.box, e.field, repr(e.value)), e)
    return list(seen.values())


def point_result(
    point: Any,
    findings: list[Finding],
    *,
    fixable: bool = True,
    slot: str | None = None,
    passed: str | None = None,
) -> PointResult:
    """Worst status wins; the message lists every finding of that status (or says the point is met)."""
    status = worst(f.status for f in findings) if findings else "pass"
    if status in ("pass", "not_applicable"):
        message = passed or (f"{point.text}：符合要求" if status == "pass" else f"{point.text}：本情形不适用")
        evidence = [e for f in findings for e in f.evidence]
    else:
        chosen = [f for f in findings if f.status == status]
        message = "；".join(dict.fromkeys(f.message for f in chosen if f.message)) or point.text
        evidence = [e for f in chosen for e in f.evidence]
    return PointResult(point.id, point.kind, status, message, unique(evidence), fixable, slot, findings)


def not_applicable(point: Any, reason: str = "本情形不适用") -> PointResult:
    return PointResult(point.id, point.kind, "not_applicable", f"{point.text}：{reason}")


def run_checks(checks: list[Any], ctx: ReviewContext, slot: Any) -> list[Finding]:
    """Evaluate field sub-checks that apply (``when`` holds; the filtered material type is present)."""
    findings = []
    for check in checks:
        if not ctx.holds(check.when):
            continue
        if (
            check.material_type
            and slot is not None
            and not any(p.material_type == check.material_type for p in ctx.assignment.in_slot(slot.id))
        ):
            continue
        findings.append(REGISTRY[check.check](check, ctx, slot))
    return findings
