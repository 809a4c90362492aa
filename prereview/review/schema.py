"""An item's review-points file (``review_points/<item_id>.yaml``) as pydantic models.

Element names follow the national 实施清单 vocabulary (GB/T 39046-2020; research §1.3–1.4): item type
code (A.1), 办件类型, legal and promise limits, service objects (A.4), materials with necessity, form,
source and exemption (四免), special procedures, result and delivery, basis. :func:`json_schema` gives the
JSON Schema that ``review_points/schema.json`` holds (regenerate with :func:`write_json_schema`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import Field, PrivateAttr, model_validator

from prereview.review.expressions import CelExpression
from prereview.review.point_schema import FieldRef, Identifier, Point, _Strict
from prereview.review.vocabulary import (
    Delivery,
    Exemption,
    LimitUnit,
    MaterialForm,
    MaterialSource,
    MaterialType,
    Measure,
    Medium,
    Necessity,
    ProjectType,
    ServiceObject,
    TaskType,
)

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "review_points" / "schema.json"


class Limit(_Strict):
    days: int = Field(ge=0)
    unit: LimitUnit = "工作日"
    note: str | None = None


class Option(_Strict):
    value: bool | int | str
    label: str


class Question(_Strict):
    """One question of the situation questionnaire (SurveyJS-like)."""

    key: Identifier
    text: str
    options: list[Option] = Field(min_length=2)
    default: bool | int | str = Field(description="the common case, assumed when unanswered")
    visible_if: CelExpression | None = Field(
        None, description="CEL over `answers`; hidden questions are not asked"
    )
    help: str | None = None

    @model_validator(mode="after")
    def _default_is_an_option(self) -> Question:
        values = [o.value for o in self.options]
        if self.default not in values or type(self.default) is not type(values[values.index(self.default)]):
            raise ValueError(
                f"question {self.key}: default {self.default!r} is not one of its option values {values}"
            )
        if len(set(map(repr, values))) != len(values):
            raise ValueError(f"question {self.key}: option values repeat")
        return self


class Situation(_Strict):
    """A named situation (办理情形): the first whose `when` holds is selected; no `when` = fallback."""

    id: Identifier
    name: str
    when: CelExpression | None = None


class Person(_Strict):
    """Someone the materials speak about, and where their name and ID number appear (SLOT.FIELD)."""

    id: Identifier
    label: str = Field(description="经营者, 代理人, 男方…")
    names: list[FieldRef] = Field(default_factory=list)
    id_numbers: list[FieldRef] = Field(default_factory=list)


class FormField(_Strict):
    key: Identifier
    label: str
    required: bool = True


class Copies(_Strict):
    original: int = Field(0, ge=0)
    copy_: int = Field(0, ge=0, alias="copy")


class Slot(_Strict):
    """A material the item asks for (申请材料), with the platform's material elements."""

    id: Identifier
    name: str
    material_types: list[MaterialType] = Field(min_length=1)
    alternatives: list[list[MaterialType]] | None = Field(
        None, description="sets of types any one of which completes the slot (default: any single type)"
    )
    person: str | None = Field(None, description="whose document this is (an id from `persons`)")
    necessity: Necessity = "必要"
    form: MaterialForm = "原件"
    medium: list[Medium] = Field(default_factory=lambda: list[Medium](["纸质", "电子"]))
    copies: Copies | None = None
    source: MaterialSource = "申请人自备"
    exemption: Exemption | None = None
    e_license_type_code: str | None = None
    when: CelExpression | None = Field(None, description="CEL over `answers`/`situation`; else not needed")
    deadline_days: int | None = Field(None, ge=1, description="补交期限 for 容缺后补")
    fields: list[FormField] = Field(
        default_factory=list, description="the form definition, for application forms"
    )
    notes: str | None = None

    @property
    def required(self) -> bool:
        """Needed for this item (容缺后补 is needed too, only later)."""
        return self.necessity in ("必要", "容缺后补")

    @property
    def completions(self) -> list[list[str]]:
        return (
            [list(a) for a in self.alternatives] if self.alternatives else [[t] for t in self.material_types]
        )


class ResultSpec(_Strict):
    name: str
    type: str = Field("证照", description="证照, 批文, 证明, 其他")
    e_license_type_code: str | None = None
    delivery: list[Delivery] = Field(default_factory=lambda: list[Delivery](["窗口领取"]))


class VerificationFact(_Strict):
    """A fact instant approval rests on, which only an authoritative source may confirm."""

    id: Identifier
    text: str
    sources: list[str] = Field(min_length=1)


class Item(_Strict):
    """One service item (政务服务事项) and its review points."""

    id: Identifier
    version: str = Field(description="version of these rules, bumped on every change")
    name: str
    task_code: str | None = Field(None, description="实施编码 (opaque)")
    catalog_code: str | None = Field(None, description="基本编码 (opaque)")
    handle_item_code: str | None = Field(None, description="业务办理项编码 (opaque)")
    task_type: TaskType = Field(description="事项类型, GB/T 39046-2020 A.1")
    project_type: ProjectType = Field(description="办件类型, A.6")
    legal_limit: Limit
    promise_limit: Limit
    service_objects: list[ServiceObject] = Field(min_length=1)
    measures: list[Measure] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    situations: list[Situation] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    materials: list[Slot] = Field(min_length=1)
    points: list[Point] = Field(min_length=1)
    verification: list[VerificationFact] = Field(default_factory=list)
    result: ResultSpec
    basis: list[str] = Field(default_factory=list)

    _source: str = PrivateAttr("")
    _sha256: str = PrivateAttr("")

    @property
    def source(self) -> str:
        """The file it was loaded from."""
        return self._source

    @property
    def sha256(self) -> str:
        """SHA-256 of the YAML bytes, recorded in every verdict."""
        return self._sha256

    def slot(self, slot_id: str) -> Slot:
        return next(s for s in self.materials if s.id == slot_id)

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    @property
    def allows_instant_approval(self) -> bool:
        """秒批 needs a 即办件 marked for it with no special procedure at all."""
        has_special = any(p.kind == "special_procedure" for p in self.points)
        return self.project_type == "即办件" and "秒批" in self.measures and not has_special


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a review-points file, generated from :class:`Item`."""
    schema = Item.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://prereview.local/review_points/schema.json",
        **schema,
    }


def write_json_schema(path: Path = SCHEMA_PATH) -> Path:
    """Regenerate ``review_points/schema.json``."""
    path.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
