"""Steps shared by the flow tests: an application created, filled and (optionally) submitted."""

from __future__ import annotations

from typing import Any

from tests.service.conftest import Rendered, Service, slot_for, upload, wait_reviewed

ITEM = "elderly_allowance"


def item(service: Service) -> dict[str, Any]:
    response = service.client.get(f"/api/items/{ITEM}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def create(service: Service, who: str, answers: dict[str, str] | None = None) -> str:
    response = service.client.post(
        "/api/applications", headers=service.headers(who), json={"item_id": ITEM, "answers": answers or {}}
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def filled(service: Service, who: str, *materials: Rendered) -> tuple[str, dict[str, Any]]:
    """An application with ``materials`` uploaded to their slots and reviewed."""
    application_id = create(service, who)
    details = item(service)
    for material, material_type in zip(materials, ("id_card_front", "id_card_back"), strict=False):
        response = upload(
            service,
            who,
            application_id,
            material.data,
            slot=slot_for(details, material_type),
            name=f"{material_type}.png",
        )
        assert response.status_code == 202, response.text
    return application_id, wait_reviewed(service, application_id, who)


def submitted(service: Service, who: str, *materials: Rendered) -> tuple[str, dict[str, Any]]:
    application_id, body = filled(service, who, *materials)
    response = service.client.post(f"/api/applications/{application_id}/submit", headers=service.headers(who))
    assert response.status_code == 200, response.text
    return application_id, body
