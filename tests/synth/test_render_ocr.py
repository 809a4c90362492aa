"""The real OCR engine reads back the labelled values from their boxes on clean renders."""

from __future__ import annotations

import random
from datetime import date

import pytest

from prereview.ocr import OcrEngine
from prereview.synth.content import make_facts
from prereview.synth.render import render_material
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
