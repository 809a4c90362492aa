"""The applicant's flow end to end, with the real pipeline on generated documents."""

from __future__ import annotations

import time

from tests.service.conftest import Rendered, Service, render, slot_for, upload, wait_reviewed
from tests.service.flows import ITEM, create, item

VERDICTS = {"pass", "needs_correction", "reject", "manual_review"}


def test_items_are_listed_with_questions_and_slots(service: Service) -> None:
    body = service.client.get("/api/items").json()
    ids = {i["id"] for i in body["items"]}
    assert ITEM in ids and "individual_business_registration" in ids
    details = item(service)
    assert details["slots"] and all({"id", "name", "material_types"} <= set(s) for s in details["slots"])
    missing = service.client.get("/api/items/no_such_item")
    assert missing.status_code == 404 and missing.json()["code"] == "unknown_item"


def test_create_returns_a_personalised_guide(service: Service) -> None:
    response = service.client.post(
        "/api/applications", headers=service.headers("alice"), json={"item_id": ITEM, "answers": {}}
    )
    assert response.status_code == 201
    guide = response.json()["guide"]
    slots = {s["id"] for s in item(service)["slots"]}
    assert guide["materials"] and {m["slot"] for m in guide["materials"]} <= slots
    assert all({"slot", "name", "required", "exempt"} <= set(m) for m in guide["materials"])
    assert isinstance(guide["questions"], list)
    bad = service.client.post(
        "/api/applications",
        headers=service.headers("alice"),
        json={"item_id": ITEM, "answers": {"no_such_question": "x"}},
    )
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_answers"


def test_upload_progress_feedback_review_reupload_submit(service: Service, front: Rendered) -> None:
    application_id = create(service, "alice")
    slot = slot_for(item(service), "id_card_front")
    started = time.monotonic()
    response = upload(service, "alice", application_id, render("id_card_front", 21).data, slot=slot)
    assert response.status_code == 202 and time.monotonic() - started < 3.0  # returns before the OCR is done
    first_id = response.json()["id"]

    seen: list[tuple[str, str, int]] = []
    deadline = time.monotonic() + 120
    body: dict = {}
    while time.monotonic() < deadline:
        body = service.client.get(
            f"/api/applications/{application_id}", headers=service.headers("alice")
        ).json()
        material = body["materials"][0]
        seen.append((material["status"], material["stage"], material["percent"]))
        if body["review"] is not None:
            break
        time.sleep(0.05)
    assert seen[0][0] in ("queued", "running") and seen[-1] == ("done", "done", 100)
    assert [p for _, _, p in seen] == sorted(p for _, _, p in seen)  # progress never goes back
    assert body["progress"] == {"done": 1, "total": 1, "percent": 100}
    result = body["materials"][0]["result"]
    assert result["material_type"] == "id_card_front" and result["file"] == "card.png"
    assert result["fields"]["id_number"]["value"] == render("id_card_front", 21).values["id_number"]
    review = body["review"]
    assert review["item"] == ITEM and review["verdict"] in VERDICTS
    assert [m["file"] for m in review["materials"]] == ["card.png"] and review["points"]

    # fix and re-upload into the same slot: the first upload is superseded, the review recomputed
    response = upload(service, "alice", application_id, front.data, slot=slot, name="better.png")
    assert response.status_code == 202
    body = wait_reviewed(service, application_id, "alice")
    assert [m["id"] for m in body["materials"]] == [response.json()["id"]] != [first_id]
    assert [m["file"] for m in body["review"]["materials"]] == ["better.png"]
    assert body["materials"][0]["result"]["fields"]["name"]["value"] == front.values["name"]

    submitted = service.client.post(
        f"/api/applications/{application_id}/submit", headers=service.headers("alice")
    )
    assert submitted.status_code == 200
    assert (
        submitted.json()["status"] == "submitted" and submitted.json()["verdict"] == body["review"]["verdict"]
    )
    assert submitted.json()["instant_approval"]["eligible"] is False
    again = service.client.post(
        f"/api/applications/{application_id}/submit", headers=service.headers("alice")
    )
    assert again.status_code == 409 and again.json()["code"] == "not_editable"
    late = upload(service, "alice", application_id, front.data, slot=slot)
    assert late.status_code == 409


def test_submit_waits_for_the_pre_review(service: Service) -> None:
    application_id = create(service, "alice")
    nothing = service.client.post(
        f"/api/applications/{application_id}/submit", headers=service.headers("alice")
    )
    assert nothing.status_code == 409 and nothing.json()["code"] == "review_pending"
    upload(
        service,
        "alice",
        application_id,
        render("id_card_front", 22).data,
        slot=slot_for(item(service), "id_card_front"),
    )
    early = service.client.post(
        f"/api/applications/{application_id}/submit", headers=service.headers("alice")
    )
    assert early.status_code == 409 and early.json()["code"] == "review_pending"


def test_an_unreadable_file_is_a_failed_material_not_a_stuck_job(service: Service) -> None:
    application_id = create(service, "alice")
    truncated = render("id_card_front", 23).data[:400]  # a PNG header and nothing usable
    response = upload(
        service, "alice", application_id, truncated, slot=slot_for(item(service), "id_card_front")
    )
    assert response.status_code == 202
    body = wait_reviewed(service, application_id, "alice")
    material = body["materials"][0]
    assert material["status"] == "done" and material["result"] is None and material["error"]
    assert body["review"]["verdict"] != "pass"
