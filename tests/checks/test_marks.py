"""Red seals and handwritten signatures on synthesized pages (drawn here, nothing downloaded)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from prereview.checks.seal import find_seals, ring_text
from prereview.checks.signature import find_signatures, signature_in
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
