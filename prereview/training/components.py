"""The classifier and extractor an evaluation runs: learned artifacts from a folder, or the anchors."""

from __future__ import annotations

import json
from pathlib import Path

from prereview.settings import ModelSettings
from prereview.understanding.base import Classifier, Extractor, build_classifier, build_extractor


def learned_components(folder: Path) -> tuple[Classifier, Extractor]:
    """From an artifact folder (its kind learned, the other component anchors) or a models root."""
    from prereview.understanding.learned import LearnedClassifier, LearnedExtractor

    config = folder / "config.json"
    if config.is_file():
        kind = json.loads(config.read_text(encoding="utf-8"))["kind"]
        if kind == "classifier":
            return LearnedClassifier(folder=folder), build_extractor("anchors")
        return build_classifier("anchors"), LearnedExtractor(folder=folder)
    settings = ModelSettings(dir=folder)
    return LearnedClassifier(settings), LearnedExtractor(settings)


def anchor_components() -> tuple[Classifier, Extractor]:
    return build_classifier("anchors"), build_extractor("anchors")
