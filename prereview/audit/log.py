"""``record(...)``: append one audit event in the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from prereview.store.models import AuditEvent, User


def record(
    session: Session,
    *,
    actor: User | None,
    action: str,
    target_type: str,
    target_id: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an event; it is written with the caller's commit (so it exists exactly when the change does)."""
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        actor_role=actor.role if actor else "system",
        action=action,
        target_type=target_type,
        target_id=target_id,
        before=before,
        after=after,
    )
    session.add(event)
    return event
