"""The service starts on the embedded defaults and reports readiness."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from api.app import create_app
from prereview.settings import Settings


def _wait_ready(get, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    body: dict = {}
    while time.monotonic() < deadline:
        response = get()
        body = response.json()
        if response.status_code == 200:
            return body
        time.sleep(0.2)
    raise AssertionError(f"service not ready after {timeout}s: {body}")


def test_health_reports_storage_and_loaded_engine(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path / "data"))
    with TestClient(app) as client:
        body = _wait_ready(lambda: client.get("/api/health"))
    assert body["status"] == "ok"
    assert body["ocr"] == {"ok": True, "engine": "rapid", "error": None}
    assert body["storage"]["ok"] is True
    assert (tmp_path / "data").is_dir()


def test_health_reports_an_engine_that_cannot_load(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "data", ocr={"engine": "paddle", "paddle_det_dir": tmp_path / "no"}
    )
    with TestClient(create_app(settings)) as client:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            response = client.get("/api/health")
            if response.json()["status"] == "error":
                break
            time.sleep(0.1)
    assert response.status_code == 503
    assert response.json()["ocr"]["ok"] is False
    assert "PADDLE" in response.json()["ocr"]["error"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_command_answers_health(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "PREREVIEW_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, "-m", "prereview", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:

        def get() -> httpx.Response:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5)
            except httpx.TransportError:
                return httpx.Response(599, json={"status": "down"})

        body = _wait_ready(get, timeout=90)
        assert body["ocr"]["ok"] is True
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stderr is not None:
            process.stderr.close()
