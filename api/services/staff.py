"""The window's flow: queue, audited reads, decision (accept / return / refuse), overrides, corrections."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.errors import ApiError, not_found
from api.schemas import CorrectionCreate, CorrectionPublic, DecisionCreate, QueueEntry
from prereview.audit import record
from prereview.store.models import Application, Correction, Decision, Material, User
from prereview.store.names import mask_personal

ACTION_STATUS = {"accept": "accepted", "return": "returned", "refuse": "refused"}


def queue(session: Session) -> list[QueueEntry]:
    rows = session.execute(
        select(Application, User.name)
        .join(User, User.id == Application.owner_id)
        .where(Application.status == "submitted")
        .order_by(Application.submitted_at)
    ).all()
    return [
        QueueEntry(
            id=a.id,
            item_id=a.item_id,
            applicant=name,
            submitted_at=a.submitted_at,
            verdict=(a.review or {}).get("verdict"),
            failed_points=len(failed_points(a.review)),
        )
        for a, name in rows
    ]


def failed_points(review: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The points an applicant must fix (what a return for correction lists).

    >>> failed_points({"points": [{"id": "a", "status": "fail"}, {"id": "b", "status": "pass"}]})
    [{'id': 'a', 'status': 'fail'}]
    """
    return [p for p in (review or {}).get("points", []) if p.get("status") == "fail"]


def read(
    session: Session, *, staff: User, application_id: str
) -> tuple[Application, list[Any], list[Correction]]:
    """An application with its decisions and corrections; the read itself is audited."""
    application = session.get(Application, application_id)
    if application is None:
        raise not_found()
    record(
        session, actor=staff, action="application.read", target_type="application", target_id=application.id
    )
    return application, decisions_of(session, application), corrections_of(session, application)


def decisions_of(session: Session, application: Application) -> list[tuple[Decision, User]]:
    rows = session.execute(
        select(Decision, User)
        .join(User, User.id == Decision.staff_id)
        .where(Decision.application_id == application.id)
        .order_by(Decision.created_at)
    )
    return [(decision, user) for decision, user in rows]


def corrections_of(session: Session, application: Application) -> list[Correction]:
    query = select(Correction).where(Correction.application_id == application.id).order_by(Correction.id)
    return list(session.scalars(query))


def _check_overrides(body: DecisionCreate, review: dict[str, Any]) -> dict[str, str]:
    """AI status per overridden point; 422 when a reason is missing or a point is unknown."""
    statuses = {p["id"]: p["status"] for p in review.get("points", [])}
    for override in body.overrides:
        if not (override.reason or "").strip():
            raise ApiError(
                422,
                "override_reason_required",
                f"改判要点 {override.point_id} 必须填写理由 (an override needs a reason)",
            )
        if override.point_id not in statuses:
            raise ApiError(422, "unknown_point", f"没有编号为 {override.point_id} 的审查要点 (unknown point)")
    return statuses


def _reason(body: DecisionCreate, review: dict[str, Any]) -> str:
    reason = (body.reason or "").strip()
    if reason:
        return reason
    if body.action == "accept":
        return "材料齐全，符合法定形式，予以受理"
    if body.action == "return":
        overridden = {o.point_id for o in body.overrides if o.status != "fail"}
        fixes = [p.get("message", p["id"]) for p in failed_points(review) if p["id"] not in overridden]
        if fixes:
            return "；".join(fixes)
    raise ApiError(422, "reason_required", "请填写理由 (a reason is required)")


def decide(session: Session, *, staff: User, application_id: str, body: DecisionCreate) -> Decision:
    application = session.get(Application, application_id)
    if application is None:
        raise not_found()
    if application.status != "submitted":
        raise ApiError(
            409,
            "not_submitted",
            f"该申请当前状态为 {application.status}，只能对已提交的申请作出决定 "
            "(only a submitted application can be decided)",
        )
    review = application.review or {}
    statuses = _check_overrides(body, review)
    reason = _reason(body, review)
    overrides = [{**o.model_dump(), "ai_status": statuses[o.point_id]} for o in body.overrides]
    decision = Decision(
        application_id=application.id,
        staff_id=staff.id,
        action=body.action,
        reason=reason,
        overrides=overrides,
    )
    session.add(decision)
    for override in overrides:
        record(
            session,
            actor=staff,
            action="point.override",
            target_type="application",
            target_id=application.id,
            before={"point_id": override["point_id"], "status": override["ai_status"]},
            after={
                "point_id": override["point_id"],
                "status": override["status"],
                "reason": override["reason"],
            },
        )
    before = application.status
    application.status, application.decision_reason = ACTION_STATUS[body.action], reason
    record(
        session,
        actor=staff,
        action=f"application.{body.action}",
        target_type="application",
        target_id=application.id,
        before={"status": before},
        after={"status": application.status, "reason": reason, "overrides": len(overrides)},
    )
    session.flush()
    return decision


def correct(
    session: Session, *, staff: User, application_id: str, material_id: str, body: CorrectionCreate
) -> CorrectionPublic:
    material = session.get(Material, material_id)
    if material is None or material.application_id != application_id:
        raise not_found("材料", "material")
    if (body.field is None) == (body.material_type is None):
        raise ApiError(
            422,
            "invalid_correction",
            "请只指定一项：要更正的字段 field 或材料类型 material_type (give either field or material_type)",
        )
    extraction = material.extraction or {}
    if body.field is not None:
        before = (extraction.get("fields", {}).get(body.field) or {}).get("value")
        after: Any = body.value
    else:
        before, after = extraction.get("material_type"), body.material_type
    correction = Correction(
        application_id=application_id,
        material_id=material.id,
        staff_id=staff.id,
        field=body.field,
        before=before,
        after=after,
    )
    session.add(correction)
    session.flush()
    record(
        session,
        actor=staff,
        action="material.correct",
        target_type="material",
        target_id=material.id,
        before={"field": body.field or "material_type", "value": _masked(before)},
        after={"field": body.field or "material_type", "value": _masked(after)},
    )
    return CorrectionPublic(
        id=correction.id, material_id=material.id, field=correction.field, before=before, after=after
    )


def _masked(value: Any) -> Any:
    """Corrected values are personal data: the audit trail keeps them masked (the correction keeps them)."""
    return mask_personal(value) if isinstance(value, str) else value
