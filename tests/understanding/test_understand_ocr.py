"""End to end on rendered cards with the REAL OCR engine: type, every field value, and value boxes."""

from __future__ import annotations

import random

import pytest
from stdnum.cn import ric, uscc

from prereview.document import Box
from prereview.ocr import OcrEngine
from prereview.understanding import understand
from tests.understanding import cards

pytestmark = pytest.mark.slow


def overlaps(found: Box, drawn: Box, offset: tuple[int, int] = (0, 0)) -> bool:
    """The found box covers a good part of where the value was drawn."""
    dx, dy = offset
    x0, y0, x1, y1 = drawn[0] + dx, drawn[1] + dy, drawn[2] + dx, drawn[3] + dy
    iw = min(found[2], x1) - max(found[0], x0)
    ih = min(found[3], y1) - max(found[1], y0)
    return iw > 0 and ih > 0 and iw * ih >= 0.5 * (x1 - x0) * (y1 - y0)


def assert_read(drawn: cards.Drawn, fields: dict, offset: tuple[int, int] = (0, 0)) -> None:
    assert {k: fields[k].value for k in drawn.values if k in fields} == drawn.values
    for key, box in drawn.boxes.items():
        assert overlaps(fields[key].box, box, offset), (key, fields[key].box, box)


@pytest.mark.parametrize("seed", [3, 7])
def test_id_card_front(rapid_engine: OcrEngine, seed: int) -> None:
    rng = random.Random(seed)
    drawn = cards.id_card_front(cards.person(rng), cards.FONTS[seed % len(cards.FONTS)], rng)
    result = understand([rapid_engine.recognize(drawn.image)])
    assert result.material_type == "id_card_front" and result.confidence > 0.8
    assert_read(drawn, result.fields)
    assert [(c.code, c.status) for c in result.checks] == [("id_number_checksum", "pass")]


def test_id_card_back(rapid_engine: OcrEngine) -> None:
    rng = random.Random(11)
    drawn = cards.id_card_back("重庆市公安局万州区分局", ("2010-01-02", "长期"), cards.FONTS[1], rng)
    result = understand([rapid_engine.recognize(drawn.image)])
    assert result.material_type == "id_card_back"
    assert_read(drawn, result.fields)


def test_wrong_check_character_stays_as_printed_and_fails(rapid_engine: OcrEngine) -> None:
    rng = random.Random(5)
    person = cards.person(rng, wrong_check=True)
    assert not ric.is_valid(str(person["id_number"]))
    drawn = cards.id_card_front(person, cards.FONTS[2], rng)
    result = understand([rapid_engine.recognize(drawn.image)])
    field = result.fields["id_number"]
    assert field.value == person["id_number"] and field.repaired is False
    check = next(c for c in result.checks if c.field == "id_number")
    assert (check.code, check.status) == ("id_number_checksum", "fail")
    assert "校验位" in check.message


def test_business_license(rapid_engine: OcrEngine) -> None:
    rng = random.Random(4)
    drawn = cards.business_license(cards.company(rng), cards.FONTS[0], rng)
    result = understand([rapid_engine.recognize(drawn.image)])
    assert result.material_type == "business_license"
    assert_read(drawn, result.fields)
    assert [(c.code, c.status) for c in result.checks] == [("credit_code_checksum", "pass")]


def test_business_license_with_a_bad_credit_code_fails_its_check(rapid_engine: OcrEngine) -> None:
    rng = random.Random(8)
    company = cards.company(rng, wrong_check=True)
    assert not uscc.is_valid(company["credit_code"])
    drawn = cards.business_license(company, cards.FONTS[2], rng)
    result = understand([rapid_engine.recognize(drawn.image)])
    assert result.fields["credit_code"].value == company["credit_code"]
    assert [(c.code, c.status) for c in result.checks] == [("credit_code_checksum", "fail")]


def test_both_sides_on_one_a4_copy_are_two_parts(rapid_engine: OcrEngine) -> None:
    rng = random.Random(21)
    front = cards.id_card_front(cards.person(rng), cards.FONTS[0], rng)
    back = cards.id_card_back("北京市公安局朝阳分局", ("2015-06-09", "2035-06-09"), cards.FONTS[0], rng)
    page, placed = cards.on_a4([front, back])
    result = understand([rapid_engine.recognize(page)])
    assert result.material_type == "id_card_front"
    assert [p.material_type for p in result.parts] == ["id_card_front", "id_card_back"]
    for part, (drawn, offset) in zip(result.parts, placed, strict=True):
        assert_read(drawn, part.fields, offset)
        h, w = drawn.image.shape[:2]
        assert overlaps(part.box, (offset[0], offset[1], offset[0] + w, offset[1] + h)) or overlaps(
            (offset[0], offset[1], offset[0] + w, offset[1] + h), part.box
        )
    assert result.fields == result.parts[0].fields
    assert "parts" in result.to_dict()
