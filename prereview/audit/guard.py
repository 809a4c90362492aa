"""Audit rows are append-only: no code path may update or delete them.

:func:`install` hooks the ORM so that flushing a changed or deleted :class:`AuditEvent`, or running a
bulk ``UPDATE``/``DELETE`` on ``audit_events``, raises :class:`AuditImmutable`. On PostgreSQL a
trigger (migration ``0001``) refuses the same at the database level; on SQLite, a trigger does too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from prereview.errors import PrereviewError
from prereview.store.models import AuditEvent


class AuditImmutable(PrereviewError):
    default_zh = "审计记录只能追加，不能修改或删除"
    default_en = "audit events are append-only"


_installed = False


def _refuse_flush(session: Session, flush_context: Any, instances: Any) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditImmutable()


def _refuse_bulk(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    tables = {getattr(entity, "__tablename__", None) for entity in _entities(state)}
    if AuditEvent.__tablename__ in tables:
        raise AuditImmutable()


def _entities(state: ORMExecuteState) -> list[Any]:
    mapper = state.bind_mapper
    if mapper is not None:
        return [mapper.class_]
    table = getattr(state.statement, "table", None)
    return [type("T", (), {"__tablename__": getattr(table, "name", None)})]


def install() -> None:
    """Register the guards once per process (idempotent)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _refuse_flush)
    event.listen(Session, "do_orm_execute", _refuse_bulk)
    _installed = True
