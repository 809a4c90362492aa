"""Access control, upload checks, storage confinement and rate limiting."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from api.ratelimit import RateLimiter
from prereview.store.models import Material
from tests.service.conftest import Rendered, Service, data_path, render, upload
from tests.service.flows import create


def test_another_applicants_application_is_not_found(service: Service, front: Rendered) -> None:
    application_id = create(service, "alice")
    theirs = service.client.get(f"/api/applications/{application_id}", headers=service.headers("bob"))
    nobody = service.client.get(
        "/api/applications/0123456789abcdef0123456789abcdef", headers=service.headers("bob")
    )
    assert theirs.status_code == nobody.status_code == 404
    assert theirs.json() == nobody.json() and theirs.json()["code"] == "not_found"
    assert upload(service, "bob", application_id, front.data, slot=None).status_code == 404
    submit = service.client.post(f"/api/applications/{application_id}/submit", headers=service.headers("bob"))
    assert submit.status_code == 404
    mine = service.client.get("/api/applications", headers=service.headers("bob")).json()
    assert application_id not in {a["id"] for a in mine}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/staff/queue"),
        ("post", "/api/staff/applications/x/decision"),
        ("get", "/api/admin/audit"),
    ],
)
def test_staff_and_admin_endpoints_refuse_applicants(service: Service, method: str, path: str) -> None:
    response = getattr(service.client, method)(path, headers=service.headers("alice"))
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


def test_admin_endpoints_refuse_staff_and_applicant_endpoints_refuse_staff(service: Service) -> None:
    assert service.client.get("/api/admin/audit", headers=service.headers("wang")).status_code == 403
    created = service.client.post("/api/applications", headers=service.headers("wang"), json={"item_id": "x"})
    assert created.status_code == 403


def test_missing_or_bad_tokens_are_401(service: Service) -> None:
    assert service.client.get("/api/applications").status_code == 401
    bad = service.client.get("/api/applications", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and bad.json()["code"] == "unauthorized" and "detail" in bad.json()


def test_oversize_and_wrong_type_uploads_are_refused_clearly(service: Service) -> None:
    application_id = create(service, "alice")
    big = upload(service, "alice", application_id, b"\x89PNG\r\n\x1a\n" + bytes(3 * 1024 * 1024), slot=None)
    assert big.status_code == 413 and big.json()["code"] == "too_large" and "MB" in big.json()["detail"]
    exe = upload(service, "alice", application_id, b"MZ\x90\x00" + bytes(100), slot=None, name="id.png")
    assert exe.status_code == 415 and "可执行" in exe.json()["detail"]
    text = upload(service, "alice", application_id, "身份证号 110105194912310021".encode(), slot=None)
    assert text.status_code == 415 and "110105194912310021" not in text.text
    empty = upload(service, "alice", application_id, b"", slot=None)
    assert empty.status_code == 422 and empty.json()["code"] == "empty_file"
    slot = upload(service, "alice", application_id, render("id_card_front", 31).data, slot="no_such_slot")
    assert slot.status_code == 422 and slot.json()["code"] == "unknown_slot"


def test_path_like_file_names_cannot_escape_storage(service: Service, tmp_path: Path) -> None:
    application_id = create(service, "alice")
    target = tmp_path / "escaped.png"
    name = "../" * 12 + str(target).lstrip("/")
    response = upload(
        service, "alice", application_id, render("id_card_front", 32).data, slot=None, name=name
    )
    assert response.status_code == 202
    assert not target.exists()
    with service.state.store.sessions() as session:
        material = session.get(Material, response.json()["id"])
        assert material is not None and material.file_name == "escaped.png"
        stored = service.state.store.storage.path_for(material.sha256)
    assert stored.is_file() and stored.resolve().is_relative_to(data_path(service).resolve())


def test_uploads_are_rate_limited_per_user(service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service.state, "limiter", RateLimiter(per_minute=1))
    application_id = create(service, "bob")
    data = render("id_card_front", 33).data
    assert upload(service, "bob", application_id, data, slot=None).status_code == 202
    limited = upload(service, "bob", application_id, data, slot=None)
    assert limited.status_code == 429 and limited.json()["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) >= 1
    other = create(service, "carol")
    assert upload(service, "carol", other, data, slot=None).status_code == 202  # per user, not global


def test_password_login_issues_a_token_and_stores_only_an_argon2_hash(service: Service) -> None:
    from prereview.auth import create_user
    from prereview.store.models import User

    with service.state.store.session() as session:
        create_user(session, name="zhao", role="applicant", password="正确的密码 horse battery")
    wrong = service.client.post("/api/auth/token", json={"name": "zhao", "password": "wrong"})
    nobody = service.client.post("/api/auth/token", json={"name": "nobody", "password": "wrong"})
    assert wrong.status_code == nobody.status_code == 401 and wrong.json() == nobody.json()
    good = service.client.post(
        "/api/auth/token", json={"name": "zhao", "password": "正确的密码 horse battery"}
    )
    assert good.status_code == 200
    mine = service.client.get(
        "/api/applications", headers={"Authorization": f"Bearer {good.json()['token']}"}
    )
    assert mine.status_code == 200 and mine.json() == []
    with service.state.store.sessions() as session:
        stored = session.scalars(select(User.password_hash).where(User.name == "zhao")).one()
    assert stored is not None and stored.startswith("$argon2id$") and "horse" not in stored
