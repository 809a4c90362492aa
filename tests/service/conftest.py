"""Shared fixtures of the service tests: one running app (real OCR) per database backend.

The database backends are SQLite (always) and PostgreSQL when ``PREREVIEW_TEST_DATABASE_URL`` is set
(``scripts/start_postgres.sh`` prints one); each test session gets a fresh PostgreSQL database.
"""

from __future__ import annotations

import os
import random
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import cv2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api.app import create_app
from prereview.auth import create_user, issue_token
from prereview.settings import Settings
from prereview.store import normalise_url

PG_URL = os.environ.get("PREREVIEW_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'prereview.db'}"
        return
    assert PG_URL
    yield from fresh_postgres_database(PG_URL)


def fresh_postgres_database(url: str) -> Iterator[str]:
    """A new, empty database next to ``url``'s, dropped afterwards."""
    base = make_url(normalise_url(url))
    name = f"prereview_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class Service:
    client: TestClient
    settings: Settings
    tokens: dict[str, str]

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    @property
    def state(self) -> Any:
        return self.client.app.state.service  # type: ignore[attr-defined]


USERS = {"alice": "applicant", "bob": "applicant", "carol": "applicant", "wang": "staff", "root": "admin"}


@pytest.fixture(scope="session")
def service(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    data_dir = tmp_path_factory.mktemp("service-data")
    settings = Settings(
        data_dir=data_dir, service={"database_url": database_url, "max_upload_mb": 2, "job_poll_seconds": 0.1}
    )
    app = create_app(settings)
    with TestClient(app) as client:
        state = app.state.service
        tokens = {}
        with state.store.session() as session:
            for name, role in USERS.items():
                user = create_user(session, name=name, role=role)
                tokens[name] = issue_token(session, user, ttl_days=1)
        wait_ready(client)
        yield Service(client=client, settings=settings, tokens=tokens)


def wait_ready(client: TestClient, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if client.get("/api/health").status_code == 200:
            return
        time.sleep(0.2)
    raise AssertionError(f"service not ready: {client.get('/api/health').json()}")


def wait_reviewed(service: Service, application_id: str, who: str, timeout: float = 120) -> dict[str, Any]:
    """Poll the application until its review is there; returns the last body."""
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        body = service.client.get(f"/api/applications/{application_id}", headers=service.headers(who)).json()
        if body.get("review") is not None:
            return body
        time.sleep(0.2)
    raise AssertionError(f"no review after {timeout}s: {body}")


@dataclass(frozen=True)
class Rendered:
    data: bytes
    values: dict[str, Any]  # field values as printed


def render(material_type: str, seed: int) -> Rendered:
    """A synthetic material drawn by ``prereview.synth``, as PNG bytes with its printed values."""
    from prereview.synth.content import make_facts
    from prereview.synth.render import render_material

    rng = random.Random(seed)
    facts = make_facts(material_type, rng, as_of=date(2025, 6, 1))
    material = render_material(material_type, facts, rng=rng, layout=f"{material_type}/v1")
    ok, encoded = cv2.imencode(".png", material.pages[0].image)
    assert ok
    return Rendered(encoded.tobytes(), {k: f.value for k, f in material.fields.items()})


@pytest.fixture(scope="session")
def front() -> Rendered:
    return render("id_card_front", 11)


@pytest.fixture(scope="session")
def back() -> Rendered:
    return render("id_card_back", 12)


def upload(
    service: Service, who: str, application_id: str, data: bytes, *, slot: str | None, name: str = "card.png"
) -> Any:
    form = {"slot": slot} if slot else {}
    return service.client.post(
        f"/api/applications/{application_id}/materials",
        headers=service.headers(who),
        files={"file": (name, data, "image/png")},
        data=form,
    )


def slot_for(item: dict[str, Any], material_type: str) -> str:
    for slot in item["slots"]:
        if material_type in slot["material_types"]:
            return str(slot["id"])
    raise AssertionError(f"no slot takes {material_type}: {item['slots']}")


def data_path(service: Service) -> Path:
    return Path(service.settings.data_dir)
