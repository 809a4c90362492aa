"""Signatures and seals on rendered materials read by the real OCR engine: a small fixed-seed sweep.

Unsigned and unsealed materials must give no mark at all (a false signature can let a defective
application pass); signed and sealed ones must give theirs, inside the drawn box.
"""

from __future__ import annotations

import random
from datetime import date

import cv2
import numpy as np
import pytest

from prereview.checks.seal import find_seals
from prereview.checks.signature import find_signatures
from prereview.quality.rotation import rotate_image
from prereview.synth.capture import capture
from prereview.synth.content import make_facts
from prereview.synth.render import render_material
from prereview.synth.types import RenderedMaterial
from prereview.understanding.seal_fields import seal_fields

AS_OF = date(2025, 6, 1)


def _material(material_type: str, layout: str, seed: int, defect: str | None, **facts) -> RenderedMaterial:
    rng = random.Random(seed)
    drawn = make_facts(material_type, rng, as_of=AS_OF, **facts)
    return render_material(material_type, drawn, rng=rng, layout=layout, defects=(defect,) if defect else ())


def _shot(image: np.ndarray, variant: str, seed: int) -> np.ndarray:
    shot = capture(variant, image, {}, np.random.default_rng(seed))
    if shot.encoding != "jpeg":
        return shot.image
    _, data = cv2.imencode(".jpg", shot.image, [cv2.IMWRITE_JPEG_QUALITY, shot.jpeg_quality])
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def _inside(box, drawn, slack: float = 12) -> bool:
    return (
        box[0] >= drawn[0] - slack
        and box[1] >= drawn[1] - slack
        and box[2] <= drawn[2] + slack
        and box[3] <= drawn[3] + slack
    )


SIGNATURE_CASES = [
    ("application_form", "v1", 11, {"item_id": "elderly_allowance"}),
    ("application_form", "v2", 12, {"item_id": "food_license_cancellation"}),
    ("power_of_attorney", "v1", 13, {}),
    ("power_of_attorney", "v2", 14, {}),
    ("lease_contract", "v2", 15, {}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("material_type", "layout", "seed", "facts"), SIGNATURE_CASES)
def test_signed_materials_have_their_signature_and_unsigned_ones_none(
    rapid_engine, material_type, layout, seed, facts
):
    variant = "phone_photo" if seed % 2 else "clean_scan"
    signed = _material(material_type, layout, seed, None, **facts)
    page_index, _ = signed.signature_boxes[-1]
    image = _shot(signed.pages[page_index].image, "clean_scan", seed)
    marks = find_signatures(image, rapid_engine.recognize(image), page=page_index)
    assert marks and all(m.page == page_index for m in marks)
    assert any(_inside(m.box, box) for m in marks for _, box in signed.signature_boxes)

    unsigned = _material(material_type, layout, seed, "missing_signature", **facts)
    bare = _shot(unsigned.pages[page_index].image, variant, seed)
    lines = rapid_engine.recognize(bare)
    assert any("签" in ln.text for ln in lines)  # the caption was read, so the area was examined
    assert find_signatures(bare, lines, page=page_index, with_unclear=True) == []


SEAL_CASES = [
    ("business_license", "v1", 21, "clean_scan"),
    ("marriage_certificate", None, 22, "phone_photo"),
    ("household_register", None, 23, "clean_scan"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("material_type", "layout", "seed", "variant"), SEAL_CASES)
def test_sealed_materials_have_their_seal_and_unsealed_or_grey_ones_none(
    rapid_engine, material_type, layout, seed, variant
):
    sealed = _material(material_type, layout, seed, None)
    page_index, drawn = sealed.seal_boxes[0]
    image = sealed.pages[page_index].image
    [seal] = find_seals(image, page=page_index, lines=[], engine=rapid_engine)
    assert _inside(seal.box, drawn, slack=6) and seal.box[2] - seal.box[0] > 0.8 * (drawn[2] - drawn[0])
    [(_, ring)] = sealed.meta["seal_texts"]
    assert seal.text is not None and ring in seal.text  # read on the unrolled ring

    photo = _shot(image, variant, seed)
    assert len(find_seals(photo, page=page_index)) == 1
    assert find_seals(_shot(image, "photocopy", seed)) == []  # a grey copy cannot show a red seal
    unsealed = _material(material_type, layout, seed, "missing_seal")
    assert find_seals(_shot(unsealed.pages[page_index].image, variant, seed)) == []


@pytest.mark.slow
@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_a_license_seal_names_its_authority_on_a_page_in_any_orientation(rapid_engine, turn):
    """The 2019 license prints its registration authority only in the seal: the ring is read with the
    page's upright turn, and the name becomes the field the page leaves blank."""
    material = _material("business_license", "business_license/v2", 21, None)
    authority = material.fields["registration_authority"].value
    page_index, _ = material.seal_boxes[0]
    # the photo as taken: turned back by ``turn``, so that ``turn`` (clockwise) makes it upright
    photo = rotate_image(material.pages[page_index].image, (360 - turn) % 360)
    [seal] = find_seals(photo, page=page_index, lines=[], engine=rapid_engine, rotation=turn)
    fields = seal_fields("business_license", {}, [seal])
    assert fields["registration_authority"].value == authority
    assert fields["registration_authority"].confidence >= 0.8  # its place: real division names
    if turn:  # read as if upright, the turned ring gives no authority's name
        [unturned] = find_seals(photo, page=page_index, lines=[], engine=rapid_engine)
        assert authority not in (unturned.text or "")
