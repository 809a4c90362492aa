"""Cross-references inside one item that a schema cannot express: ids, slots, persons, fields, CEL names.

Returns the problems as English sentences naming the point or element, for the loader's error.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from prereview.review.expressions import CelExpression
from prereview.review.point_schema import (
    ConditionPoint,
    Declaration,
    FormPoint,
    MaterialPoint,
    RequiredFields,
    Rule,
    SameAs,
    Sealed,
)
from prereview.review.schema import Item, Slot
from prereview.review.vocabulary import FIELD_LABELS, PERSON_FACTS

SIGNAL_FIELDS = {"signed"}


def slot_fields(slot: Slot) -> set[str] | None:
    """Field keys a slot's materials can carry; ``None`` when anything goes (type ``other``)."""
    if "other" in slot.material_types:
        return None
    keys = {f.key for f in slot.fields} | SIGNAL_FIELDS
    for material_type in slot.material_types:
        keys |= set(FIELD_LABELS[material_type])
    return keys


def _duplicates(label: str, ids: Iterable[str]) -> list[str]:
    return [f"{label} id '{i}' is used {n} times" for i, n in Counter(ids).items() if n > 1]


def _check_ref(item: Item, ref: str, where: str) -> list[str]:
    slot_id, field = ref.split(".", 1)
    slots = {s.id: s for s in item.materials}
    if slot_id not in slots:
        return [f"{where} refers to unknown slot '{slot_id}' in '{ref}'; known slots: {', '.join(slots)}"]
    known = slot_fields(slots[slot_id])
    if known is not None and field not in known:
        return [
            f"{where} refers to unknown field '{field}' of slot '{slot_id}'; "
            f"known: {', '.join(sorted(known))}"
        ]
    return []


def _expressions(item: Item) -> Iterator[tuple[str, CelExpression, Slot | None]]:
    for q in item.questions:
        if q.visible_if:
            yield f"question {q.key}", q.visible_if, None
    for s in item.situations:
        if s.when:
            yield f"situation {s.id}", s.when, None
    for m in item.materials:
        if m.when:
            yield f"material {m.id}", m.when, None
    slots = {s.id: s for s in item.materials}
    for p in item.points:
        if p.when:
            yield f"point {p.id}", p.when, None
        slot = slots.get(getattr(p, "slot", ""))
        for c in getattr(p, "checks", []):
            for expr in (c.when, getattr(c, "expr", None)):
                if expr is not None:
                    yield f"point {p.id}", expr, slot


def _check_expressions(item: Item) -> list[str]:
    keys = {q.key for q in item.questions}
    problems = []
    for where, expr, slot in _expressions(item):
        problems += [
            f"{where}: expression '{expr.text}' uses unknown answer '{k}'; known: {', '.join(sorted(keys))}"
            for k in expr.references("answers")
            if k not in keys
        ]
        problems += [
            f"{where}: expression '{expr.text}' uses unknown fact '{k}'; known: {', '.join(PERSON_FACTS)}"
            for k in expr.references("person")
            if k not in PERSON_FACTS
        ]
        known = slot_fields(slot) if slot else None
        problems += [
            f"{where}: expression '{expr.text}' uses unknown field '{k}'; known: {', '.join(sorted(known))}"
            for k in expr.references("fields")
            if known is not None and k not in known
        ]
        for slot_id, field in expr.slot_references():
            problems += _check_ref(item, f"{slot_id}.{field}", where)
    return problems


def _check_point_fields(item: Item, point: Any) -> list[str]:
    slots = {s.id: s for s in item.materials}
    if isinstance(point, FormPoint | MaterialPoint):
        if point.slot not in slots:
            return [
                f"point {point.id} refers to unknown slot '{point.slot}'; known slots: {', '.join(slots)}"
            ]
        slot = slots[point.slot]
        known = slot_fields(slot)
        problems = []
        for check in point.checks:
            names = check.fields if isinstance(check, RequiredFields) else [getattr(check, "field", None)]
            problems += [
                f"point {point.id} check '{check.check}' uses unknown field '{n}' of slot '{slot.id}'"
                for n in names
                if n and known is not None and n not in known
            ]
            if check.material_type and check.material_type not in slot.material_types:
                problems.append(
                    f"point {point.id} check '{check.check}' filters on material type "
                    f"'{check.material_type}', which slot '{slot.id}' does not take"
                )
            for ref in (getattr(check, "other", None), getattr(check, "holder", None)):
                problems += _check_ref(item, ref, f"point {point.id}") if ref else []
        return problems
    return []


def _check_conditions(item: Item, point: ConditionPoint) -> list[str]:
    problems = []
    if point.person not in {p.id for p in item.persons}:
        problems.append(f"point {point.id} reads facts of unknown person '{point.person}'")
    for check in point.checks:
        if isinstance(check, Declaration):
            question = item.question(check.question)
            if question is None:
                problems.append(f"point {point.id} declaration uses unknown question '{check.question}'")
            elif check.value not in [o.value for o in question.options]:
                problems.append(
                    f"point {point.id} declaration value {check.value!r} is not an option of "
                    f"question '{check.question}'"
                )
    return problems


def check_references(item: Item) -> list[str]:
    """Every cross-reference problem of ``item`` (empty when it is consistent)."""
    problems = _duplicates("point", (p.id for p in item.points))
    problems += _duplicates("material", (s.id for s in item.materials))
    problems += _duplicates("question", (q.key for q in item.questions))
    problems += _duplicates("person", (p.id for p in item.persons))
    person_ids = {p.id for p in item.persons}
    for slot in item.materials:
        if slot.person and slot.person not in person_ids:
            problems.append(f"material {slot.id} belongs to unknown person '{slot.person}'")
        for alternative in slot.alternatives or []:
            problems += [
                f"material {slot.id} alternative uses type '{t}' not in its material_types"
                for t in alternative
                if t not in slot.material_types
            ]
    for person in item.persons:
        for ref in person.names + person.id_numbers:
            problems += _check_ref(item, ref, f"person {person.id}")
    covered = Counter(p.slot for p in item.points if isinstance(p, MaterialPoint))
    for slot in item.materials:
        if covered[slot.id] != 1:
            problems.append(f"material {slot.id} needs exactly one material point, has {covered[slot.id]}")
    for point in item.points:
        problems += _check_point_fields(item, point)
        if isinstance(point, ConditionPoint):
            problems += _check_conditions(item, point)
        for check in getattr(point, "checks", []):
            if isinstance(check, Rule | SameAs | Sealed) and isinstance(point, ConditionPoint):
                problems.append(f"point {point.id}: conditions take only requirement and declaration checks")
    if item.allows_instant_approval and not item.verification:
        problems.append(
            "an item marked 秒批 must list the facts an authoritative source confirms under 'verification'"
        )
    return problems + _check_expressions(item)
