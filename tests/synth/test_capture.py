"""Capture variants move labels with the pixels, keep them inside the image, and flag unusable files."""

from __future__ import annotations

import random
from datetime import date

import cv2
import numpy as np
import pytest

from prereview.settings import QualitySettings
from prereview.synth.capture import VARIANTS, capture, map_box, variant
from prereview.synth.content import make_facts
from prereview.synth.render import render_material
from prereview.synth.types import Box

PAGE_W, PAGE_H = 900, 640
MARKER: Box = (120.0, 90.0, 330.0, 190.0)  # clear of the default glare spot (mid-page)
GEOMETRIC = [name for name in VARIANTS if name != "blank_page"]


def _page(with_marker: bool) -> np.ndarray:
    page = np.full((PAGE_H, PAGE_W, 3), 255, np.uint8)
    cv2.putText(page, "TEXT LINE 12345", (420, 420), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (40, 40, 40), 3)
    if with_marker:
        x0, y0, x1, y1 = (int(v) for v in MARKER)
        cv2.rectangle(page, (x0, y0), (x1 - 1, y1 - 1), (0, 0, 0), -1)
    return page


def _marker_pixels_box(name: str, seed: int) -> tuple[tuple[int, int, int, int] | None, Box | None, bool]:
    """Capture the page with and without the marker under the same seed; the difference is the marker."""
    with_marker = capture(name, _page(True), {"marker": MARKER}, np.random.default_rng(seed))
    without = capture(name, _page(False), {"marker": MARKER}, np.random.default_rng(seed))
    diff = cv2.absdiff(with_marker.image, without.image).max(axis=2)
    if diff.max() < 60:
        return None, with_marker.boxes["marker"], with_marker.visible["marker"]
    ys, xs = np.nonzero(diff >= diff.max() * 0.5)  # half contrast: the edge of a blurred rectangle
    return (
        (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1),
        with_marker.boxes["marker"],
        (with_marker.visible["marker"]),
    )


def _iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


@pytest.mark.parametrize("name", GEOMETRIC)
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_labelled_box_covers_the_transformed_marker(name: str, seed: int) -> None:
    drawn, labelled, visible = _marker_pixels_box(name, seed)
    if drawn is None:  # cut away entirely: then the label must say so
        assert labelled is None and not visible
        return
    assert labelled is not None, f"{name}: the marker is in the picture but its box was dropped"
    tolerance = 3
    assert labelled[0] - tolerance <= drawn[0] and labelled[1] - tolerance <= drawn[1]
    assert drawn[2] <= labelled[2] + tolerance and drawn[3] <= labelled[3] + tolerance
    # A perspective hull is a little larger than the quad; it must still fit tightly.
    assert _iou(drawn, labelled) > 0.8, (name, drawn, labelled)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_boxes_stay_inside_the_image(name: str) -> None:
    rng = random.Random(5)
    boxes: dict[str, Box | None] = {}
    for i in range(40):
        x0, y0 = rng.uniform(0, PAGE_W - 20), rng.uniform(0, PAGE_H - 20)
        boxes[f"b{i}"] = (x0, y0, min(PAGE_W, x0 + rng.uniform(5, 300)), min(PAGE_H, y0 + rng.uniform(5, 80)))
    boxes.update({"corner": (0.0, 0.0, PAGE_W, 30.0), "edge": (PAGE_W - 40.0, PAGE_H - 40.0, PAGE_W, PAGE_H)})
    for seed in range(3):
        shot = capture(name, _page(True), boxes, np.random.default_rng(seed))
        height, width = shot.image.shape[:2]
        assert shot.image.dtype == np.uint8 and shot.image.ndim == 3
        for key, box in shot.boxes.items():
            if box is None:
                assert not shot.visible[key]
                continue
            assert 0 <= box[0] < box[2] <= width and 0 <= box[1] < box[3] <= height, (name, key, box)


