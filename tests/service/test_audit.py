"""Audit events are append-only: the ORM, bulk statements and the database itself refuse changes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from prereview.audit import AuditImmutable, record
from prereview.settings import Settings
from prereview.store.context import Store, open_store
from prereview.store.models import AuditEvent

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(database_url: str, tmp_path: Path) -> Iterator[Store]:
    store = open_store(Settings(data_dir=tmp_path, service={"database_url": database_url}))
    yield store
    store.close()


def _event(store: Store) -> int:
    with store.session() as session:
        event = record(session, actor=None, action="test.event", target_type="test", after={"n": 1})
        session.flush()
        return event.id


def test_orm_update_of_an_audit_row_raises(store: Store) -> None:
    event_id = _event(store)
    with pytest.raises(AuditImmutable), store.session() as session:
        event = session.get(AuditEvent, event_id)
        assert event is not None
        event.action = "tampered"
        session.flush()
    with store.sessions() as session:
        assert session.get(AuditEvent, event_id).action == "test.event"  # type: ignore[union-attr]


def test_orm_delete_of_an_audit_row_raises(store: Store) -> None:
    event_id = _event(store)
    with pytest.raises(AuditImmutable), store.session() as session:
        session.delete(session.get(AuditEvent, event_id))
        session.flush()
    with store.sessions() as session:
        assert session.get(AuditEvent, event_id) is not None


@pytest.mark.parametrize("statement", [update(AuditEvent).values(action="x"), delete(AuditEvent)])
def test_bulk_statements_on_audit_rows_raise(store: Store, statement) -> None:  # type: ignore[no-untyped-def]
    _event(store)
    with pytest.raises(AuditImmutable), store.session() as session:
        session.execute(statement)


@pytest.mark.parametrize("sql", ["UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"])
def test_the_database_refuses_raw_sql_changes(store: Store, sql: str) -> None:
    event_id = _event(store)
    with pytest.raises(DBAPIError), store.engine.begin() as connection:
        connection.execute(text(sql))
    with store.sessions() as session:
        assert session.get(AuditEvent, event_id) is not None


def test_no_code_path_updates_or_deletes_audit_rows() -> None:
    """Besides the guards above: no module names the audit table in an UPDATE or DELETE."""
    pattern = re.compile(
        r"(update|delete)\s*\(\s*AuditEvent|(UPDATE|DELETE FROM)\s+audit_events", re.IGNORECASE
    )
    offenders = []
    for folder in ("prereview", "api"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # the migration installs the refusing trigger
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
