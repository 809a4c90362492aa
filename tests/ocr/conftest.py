"""Fixtures for the OCR engine tests: pages rendered once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ocr.pages import A4_LINES, CARD_LINES, RenderedPage, render_page


@pytest.fixture(scope="session")
def card_page(cjk_font: Path) -> RenderedPage:
    return render_page(CARD_LINES, (856, 540), cjk_font)


@pytest.fixture(scope="session")
def a4_page(cjk_font: Path) -> RenderedPage:
    return render_page(A4_LINES, (1240, 1754), cjk_font)
