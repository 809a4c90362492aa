"""A grey copy's seal is read for the field printed only in it, and is never reported as a seal."""

from __future__ import annotations

import cv2
import pytest

from prereview.checks.grey_seal import read_grey_rings, ring_boxes
from prereview.checks.seal import find_seals
from prereview.ocr import OcrEngine
from prereview.pipeline import Pipeline
from prereview.settings import Settings
from prereview.understanding import build_understander
from prereview.understanding.seal_fields import seal_fields
from tests.checks.test_marks_synth import _material, _shot


@pytest.mark.slow
@pytest.mark.parametrize("seed", [31, 32])
def test_a_photocopied_license_names_its_authority_from_the_grey_ring(
    rapid_engine: OcrEngine, seed: int
) -> None:
    material = _material("business_license", "business_license/v2", seed, None)
    authority = material.fields["registration_authority"].value
    page_index, drawn = material.seal_boxes[0]
    copy = _shot(material.pages[page_index].image, "photocopy", seed)
    assert find_seals(copy) == []  # a grey copy shows no red seal, and none is reported
    [(box, cover)] = ring_boxes(copy)
    assert cover >= 0.9 and abs((box[0] + box[2]) / 2 - (drawn[0] + drawn[2]) / 2) < 0.1 * (
        drawn[2] - drawn[0]
    )
    rings = read_grey_rings(copy, rapid_engine, page=page_index)
    assert seal_fields("business_license", {}, rings)["registration_authority"].value == authority


@pytest.mark.slow
def test_an_unsealed_photocopy_gives_no_authority(rapid_engine: OcrEngine) -> None:
    material = _material("business_license", "business_license/v2", 33, "missing_seal")
    copy = _shot(material.pages[0].image, "photocopy", 33)
    assert ring_boxes(copy) == []
    assert seal_fields("business_license", {}, read_grey_rings(copy, rapid_engine)) == {}


@pytest.mark.slow
def test_the_pipeline_reads_a_grey_ring_only_for_the_missing_authority(
    rapid_engine: OcrEngine, settings: Settings
) -> None:
    material = _material("business_license", "business_license/v2", 34, None)
    copy = _shot(material.pages[0].image, "photocopy", 34)
    ok, jpeg = cv2.imencode(".jpg", copy, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    pipeline = Pipeline(settings=settings, engine=rapid_engine, understander=build_understander())
    result = pipeline.extract(jpeg.tobytes(), name="license.jpg")
    assert result.material_type == "business_license"
    assert result.seals is None  # the seal check still says a grey copy cannot show one
    found = result.fields["registration_authority"]
    assert found.value == material.fields["registration_authority"].value
