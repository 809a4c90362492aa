"""An application as its owner or staff see it: progress per material, results, review, decisions.

A result that is held back (``release_at`` in the future: it came from somebody else's identical upload)
is shown as still being recognised, with progress moving on the clock, exactly like a fresh one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from api.schemas import ApplicationPublic, DecisionPublic, MaterialPublic
from prereview.store.models import Application, Correction, Decision, Material, User, utcnow


def _held_back(material: Material, now: datetime) -> bool:
    return material.status == "done" and material.release_at is not None and material.release_at > now


def present_material(
    material: Material, now: datetime, corrections: list[Correction] | None = None
) -> MaterialPublic:
    if _held_back(material, now):
        assert material.release_at is not None
        started = material.started_at or material.created_at
        total = max((material.release_at - started).total_seconds(), 1e-6)
        percent = 30 + int(60 * min(1.0, (now - started).total_seconds() / total))
        return MaterialPublic(
            id=material.id,
            slot=material.slot,
            file=material.file_name,
            status="running",
            stage="recognize",
            percent=min(percent, 89),
            result=None,
        )
    status = material.status if material.status != "superseded" else "done"
    return MaterialPublic(
        id=material.id,
        slot=material.slot,
        file=material.file_name,
        status=status,
        stage=material.stage,
        percent=material.percent,
        error=material.error,
        result=material.extraction if status == "done" else None,
        corrections=None
        if corrections is None
        else [
            {
                "id": c.id,
                "field": c.field,
                "before": c.before,
                "after": c.after,
                "at": c.created_at.isoformat(),
            }
            for c in corrections
            if c.material_id == material.id
        ],
    )


def present(
    application: Application,
    *,
    decisions: Sequence[tuple[Decision, User]] = (),
    corrections: list[Correction] | None = None,
    staff_names: bool = True,
    now: datetime | None = None,
) -> ApplicationPublic:
    """``staff_names=False`` for the applicant: the window, not the person, decided."""
    now = now or utcnow()
    current = [m for m in application.materials if m.status != "superseded"]
    shown = [present_material(m, now, corrections) for m in current]
    done = sum(1 for m in shown if m.status in ("done", "failed"))
    percent = (
        round(sum(m.percent if m.status != "failed" else 100 for m in shown) / len(shown)) if shown else 0
    )
    ready = bool(shown) and done == len(shown)
    return ApplicationPublic(
        id=application.id,
        item_id=application.item_id,
        status=application.status,
        answers=dict(application.answers),
        created_at=application.created_at,
        submitted_at=application.submitted_at,
        progress={"done": done, "total": len(shown), "percent": percent},
        materials=shown,
        review=application.review if ready else None,
        decisions=[
            DecisionPublic(
                action=d.action,
                reason=d.reason,
                overrides=list(d.overrides),
                staff=u.name if staff_names else "窗口工作人员",
                at=d.created_at,
            )
            for d, u in decisions
        ],
    )


def review_ready(application: Application, now: datetime | None = None) -> bool:
    """Every current material is read and released, and the review is there."""
    now = now or utcnow()
    current = [m for m in application.materials if m.status != "superseded"]
    return (
        bool(current)
        and application.review is not None
        and all(m.status in ("done", "failed") and not _held_back(m, now) for m in current)
    )
