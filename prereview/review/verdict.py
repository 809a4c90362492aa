"""The review's output: per point, per material, overall — and the precedence that decides it.

Precedence (CONTRACT.md): ``reject`` when a condition the applicant cannot meet fails on confident
evidence; else ``needs_correction`` when a point the applicant can fix fails; else ``manual_review`` when
any point is ``manual``; else ``pass``. ``warn`` may stand in a ``pass``. ``not_applicable`` is neutral.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from prereview.document import Box, round_box

PointStatus = Literal["pass", "fail", "warn", "not_applicable", "manual"]
MaterialStatus = Literal["pass", "fail", "warn", "manual"]
Overall = Literal["pass", "needs_correction", "reject", "manual_review"]
_RANK = {"not_applicable": 0, "pass": 1, "warn": 2, "manual": 3, "fail": 4}


def worst(statuses: Iterable[str]) -> PointStatus:
    """The most serious status; ``not_applicable`` when there is none or all are.

    >>> worst(["pass", "warn"]), worst(["manual", "fail", "pass"]), worst([]), worst(["not_applicable"])
    ('warn', 'fail', 'not_applicable', 'not_applicable')
    """
    found = max(statuses, key=_RANK.__getitem__, default="not_applicable")
    return found  # type: ignore[return-value]


@dataclass(frozen=True)
class Evidence:
    """Where a point's status comes from: a field on a page of a file, a seal, or a declaration."""

    file: str | None
    page: int | None = None
    box: Box | None = None
    field: str | None = None
    value: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "page": self.page,
            "box": round_box(self.box) if self.box else None,
            "field": self.field,
            "value": self.value,
        }


@dataclass
class Finding:
    """One sub-check's outcome."""

    status: PointStatus
    message: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PointResult:
    id: str
    kind: str
    status: PointStatus
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    fixable: bool = True  # False: the applicant cannot meet it (a failed condition rejects)
    slot: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class MaterialVerdict:
    file: str
    material_type: str
    slot: str | None
    status: MaterialStatus

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "material_type": self.material_type,
            "slot": self.slot,
            "status": self.status,
        }


@dataclass
class InstantApproval:
    eligible: bool
    reasons: list[str]
    verified_by: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"eligible": self.eligible, "reasons": self.reasons, "verified_by": self.verified_by}


@dataclass
class Verdict:
    """The whole review document (``review --json``)."""

    version: str
    as_of: str
    item: str
    situation: dict[str, Any]
    verdict: Overall
    instant_approval: InstantApproval
    special_procedures: list[dict[str, str]]
    materials: list[MaterialVerdict]
    points: list[PointResult]
    missing_materials: list[str]
    rules: dict[str, str] = field(default_factory=dict)
    models: dict[str, str] = field(default_factory=dict)

    def point(self, point_id: str) -> PointResult:
        return next(p for p in self.points if p.id == point_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "as_of": self.as_of,
            "item": self.item,
            "situation": self.situation,
            "verdict": self.verdict,
            "instant_approval": self.instant_approval.to_dict(),
            "special_procedures": self.special_procedures,
            "materials": [m.to_dict() for m in self.materials],
            "points": [p.to_dict() for p in self.points],
            "missing_materials": self.missing_materials,
            "rules": self.rules,
            "models": self.models,
        }


def overall(points: Iterable[PointResult]) -> Overall:
    """The application's verdict by precedence.

    >>> p = lambda s, fixable=True: PointResult("x", "material", s, "", fixable=fixable)
    >>> overall([p("pass"), p("warn")]), overall([p("manual"), p("fail")])
    ('pass', 'needs_correction')
    >>> overall([p("fail", False), p("fail")])
    'reject'
    >>> overall([p("manual"), p("not_applicable")])
    'manual_review'
    """
    points = list(points)
    if any(p.status == "fail" and not p.fixable for p in points):
        return "reject"
    if any(p.status == "fail" for p in points):
        return "needs_correction"
    if any(p.status == "manual" for p in points):
        return "manual_review"
    return "pass"
