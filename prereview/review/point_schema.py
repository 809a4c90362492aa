"""Review points (审查要点) as data: a discriminated union on ``kind``, each with typed sub-checks.

Five kinds, from the 好办快办 description of the business review elements::

    condition          条件审查要点   facts about the applicant (age from the ID number), declarations
    form               表单审查要点   fields of the application form: filled, valid, signed, consistent
    situation          情形引导要点   the uploads fit the situation the answers selected
    material           材料审查要点   one material slot: present, right type, legible, valid, consistent
    special_procedure  特别程序       现场审查, 专家评审…: listed, never part of the pre-review verdict

Sub-checks are a second discriminated union on ``check``. Which sub-checks a kind accepts is part of the
schema (a condition takes ``requirement`` and ``declaration``; a material or form point the field checks).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from prereview.review.expressions import CelExpression
from prereview.review.vocabulary import MaterialType, SpecialProcedureType

Identifier = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=64)]
FieldRef = Annotated[
    str, Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$", description="SLOT_ID.FIELD_KEY")
]
Severity = Literal["fail", "warn", "manual"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _SubCheck(_Strict):
    when: CelExpression | None = Field(
        None, description="CEL over `answers`; the check applies only when true"
    )
    material_type: MaterialType | None = Field(
        None,
        description="apply only when the slot holds a material of this type (lease vs property certificate)",
    )


class RequiredFields(_SubCheck):
    """Every listed field was read (and is not empty)."""

    check: Literal["required_fields"]
    fields: list[str] = Field(min_length=1)
    missing: Literal["fail", "manual"] = Field("fail", description="status when a field is absent")


class IdNumberCheck(_SubCheck):
    """A 公民身份号码 passes GB 11643 (python-stdnum); other identity papers go to a person."""

    check: Literal["id_number"]
    field: str = "id_number"
    on_invalid: Literal["fail", "manual"] = Field(
        "manual",
        description="confident checksum failure: `fail` on applicant-filled forms, `manual` on issued papers",
    )


class CreditCodeCheck(_SubCheck):
    """A 统一社会信用代码 passes GB 32100 (python-stdnum)."""

    check: Literal["credit_code"]
    field: str = "credit_code"
    on_invalid: Literal["fail", "manual"] = "manual"


class PhoneCheck(_SubCheck):
    """A mainland mobile (1[3-9] + 9 digits) or landline number."""

    check: Literal["phone"]
    field: str = "phone"


class DateCheck(_SubCheck):
    """A readable ISO date, optionally not after the evaluation date."""

    check: Literal["date"]
    field: str
    not_future: bool = True
    optional: bool = Field(False, description="an absent field is not_applicable instead of a finding")


class NotExpired(_SubCheck):
    """Valid through the printed end date inclusive on the evaluation date; 长期 never expires."""

    check: Literal["not_expired"]
    field: str = "valid_to"
    optional: bool = False


class IdCardTerm(_SubCheck):
    """The 居民身份证 validity term matches the holder's age at issue (irregular → warn)."""

    check: Literal["id_card_term"]


class Signed(_SubCheck):
    """Signed: the extracted ``signed`` flag and/or detected signature marks."""

    check: Literal["signed"]
    field: str = "signed"


class Sealed(_SubCheck):
    """A red seal is present; optionally its ring text should contain an entity name."""

    check: Literal["sealed"]
    holder: FieldRef | None = Field(None, description="the seal text should contain this value (SLOT.FIELD)")


class SameAs(_SubCheck):
    """Cross-material consistency: a field equals a field of another slot after normalising."""

    check: Literal["same_as"]
    field: str
    other: FieldRef
    compare: Literal["name", "id", "text", "address"] = "text"
    on_mismatch: Literal["fail", "warn"] = "fail"


class SamePerson(_SubCheck):
    """The identity document in this slot is the slot's person: name and number equal the person's refs."""

    check: Literal["same_person"]


class Rule(_SubCheck):
    """A cross-field CEL rule over `fields` (this slot), `slots.SLOT.FIELD`, `answers`, `as_of`, `types`."""

    check: Literal["rule"]
    expr: CelExpression
    message: str = Field(description="what is wrong and how to fix it, shown when the rule is false")
    on_false: Severity = "fail"


class UnplacedMaterials(_SubCheck):
    """Uploaded files that no material slot of the selected situation takes (warn each)."""

    check: Literal["unplaced_materials"]


class Requirement(_SubCheck):
    """A condition on facts about a person (`person.age`, `person.sex`, `person.below_retirement_age`)."""

    check: Literal["requirement"]
    expr: CelExpression
    message: str = Field(description="why the condition is not met, shown when the rule is false")
    on_false: Severity = "fail"


class Declaration(_SubCheck):
    """A condition the law lets the applicant declare (告知承诺): met when the answer equals `value`."""

    check: Literal["declaration"]
    question: str
    value: bool | int | str = True
    message: str = Field(description="shown when the declaration is not made")


FieldCheck = Annotated[
    RequiredFields
    | IdNumberCheck
    | CreditCodeCheck
    | PhoneCheck
    | DateCheck
    | NotExpired
    | IdCardTerm
    | Signed
    | Sealed
    | SameAs
    | SamePerson
    | Rule,
    Field(discriminator="check"),
]
ConditionCheck = Annotated[Requirement | Declaration, Field(discriminator="check")]
SituationCheck = Annotated[Rule | UnplacedMaterials, Field(discriminator="check")]


class _Point(_Strict):
    id: Identifier
    text: str = Field(description="the review point as staff read it")
    when: CelExpression | None = Field(
        None, description="CEL over `answers`/`situation`; else not_applicable"
    )
    basis: str | None = Field(None, description="legal or policy basis")


class ConditionPoint(_Point):
    kind: Literal["condition"]
    person: str = Field("applicant", description="whose facts the requirements read (an id from `persons`)")
    data_source: str | None = Field(
        None, description="authoritative source that can confirm it (公安人口库…)"
    )
    checks: list[ConditionCheck] = Field(min_length=1)


class FormPoint(_Point):
    kind: Literal["form"]
    slot: str
    checks: list[FieldCheck] = Field(min_length=1)


class MaterialPoint(_Point):
    kind: Literal["material"]
    slot: str
    checks: list[FieldCheck] = Field(default_factory=list)


class SituationPoint(_Point):
    kind: Literal["situation"]
    checks: list[SituationCheck] = Field(default_factory=list)


class SpecialProcedurePoint(_Point):
    kind: Literal["special_procedure"]
    name: str = Field(description="现场审查, 专家评审, 听证, 检验检测…")
    procedure_type: SpecialProcedureType = "2"
    counts_in_limit: bool = Field(False, description="whether its time counts in the legal time limit")


Point = Annotated[
    ConditionPoint | FormPoint | MaterialPoint | SituationPoint | SpecialProcedurePoint,
    Field(discriminator="kind"),
]
POINT_KINDS = ("condition", "form", "situation", "material", "special_procedure")
