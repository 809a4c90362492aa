"""``GET /api/items`` · ``GET /api/items/{item_id}``: service items, questionnaires, material slots."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import StateDep
from api.services.applications import item_or_404, rules_of

router = APIRouter(prefix="/api/items", tags=["items"])


@router.get("", operation_id="list_items")
def list_items(state: StateDep) -> dict[str, Any]:
    return rules_of(state).items_json()


@router.get("/{item_id}", operation_id="get_item")
def get_item(item_id: str, state: StateDep) -> dict[str, Any]:
    return item_or_404(rules_of(state), item_id)
