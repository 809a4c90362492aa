"""Fixtures shared by the whole suite. The real OCR engine loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from prereview.ocr import OcrEngine, get_engine
from prereview.settings import OcrSettings, Settings

NOTO_SANS = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
NOTO_SERIF = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
WQY_ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(scope="session")
def cjk_font() -> Path:
    """A CJK font path (installed by ``make setup``)."""
    assert NOTO_SANS.exists(), "fonts-noto-cjk missing: run `make setup`"
    return NOTO_SANS


@pytest.fixture(scope="session")
def rapid_engine() -> OcrEngine:
    """The real default engine, with the settings the pipeline uses; shared by every test."""
    return get_engine(OcrSettings())


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with a fresh data folder."""
    return Settings(data_dir=tmp_path / "data")
