"""The items as other programs see them: ``prereview items --json`` and ``GET /api/items``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prereview.review.schema import Item
from prereview.review.vocabulary import EXEMPTION_REASONS


def item_json(item: Item) -> dict[str, Any]:
    """One item: CONTRACT.md keys (id, name, measures, questions, slots) plus its catalogue elements."""
    return {
        "id": item.id,
        "name": item.name,
        "measures": list(item.measures),
        "questions": [
            {
                "key": q.key,
                "text": q.text,
                "options": [{"value": o.value, "label": o.label} for o in q.options],
                "default": q.default,
                "visible_if": q.visible_if.text if q.visible_if else None,
            }
            for q in item.questions
        ],
        "slots": [
            {
                "id": s.id,
                "name": s.name,
                "material_types": list(s.material_types),
                "required": s.required,
                "when": s.when.text if s.when else None,
                "necessity": s.necessity,
                "form": s.form,
                "source": s.source,
                "exempt": EXEMPTION_REASONS[s.exemption] if s.exemption else None,
            }
            for s in item.materials
        ],
        "situations": [{"id": s.id, "name": s.name} for s in item.situations],
        "task_type": item.task_type,
        "project_type": item.project_type,
        "service_objects": list(item.service_objects),
        "version": item.version,
        "special_procedures": [
            {"id": p.id, "name": getattr(p, "name", p.text)}
            for p in item.points
            if p.kind == "special_procedure"
        ],
        "instant_approval": item.allows_instant_approval,
    }


def items_json(items: Mapping[str, Item]) -> dict[str, Any]:
    """``{"items": [...]}`` sorted by id."""
    return {"items": [item_json(items[k]) for k in sorted(items)]}
