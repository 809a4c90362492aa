"""Same content stored once, extracted once; nobody learns that somebody else uploaded the same file."""

from __future__ import annotations

import time
from datetime import datetime

from sqlalchemy import func, select

from prereview.store.models import Blob, CachedExtraction, Material, utcnow
from tests.service.conftest import Service, render, upload, wait_reviewed
from tests.service.flows import create


def _files(service: Service, sha256: str) -> int:
    return sum(1 for p in (service.settings.data_dir / "files").rglob(sha256))


def _stored_state(service: Service, material_id: str) -> tuple[str, datetime | None]:
    with service.state.store.sessions() as session:
        material = session.get(Material, material_id)
        assert material is not None
        return material.status, material.release_at


def test_same_file_same_owner_is_stored_and_extracted_once(service: Service) -> None:
    data = render("id_card_front", 41).data
    first_app, second_app = create(service, "alice"), create(service, "alice")
    first = upload(service, "alice", first_app, data, slot=None, name="a.png").json()["id"]
    one = wait_reviewed(service, first_app, "alice")
    second = upload(service, "alice", second_app, data, slot=None, name="b.png").json()["id"]
    two = wait_reviewed(service, second_app, "alice")
    with service.state.store.sessions() as session:
        sha256 = session.get(Material, first).sha256  # type: ignore[union-attr]
        assert session.get(Material, second).sha256 == sha256  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(Blob).where(Blob.sha256 == sha256)) == 1
        cached = session.scalar(
            select(func.count()).select_from(CachedExtraction).where(CachedExtraction.sha256 == sha256)
        )
    assert cached == 1 and _files(service, sha256) == 1
    a, b = one["materials"][0]["result"], two["materials"][0]["result"]
    assert (a["file"], b["file"]) == ("a.png", "b.png") and {**a, "file": ""} == {**b, "file": ""}


def test_another_owners_cached_result_is_held_back_like_a_fresh_one(service: Service) -> None:
    data = render("id_card_front", 42).data
    alice_app = create(service, "alice")
    upload(service, "alice", alice_app, data, slot=None, name="mine.png")
    wait_reviewed(service, alice_app, "alice")
    carol_app = create(service, "carol")
    response = upload(service, "carol", carol_app, data, slot=None, name="carol.png")
    assert response.status_code == 202 and set(response.json()) == {"id", "status"}
    material_id = response.json()["id"]

    held_seen = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        # Stored as done before the request and still before release_at after it: the page was served while
        # the result was held, whatever the worker did in between.
        stored, release_at = _stored_state(service, material_id)
        body = service.client.get(f"/api/applications/{carol_app}", headers=service.headers("carol")).json()
        shown = body["materials"][0]
        if stored == "done" and release_at is not None and release_at > utcnow():
            assert shown["status"] == "running" and shown["result"] is None and body["review"] is None
            assert 30 <= shown["percent"] < 90
            held_seen = True
        if body["review"] is not None:
            break
        time.sleep(0.05)
    assert held_seen and body["review"] is not None
    with service.state.store.sessions() as session:
        compute = session.scalar(
            select(CachedExtraction.compute_seconds)
            .join(Material, Material.sha256 == CachedExtraction.sha256)
            .where(Material.id == material_id)
        )
        material = session.get(Material, material_id)
    assert material is not None and material.release_at is not None and material.started_at is not None
    assert (material.release_at - material.started_at).total_seconds() >= compute * 0.99
    assert body["materials"][0]["result"]["file"] == "carol.png"
