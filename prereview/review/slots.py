"""Which uploaded file fills which material slot.

1. ``SLOT=FILE`` (``MaterialResult.slot``) is honoured as given (a type that does not fit is a finding of
   the slot's material point, not a silent move).
2. Other files go by recognised type to the first active slot that takes the type and has no material of
   that type yet — forms, contracts and certificates first, so that persons can be recognised.
3. Identity documents (ID card front, household register) of several people (operator and agent, both
   spouses) go to the slot whose person they match by ID number and name, read from the person's
   references (the form's applicant, the power of attorney's agent, the marriage certificate's spouses).
4. An ``id_card_back`` goes with the nearest ``id_card_front`` before it.

A file that fits nowhere stays unplaced (``slot: null``) and the situation point reports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prereview.checks.consistency import compare
from prereview.document import Field
from prereview.review.materials import MaterialResult
from prereview.review.schema import Item, Slot

IDENTITY_TYPES = frozenset({"id_card_front", "household_register"})


@dataclass
class Placed:
    """One material (or one part of a multi-material file) and the slot it fills."""

    index: int
    source: MaterialResult
    material_type: str
    fields: dict[str, Field]
    slot: str | None = None
    explicit: bool = False

    @property
    def file(self) -> str:
        return self.source.file


@dataclass
class Assignment:
    placed: list[Placed] = field(default_factory=list)

    def in_slot(self, slot_id: str) -> list[Placed]:
        return [p for p in self.placed if p.slot == slot_id]

    def of_type(self, slot_id: str, material_type: str) -> Placed | None:
        return next((p for p in self.in_slot(slot_id) if p.material_type == material_type), None)

    @property
    def unplaced(self) -> list[Placed]:
        return [p for p in self.placed if p.slot is None]

    def value(self, ref: str) -> tuple[Placed, Field] | None:
        """The field a ``SLOT.FIELD`` reference points at, with the material that carries it."""
        slot_id, key = ref.split(".", 1)
        for placed in self.in_slot(slot_id):
            if key in placed.fields:
                return placed, placed.fields[key]
        return None


def _expand(materials: list[MaterialResult]) -> list[Placed]:
    out: list[Placed] = []
    for material in materials:
        if material.parts:
            out += [Placed(len(out), material, part.material_type, part.fields) for part in material.parts]
        else:
            out.append(Placed(len(out), material, material.material_type, material.fields))
    return out


def _free(assignment: Assignment, slot: Slot, material_type: str) -> bool:
    return material_type in slot.material_types and assignment.of_type(slot.id, material_type) is None


def person_score(item: Item, assignment: Assignment, slot: Slot, placed: Placed) -> int:
    """2 for a matching ID number, 1 for a matching name, against the slot person's references."""
    person = next((p for p in item.persons if p.id == slot.person), None)
    if person is None:
        return 0
    score = 0
    number, name = placed.fields.get("id_number"), placed.fields.get("name")
    for ref in person.id_numbers:
        found = assignment.value(ref)
        if number and found and compare(number.value, found[1].value, "id") == "pass":
            score = max(score, 2)
    for ref in person.names:
        found = assignment.value(ref)
        if name and found and compare(name.value, found[1].value, "name") == "pass":
            score = max(score, score + 1 if score == 2 else 1)
    return score


def _place_identity(item: Item, assignment: Assignment, active: list[Slot], placed: Placed) -> None:
    candidates = [s for s in active if _free(assignment, s, placed.material_type)]
    if candidates:
        best = max(candidates, key=lambda s: person_score(item, assignment, s, placed))  # first on ties
        placed.slot = best.id


def _place_back(assignment: Assignment, active: list[Slot], placed: Placed) -> None:
    fronts = [
        p
        for p in assignment.placed
        if p.material_type == "id_card_front" and p.index < placed.index and p.slot
    ]
    for front in reversed(fronts):
        slot = next((s for s in active if s.id == front.slot), None)
        if slot and _free(assignment, slot, "id_card_back"):
            placed.slot = slot.id
            return
    candidates = [s for s in active if _free(assignment, s, "id_card_back")]
    with_front = [s for s in candidates if assignment.of_type(s.id, "id_card_front")]
    if with_front or candidates:
        placed.slot = (with_front or candidates)[0].id


def assign(item: Item, active: list[Slot], materials: list[MaterialResult]) -> Assignment:
    """Place every material; see the module docstring for the order of the rules."""
    assignment = Assignment(_expand(materials))
    known = {s.id for s in item.materials}
    for placed in assignment.placed:
        if placed.source.slot:
            placed.explicit = True
            placed.slot = placed.source.slot if placed.source.slot in {s.id for s in active} else None
            if placed.source.slot not in known:
                placed.slot = None
    waiting = [p for p in assignment.placed if not p.explicit]
    for placed in waiting:
        if placed.material_type not in IDENTITY_TYPES and placed.material_type != "id_card_back":
            slot = next((s for s in active if _free(assignment, s, placed.material_type)), None)
            placed.slot = slot.id if slot else None
    for placed in waiting:
        if placed.material_type in IDENTITY_TYPES:
            _place_identity(item, assignment, active, placed)
    for placed in waiting:
        if placed.material_type == "id_card_back":
            _place_back(assignment, active, placed)
    return assignment
