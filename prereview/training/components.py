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
    settings = active_versions(folder)
    return LearnedClassifier(settings), LearnedExtractor(settings)


def active_versions(root: Path) -> ModelSettings:
    """The model settings (versions from ``PREREVIEW_MODELS__*``, as the service reads them) over ``root``."""
    from prereview.settings import Settings

    return Settings().models.model_copy(update={"dir": root})


def active_folders(root: Path) -> list[Path]:
    """The artifact folders an evaluation of ``root`` measures: itself, or the active versions under it."""
    if (root / "config.json").is_file():
        return [root]
    settings = active_versions(root)
    return [root / "classifier" / settings.classifier_version, root / "kie" / settings.kie_version]


def default_components(root: Path) -> tuple[Classifier, Extractor]:
    """What the service runs (``PREREVIEW_MODELS__CLASSIFIER`` / ``__EXTRACTOR``), over the models in
    ``root`` when it is a models root."""
    from prereview.settings import Settings
    from prereview.understanding.learned import (
        AutoExtractor,
        ConsensusClassifier,
        LearnedClassifier,
        LearnedExtractor,
    )

    # An artifact folder is one model under test: the default around it is the service's own models.
    settings = Settings().models if (root / "config.json").is_file() else active_versions(root)
    classifiers = {"learned": LearnedClassifier, "consensus": ConsensusClassifier}
    extractors = {"learned": LearnedExtractor, "auto": AutoExtractor}
    classifier = classifiers[settings.classifier](settings) if settings.classifier in classifiers else None
    extractor = extractors[settings.extractor](settings) if settings.extractor in extractors else None
    return (
        classifier or build_classifier(settings.classifier),
        extractor or build_extractor(settings.extractor),
    )


def anchor_components() -> tuple[Classifier, Extractor]:
    return build_classifier("anchors"), build_extractor("anchors")
