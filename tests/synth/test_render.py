"""Every material type renders in every layout, with labels that match the pixels and valid identifiers."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

import numpy as np
import pytest
from stdnum.cn import ric, uscc

from prereview.synth.content import ITEM_IDS, make_facts
from prereview.synth.content.facts import make_company
from prereview.synth.render import LAYOUTS, render_material
from prereview.synth.render.context import dotted
from prereview.synth.types import RenderedMaterial
from tests.synth.pixels import dark_pixels

AS_OF = date(2025, 6, 1)
REQUIRED = {
    "id_card_front": {"name", "sex", "ethnicity", "birth_date", "address", "id_number"},
    "id_card_back": {"issuing_authority", "valid_from", "valid_to"},
    "business_license": {
        "credit_code",
        "name",
        "entity_type",
        "legal_representative",
        "established_date",
        "address",
        "business_scope",
        "registration_authority",
        "issue_date",
    },
    "household_register": {
        "name",
        "relation_to_head",
        "sex",
        "ethnicity",
        "birth_date",
        "birthplace",
        "id_number",
        "address",
    },
    "marriage_certificate": {
        "holder_name",
        "registration_date",
        "certificate_number",
        "spouse_1_name",
        "spouse_1_id_number",
        "spouse_2_name",
        "spouse_2_id_number",
    },
    "application_form": {"applicant_name", "phone", "signed", "sign_date"},
    "power_of_attorney": {
        "principal_name",
        "principal_id_number",
        "agent_name",
        "agent_id_number",
        "matters",
        "valid_to",
        "signed",
        "sign_date",
    },
    "lease_contract": {"lessor", "lessee", "property_address", "lease_start", "lease_end", "signed"},
    "property_certificate": {"certificate_number", "holder", "property_address", "usage", "area"},
    "food_business_license": {
        "license_number",
        "operator_name",
        "credit_code",
        "legal_representative",
        "address",
        "valid_to",
    },
}
CASES = [(material_type, layout) for material_type, layouts in LAYOUTS.items() for layout in layouts]


def render(material_type: str, layout: str, seed: int = 1, **overrides: object) -> RenderedMaterial:
    rng = random.Random(seed)
    facts = make_facts(material_type, rng, as_of=AS_OF, **overrides)
    return render_material(material_type, facts, rng=rng, layout=layout)


def test_every_contract_material_type_has_at_least_two_layouts() -> None:
    assert set(LAYOUTS) == set(REQUIRED)
    assert all(len(layouts) >= 2 for layouts in LAYOUTS.values())


@pytest.mark.parametrize(("material_type", "layout"), CASES)
def test_renders_every_field_inside_the_page_over_ink(material_type: str, layout: str) -> None:
    material = render(material_type, layout)
    assert material.material_type == material_type and material.layout == layout
    assert REQUIRED[material_type] <= set(material.fields)
    if material_type == "application_form":
        assert {"applicant_id_number", "credit_code"} & set(material.fields)
    for key, labelled in material.fields.items():
        if labelled.box is None:
            assert isinstance(labelled.value, bool), key
            continue
        image = material.pages[labelled.page].image
        height, width = image.shape[:2]
        x0, y0, x1, y1 = labelled.box
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, (key, labelled.box, (width, height))
        assert dark_pixels(image, labelled.box) > 10, f"{key}: no ink under its box"
        assert labelled.value not in (None, ""), key
    for page in material.pages:
        assert page.image.dtype == np.uint8 and page.image.ndim == 3 and page.image.shape[2] == 3


@pytest.mark.parametrize(("material_type", "layout"), CASES)
def test_identifiers_pass_their_checks(material_type: str, layout: str) -> None:
    material = render(material_type, layout, seed=2)
    for key, labelled in material.fields.items():
        if key.endswith("id_number"):
            assert ric.is_valid(labelled.value), (key, labelled.value)
        if key == "credit_code":
            assert uscc.is_valid(labelled.value), labelled.value


@pytest.mark.parametrize("layout", LAYOUTS["id_card_front"])
def test_id_card_front_prints_what_the_number_encodes(layout: str) -> None:
    for seed in range(5):
        fields = render("id_card_front", layout, seed=seed).fields
        number = fields["id_number"].value
        assert ric.get_birth_date(number).isoformat() == fields["birth_date"].value
        assert (int(number[16]) % 2 == 1) == (fields["sex"].value == "男")
        assert fields["address"].value.startswith(ric.get_birth_place(number)["province"])


@pytest.mark.parametrize("item_id", ITEM_IDS)
@pytest.mark.parametrize("layout", LAYOUTS["application_form"])
def test_every_service_item_has_a_signed_form(item_id: str, layout: str) -> None:
    material = render("application_form", layout, seed=3, item_id=item_id)
    assert material.fields["signed"].value is True
    assert len(material.signature_boxes) == 1
    page, box = material.signature_boxes[0]
    assert dark_pixels(material.pages[page].image, box) > 30
    applicant = material.fields["applicant_name"]
    assert applicant.value and applicant.box is not None


def test_id_card_back_prints_the_validity_as_labelled() -> None:
    material = render("id_card_back", "id_card_back/v1", seed=4)
    texts = {tuple(round(v) for v in box): text for text, box in material.text_layer[0]}
    for key in ("valid_from", "valid_to"):
        labelled = material.fields[key]
        printed = texts[tuple(round(v) for v in labelled.box)]
        assert printed == dotted(
            labelled.value if labelled.value == "长期" else date.fromisoformat(labelled.value)
        )


@pytest.mark.parametrize("layout", LAYOUTS["lease_contract"])
def test_lease_contract_has_pages_a_text_layer_and_signatures_on_the_last_page(layout: str) -> None:
    material = render("lease_contract", layout, seed=6)
    assert 2 <= len(material.pages) <= 4
    assert material.text_layer is not None and len(material.text_layer) == len(material.pages)
    drawn = [text for page in material.text_layer for text, _ in page]
    for key in ("lessor", "lessee", "property_address"):
        assert material.fields[key].value in drawn
    assert {page for page, _ in material.signature_boxes} == {len(material.pages) - 1}
    assert len(material.signature_boxes) == 2 and material.fields["signed"].value is True


def test_a_long_value_wraps_in_its_column_instead_of_running_into_the_next() -> None:
    """The two-column license: "有限责任公司（自然人投资或控股）" is wider than the left column, so it
    wraps there rather than run under the right column's "成立日期" (where its "）" was hidden)."""
    rng = random.Random(3)
    person = make_facts("id_card_front", rng, as_of=AS_OF)["person"]
    company = make_company(rng, person, individual=False, as_of=AS_OF)
    company = dataclasses.replace(company, entity_type="有限责任公司（自然人投资或控股）")
    material = render("business_license", "business_license/v2", company=company)
    entity, date_value = material.fields["entity_type"].box, material.fields["established_date"].box
    width = material.pages[0].image.shape[1]
    assert entity is not None and date_value is not None
    assert entity[2] < width * 0.53  # the right column's labels start at 0.53 of the width
    assert entity[3] - entity[1] > 1.8 * (date_value[3] - date_value[1])  # two lines


def test_rendering_is_deterministic_for_a_seed() -> None:
    for material_type in ("business_license", "id_card_front", "lease_contract"):
        layout = LAYOUTS[material_type][0]
        one, two = render(material_type, layout, seed=9), render(material_type, layout, seed=9)
        assert {k: (v.value, v.box) for k, v in one.fields.items()} == {
            k: (v.value, v.box) for k, v in two.fields.items()
        }
        assert all(np.array_equal(a.image, b.image) for a, b in zip(one.pages, two.pages, strict=True))


def test_unknown_names_are_refused_with_the_known_ones() -> None:
    rng = random.Random(0)
    facts = make_facts("id_card_front", rng, as_of=AS_OF)
    with pytest.raises(ValueError, match=r"known: .*id_card_front/v1"):
        render_material("id_card_front", facts, rng=rng, layout="v9")
    with pytest.raises(ValueError, match=r"known: .*business_license"):
        render_material("passport", facts, rng=rng)
    with pytest.raises(ValueError, match="can show: wrong_check_char"):
        render_material("id_card_front", facts, rng=rng, defects=["missing_seal"])
