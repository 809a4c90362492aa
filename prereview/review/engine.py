"""``review(item, answers, materials, as_of)``: a whole application, point by point, to a verdict.

Steps: resolve the answers (defaults reported as ``assumed``) → slots in force for the situation →
place files in slots → evaluate every point with its kind's evaluator → per-material status →
missing materials → overall verdict by precedence → instant-approval eligibility. Pure: no I/O, no OCR.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from prereview.checks.dates import today_in_shanghai
from prereview.review.context import ReviewContext
from prereview.review.instant import instant_approval
from prereview.review.kinds import REGISTRY
from prereview.review.materials import MaterialResult
from prereview.review.schema import Item, Slot
from prereview.review.situation import resolve
from prereview.review.slots import Assignment, assign
from prereview.review.verdict import MaterialVerdict, PointResult, Verdict, overall, worst
from prereview.review.vocabulary import UPLOAD_EXEMPTIONS
from prereview.settings import ReviewSettings

DEFAULT_MIN_CONFIDENCE: float = ReviewSettings.model_fields["min_field_confidence"].default


@lru_cache(maxsize=1)
def package_version() -> str:
    try:
        return version("prereview")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0+unknown"


def _material_statuses(assignment: Assignment, points: list[PointResult]) -> list[MaterialVerdict]:
    by_file: dict[str, list[str]] = {}
    for point in points:
        for finding in point.findings:
            for file in {e.file for e in finding.evidence if e.file}:
                by_file.setdefault(file, []).append(finding.status)
    out: dict[str, MaterialVerdict] = {}
    for placed in assignment.placed:
        statuses = [*by_file.get(placed.file, []), "pass" if placed.slot else "warn"]
        if not placed.source.quality_usable:
            statuses.append("fail")
        status = worst(statuses)
        previous = out.get(placed.file)
        if previous is not None:  # several parts of one file: the worst part decides
            status = worst([status, previous.status])
        slot = placed.slot if previous is None else previous.slot or placed.slot
        out[placed.file] = MaterialVerdict(
            placed.file, placed.source.material_type, slot, "pass" if status == "not_applicable" else status
        )
    return list(out.values())


def _missing(active: list[Slot], assignment: Assignment) -> list[str]:
    out = []
    for slot in active:
        if slot.necessity not in ("必要", "容缺后补") or slot.exemption in UPLOAD_EXEMPTIONS:
            continue
        present = {
            p.material_type for p in assignment.in_slot(slot.id) if p.material_type in slot.material_types
        }
        if not any(set(alternative) <= present for alternative in slot.completions):
            out.append(slot.id)
    return out


def review(
    item: Item,
    answers: Mapping[str, Any] | None,
    materials: Sequence[MaterialResult],
    as_of: dt.date | None = None,
    verified_by: Mapping[str, str] | None = None,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> Verdict:
    """Review one application. ``as_of`` defaults to today in Asia/Shanghai; ``verified_by`` maps the item's
    verification facts to the authoritative source that confirmed them (none connected yet);
    ``min_confidence`` comes from ``Settings().review.min_field_confidence``."""
    day = as_of or today_in_shanghai()
    choice = resolve(item, answers)
    ctx = ReviewContext(item, choice, day, min_confidence, active=[])
    ctx.active = [s for s in item.materials if ctx.holds(s.when)]
    ctx.assignment = assign(item, ctx.active, list(materials))
    points = [REGISTRY[p.kind](p, ctx) for p in item.points]
    verdict = overall(points)
    specials = [
        {"id": p.id, "name": getattr(p, "name", p.text)}
        for p in item.points
        if p.kind == "special_procedure" and ctx.holds(p.when)
    ]
    models: dict[str, str] = {}
    for material in materials:
        models.update(material.versions)
    rules = {"item": item.id, "version": item.version, "sha256": item.sha256, "file": item.source}
    return Verdict(
        version=f"prereview {package_version()}; rules {item.id}@{item.version} ({item.sha256[:12]})",
        as_of=day.isoformat(),
        item=item.id,
        situation=choice.to_dict(),
        verdict=verdict,
        instant_approval=instant_approval(item, verdict, points, verified_by),
        special_procedures=specials,
        materials=_material_statuses(ctx.assignment, points),
        points=points,
        missing_materials=_missing(ctx.active, ctx.assignment),
        rules=rules,
        models=models,
    )
