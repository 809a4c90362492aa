"""A tiny generated dataset with real OCR, shared by the training and learned-model tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from prereview.ocr import OcrEngine
from prereview.synth.dataset import generate_dataset
from prereview.synth.recipes import load_recipe

RECIPES = Path(__file__).resolve().parents[2] / "datasets" / "recipes"
TINY_N = 6


@pytest.fixture(scope="session")
def tiny_dataset(tmp_path_factory: pytest.TempPathFactory, rapid_engine: OcrEngine) -> Path:
    """Six files of the tiny recipe, their OCR already cached (the real engine, once)."""
    from prereview.training.data import load_documents

    folder = tmp_path_factory.mktemp("tiny") / "data"
    generate_dataset(folder, load_recipe(RECIPES / "tiny.yaml"), n=TINY_N)
    load_documents(folder, rapid_engine)
    return folder
