"""Request and response models (``XCreate`` in, ``XPublic`` out). Review documents stay CONTRACT JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


class ApplicationCreate(BaseModel):
    item_id: str = Field(description="a service item id from GET /api/items")
    answers: dict[str, str] = Field(
        default_factory=dict, description='questionnaire answers, e.g. {"by_agent": "false"}'
    )


class ApplicationCreated(BaseModel):
    id: str
    guide: dict[str, Any] = Field(
        description='{"questions": [...], "materials": [{"slot", "name", "required", "exempt"}]}'
    )


class MaterialCreated(BaseModel):
    id: str
    status: str = "queued"


class MaterialPublic(BaseModel):
    id: str
    slot: str | None
    file: str
    status: Literal["queued", "running", "done", "failed"]
    stage: str
    percent: int
    error: str | None = None
    result: dict[str, Any] | None = Field(
        None, description="the material's `extract --json` document when done"
    )
    corrections: list[dict[str, Any]] | None = None


class DecisionPublic(BaseModel):
    action: str
    reason: str
    overrides: list[dict[str, Any]]
    staff: str
    at: datetime


class ApplicationPublic(BaseModel):
    id: str
    item_id: str
    status: str
    answers: dict[str, str]
    created_at: datetime
    submitted_at: datetime | None
    progress: dict[str, int]
    materials: list[MaterialPublic]
    review: dict[str, Any] | None = Field(
        None, description="the `review --json` document, once all materials are read"
    )
    decisions: list[DecisionPublic] = Field(default_factory=list)


class SubmissionPublic(BaseModel):
    id: str
    status: str
    verdict: str | None
    instant_approval: dict[str, Any] | None


class QueueEntry(BaseModel):
    id: str
    item_id: str
    applicant: str
    submitted_at: datetime | None
    verdict: str | None
    failed_points: int


class Override(BaseModel):
    point_id: str
    status: Literal["pass", "fail", "warn", "not_applicable", "manual"]
    reason: str | None = Field(None, description="required: why the AI's status is overridden")


class DecisionCreate(BaseModel):
    action: Literal["accept", "return", "refuse"]
    reason: str | None = Field(None, description="for `return`, left empty: prefilled from the failed points")
    overrides: list[Override] = Field(default_factory=list)


class CorrectionCreate(BaseModel):
    field: str | None = Field(None, description="the field key to correct; omit to correct the material type")
    value: Any = Field(None, description="the correct value of `field`")
    material_type: str | None = Field(None, description="the correct material type")


class CorrectionPublic(BaseModel):
    id: int
    material_id: str
    field: str | None
    before: Any
    after: Any


class AuditEventPublic(BaseModel):
    id: int
    at: datetime
    actor_id: int | None
    actor_role: str
    action: str
    target_type: str
    target_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class TokenCreate(BaseModel):
    name: str
    password: str


class TokenPublic(BaseModel):
    token: str
    token_type: str = "bearer"
