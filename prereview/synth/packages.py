"""Labelled application packages: the files of one application, its answers, and the expected verdict.

A package is what an applicant submits for one service item of CONTRACT.md: answers to the item's
questions, files placed in material slots, and — because we made it — the truth: which defect it carries,
the verdict CONTRACT.md's rules give, and which slots are missing.

Defect kinds and the verdict each must get (one defect per package; ``clean`` has none):

==================  =================  ==========================================================
defect              expected verdict   what is wrong
==================  =================  ==========================================================
clean               pass               nothing
expired_id          needs_correction   the applicant's ID card is past its 有效期限 (ID-card defects
                                       are on the agent's card where the item asks for none of the
                                       applicant's: food license cancellation)
unsigned_form       needs_correction   the application form has no signature
name_mismatch       needs_correction   the form's applicant name differs from the ID card's
missing_material    needs_correction   a required slot is empty (it is in ``missing_materials``)
wrong_material      needs_correction   a slot holds another material type (its material is still
                                       missing: a required slot is in ``missing_materials``)
wrong_check_char    needs_correction   the ID number's check character is wrong (re-upload/correct)
sex_birth_mismatch  manual_review      the card's 性别/出生 disagree with its number: a genuine card
                                       never does, so it is a misreading or a forgery — a person
                                       must look (STYLE.md 13: doubt goes to ``manual``)
age_condition       reject             the applicant fails the item's age condition on a clean,
                                       checksum-valid card (unemployment 16..retirement, pension
                                       ≥16, elderly allowance ≥80); only those three items
unusable_photo      needs_correction   the ID card front is blurred, glared, cut off, too small or
                                       blank (its quality issue is listed)
==================  =================  ==========================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

DEFECT_KINDS = (
    "clean",
    "expired_id",
    "unsigned_form",
    "name_mismatch",
    "missing_material",
    "wrong_material",
    "wrong_check_char",
    "sex_birth_mismatch",
    "age_condition",
    "unusable_photo",
)
EXPECTED_VERDICT = {
    "clean": "pass",
    "expired_id": "needs_correction",
    "unsigned_form": "needs_correction",
    "name_mismatch": "needs_correction",
    "missing_material": "needs_correction",
    "wrong_material": "needs_correction",
    "wrong_check_char": "needs_correction",
    "sex_birth_mismatch": "manual_review",
    "age_condition": "reject",
    "unusable_photo": "needs_correction",
}
UNUSABLE_CAPTURES = ("heavy_blur", "low_resolution", "glare", "cut_off", "blank_page")
ID_CARD = ("id_card_front", "id_card_back")


@dataclass(frozen=True)
class SlotSpec:
    """A material slot of the item's review points (``review_points/<item>.yaml``, same id) and the sets of
    material types that complete it."""

    id: str
    alternatives: tuple[tuple[str, ...], ...]
    agent_only: bool = False  # only when ``by_agent`` is true
    required: bool = True  # empty → ``needs_correction``; False: 容缺后补 or spared by an exemption

    @property
    def material_types(self) -> set[str]:
        return {t for alt in self.alternatives for t in alt}


@dataclass(frozen=True)
class ItemSpec:
    """What a package generator must know of a service item.

    ``id_slot`` is the slot of the applicant's identity document; ``None`` when the item asks for none
    (a 食品经营许可证 is the business's: only an agent shows an ID card, so ID-card defects go there).
    ``documents`` are the ``other`` slots a clean package fills with a generic document (slot, title).
    """

    id: str
    slots: tuple[SlotSpec, ...]
    ages: tuple[int, int]  # the applicant's age in a package that passes
    failing_ages: tuple[tuple[int, int], ...] = ()  # ages that fail the item's age condition
    by_agent: bool = False  # the item has the 委托代理 situation
    id_slot: str | None = "id_card"
    answers: tuple[tuple[str, str], ...] = ()  # fixed answers of every package of the item
    documents: tuple[tuple[str, str], ...] = ()

    def slot(self, slot_id: str) -> SlotSpec:
        return next(s for s in self.slots if s.id == slot_id)


_FORM = SlotSpec("application_form", (("application_form",),))
_AGENT = (
    SlotSpec("power_of_attorney", (("power_of_attorney",),), agent_only=True),
    SlotSpec("agent_id_card", (ID_CARD,), agent_only=True),
)
_IDENTITY_PROOF = SlotSpec("identity_proof", (ID_CARD, ("household_register",)))
_BUSINESS_LICENSE = SlotSpec("business_license", (("business_license",),), required=False)  # gov_issued

ITEMS: dict[str, ItemSpec] = {
    item.id: item
    for item in [
        ItemSpec(
            "individual_business_registration",
            (
                _FORM,
                SlotSpec("operator_id_card", (ID_CARD,)),
                SlotSpec("premises_proof", (("property_certificate",), ("lease_contract",))),
                *_AGENT,
            ),
            ages=(20, 58),
            by_agent=True,
            id_slot="operator_id_card",
        ),
        # research.md §4 item 2: 注销申请书, 许可证正副本, 营业执照, 委托书 + 代理人身份证 — no ID card of the
        # operator (the business holds the license).
        ItemSpec(
            "food_license_cancellation",
            (
                _FORM,
                SlotSpec("food_business_license", (("food_business_license",),)),
                _BUSINESS_LICENSE,
                *_AGENT,
            ),
            ages=(25, 58),
            by_agent=True,
            id_slot=None,
        ),
        # Retirement ages vary with sex, trade and the 2025 reform: failing ages stay clear of all of them.
        ItemSpec(
            "unemployment_registration",
            (_FORM, SlotSpec("id_card", (ID_CARD,))),
            ages=(18, 45),
            failing_ages=((13, 15), (66, 78)),
        ),
        ItemSpec(
            "resident_pension_enrollment",
            (_FORM, _IDENTITY_PROOF),
            ages=(18, 58),
            failing_ages=((12, 15),),
            id_slot="identity_proof",
        ),
        ItemSpec(
            "elderly_allowance",
            (_FORM, _IDENTITY_PROOF),
            ages=(81, 99),
            failing_ages=((62, 78),),
            id_slot="identity_proof",
        ),
        # A renewal (延续) of an individual business: the site plans and hygiene rules of a new license are
        # not asked again, the hygiene report is; 现场审查 still applies.
        ItemSpec(
            "public_place_hygiene_license",
            (
                _FORM,
                SlotSpec("legal_rep_id_card", (ID_CARD,)),
                _BUSINESS_LICENSE,
                SlotSpec("hygiene_report", (("other",),), required=False),  # 容缺后补
            ),
            ages=(25, 58),
            id_slot="legal_rep_id_card",
            answers=(("application_type", "renewal"), ("entity_kind", "individual")),
            documents=(("hygiene_report", "公共场所卫生检测报告"),),
        ),
        # The applicant is either spouse: ``PackagePlan.id_slot`` says whose card is the applicant's.
        ItemSpec(
            "birth_registration",
            (
                _FORM,
                SlotSpec("spouse_1_id_card", (ID_CARD,)),
                SlotSpec("spouse_2_id_card", (ID_CARD,)),
                SlotSpec("marriage_certificate", (("marriage_certificate",),)),
            ),
            ages=(23, 40),
            id_slot="spouse_1_id_card",
        ),
    ]
}


def applicable_defects(item: ItemSpec) -> tuple[str, ...]:
    """The defect kinds a package of ``item`` can carry (``age_condition`` needs an age condition)."""
    return tuple(d for d in DEFECT_KINDS if d != "age_condition" or item.failing_ages)


def coverage_plan() -> list[tuple[str, str]]:
    """Every (item, defect) pair that applies, item by item, in a fixed order."""
    return [(item.id, defect) for item in ITEMS.values() for defect in applicable_defects(item)]


@dataclass
class PlannedFile:
    """One file of a package before rendering."""

    slot: str
    material_type: str
    facts: dict[str, Any]
    role: str  # applicant | agent | spouse | business
    capture: str = "clean_scan"
    defects: tuple[str, ...] = ()


@dataclass
class PackagePlan:
    package_id: str
    item: str
    defect: str
    as_of: date
    answers: dict[str, str]
    files: list[PlannedFile]
    missing_materials: list[str] = field(default_factory=list)
    findings: list[dict[str, str]] = field(default_factory=list)
    seed: int = 0
    id_slot: str = ""  # the slot whose ID card carries the ID-card defects

    @property
    def expected_verdict(self) -> str:
        return EXPECTED_VERDICT[self.defect]