def test_rotations_map_boxes_exactly() -> None:
    page = _page(True)
    quarter = capture("rotated_90", page, {"m": MARKER}, np.random.default_rng(0))
    assert quarter.image.shape[:2] == (PAGE_W, PAGE_H)
    assert quarter.matrix is not None
    # A 90° clockwise turn sends the top-left corner of the page to the top-right.
    top_left, _ = map_box((0, 0, 1, 1), quarter.matrix, PAGE_H, PAGE_W)
    assert top_left is not None and top_left[2] > PAGE_H - 20 and top_left[1] < 20
    half = capture("rotated_180", page, {"m": MARKER}, np.random.default_rng(0))
    box = half.boxes["m"]
    assert box is not None
    assert abs(box[0] - (PAGE_W - MARKER[2])) < 6 and abs(box[3] - (PAGE_H - MARKER[1])) < 6


def test_usability_table() -> None:
    unusable = {name: v.issue for name, v in VARIANTS.items() if not v.usable}
    assert unusable == {
        "low_resolution": "low_resolution",
        "heavy_blur": "blurry",
        "glare": "glare",
        "cut_off": "cut_off",
        "blank_page": "blank_page",
    }
    for name in ("clean_scan", "phone_photo", "photocopy", "rotated_90", "rotated_180"):
        assert VARIANTS[name].usable and VARIANTS[name].issue is None
    with pytest.raises(ValueError, match="known: blank_page"):
        variant("blurry_photo")


def test_glare_washes_out_the_key_field() -> None:
    key: Box = (500.0, 380.0, 760.0, 430.0)
    far: Box = (40.0, 40.0, 200.0, 80.0)
    for seed in range(4):
        shot = capture(
            "glare",
            _page(False),
            {"id_number": key, "far": far},
            np.random.default_rng(seed),
            focus="id_number",
        )
        assert not shot.usable and shot.issues == ("glare",)
        assert not shot.visible["id_number"] and shot.visible["far"]
        box = shot.boxes["id_number"]
        assert box is not None
        x0, y0, x1, y1 = (int(v) for v in box)
        assert shot.image[y0:y1, x0:x1].mean() > 230  # the text under the glare is gone


def test_cut_off_cuts_through_the_document() -> None:
    edges = {
        "left": (0.0, 300.0, 60.0, 340.0),
        "right": (PAGE_W - 60.0, 300.0, PAGE_W, 340.0),
        "top": (420.0, 0.0, 480.0, 40.0),
        "bottom": (420.0, PAGE_H - 40.0, 480.0, PAGE_H),
    }
    for seed in range(6):
        shot = capture("cut_off", _page(True), edges, np.random.default_rng(seed))
        assert not shot.usable and shot.issues == ("cut_off",)
        assert sum(not v for v in shot.visible.values()) >= 1, "one edge of the document must be cut away"


def test_blank_page_has_no_fields() -> None:
    shot = capture("blank_page", _page(True), {"m": MARKER}, np.random.default_rng(0))
    assert shot.boxes == {"m": None} and shot.visible == {"m": False}
    assert not shot.usable and shot.issues == ("blank_page",)
    assert shot.image.min() > 150  # nothing printed on it


def _laplacian_var_at_1000(image: np.ndarray) -> float:
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    scale = 1000 / max(grey.shape)
    grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def test_unusable_variants_are_really_unusable() -> None:
    """heavy_blur wipes out the fine detail; low_resolution is below the pipeline's minimum size."""
    rng = random.Random(3)
    facts = make_facts("id_card_front", rng, as_of=date(2025, 6, 30))
    page = render_material("id_card_front", facts, rng=rng, layout="id_card_front/v1").pages[0].image
    quality = QualitySettings()
    sharp = capture("clean_scan", page, {}, np.random.default_rng(0)).image
    blurred = capture("heavy_blur", page, {}, np.random.default_rng(0)).image
    assert _laplacian_var_at_1000(blurred) < _laplacian_var_at_1000(sharp) / 10
    small = capture("low_resolution", page, {}, np.random.default_rng(0)).image
    assert min(small.shape[:2]) < quality.min_short_side <= min(page.shape[:2])
