"""Sub-check evaluators, one small module per family, looked up by the sub-check's ``check`` name.

Each evaluator is ``(check, ctx, slot) -> Finding`` for field checks (``slot`` is the point's material
slot, ``None`` for situation checks) and never raises on junk input: a value it cannot judge is
``manual``, a check that has nothing to look at is ``not_applicable``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prereview.review.subchecks import consistency, fields, marks

SubCheckEvaluator = Callable[[Any, Any, Any], Any]

REGISTRY: dict[str, SubCheckEvaluator] = {
    "required_fields": fields.required_fields,
    "id_number": fields.id_number,
    "credit_code": fields.credit_code,
    "phone": fields.phone,
    "date": fields.date,
    "not_expired": fields.not_expired,
    "id_card_term": fields.id_card_term,
    "signed": marks.signed,
    "sealed": marks.sealed,
    "same_as": consistency.same_as,
    "same_person": consistency.same_person,
    "rule": consistency.rule,
}

__all__ = ["REGISTRY", "SubCheckEvaluator"]
