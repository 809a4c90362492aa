"""The service's view of the rules layer (``prereview.review`` / ``prereview.guide``).

:class:`Rules` is the one place the service calls the rules: the item catalogue, the personalised guide
and the review of a whole application, all as the JSON shapes of CONTRACT.md. :func:`refresh_review`
recomputes an application's review once every current material has been read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from prereview.logging_setup import mask_identifiers
from prereview.settings import ReviewSettings
from prereview.store.models import Application

logger = logging.getLogger(__name__)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def today_in_shanghai() -> date:
    return datetime.now(SHANGHAI).date()


@dataclass(frozen=True)
class MaterialInput:
    """One current material of an application: its stored extraction, or why it could not be read."""

    file: str
    slot: str | None
    extraction: dict[str, Any] | None
    error: str | None = None


class Rules:
    """Items, guides and reviews from the rules layer, loaded once."""

    def __init__(self, items: dict[str, Any], min_confidence: float) -> None:
        self.items = items
        self.min_confidence = min_confidence

    def item_json(self, item_id: str) -> dict[str, Any] | None:
        from prereview.review import item_json

        item = self.items.get(item_id)
        return None if item is None else dict(item_json(item))

    def items_json(self) -> dict[str, Any]:
        from prereview.review import items_json

        return dict(items_json(self.items))

    def guide(self, item_id: str, answers: dict[str, str]) -> dict[str, Any]:
        """CONTRACT's guide (``questions``: the unanswered ones; ``materials``: slot, name, required,
        exempt) plus the rules layer's other keys (situation, options...)."""
        from prereview.guide import guide

        return dict(guide(self.items[item_id], answers).to_dict())

    def review(
        self, item_id: str, answers: dict[str, str], materials: list[MaterialInput], as_of: date
    ) -> dict[str, Any]:
        from prereview.review import review

        inputs = [material_result(m) for m in materials]
        verdict = review(self.items[item_id], answers, inputs, as_of, min_confidence=self.min_confidence)
        return dict(verdict.to_dict())


def material_result(material: MaterialInput) -> Any:
    """The rules layer's typed material input, built from a stored extraction.

    A file that could not be read at all becomes a material with one blocking quality issue, so the
    review reports it as a failed material with the reason (as ``review`` does for an unreadable file).
    """
    from prereview.review.materials import MaterialResult, unreadable

    if material.extraction is None:
        return unreadable(
            material.file, material.error or "无法读取该文件 (the file cannot be read)", material.slot
        )
    return MaterialResult.from_extract(material.extraction, slot=material.slot)


def load_rules(settings: ReviewSettings) -> Rules:
    """The items of ``settings.points_dir``, reviewed with ``settings.min_field_confidence``."""
    from prereview.review.loader import load_items

    return Rules(load_items(settings.points_dir), settings.min_field_confidence)


def refresh_review(session: Session, application: Application, rules: Rules | None) -> None:
    """Set ``application.review`` when every current material is finished, else clear it."""
    current = [m for m in application.materials if m.status != "superseded"]
    if not current or any(m.status in ("queued", "running") for m in current):
        application.review = None
        return
    inputs = [
        MaterialInput(
            file=m.file_name,
            slot=m.slot,
            extraction=m.extraction,
            error=m.error if m.extraction is None else None,
        )
        for m in current
    ]
    as_of = today_in_shanghai()
    try:
        if rules is None:
            raise RuntimeError("rules not loaded")
        application.review = rules.review(application.item_id, dict(application.answers), inputs, as_of)
    except Exception as error:  # a broken rule must not leave the application waiting forever
        logger.error(
            "review of application %s failed: %s",
            application.id,
            mask_identifiers(f"{type(error).__name__}: {error}"),
        )
        application.review = manual_review(application.item_id, inputs, as_of)


def manual_review(item_id: str, materials: list[MaterialInput], as_of: date) -> dict[str, Any]:
    """The review document when the rules could not run: everything goes to a person, never a pass.

    >>> manual_review("x", [MaterialInput("a.png", "id", None)], date(2025, 1, 2))["verdict"]
    'manual_review'
    """
    return {
        "version": "prereview (rules unavailable)",
        "as_of": as_of.isoformat(),
        "item": item_id,
        "situation": None,
        "verdict": "manual_review",
        "instant_approval": {"eligible": False, "reasons": ["自动预审未完成，需人工审核"], "verified_by": {}},
        "special_procedures": [],
        "materials": [
            {
                "file": m.file,
                "material_type": (m.extraction or {}).get("material_type"),
                "slot": m.slot,
                "status": "manual",
            }
            for m in materials
        ],
        "points": [
            {
                "id": "system.review_unavailable",
                "kind": "material",
                "status": "manual",
                "message": "系统暂时无法完成自动预审，材料将由窗口工作人员人工审核",
                "evidence": [],
            }
        ],
        "missing_materials": [],
    }
