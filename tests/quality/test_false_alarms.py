"""Usable files the quality stage used to call unusable, and the real defects it must still catch.

Each case is a general situation (not a synthetic layout): a pale card with a lighter portrait panel is not
glare, a complete document on a striped desk is not cut off, an exact crop of a card to its rounded edges is
complete — while glare over text on bright paper and a card cut through its text are still reported.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from prereview.document import QualityIssue
from prereview.quality import assess
from prereview.quality.framing import cut_off_share
from prereview.quality.glare import glare_blobs
from prereview.quality.view import page_view
from prereview.settings import QualitySettings
from tests.quality import scenes

SETTINGS = QualitySettings()


def codes(issues: list[QualityIssue]) -> list[str]:
    return [i.code for i in issues]


@pytest.fixture(scope="module")
def tinted(cjk_font: Path) -> np.ndarray:
    return scenes.tinted_card(cjk_font)


def test_pale_card_with_a_white_portrait_panel_is_not_glare(tinted: np.ndarray) -> None:
    view = page_view(tinted)
    blobs = glare_blobs(view)
    assert blobs, "the white panel is a saturated blob the test must look at"
    assert not any(blob.is_glare for blob in blobs)
    assert assess(tinted, 0, SETTINGS) == []
    assert assess(scenes.add_noise(tinted), 0, SETTINGS) == []  # the same card photographed flat


@pytest.mark.parametrize("corner", [0, 40])
def test_exact_crop_to_rounded_edges_is_complete(tinted: np.ndarray, card: np.ndarray, corner: int) -> None:
    for image in (tinted, card):
        cropped = scenes.rounded_crop(image, corner=corner)
        assert cut_off_share(page_view(cropped)) <= SETTINGS.max_cut_off_share
        assert assess(cropped, 0, SETTINGS) == []


def test_rounded_crop_cut_through_the_text_is_still_cut_off(card: np.ndarray) -> None:
    cut = scenes.rounded_crop(card)[:, :560]  # the frame cuts the text lines and the portrait away
    assert codes(assess(cut, 0, SETTINGS)) == ["cut_off"]


@pytest.mark.parametrize("at", [(150, 120), (60, 60)])
def test_complete_card_on_a_striped_desk_is_not_cut_off(card_photo: np.ndarray, at: tuple[int, int]) -> None:
    desk = scenes.striped_desk((1200, 850))
    photo = scenes.on_desk(card_photo, desk, at)
    assert assess(photo, 0, SETTINGS) == []


def test_card_pushed_past_a_striped_desk_frame_is_cut_off(card_photo: np.ndarray) -> None:
    desk = scenes.striped_desk((1200, 850))
    photo = scenes.on_desk(card_photo, desk, (150, 120))[:, :850]  # the right 300 px of the card are gone
    assert codes(assess(photo, 0, SETTINGS)) == ["cut_off"]


def test_glare_over_text_on_bright_paper_is_found(cjk_font: Path) -> None:
    # paper photographed almost white (240): the old rule skipped every page this bright
    page = scenes.add_noise(scenes.a4_page(cjk_font, background="#f0f0f0"), 2.0)
    assert assess(page, 0, SETTINGS) == []
    glared = scenes.with_glare(page, (600, 700), (220, 110), feather=30)
    issues = assess(glared, 0, SETTINGS)
    assert codes(issues) == ["glare"]
    assert issues[0].measure is not None and issues[0].measure > 0.02


def test_glare_on_a_tinted_card_is_found_but_its_panel_is_not(tinted: np.ndarray) -> None:
    glared = scenes.with_glare(scenes.add_noise(tinted), (330, 500), (220, 70), feather=25)
    assert codes(assess(glared, 0, SETTINGS)) == ["glare"]
    found = [blob for blob in glare_blobs(page_view(glared)) if blob.is_glare]
    assert len(found) == 1  # the reflection, not the portrait panel


def test_a_photo_is_analysed_at_analysis_size(tinted: np.ndarray) -> None:
    """The checks work on a copy at ``analysis_side`` (their cost is measured by ``make bench``)."""
    photo = scenes.on_desk(scenes.add_noise(tinted), scenes.striped_desk((1200, 850)), (100, 100))
    assert codes(assess(photo, 0, SETTINGS)) == []
    view = page_view(photo, SETTINGS.analysis_side)
    assert max(view.gray.shape) == SETTINGS.analysis_side and view.scale < 1.0
    assert cv2.countNonZero(view.ink.astype(np.uint8)) > 0
