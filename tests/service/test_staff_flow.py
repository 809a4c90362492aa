"""The window's flow: queue, audited detail, return with prefilled reasons, overrides, corrections, export."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from prereview.cli.export_corrections import REPOSITORY
from prereview.cli.export_corrections import run as export_run
from prereview.cli.main import UsageError
from tests.service.conftest import Rendered, Service, slot_for, upload, wait_reviewed
from tests.service.flows import item, submitted


def _audit(service: Service, **query: str) -> list[dict]:
    response = service.client.get("/api/admin/audit", headers=service.headers("root"), params=query)
    assert response.status_code == 200, response.text
    return list(response.json())


def _decide(service: Service, application_id: str, body: dict):  # type: ignore[no-untyped-def]
    return service.client.post(
        f"/api/staff/applications/{application_id}/decision", headers=service.headers("wang"), json=body
    )


def test_queue_detail_return_resubmit_override_accept(
    service: Service, front: Rendered, back: Rendered
) -> None:
    application_id, body = submitted(service, "alice", front)
    review = body["review"]
    failed = [p for p in review["points"] if p["status"] == "fail"]
    assert failed, "an ID card of a person under 80 must fail the elderly allowance's age condition"

    queue = service.client.get("/api/staff/queue", headers=service.headers("wang")).json()
    entry = next(e for e in queue if e["id"] == application_id)
    assert entry["verdict"] == review["verdict"] and entry["applicant"] == "alice"
    assert entry["failed_points"] == len(failed)

    detail = service.client.get(f"/api/staff/applications/{application_id}", headers=service.headers("wang"))
    assert detail.status_code == 200 and detail.json()["review"] == review
    assert any(p["evidence"] for p in detail.json()["review"]["points"])
    reads = _audit(service, target_id=application_id, action="application.read")
    assert reads and reads[0]["actor_role"] == "staff"

    no_reason = _decide(
        service,
        application_id,
        {"action": "accept", "overrides": [{"point_id": failed[0]["id"], "status": "pass"}]},
    )
    assert no_reason.status_code == 422 and no_reason.json()["code"] == "override_reason_required"
    unknown = _decide(
        service,
        application_id,
        {"action": "accept", "overrides": [{"point_id": "no-such-point", "status": "pass", "reason": "x"}]},
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_point"

    returned = _decide(service, application_id, {"action": "return"})
    assert returned.status_code == 200, returned.text
    assert returned.json()["status"] == "returned"
    assert returned.json()["decisions"][-1]["reason"] == "；".join(p["message"] for p in failed)
    changes = _audit(service, target_id=application_id, action="application.return")
    assert changes[0]["before"] == {"status": "submitted"} and changes[0]["after"]["status"] == "returned"

    # the applicant sees why, fixes (adds the back side) and submits again
    mine = service.client.get(f"/api/applications/{application_id}", headers=service.headers("alice")).json()
    assert mine["status"] == "returned" and mine["decisions"][-1]["action"] == "return"
    assert (
        upload(
            service,
            "alice",
            application_id,
            back.data,
            slot=slot_for(item(service), "id_card_back"),
            name="back.png",
        ).status_code
        == 202
    )
    wait_reviewed(service, application_id, "alice")
    again = service.client.post(
        f"/api/applications/{application_id}/submit", headers=service.headers("alice")
    )
    assert again.status_code == 200

    point = failed[0]["id"]
    accepted = _decide(
        service,
        application_id,
        {
            "action": "accept",
            "reason": "原件已核验",
            "overrides": [{"point_id": point, "status": "pass", "reason": "窗口核验户口簿原件，年龄符合"}],
        },
    )
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    override = _audit(service, target_id=application_id, action="point.override")[0]
    assert override["before"]["point_id"] == point and override["after"]["status"] == "pass"
    assert override["after"]["reason"] == "窗口核验户口簿原件，年龄符合" and override["actor_role"] == "staff"
    assert _decide(service, application_id, {"action": "refuse", "reason": "x"}).status_code == 409


def test_corrections_are_stored_audited_and_exported(
    service: Service, front: Rendered, tmp_path: Path
) -> None:
    application_id, body = submitted(service, "alice", front)
    material_id = body["materials"][0]["id"]
    url = f"/api/staff/applications/{application_id}/materials/{material_id}/corrections"
    extracted = body["materials"][0]["result"]["fields"]["name"]["value"]
    field = service.client.post(
        url, headers=service.headers("wang"), json={"field": "name", "value": "欧阳修远"}
    )
    assert (
        field.status_code == 201
        and field.json()["before"] == extracted
        and field.json()["after"] == "欧阳修远"
    )
    kind = service.client.post(
        url, headers=service.headers("wang"), json={"material_type": "household_register"}
    )
    assert kind.status_code == 201 and kind.json()["before"] == "id_card_front"
    assert service.client.post(url, headers=service.headers("wang"), json={}).status_code == 422
    assert (
        service.client.post(url, headers=service.headers("alice"), json={"field": "name"}).status_code == 403
    )
    audit = _audit(service, target_id=material_id, action="material.correct")
    assert audit and "欧阳修远" not in json.dumps(audit, ensure_ascii=False)  # names masked in the trail

    out = tmp_path / "corrections"
    assert export_run(argparse.Namespace(out=out), service.settings) == 0
    labels = [json.loads(line) for line in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    mine = next(label for label in labels if label["id"] == material_id)
    assert mine["fields"]["name"]["value"] == "欧阳修远" and mine["material_type"] == "household_register"
    assert mine["fields"]["id_number"]["value"] == front.values["id_number"]
    assert (out / mine["file"]).read_bytes() == front.data
    assert json.loads((out / "manifest.json").read_text())["format"] == "prereview-corrections/1"
    with pytest.raises(UsageError):
        export_run(argparse.Namespace(out=REPOSITORY / "datasets" / "corrections"), service.settings)
    assert not (REPOSITORY / "datasets" / "corrections").exists()
