"""``prereview user add`` and ``prereview purge``."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from prereview.auth import authenticate
from prereview.cli.purge import run as purge_run
from prereview.settings import Settings
from prereview.store import content_hash
from prereview.store.context import open_store
from prereview.store.models import Application, AuditEvent, Blob, CachedExtraction, utcnow
from tests.service.conftest import Service, render, upload, wait_reviewed
from tests.service.flows import create


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prereview", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_user_add_prints_a_working_token_on_the_last_line(tmp_path: Path) -> None:
    env = {**os.environ, "PREREVIEW_DATA_DIR": str(tmp_path / "data")}
    done = _run(env, "user", "add", "li.si", "--role", "staff")
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip().splitlines()[-1]
    assert len(token) >= 40 and " " not in token
    store = open_store(Settings(data_dir=tmp_path / "data"))
    try:
        with store.sessions() as session:
            user = authenticate(session, token)
            assert user is not None and user.name == "li.si" and user.role == "staff"
            assert authenticate(session, token[:-1] + ("a" if token[-1] != "a" else "b")) is None
    finally:
        store.close()
    assert token not in (tmp_path / "data" / "prereview.db").read_bytes().decode("latin-1")  # only its hash
    again = _run(env, "user", "add", "li.si", "--role", "staff")
    assert again.returncode == 2 and "已存在" in again.stderr
    wrong = _run(env, "user", "add", "x", "--role", "boss")
    assert wrong.returncode == 2


def test_purge_deletes_old_applications_files_and_cached_results(service: Service) -> None:
    data = render("id_card_front", 61).data
    old_app = create(service, "bob")
    upload(service, "bob", old_app, data, slot=None)
    wait_reviewed(service, old_app, "bob")
    keep_app = create(service, "bob")
    store = service.state.store
    with store.session() as session:
        session.execute(
            update(Application)
            .where(Application.id == old_app)
            .values(created_at=utcnow() - timedelta(days=400))
        )
        session.execute(update(Blob).values(created_at=utcnow() - timedelta(days=400)))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert purge_run(argparse.Namespace(days=None), service.settings) == 0
    report = json.loads(out.getvalue())
    assert report["applications"] >= 1 and report["files"] >= 1 and report["cached_results"] >= 1
    with store.sessions() as session:
        assert session.get(Application, old_app) is None and session.get(Application, keep_app) is not None
        sha256 = content_hash(data)
        assert session.get(Blob, sha256) is None
        assert (
            session.scalar(
                select(func.count()).select_from(CachedExtraction).where(CachedExtraction.sha256 == sha256)
            )
            == 0
        )
        purges = session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purge")).all()
    assert not store.storage.exists(sha256) and purges
    gone = service.client.get(f"/api/applications/{old_app}", headers=service.headers("bob"))
    assert gone.status_code == 404
