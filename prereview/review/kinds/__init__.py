"""Point evaluators, one tiny module per point kind, looked up by ``kind``.

``evaluate(point, ctx) -> PointResult``: the status of the point, a Chinese message that says what is
wrong and how to fix it, and the evidence (file, page, box, field, value).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prereview.review.kinds import condition, form, material, situation, special_procedure
from prereview.review.verdict import PointResult

PointEvaluator = Callable[[Any, Any], PointResult]

REGISTRY: dict[str, PointEvaluator] = {
    "condition": condition.evaluate,
    "form": form.evaluate,
    "situation": situation.evaluate,
    "material": material.evaluate,
    "special_procedure": special_procedure.evaluate,
}

__all__ = ["REGISTRY", "PointEvaluator"]
