"""The applicant's flow: create with answers → guide → upload per slot → progress → submit."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.errors import ApiError, not_found
from api.schemas import SubmissionPublic
from api.services.presenter import review_ready
from api.services.uploads import check_slot, content_type
from api.state import ServiceState
from prereview.audit import record
from prereview.errors import PrereviewError
from prereview.jobs import Rules
from prereview.store.blobs import save_blob
from prereview.store.models import Application, Material, User, utcnow
from prereview.store.names import mask_file_name, safe_file_name

logger = logging.getLogger(__name__)
EDITABLE = ("draft", "returned")


def rules_of(state: ServiceState) -> Rules:
    try:
        return state.rules()
    except (ImportError, PrereviewError) as error:
        logger.error("rules unavailable: %s", error)
        raise ApiError(
            503, "rules_unavailable", "审查规则暂不可用，请稍后重试 (review rules unavailable)"
        ) from None


def item_or_404(rules: Rules, item_id: str) -> dict[str, Any]:
    item = rules.item_json(item_id)
    if item is None:
        known = ", ".join(sorted(rules.items))
        raise ApiError(
            404, "unknown_item", f"事项“{item_id}”不存在，可选：{known} (unknown item; known: {known})"
        )
    return item


def create_application(
    session: Session, *, state: ServiceState, user: User, item_id: str, answers: dict[str, str]
) -> tuple[Application, dict[str, Any]]:
    rules = rules_of(state)
    item_or_404(rules, item_id)
    try:
        guide = rules.guide(item_id, answers)
    except (ValueError, KeyError, PrereviewError) as error:
        raise ApiError(422, "invalid_answers", str(error)) from None
    application = Application(owner_id=user.id, item_id=item_id, answers=answers)
    session.add(application)
    session.flush()
    record(
        session,
        actor=user,
        action="application.create",
        target_type="application",
        target_id=application.id,
        after={"status": "draft", "item_id": item_id},
    )
    return application, guide


def owned(session: Session, user: User, application_id: str) -> Application:
    """The user's own application (staff: any); 404 alike for missing and for somebody else's."""
    application = session.get(Application, application_id)
    if application is None or (user.role == "applicant" and application.owner_id != user.id):
        raise not_found()
    return application


def add_material(
    session: Session,
    *,
    state: ServiceState,
    user: User,
    application_id: str,
    data: bytes,
    file_name: str | None,
    slot: str | None,
) -> Material:
    """Store the file (once per content), supersede the slot's older upload, queue its pre-review."""
    assert state.store is not None and state.queue is not None
    application = owned(session, user, application_id)
    if application.owner_id != user.id:
        raise not_found()
    if application.status not in EDITABLE:
        raise ApiError(
            409,
            "not_editable",
            f"申请已{_status_zh(application.status)}，不能再上传材料 (application is {application.status})",
        )
    kind = content_type(data)
    slots = [s["id"] for s in item_or_404(rules_of(state), application.item_id).get("slots", [])]
    check_slot(slot, slots)
    sha256, _ = save_blob(session, state.store.storage, owner_id=user.id, data=data)
    name = safe_file_name(file_name)
    superseded = [
        m for m in application.materials if slot is not None and m.slot == slot and m.status != "superseded"
    ]
    for old in superseded:
        old.status = "superseded"
    material = Material(
        application=application, slot=slot, file_name=name, sha256=sha256, content_type=kind, size=len(data)
    )
    session.add(material)
    session.flush()
    state.queue.enqueue(session, kind="prereview", material_id=material.id)
    application.review = None
    record(
        session,
        actor=user,
        action="material.upload",
        target_type="material",
        target_id=material.id,
        before={"superseded": [m.id for m in superseded]} if superseded else None,
        after={
            "application_id": application.id,
            "slot": slot,
            "size": len(data),
            "type": kind,
            "file": mask_file_name(name),
        },
    )
    logger.info(
        "application %s: material %s queued (%s, %d bytes)", application.id, material.id, kind, len(data)
    )
    return material


def submit(session: Session, *, user: User, application_id: str) -> SubmissionPublic:
    application = owned(session, user, application_id)
    if application.status not in EDITABLE:
        raise ApiError(
            409,
            "not_editable",
            f"申请已{_status_zh(application.status)}，不能重复提交 (application is {application.status})",
        )
    if not review_ready(application):
        raise ApiError(
            409,
            "review_pending",
            "材料尚未全部预审完成，请等待进度完成后再提交 (pre-review still running or no material uploaded)",
        )
    review = application.review or {}
    instant = review.get("instant_approval")
    before = application.status
    # Every submission goes to the staff queue for now, even when instant approval would be eligible.
    application.status, application.submitted_at = "submitted", utcnow()
    record(
        session,
        actor=user,
        action="application.submit",
        target_type="application",
        target_id=application.id,
        before={"status": before},
        after={"status": "submitted", "verdict": review.get("verdict"), "instant_approval": instant},
    )
    return SubmissionPublic(
        id=application.id, status="submitted", verdict=review.get("verdict"), instant_approval=instant
    )


def list_own(session: Session, user: User) -> list[Application]:
    return list(
        session.scalars(
            select(Application).where(Application.owner_id == user.id).order_by(Application.created_at.desc())
        )
    )


def _status_zh(status: str) -> str:
    return {"submitted": "提交", "accepted": "受理", "refused": "不予受理", "returned": "退回补正"}.get(
        status, status
    )
