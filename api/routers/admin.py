"""``GET /api/admin/audit``: the audit trail, newest first (admin only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select

from api.deps import AdminUser, SessionDep
from api.schemas import AuditEventPublic
from prereview.store.models import AuditEvent

router = APIRouter(prefix="/api/admin", tags=["admin"])


@router.get("/audit", operation_id="list_audit_events")
def list_audit(
    user: AdminUser,
    session: SessionDep,
    action: Annotated[str | None, Query(description="only this action, e.g. application.accept")] = None,
    target_id: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AuditEventPublic]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit).offset(offset)
    if action:
        query = query.where(AuditEvent.action == action)
    if target_id:
        query = query.where(AuditEvent.target_id == target_id)
    return [AuditEventPublic.model_validate(e, from_attributes=True) for e in session.scalars(query)]
