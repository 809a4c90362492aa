"""Everything one review evaluation reads, computed once: situation, slots in force, placements, facts.

Point evaluators receive a :class:`ReviewContext` and return findings; they never reach for globals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from prereview.document import Field
from prereview.review.expressions import CelExpression, to_cel
from prereview.review.schema import Item, Slot
from prereview.review.situation import SituationChoice
from prereview.review.slots import Assignment, Placed
from prereview.review.verdict import Evidence
from prereview.review.vocabulary import FIELD_LABELS, MATERIAL_NAMES


@dataclass
class ReviewContext:
    item: Item
    choice: SituationChoice
    as_of: dt.date
    min_confidence: float
    active: list[Slot]
    assignment: Assignment = field(default_factory=Assignment)
    _activation: dict[str, Any] | None = None
    plain_slots: dict[str, dict[str, Any]] = field(default_factory=dict)

    def is_active(self, slot_id: str) -> bool:
        return any(s.id == slot_id for s in self.active)

    def holds(self, expression: CelExpression | None) -> bool:
        """An answers-only condition (``when``/``visible_if``); undecidable counts as false."""
        if expression is None:
            return True
        return bool(expression.holds_for(self.choice.answers, self.choice.id))

    def doubt(self, value: Field) -> str | None:
        """Why a field cannot carry an automatic decision, or ``None`` when it can."""
        if value.repaired:
            return "经过字符修正（可能与原件不符）"
        if value.confidence < self.min_confidence:
            return f"识别置信度不足（{value.confidence:.2f}）"
        return None

    def read(self, slot: Slot, key: str, material_type: str | None = None) -> tuple[Placed, Field] | None:
        for placed in self.assignment.in_slot(slot.id):
            if material_type and placed.material_type != material_type:
                continue
            if key in placed.fields:
                return placed, placed.fields[key]
        return None

    def activation(self) -> dict[str, Any]:
        """CEL variables for rules: answers, situation, as_of, types, ``slots`` of confident field values."""
        if self._activation is None:
            slots: dict[str, dict[str, Any]] = {}
            for placed in self.assignment.placed:
                if placed.slot is None:
                    continue
                values = slots.setdefault(placed.slot, {})
                for key, value in placed.fields.items():
                    if key not in values and self.doubt(value) is None and value.value is not None:
                        values[key] = value.value
            self._activation = {
                **self.choice.activation(),
                "as_of": to_cel(self.as_of.isoformat()),
                "types": to_cel(sorted({p.material_type for p in self.assignment.placed})),
                "slots": to_cel(slots),
            }
            self.plain_slots = slots
        return self._activation


def evidence(placed: Placed, key: str, value: Field) -> Evidence:
    return Evidence(placed.file, value.page, value.box, key, value.value)


def field_label(slot: Slot, material_type: str, key: str) -> str:
    """The Chinese label of a field: the item's form definition first, then CONTRACT.md's table."""
    for form_field in slot.fields:
        if form_field.key == key:
            return form_field.label
    return FIELD_LABELS.get(material_type, {}).get(key, key)


def material_name(material_type: str) -> str:
    return MATERIAL_NAMES.get(material_type, material_type)
