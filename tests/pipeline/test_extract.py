"""End to end through the real pipeline: bytes → ingest → quality → RapidOCR → fields."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest
from fpdf import FPDF
from PIL import Image

from prereview.document import TextLine
from prereview.ocr import OcrEngine
from prereview.pipeline import Pipeline, build_pipeline
from prereview.settings import Settings
from prereview.understanding import build_understander
from tests.understanding import cards


class CountingEngine:
    """Wraps the real engine to count calls (the recognition itself stays real)."""

    def __init__(self, engine: OcrEngine) -> None:
        self.inner, self.name, self.calls = engine, engine.name, 0

    def recognize(self, image: np.ndarray) -> list[TextLine]:
        self.calls += 1
        return self.inner.recognize(image)


@pytest.fixture
def pipeline(rapid_engine: OcrEngine, settings: Settings) -> Pipeline:
    return Pipeline(settings=settings, engine=CountingEngine(rapid_engine), understander=build_understander())


def _jpeg(image: np.ndarray) -> bytes:
    ok, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])
    assert ok
    return buffer.tobytes()


def _overlaps(a: list[int], b: tuple[float, ...]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def test_id_card_photo_end_to_end(pipeline: Pipeline, cjk_font: Path) -> None:
    rng = random.Random(7)
    drawn = cards.id_card_front(cards.person(rng), cjk_font, rng)
    result = pipeline.extract(_jpeg(drawn.image), name="card.jpg").to_dict()
    assert result["material_type"] == "id_card_front"
    assert {k: v["value"] for k, v in result["fields"].items()} == drawn.values
    for key, field in result["fields"].items():
        assert _overlaps(field["box"], drawn.boxes[key]), key
    assert result["checks"][0] == {
        "code": "id_number_checksum",
        "field": "id_number",
        "status": "pass",
        "message": result["checks"][0]["message"],
    }
    assert result["quality"] == {"usable": True, "issues": []}
    assert result["pages"] == [
        {
            "index": 0,
            "width": drawn.image.shape[1],
            "height": drawn.image.shape[0],
            "dpi": None,
            "rotation": 0,
        }
    ]


@pytest.mark.parametrize(
    ("code", "rotation"), [(cv2.ROTATE_90_COUNTERCLOCKWISE, 90), (cv2.ROTATE_180, 180)], ids=["90", "180"]
)
def test_rotated_card_is_read_upright_and_boxes_stay_in_input_pixels(
    pipeline: Pipeline, cjk_font: Path, code: int, rotation: int
) -> None:
    rng = random.Random(11)
    drawn = cards.id_card_front(cards.person(rng), cjk_font, rng)
    turned = cv2.rotate(drawn.image, code)
    result = pipeline.extract(_jpeg(turned), name="turned.jpg").to_dict()
    assert result["pages"][0]["rotation"] == rotation
    # Fields found by their place beside a label, which only holds on the page turned upright.
    for key in ("name", "sex", "birth_date", "id_number"):
        assert result["fields"][key]["value"] == drawn.values[key], key
    x0, y0, x1, y1 = drawn.boxes["id_number"]
    height, width = drawn.image.shape[:2]
    expected = {
        90: (y0, width - x1, y1, width - x0),  # the box after a counter-clockwise turn
        180: (width - x1, height - y1, width - x0, height - y0),
    }[rotation]
    assert _overlaps(result["fields"]["id_number"]["box"], expected)


def test_wrong_check_character_stays_visible(pipeline: Pipeline, cjk_font: Path) -> None:
    rng = random.Random(3)
    person = cards.person(rng, wrong_check=True)
    drawn = cards.id_card_front(person, cjk_font, rng)
    result = pipeline.extract(_jpeg(drawn.image), name="bad.jpg").to_dict()
    field = result["fields"]["id_number"]
    assert field["value"] == person["id_number"]
    assert field["repaired"] is False
    assert [c["status"] for c in result["checks"] if c["field"] == "id_number"] == ["fail"]


def test_blurred_page_is_flagged_unusable(pipeline: Pipeline, cjk_font: Path) -> None:
    rng = random.Random(5)
    drawn = cards.business_license(cards.company(rng), cjk_font, rng)
    blurred = cv2.GaussianBlur(drawn.image, (0, 0), 8)
    result = pipeline.extract(_jpeg(blurred), name="blur.jpg").to_dict()
    assert result["quality"]["usable"] is False
    assert "blurry" in [issue["code"] for issue in result["quality"]["issues"]]
    assert all(issue["hint"] for issue in result["quality"]["issues"])


def _license_pdf(company: dict, font: Path) -> bytes:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=28)
    pdf.text(220, 90, "营业执照")
    pdf.set_font("cjk", size=13)
    rows = [
        ("统一社会信用代码", company["credit_code"]),
        ("名称", company["name"]),
        ("法定代表人", company["legal_representative"]),
        ("成立日期", company["established_date_printed"]),
    ]
    for i, (label, value) in enumerate(rows):
        pdf.text(60, 160 + 36 * i, label)
        pdf.text(200, 160 + 36 * i, value)
    return bytes(pdf.output())


def test_text_layer_pdf_is_read_without_ocr(pipeline: Pipeline, cjk_font: Path) -> None:
    company = cards.company(random.Random(2))
    result = pipeline.extract(_license_pdf(company, cjk_font), name="license.pdf")
    assert pipeline.engine.calls == 0  # type: ignore[attr-defined]
    assert result.document.pages[0].text_source in {"pdf_text", "pdfium_text"}
    assert result.material_type == "business_license"
    assert result.fields["credit_code"].value == company["credit_code"]
    assert result.fields["name"].value == company["name"]
    assert result.to_dict()["pages"][0]["dpi"] == 150


def test_scanned_pdf_goes_through_ocr(pipeline: Pipeline, cjk_font: Path) -> None:
    rng = random.Random(9)
    drawn = cards.business_license(cards.company(rng), cjk_font, rng)
    image = Image.fromarray(cv2.cvtColor(drawn.image, cv2.COLOR_BGR2RGB))
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=pdf.w, h=pdf.h)
    result = pipeline.extract(bytes(pdf.output()), name="scan.pdf")
    assert pipeline.engine.calls >= 1  # type: ignore[attr-defined]
    assert result.document.pages[0].text_source is None
    assert result.material_type == "business_license"
    assert result.fields["credit_code"].value == drawn.values["credit_code"]
    page = result.to_dict()["pages"][0]
    assert page["dpi"] == 150 and abs(page["width"] - 1240) <= 2


def test_build_pipeline_shares_the_engine(settings: Settings, rapid_engine: OcrEngine) -> None:
    assert build_pipeline(settings).engine is rapid_engine
