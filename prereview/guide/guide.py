"""Situation guidance (情形引导): ask what is needed, then tell the applicant exactly what to bring.

``guide(item, answers)`` returns the visible questions still unanswered (their defaults are assumed
meanwhile) and the personalised material list for the situation the answers (and defaults) select:
which slots, which are required, which are exempt under the 四个免于提交 (government-issued,
e-license, e-seal, e-signature) and which may follow later (容缺后补).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from prereview.review.schema import Item, Question
from prereview.review.situation import SituationChoice, resolve
from prereview.review.vocabulary import EXEMPTION_REASONS, MATERIAL_NAMES


@dataclass
class GuideMaterial:
    slot: str
    name: str
    required: bool
    exempt: str | None
    necessity: str
    form: str
    source: str
    material_types: list[str]
    deferrable: bool = False
    notes: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "slot": self.slot,
            "name": self.name,
            "required": self.required,
            "exempt": self.exempt,
            "necessity": self.necessity,
            "form": self.form,
            "source": self.source,
            "material_types": self.material_types,
            "accepts": [MATERIAL_NAMES[t] for t in self.material_types],
            "deferrable": self.deferrable,
            "notes": self.notes,
        }


@dataclass
class Guide:
    item: str
    questions: list[Question]
    situation: SituationChoice
    materials: list[GuideMaterial] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every visible question has an explicit answer."""
        return not self.questions

    @property
    def assumed(self) -> dict[str, Any]:
        return self.situation.assumed

    def slots(self) -> list[str]:
        return [m.slot for m in self.materials]

    def to_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "complete": self.complete,
            "situation": self.situation.to_dict(),
            "questions": [
                {
                    "key": q.key,
                    "text": q.text,
                    "options": [{"value": o.value, "label": o.label} for o in q.options],
                    "default": q.default,
                    "help": q.help,
                }
                for q in self.questions
            ],
            "materials": [m.to_dict() for m in self.materials],
        }


def _applies(expression: Any, choice: SituationChoice) -> bool:
    return expression is None or bool(expression.holds_for(choice.answers, choice.id))


def guide(item: Item, answers: Mapping[str, Any] | None = None) -> Guide:
    """Next questions and the personalised material list for ``answers`` (strings or typed values)."""
    choice = resolve(item, answers)
    materials = [
        GuideMaterial(
            slot=s.id,
            name=s.name,
            required=s.required,
            exempt=EXEMPTION_REASONS[s.exemption] if s.exemption else None,
            necessity=s.necessity,
            form=s.form,
            source=s.source,
            material_types=list(s.material_types),
            deferrable=s.necessity == "容缺后补",
            notes=s.notes,
        )
        for s in item.materials
        if _applies(s.when, choice)
    ]
    return Guide(item.id, choice.unanswered, choice, materials)
