"""The real OCR engine reads back the labelled values from their boxes on clean renders."""

from __future__ import annotations

import random
from datetime import date

import pytest

from prereview.ocr import OcrEngine
from prereview.synth.content import make_facts
from prereview.synth.render import LAYOUTS, render_material
from tests.synth.pixels import crop

AS_OF = date(2025, 6, 1)


def _read(engine: OcrEngine, image, box) -> str:  # type: ignore[no-untyped-def]
    lines = engine.recognize(crop(image, box, margin=12))
    return "".join(line.text for line in lines).replace(" ", "")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("material_type", "keys"),
    [("id_card_front", ("name", "id_number")), ("business_license", ("credit_code", "name"))],
)
def test_ocr_of_labelled_boxes_recovers_the_values(
    rapid_engine: OcrEngine, material_type: str, keys: tuple[str, ...]
) -> None:
    rng = random.Random(21)
    facts = make_facts(material_type, rng, as_of=AS_OF)
    material = render_material(material_type, facts, rng=rng, layout=f"{material_type}/v1", font="noto_sans")
    image = material.pages[0].image
    for key in keys:
        labelled = material.fields[key]
        assert _read(rapid_engine, image, labelled.box) == labelled.value, key


IDENTIFYING = (
    "name",
    "id_number",
    "credit_code",
    "license_number",
    "certificate_number",
    "phone",
    "holder",
    "lessor",
    "lessee",
    "legal_representative",
    "issuing_authority",
)


def _identifying(material) -> list[str]:  # type: ignore[no-untyped-def]
    """The labelled single-line text fields that identify a person, business or document."""
    return [
        key
        for key, labelled in material.fields.items()
        if labelled.box is not None
        and isinstance(labelled.value, str)
        and any(part in key for part in IDENTIFYING)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("material_type", sorted(LAYOUTS))
def test_every_type_labels_what_its_pixels_show(rapid_engine: OcrEngine, material_type: str) -> None:
    rng = random.Random(5)
    facts = make_facts(material_type, rng, as_of=AS_OF)
    material = render_material(
        material_type, facts, rng=rng, layout=LAYOUTS[material_type][0], font="noto_sans"
    )
    keys = _identifying(material)
    assert keys, f"{material_type} has no identifying field to check"
    for key in keys:
        labelled = material.fields[key]
        image = material.pages[labelled.page].image
        assert _read(rapid_engine, image, labelled.box) == labelled.value.replace(" ", ""), (
            material_type,
            key,
        )
