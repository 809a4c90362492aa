"""Defects are printed, not just recorded: the pixels and the labels show them."""

from __future__ import annotations

import random
from datetime import date

import pytest
from stdnum.cn import ric, uscc

from prereview.synth.content import make_company, make_facts
from prereview.synth.render import DEFECTS, LAYOUTS, render_material
from prereview.synth.render.context import cn_date, dotted
from prereview.synth.types import RenderedMaterial
from tests.synth.pixels import crop, dark_pixels, red_mask

AS_OF = date(2025, 6, 1)
SEALED = [t for t, defects in DEFECTS.items() if "missing_seal" in defects]
SIGNED = [t for t, defects in DEFECTS.items() if "missing_signature" in defects]
EXPIRING = [t for t, defects in DEFECTS.items() if "expired" in defects]


def render(
    material_type: str, layout: str, defects: list[str], seed: int = 1, **overrides: object
) -> RenderedMaterial:
    rng = random.Random(seed)
    facts = make_facts(material_type, rng, as_of=AS_OF, **overrides)
    material = render_material(material_type, facts, rng=rng, layout=layout, defects=defects)
    assert material.defects == sorted(defects)
    return material


@pytest.mark.parametrize("material_type", SEALED)
def test_seal_is_red_ink_in_its_box_and_absent_when_missing(material_type: str) -> None:
    for layout in LAYOUTS[material_type]:
        sealed = render(material_type, layout, [])
        assert len(sealed.seal_boxes) == 1
        page, box = sealed.seal_boxes[0]
        red_inside = int(red_mask(crop(sealed.pages[page].image, box)).sum())
        red_total = int(sum(red_mask(p.image).sum() for p in sealed.pages))
        assert red_inside > 2000 and red_inside == red_total  # all the red is the seal's
        bare = render(material_type, layout, ["missing_seal"])
        assert bare.seal_boxes == []
        assert sum(int(red_mask(p.image).sum()) for p in bare.pages) == 0
        assert bare.meta["seal_areas"]  # where the seal belonged is still known


@pytest.mark.parametrize("material_type", SIGNED)
def test_unsigned_material_leaves_the_signature_box_empty(material_type: str) -> None:
    for layout in LAYOUTS[material_type]:
        material = render(material_type, layout, ["missing_signature"])
        assert material.fields["signed"].value is False and material.signature_boxes == []
        areas = material.meta["signature_areas"]
        assert areas
        for page, area in areas:
            assert dark_pixels(material.pages[page].image, area) == 0
        signed = render(material_type, layout, [])
        for page, area in signed.meta["signature_areas"]:
            assert dark_pixels(signed.pages[page].image, area) > 30


def _printed_text(material: RenderedMaterial, key: str) -> str:
    labelled = material.fields[key]
    for text, box in material.text_layer[labelled.page]:
        if tuple(round(v) for v in box) == tuple(round(v) for v in labelled.box):
            return text
    # a part of a longer line (v2 power of attorney prints the term in one cell)
    x, y = (labelled.box[0] + labelled.box[2]) / 2, (labelled.box[1] + labelled.box[3]) / 2
    return next(
        text
        for text, box in material.text_layer[labelled.page]
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]
    )


@pytest.mark.parametrize("material_type", EXPIRING)
def test_expired_materials_print_a_past_valid_to(material_type: str) -> None:
    for layout in LAYOUTS[material_type]:
        for seed in range(3):
            rng = random.Random(seed)
            facts = make_facts(material_type, rng, as_of=AS_OF)
            if material_type == "business_license":  # only a company's license prints 营业期限
                facts["company"] = make_company(rng, facts["person"], individual=False, as_of=AS_OF)
            material = render_material(material_type, facts, rng=rng, layout=layout, defects=["expired"])
            valid_to = date.fromisoformat(material.fields["valid_to"].value)
            assert valid_to < AS_OF
            printed = _printed_text(material, "valid_to")
            expected = dotted(valid_to) if material_type == "id_card_back" else cn_date(valid_to)
            assert expected in printed


def test_individual_business_license_cannot_be_expired() -> None:
    rng = random.Random(3)
    facts = make_facts("business_license", rng, as_of=AS_OF)
    facts["company"] = make_company(rng, facts["person"], individual=True, as_of=AS_OF)
    with pytest.raises(ValueError, match="cannot show defect"):
        render_material("business_license", facts, rng=rng, defects=["expired"])


@pytest.mark.parametrize("material_type", [t for t, d in DEFECTS.items() if "wrong_check_char" in d])
def test_wrong_check_char_prints_an_invalid_identifier(material_type: str) -> None:
    for layout in LAYOUTS[material_type]:
        rng = random.Random(5)
        facts = make_facts(material_type, rng, as_of=AS_OF)
        material = render_material(material_type, facts, rng=rng, layout=layout, defects=["wrong_check_char"])
        checked = {
            k: v.value for k, v in material.fields.items() if k.endswith("id_number") or k == "credit_code"
        }
        invalid = [
            k
            for k, v in checked.items()
            if not (ric.is_valid(v) if k.endswith("id_number") else uscc.is_valid(v))
        ]
        assert invalid, checked
        for key in invalid:
            value = checked[key]
            assert value[:17].isalnum() and len(value) == 18
            if key.endswith("id_number"):
                assert ric.calc_check_digit(value) != value[-1]


@pytest.mark.parametrize("layout", LAYOUTS["id_card_front"])
def test_sex_birth_mismatch_contradicts_the_number(layout: str) -> None:
    for seed in range(4):
        material = render("id_card_front", layout, ["sex_birth_mismatch"], seed=seed)
        fields = material.fields
        number = fields["id_number"].value
        assert ric.is_valid(number)
        sex_from_number = "男" if int(number[16]) % 2 else "女"
        birth_from_number = ric.get_birth_date(number).isoformat()
        assert fields["sex"].value != sex_from_number or fields["birth_date"].value != birth_from_number
        assert material.meta["mismatch"] in ("sex", "birth_date")
