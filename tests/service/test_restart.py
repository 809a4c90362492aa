"""A job interrupted by SIGKILL is picked up by the next start and ends as an uninterrupted run does."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from prereview.settings import Settings
from prereview.store.context import open_store
from prereview.store.models import Job
from tests.service.conftest import Service, render, upload, wait_reviewed
from tests.service.flows import ITEM, create


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "prereview", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def _serve(env: dict[str, str], port: int, log: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "prereview", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )


def _get(url: str, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        return httpx.get(url, headers=headers, timeout=10)
    except httpx.TransportError:
        return httpx.Response(599)


def _wait(predicate: Any, timeout: float, what: str, interval: float = 0.02) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


def test_sigkill_during_a_job_then_restart_completes_it(service: Service, tmp_path: Path) -> None:
    data = render("id_card_front", 51).data
    env = {
        **os.environ,
        "PREREVIEW_DATA_DIR": str(tmp_path / "data"),
        "PREREVIEW_SERVICE__JOB_LEASE_SECONDS": "2",
        "PREREVIEW_SERVICE__JOB_POLL_SECONDS": "0.1",
    }
    env.pop("PREREVIEW_SERVICE__DATABASE_URL", None)
    token = _cli(env, "user", "add", "restart-user", "--role", "applicant").strip().splitlines()[-1]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "serve.log"
    log = log_path.open("ab")
    first = _serve(env, port, log)
    try:
        _wait(lambda: _get(f"{base}/openapi.json").status_code == 200, 90, "the first start")
        headers = {"Authorization": f"Bearer {token}"}
        app_id = httpx.post(
            f"{base}/api/applications", headers=headers, json={"item_id": ITEM, "answers": {}}, timeout=10
        ).json()["id"]
        response = httpx.post(
            f"{base}/api/applications/{app_id}/materials",
            headers=headers,
            timeout=10,
            files={"file": ("card.png", data, "image/png")},
        )
        assert response.status_code == 202
        _wait(
            lambda: (
                _get(f"{base}/api/applications/{app_id}", token).json()["materials"][0]["status"] == "running"
            ),
            60,
            "the job to run",
        )
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=20)
    second = _serve(env, port, log)
    try:
        body = _wait(
            lambda: (
                (b := _get(f"{base}/api/applications/{app_id}", token)).status_code == 200
                and b.json()["review"] is not None
                and b.json()
            ),
            120,
            "the job to finish after restart",
            0.2,
        )
    finally:
        second.terminate()
        second.wait(timeout=30)
        log.close()
    restarted = body["materials"][0]

    # the same file through the shared, never-interrupted service
    reference_app = create(service, "alice")
    upload(service, "alice", reference_app, data, slot=None, name="card.png")
    reference = wait_reviewed(service, reference_app, "alice")
    assert restarted["status"] == "done" and restarted["result"] == reference["materials"][0]["result"]
    strip = {"situation"}  # ids of the two applications differ nowhere else
    assert {k: v for k, v in body["review"].items() if k not in strip} == {
        k: v for k, v in reference["review"].items() if k not in strip
    }
    store = open_store(Settings(data_dir=tmp_path / "data"))
    try:
        with store.sessions() as session:
            job = session.scalar(select(Job).where(Job.material_id == restarted["id"]))
    finally:
        store.close()
    assert (
        job is not None and job.status == "done" and job.attempts == 2
    )  # the killed attempt, then the rerun
