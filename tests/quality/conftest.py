"""Rendered pages shared by the quality tests (rendered once per session)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.quality import scenes


@pytest.fixture(scope="session")
def a4(cjk_font: Path) -> np.ndarray:
    return scenes.a4_page(cjk_font)


@pytest.fixture(scope="session")
def card(cjk_font: Path) -> np.ndarray:
    return scenes.card(cjk_font)


@pytest.fixture(scope="session")
def a4_photo(cjk_font: Path) -> np.ndarray:
    return scenes.photo(scenes.a4_page(cjk_font, background=scenes.PAPER_PHOTO))


@pytest.fixture(scope="session")
def card_photo(cjk_font: Path) -> np.ndarray:
    return scenes.add_noise(scenes.card(cjk_font, background="#e0dcd2"))
