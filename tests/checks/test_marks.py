"""Red seals and handwritten signatures on synthesized pages (drawn here, nothing downloaded)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from prereview.checks.seal import find_seals, rim_cover, ring_text, unrolled_ring
from prereview.checks.signature import SIGNED, UNCLEAR, find_signatures, parse_label, signature_in
from prereview.document import TextLine
from tests.render import render_lines

RED = (40, 40, 210)  # BGR


def _page(width: int = 900, height: int = 700) -> np.ndarray:
    rng = np.random.default_rng(1)
    page = np.full((height, width, 3), 245, np.uint8)
    return np.clip(page.astype(int) + rng.integers(-6, 6, page.shape), 0, 255).astype(np.uint8)


def _seal(page: np.ndarray, center: tuple[int, int], axes: tuple[int, int] = (80, 80)) -> None:
    cv2.ellipse(page, center, axes, 0, 0, 360, RED, 5)
    star = np.array(
        [
            [center[0] + int(25 * np.cos(a)), center[1] + int(25 * np.sin(a))]
            for a in np.linspace(-np.pi / 2, 1.5 * np.pi, 6)[:-1]
        ]
    )
    cv2.fillPoly(page, [star[[0, 2, 4, 1, 3]]], RED)
    cv2.putText(page, "SEAL CO LTD", (center[0] - 60, center[1] + 50), cv2.FONT_HERSHEY_SIMPLEX, 0.5, RED, 1)


def _scribble(page: np.ndarray, origin: tuple[int, int], seed: int = 3) -> None:
    rng = np.random.default_rng(seed)
    points = np.cumsum(rng.integers(-9, 12, (40, 2)), axis=0) * [2, 1] + origin
    cv2.polylines(page, [points.astype(np.int32)], False, (30, 30, 30), 2, cv2.LINE_AA)


def test_round_and_oval_seals_are_found_with_their_boxes():
    page = _page()
    _seal(page, (200, 300))
    _seal(page, (650, 300), (110, 70))
    seals = sorted(find_seals(page, page=2), key=lambda m: m.box[0])
    assert len(seals) == 2 and all(m.page == 2 for m in seals)
    x0, y0, x1, y1 = seals[0].box
    assert abs(x0 - 118) < 8 and abs(x1 - 282) < 8 and abs(y0 - 218) < 8 and abs(y1 - 382) < 8
    assert seals[1].box[2] - seals[1].box[0] > seals[1].box[3] - seals[1].box[1]


def test_red_text_bars_and_black_circles_are_not_seals():
    page = _page()
    cv2.rectangle(page, (100, 100), (600, 130), RED, -1)  # a red banner
    cv2.putText(page, "IMPORTANT NOTICE", (100, 250), cv2.FONT_HERSHEY_SIMPLEX, 1.2, RED, 2)
    cv2.circle(page, (700, 450), 80, (20, 20, 20), 5)
    assert find_seals(page) == []


def test_region_limits_the_search_and_ring_text_comes_from_lines_inside():
    page = _page()
    _seal(page, (200, 300))
    lines = [
        TextLine("北京某某有限公司", (140, 250, 260, 280), 0.8),
        TextLine("申请书", (500, 50, 600, 80), 0.99),
    ]
    [seal] = find_seals(page, region=(100, 200, 320, 420), lines=lines)
    assert seal.text == "北京某某有限公司"
    assert find_seals(page, region=(500, 0, 900, 200)) == []
    assert ring_text((0, 0, 10, 10), lines) is None


def test_signature_next_to_its_label():
    page = _page()
    cv2.putText(page, "Sign:", (60, 400), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (0, 0, 0), 2)
    label = TextLine("申请人签名：", (60, 378, 140, 405), 0.95)
    assert find_signatures(page, [label]) == []
    _scribble(page, (180, 390))
    [mark] = find_signatures(page, [label], page=1)
    assert mark.page == 1 and mark.box[0] >= 140 and mark.box[1] < 405


def test_printed_rule_and_date_blanks_are_not_a_signature():
    page = _page()
    label = TextLine("签字", (60, 380, 110, 405), 0.95)
    cv2.line(page, (115, 405), (420, 405), (0, 0, 0), 2)  # the line to sign on
    cv2.putText(page, "2026", (300, 398), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 0, 0), 1)
    date_blank = TextLine("年  月  日", (295, 382, 360, 400), 0.97)
    assert find_signatures(page, [label, date_blank]) == []


def test_explicit_region_and_junk_images():
    page = _page()
    _scribble(page, (300, 300))
    assert signature_in(page, (250, 220, 560, 420)) is not None
    assert find_signatures(page, region=(0, 0, 100, 100)) == []
    for junk in (
        None,
        np.zeros((0, 0, 3), np.uint8),
        np.full((1, 1, 3), 255, np.uint8),
        np.full((50, 50), 255, np.uint8),
    ):
        assert find_seals(junk) == []
        assert find_signatures(junk, [TextLine("签名", (0, 0, 10, 10), 0.9)]) == []
    assert find_seals(page, region=(800, 800, 900, 900)) == []


@pytest.mark.slow
def test_signature_found_from_real_ocr_of_the_label(rapid_engine, cjk_font):
    page = render_lines(
        [
            ("授权委托书", (300, 40), 40),
            ("委托人签名：", (60, 380), 30),
            ("日期：2026年1月5日", (60, 520), 28),
        ],
        (900, 640),
        cjk_font,
    )
    _scribble(page, (260, 390))
    lines = rapid_engine.recognize(page)
    assert any("签名" in ln.text for ln in lines)
    marks = find_signatures(page, lines)
    assert len(marks) == 1 and marks[0].box[0] >= 200


# --- signatures in ruled tables, on photos, next to merged OCR lines ------------------------------------


def _form_row(page: np.ndarray, top: int = 300, height: int = 110) -> TextLine:
    """A ruled table row: label cell "申请人签字" (x 60–260) and an empty value cell (x 260–860)."""
    for y in (top - 110, top, top + height):
        cv2.line(page, (60, y), (860, y), (0, 0, 0), 2)
    for x in (60, 260, 560, 860):
        cv2.line(page, (x, top - 110), (x, top + height), (0, 0, 0), 2)
    for i in range(5):  # five printed glyph-like blocks, 26 px tall
        cv2.rectangle(page, (95 + i * 30, top + 42), (115 + i * 30, top + 68), (0, 0, 0), 2)
    return TextLine("申请人签字", (90, top + 36, 245, top + 74), 0.99)


def test_an_empty_signature_cell_is_not_signed_though_rules_cross_it():
    page = _page()
    label = _form_row(page)
    assert find_signatures(page, [label], with_unclear=True) == []


def test_a_signature_in_the_next_cell_is_found_inside_that_cell():
    page = _page()
    label = _form_row(page)
    _scribble(page, (330, 360))
    [mark] = find_signatures(page, [label])
    assert mark.confidence >= SIGNED
    assert mark.box[0] >= 262 and mark.box[2] <= 860 and mark.box[1] >= 300 and mark.box[3] <= 410


def test_a_tilted_unevenly_lit_form_gives_no_false_signature():
    page = _page()
    label = _form_row(page)
    rotation = cv2.getRotationMatrix2D((450, 350), 3.0, 1.0)
    tilted = cv2.warpAffine(page, rotation, (900, 700), borderValue=(245, 245, 245))
    light = np.linspace(0.6, 1.0, 900)[None, :, None]
    dim = (tilted * light).astype(np.uint8)
    corners = cv2.transform(
        np.array([[[label.box[0], label.box[1]], [label.box[2], label.box[3]]]]), rotation
    )[0]
    moved = TextLine(label.text, (*corners.min(axis=0), *corners.max(axis=0)), 0.95)
    assert find_signatures(dim, [moved], with_unclear=True) == []
    _scribble(page, (330, 360))
    signed = (cv2.warpAffine(page, rotation, (900, 700), borderValue=(245, 245, 245)) * light).astype(
        np.uint8
    )
    assert len(find_signatures(signed, [moved])) == 1


def test_blank_lines_underscores_and_dots_to_sign_on_are_not_signatures():
    page = _page()
    label = TextLine("委托人（签字）：", (60, 380, 260, 410), 0.95)
    cv2.line(page, (265, 410), (600, 410), (0, 0, 0), 2)
    for x in range(270, 600, 12):
        cv2.circle(page, (x, 440), 1, (0, 0, 0), -1)
    assert find_signatures(page, [label], with_unclear=True) == []


def test_a_name_read_together_with_its_caption_is_the_signature():
    page = _page()
    for i in range(8):
        cv2.rectangle(page, (60 + i * 26, 386), (80 + i * 26, 408), (0, 0, 0), 2)
    _scribble(page, (300, 395))
    merged = TextLine("委托人（签字）：张三", (58, 360, 420, 430), 0.9)
    [mark] = find_signatures(page, [merged])
    assert mark.box[0] >= 270 and mark.text == "张三"


def test_sentences_about_signing_are_not_captions():
    assert parse_label(TextLine("本合同自双方签字之日起生效，一式两份", (0, 0, 300, 20), 0.99)) is None
    assert parse_label(TextLine("双方签字后生效", (0, 0, 300, 20), 0.99)) is None
    label = parse_label(TextLine("甲方（签章）：", (0, 0, 140, 20), 0.99))
    assert label is not None and label.rest == ""


def test_a_smudge_is_unclear_not_signed():
    page = _page()
    label = TextLine("签名：", (60, 380, 120, 408), 0.95)
    cv2.circle(page, (300, 394), 4, (40, 40, 40), -1)
    cv2.circle(page, (330, 398), 4, (40, 40, 40), -1)
    assert find_signatures(page, [label]) == []
    [mark] = find_signatures(page, [label], with_unclear=True)
    assert mark.confidence == UNCLEAR < SIGNED


def test_a_turned_page_is_read_upright_when_its_rotation_is_given():
    page = _page()
    for i in range(4):
        cv2.rectangle(page, (60 + i * 26, 386), (80 + i * 26, 408), (0, 0, 0), 2)
    _scribble(page, (260, 395))
    turned = cv2.rotate(page, cv2.ROTATE_90_COUNTERCLOCKWISE)  # the page needs a 90° clockwise turn
    turned_label = TextLine("签名：", (382, 900 - 166, 412, 900 - 58), 0.95)
    assert find_signatures(turned, [turned_label]) == []  # vertical caption: skipped without the rotation
    [mark] = find_signatures(turned, [turned_label], rotation=90)
    x0, y0, x1, y1 = mark.box
    assert x1 - x0 < y1 - y0 and x0 > 300 and y1 < 700  # the label (58–166 across) was at y 734–842


# --- seals: photos, grey copies, rims -----------------------------------------------------------------


def test_a_dim_desaturated_seal_on_a_photo_is_found():
    page = _page()
    _seal(page, (400, 350))
    hsv = cv2.cvtColor(page, cv2.COLOR_BGR2HSV).astype(np.float32)
    hsv[:, :, 1] *= 0.6
    hsv[:, :, 2] *= np.linspace(0.55, 0.95, 900)[None, :]
    photo = cv2.cvtColor(np.clip(hsv, 0, 255).astype(np.uint8), cv2.COLOR_HSV2BGR)
    _, jpeg = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, 70])
    [seal] = find_seals(cv2.imdecode(jpeg, cv2.IMREAD_COLOR))
    assert abs(seal.box[0] - 318) < 12 and abs(seal.box[3] - 432) < 12


def test_a_grey_copy_of_a_seal_shows_no_seal():
    page = _page()
    _seal(page, (400, 350))
    grey = cv2.cvtColor(cv2.cvtColor(page, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)
    assert find_seals(grey) == []


def test_a_red_disc_or_a_red_arc_is_not_a_seal():
    page = _page()
    cv2.circle(page, (200, 300), 80, RED, -1)  # a solid red logo
    cv2.ellipse(page, (600, 300), (80, 80), 0, 180, 300, RED, 5)  # a third of a ring
    cv2.putText(page, "OK", (560, 320), cv2.FONT_HERSHEY_SIMPLEX, 1.5, RED, 3)
    assert find_seals(page) == []


def test_rim_cover_and_unrolled_ring_shape():
    ring = np.zeros((120, 120), np.uint8)
    cv2.circle(ring, (60, 60), 56, 255, 4)
    assert rim_cover(ring) == 1.0
    half = ring.copy()
    half[:, 60:] = 0
    assert 0.4 < rim_cover(half) < 0.6
    page = _page()
    _seal(page, (400, 350))
    strip = unrolled_ring(page, (318, 268, 482, 432))
    assert strip.shape[1] > 3 * strip.shape[0] and strip.min() < 100 and np.median(strip) > 200


def test_both_marks_are_found_on_one_a4_page():
    """A seal and a signed row on a full A4 page (their cost is measured by ``make bench``)."""
    page = _page(1240, 1754)
    _seal(page, (900, 1400))
    label = _form_row(page, top=1200)
    _scribble(page, (330, 1260))
    [seal] = find_seals(page)
    assert seal.box[0] < 900 < seal.box[2] and seal.box[1] < 1400 < seal.box[3]
    assert find_signatures(page, [label])
