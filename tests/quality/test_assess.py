"""assess(): clean pages pass, each defect is reported with its code, message and hint."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from prereview.document import QualityIssue
from prereview.quality import assess, usable
from prereview.quality.messages import WORDING
from prereview.settings import QualitySettings
from tests.quality import scenes

SETTINGS = QualitySettings()


def codes(issues: list[QualityIssue]) -> list[str]:
    return [i.code for i in issues]


@pytest.mark.parametrize("name", ["a4", "card", "a4_photo", "card_photo"])
def test_clean_pages_have_no_issue(name: str, request: pytest.FixtureRequest) -> None:
    image = request.getfixturevalue(name)
    issues = assess(image, 0, SETTINGS)
    assert issues == []
    assert usable(issues)


def test_clean_card_on_a_table_has_no_issue(card_photo: np.ndarray) -> None:
    assert assess(scenes.on_table(card_photo, at=(200, 185)), 0, SETTINGS) == []


def test_scanner_edge_line_and_full_bleed_header_are_not_cut_off(a4: np.ndarray) -> None:
    framed = cv2.rectangle(a4.copy(), (0, 0), (a4.shape[1] - 1, a4.shape[0] - 1), (0, 0, 0), 3)
    header = cv2.rectangle(a4.copy(), (0, 0), (a4.shape[1] - 1, 110), (60, 60, 60), -1)
    assert assess(framed, 0, SETTINGS) == []
    assert assess(header, 0, SETTINGS) == []


def test_thumbnail_is_low_resolution_but_id_card_photo_size_passes(card: np.ndarray) -> None:
    thumbnail = cv2.resize(card, (300, 200), interpolation=cv2.INTER_AREA)
    issues = assess(thumbnail, 3, SETTINGS)
    assert codes(issues) == ["low_resolution"]
    assert issues[0].page == 3 and issues[0].blocking and issues[0].measure == 200
    assert not usable(issues)
    smaller_card = cv2.resize(card, (800, 504), interpolation=cv2.INTER_AREA)
    assert assess(smaller_card, 0, SETTINGS) == []


@pytest.mark.parametrize("fill", [255, 0, 215])
def test_blank_pages(fill: int) -> None:
    page = (
        scenes.photo(np.full((1754, 1240, 3), fill, np.uint8))
        if fill == 215
        else np.full((1000, 1400, 3), fill, np.uint8)
    )
    assert codes(assess(page, 0, SETTINGS)) == ["blank_page"]


def test_a_page_with_two_short_lines_is_not_blank(cjk_font) -> None:
    from tests.render import render_lines

    page = render_lines(
        [("申请人签字：王小明", (700, 1500), 30), ("2024年5月1日", (760, 1560), 30)], (1240, 1754), cjk_font
    )
    assert assess(page, 0, SETTINGS) == []


@pytest.mark.parametrize(("name", "sigma"), [("card", 5), ("a4", 6), ("card_photo", 4)])
def test_blurred_pages_are_blurry(name: str, sigma: float, request: pytest.FixtureRequest) -> None:
    blurred = cv2.GaussianBlur(request.getfixturevalue(name), (0, 0), sigma)
    issues = assess(blurred, 0, SETTINGS)
    assert codes(issues) == ["blurry"]
    assert issues[0].measure is not None and issues[0].measure > SETTINGS.max_blur_px


def test_heavy_blur_is_blurry_not_blank(card: np.ndarray) -> None:
    assert codes(assess(cv2.GaussianBlur(card, (0, 0), 8), 0, SETTINGS)) == ["blurry"]


@pytest.mark.parametrize(("name", "sigma"), [("card", 1.5), ("a4", 3)])
def test_slight_blur_that_ocr_reads_is_accepted(
    name: str, sigma: float, request: pytest.FixtureRequest
) -> None:
    assert assess(cv2.GaussianBlur(request.getfixturevalue(name), (0, 0), sigma), 0, SETTINGS) == []


def test_blur_threshold_comes_from_settings(card: np.ndarray) -> None:
    blurred = cv2.GaussianBlur(card, (0, 0), 5)
    assert assess(blurred, 0, QualitySettings(max_blur_px=20.0)) == []


@pytest.mark.parametrize("feather", [0, 25])
def test_glare_on_a_photographed_page(a4_photo: np.ndarray, feather: float) -> None:
    glared = scenes.with_glare(a4_photo, (600, 700), (220, 130), feather=feather)
    issues = assess(glared, 0, SETTINGS)
    assert codes(issues) == ["glare"]
    assert issues[0].measure is not None and 0.02 < issues[0].measure < 0.2


def test_glare_on_a_card_photographed_on_a_table(card_photo: np.ndarray) -> None:
    glared = scenes.with_glare(card_photo, (350, 250), (160, 90), feather=15)
    assert codes(assess(glared, 0, SETTINGS)) == ["glare"]
    assert codes(assess(scenes.on_table(glared, at=(200, 185)), 0, SETTINGS)) == ["glare"]


def test_white_scan_margins_are_not_glare(a4: np.ndarray) -> None:
    # the paper of a scan is already saturated: a white patch there is paper, not a reflection
    assert "glare" not in codes(assess(a4[:, :900], 0, SETTINGS))


@pytest.mark.parametrize(
    "crop", [(slice(None), slice(0, 750)), (slice(100, None), slice(None)), (slice(0, 505), slice(None))]
)
def test_cropped_card_is_cut_off(card: np.ndarray, crop: tuple[slice, slice]) -> None:
    issues = assess(card[crop], 0, SETTINGS)
    assert codes(issues) == ["cut_off"]
    assert issues[0].blocking


def test_cropped_page_is_cut_off_but_margin_crop_is_not(a4: np.ndarray) -> None:
    assert codes(assess(a4[:, 300:], 0, SETTINGS)) == ["cut_off"]
    assert assess(a4[100:1700, 80:1200], 0, SETTINGS) == []


@pytest.mark.parametrize("at", [(600, 185), (600, -150), (430, 185)])
def test_card_pushed_past_the_frame_is_cut_off(card_photo: np.ndarray, at: tuple[int, int]) -> None:
    assert codes(assess(scenes.on_table(card_photo, at=at), 0, SETTINGS)) == ["cut_off"]


def test_every_issue_speaks_chinese_with_a_fix() -> None:
    for code, wording in WORDING.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in wording.message), code
        assert wording.hint and wording.hint != wording.message, code
    assert "对焦后重拍" in WORDING["blurry"].hint


def test_issue_to_dict_has_the_contract_keys(card: np.ndarray) -> None:
    issue = assess(cv2.GaussianBlur(card, (0, 0), 6), 2, SETTINGS)[0]
    assert issue.to_dict() == {
        "code": "blurry",
        "page": 2,
        "message": issue.message,
        "hint": issue.hint,
        "blocking": True,
    }


@pytest.mark.parametrize(
    "junk",
    [
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((1, 1), np.uint8),
        np.full((800, 600), 255, np.uint8),
        np.zeros((700, 700, 4), np.uint8),
    ],
)
def test_junk_images_get_a_verdict_not_a_crash(junk: np.ndarray) -> None:
    issues = assess(junk, 0, SETTINGS)
    assert issues and not usable(issues)


def test_a_big_photo_of_a_good_page_has_no_issues(a4_photo: np.ndarray) -> None:
    """Upscaled to 4000 × 5657 the page is still analysed at its working size and found fine (the
    cost is measured by ``make bench``)."""
    big = cv2.resize(a4_photo, (4000, 5657), interpolation=cv2.INTER_LINEAR)
    assert assess(big, 0, SETTINGS) == []
