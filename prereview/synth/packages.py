"""Labelled application packages: the files of one application, its answers, and the expected verdict.

A package is what an applicant submits for one service item of CONTRACT.md: answers to the item's
questions, files placed in material slots, and — because we made it — the truth: which defect it carries,
the verdict CONTRACT.md's rules give, and which slots are missing.

Defect kinds and the verdict each must get (one defect per package; ``clean`` has none):

==================  =================  ==========================================================
defect              expected verdict   what is wrong
==================  =================  ==========================================================
clean               pass               nothing
expired_id          needs_correction   the applicant's ID card is past its 有效期限
unsigned_form       needs_correction   the application form has no signature
name_mismatch       needs_correction   the form's applicant name differs from the ID card's
missing_material    needs_correction   a required slot is empty (it is in ``missing_materials``)
wrong_material      needs_correction   a slot holds another material type (slot filled, not missing)
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
    """A material slot: its id and the sets of material types that complete it (CONTRACT.md items)."""

    id: str
    alternatives: tuple[tuple[str, ...], ...]
    agent_only: bool = False  # only when ``by_agent`` is true

    @property
    def material_types(self) -> set[str]:
        return {t for alt in self.alternatives for t in alt}


@dataclass(frozen=True)
class ItemSpec:
    """What a package generator must know of a service item."""

    id: str
    slots: tuple[SlotSpec, ...]
    ages: tuple[int, int]  # the applicant's age in a package that passes
    failing_ages: tuple[tuple[int, int], ...] = ()  # ages that fail the item's age condition
    by_agent: bool = False  # the item has the 委托代理 situation


_FORM = SlotSpec("application_form", (("application_form",),))
_APPLICANT_ID = SlotSpec("applicant_id", (ID_CARD,))
_AGENT = (
    SlotSpec("power_of_attorney", (("power_of_attorney",),), agent_only=True),
    SlotSpec("agent_id", (ID_CARD,), agent_only=True),
)

ITEMS: dict[str, ItemSpec] = {
    item.id: item
    for item in [
        ItemSpec(
            "individual_business_registration",
            (
                _FORM,
                _APPLICANT_ID,
                SlotSpec("premises_proof", (("property_certificate",), ("lease_contract",))),
                *_AGENT,
            ),
            ages=(20, 58),
            by_agent=True,
        ),
        ItemSpec(
            "food_license_cancellation",
            (
                _FORM,
                _APPLICANT_ID,
                SlotSpec("food_business_license", (("food_business_license",),)),
                SlotSpec("business_license", (("business_license",),)),
                *_AGENT,
            ),
            ages=(25, 58),
            by_agent=True,
        ),
        # Retirement ages vary with sex, trade and the 2025 reform: failing ages stay clear of all of them.
        ItemSpec(
            "unemployment_registration",
            (_FORM, _APPLICANT_ID),
            ages=(18, 45),
            failing_ages=((13, 15), (66, 78)),
        ),
        ItemSpec(
            "resident_pension_enrollment", (_FORM, _APPLICANT_ID), ages=(18, 58), failing_ages=((12, 15),)
        ),
        ItemSpec(
            "elderly_allowance",
            (_FORM, SlotSpec("applicant_id", (ID_CARD, ("household_register",)))),
            ages=(81, 99),
            failing_ages=((62, 78),),
        ),
        ItemSpec(
            "public_place_hygiene_license",
            (_FORM, _APPLICANT_ID, SlotSpec("business_license", (("business_license",),))),
            ages=(25, 58),
        ),
        ItemSpec(
            "birth_registration",
            (
                _FORM,
                _APPLICANT_ID,
                SlotSpec("spouse_id", (ID_CARD,)),
                SlotSpec("marriage_certificate", (("marriage_certificate",),)),
            ),
            ages=(23, 40),
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

    @property
    def expected_verdict(self) -> str:
        return EXPECTED_VERDICT[self.defect]
