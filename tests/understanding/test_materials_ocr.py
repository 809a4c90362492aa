"""Every material type and layout variant of the synthetic generator, read with the REAL OCR engine.

One clean sample per layout (fixed seeds, value fonts alternating between two families): the type must
be recognised and the key fields (names, identifiers, dates, addresses) read exactly, each with a box
over the value as drawn, on the page it was drawn on.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from prereview.document import Box
from prereview.ocr import OcrEngine
from prereview.synth.content import make_facts
from prereview.synth.render import LAYOUTS, render_material
from prereview.understanding import understand

pytestmark = pytest.mark.slow

KEY_FIELDS = {
    "id_card_front": ("name", "sex", "ethnicity", "birth_date", "address", "id_number"),
    "id_card_back": ("issuing_authority", "valid_from", "valid_to"),
    "business_license": ("credit_code", "name", "legal_representative", "established_date", "address"),
    "household_register": (
        "name",
        "relation_to_head",
        "sex",
        "birth_date",
        "birthplace",
        "id_number",
        "address",
    ),
    "marriage_certificate": (
        "holder_name",
        "registration_date",
        "certificate_number",
        "spouse_1_name",
        "spouse_1_id_number",
        "spouse_2_name",
        "spouse_2_id_number",
    ),
    "application_form": ("applicant_name", "applicant_id_number", "credit_code", "phone", "sign_date"),
    "power_of_attorney": (
        "principal_name",
        "principal_id_number",
        "agent_name",
        "agent_id_number",
        "valid_to",
        "sign_date",
    ),
    "lease_contract": ("lessor", "lessee", "property_address", "lease_start", "lease_end"),
    "property_certificate": ("certificate_number", "holder", "property_address", "usage", "area"),
    "food_business_license": (
        "license_number",
        "operator_name",
        "credit_code",
        "legal_representative",
        "address",
        "valid_to",
    ),
}
FONTS = ("noto_sans", "wqy_zenhei")
CASES = [
    (material_type, layout, FONTS[i % 2])
    for material_type, layouts in LAYOUTS.items()
    for i, layout in enumerate(layouts)
]


def overlaps(found: Box, drawn: Box) -> bool:
    """The found box covers at least half of where the value was drawn."""
    iw = min(found[2], drawn[2]) - max(found[0], drawn[0])
    ih = min(found[3], drawn[3]) - max(found[1], drawn[1])
    return iw > 0 and ih > 0 and iw * ih >= 0.5 * (drawn[2] - drawn[0]) * (drawn[3] - drawn[1])


def test_every_type_has_key_fields_listed() -> None:
    assert set(KEY_FIELDS) == set(LAYOUTS)


@pytest.mark.parametrize(("material_type", "layout", "font"), CASES, ids=[c[1] for c in CASES])
def test_material_is_recognised_and_read(
    rapid_engine: OcrEngine, material_type: str, layout: str, font: str
) -> None:
    rng = random.Random(f"test-{layout}")
    facts = make_facts(material_type, rng, as_of=date(2026, 12, 1))
    material = render_material(material_type, facts, rng=rng, layout=layout, font=font)
    result = understand([rapid_engine.recognize(page.image) for page in material.pages])

    assert result.material_type == material_type
    assert len(result.parts) == 1  # a multi-page document stays one material
    drawn = {k: f for k, f in material.fields.items() if k in KEY_FIELDS[material_type] and f.box is not None}
    assert drawn, "the sample draws no key field"
    assert {k: result.fields[k].value if k in result.fields else None for k in drawn} == {
        k: str(f.value) for k, f in drawn.items()
    }
    for key, label in drawn.items():
        assert label.box is not None
        assert result.fields[key].page == label.page, key
        assert overlaps(result.fields[key].box, label.box), (key, result.fields[key].box, label.box)
    assert "signed" not in result.fields  # ink is the signature detector's business
    identifiers = {k for k in result.fields if k.endswith("id_number") or k == "credit_code"}
    assert {c.field for c in result.checks} == identifiers
