"""Contract test: every point kind and every sub-check survives junk with a status, never a crash.

Junk values (None, "", "😴", numbers, lists), missing fields, low confidence, unusable files, marks that
were not analysed, blank page images — fed to every item, so every check kind the YAML uses is hit.
"""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from prereview.document import Field, Mark
from prereview.review import MaterialResult, review
from prereview.review.kinds import REGISTRY as KINDS
from prereview.review.point_schema import POINT_KINDS
from prereview.review.subchecks import REGISTRY as SUBCHECKS
from prereview.review.vocabulary import FIELD_LABELS, MaterialType

JUNK = [None, "", "😴", 0, -1.5, True, [], {"a": 1}, "长期", "2024-02-30", "X" * 500]
TYPES: tuple[str, ...] = MaterialType.__args__  # type: ignore[attr-defined]
BLANK = np.full((64, 64, 3), 255, np.uint8)
POINT_STATUSES = {"pass", "fail", "warn", "not_applicable", "manual"}


def junk_materials(junk, confidence: float, seals) -> list[MaterialResult]:
    out = []
    for i, material_type in enumerate(TYPES):
        keys = [
            *FIELD_LABELS[material_type],
            "signed",
            "sign_date",
            "applicant_name",
            "applicant_id_number",
            "business_address",
            "business_name",
            "matters",
            "unit_name",
            "spouse_id_number",
        ]
        fields = {k: Field(junk, confidence, 0, (0, 0, 1, 1)) for k in keys[: 3 + i % 5]}
        out.append(
            MaterialResult(
                f"f{i}.jpg",
                material_type,
                confidence,
                fields,
                seals=seals,
                signatures=seals,
                page_images=[BLANK],
                quality_usable=bool(i % 3),
            )
        )
    return out


def test_every_kind_and_check_is_registered_and_used(items):
    assert set(KINDS) == set(POINT_KINDS)
    used = {c.check for i in items.values() for p in i.points for c in getattr(p, "checks", [])}
    assert set(SUBCHECKS) <= used, f"sub-checks no item exercises: {set(SUBCHECKS) - used}"


@pytest.mark.parametrize("junk", JUNK, ids=repr)
def test_junk_values_give_statuses(items, junk):
    for item, confidence, seals in itertools.product(
        items.values(), (0.99, 0.1), (None, [], [Mark(0, (0, 0, 5, 5), "😴")])
    ):
        for answers in ({}, {q.key: q.options[-1].value for q in item.questions}):
            verdict = review(item, answers, junk_materials(junk, confidence, seals), dt.date(2026, 1, 1))
            assert verdict.verdict in ("pass", "needs_correction", "reject", "manual_review")
            assert {p.status for p in verdict.points} <= POINT_STATUSES
            assert all(p.message for p in verdict.points)
            verdict.to_dict()


def test_missing_fields_and_explicit_junk_slots(items):
    for item in items.values():
        materials = [
            MaterialResult(f"e{i}.png", t, 0.0, {}, slot=s)
            for i, (t, s) in enumerate(itertools.product(TYPES, (None, "😴", item.materials[0].id)))
        ]
        verdict = review(item, {}, materials, dt.date(2026, 1, 1))
        assert {p.status for p in verdict.points} <= POINT_STATUSES
        assert len(verdict.materials) == len(materials)


def test_no_materials_and_low_confidence_never_pass(items):
    for item in items.values():
        verdict = review(item, {}, junk_materials("张三", 0.3, None), dt.date(2026, 1, 1))
        assert verdict.verdict != "pass"
