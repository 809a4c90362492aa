"""Which components an evaluation measures: the learned ones, the anchors, the service's default."""

from __future__ import annotations

from pathlib import Path

import pytest

from prereview.training.components import active_folders, default_components
from prereview.understanding.anchor_classifier import AnchorClassifier
from prereview.understanding.learned import AutoExtractor, ConsensusClassifier, LearnedClassifier

MODELS = Path(__file__).resolve().parents[2] / "models"


def test_the_default_is_what_the_settings_name(monkeypatch: pytest.MonkeyPatch) -> None:
    classifier, extractor = default_components(MODELS)
    assert isinstance(classifier, ConsensusClassifier) and isinstance(extractor, AutoExtractor)
    monkeypatch.setenv("PREREVIEW_MODELS__CLASSIFIER", "learned")
    assert isinstance(default_components(MODELS)[0], LearnedClassifier)
    monkeypatch.setenv("PREREVIEW_MODELS__CLASSIFIER", "anchors")
    assert isinstance(default_components(MODELS)[0], AnchorClassifier)


def test_recording_touches_only_the_active_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREREVIEW_MODELS__KIE_VERSION", "v9")
    assert active_folders(MODELS)[1] == MODELS / "kie" / "v9"
    one = MODELS / "classifier" / active_folders(MODELS)[0].name
    assert active_folders(one) == [one]


def test_an_artifact_folder_under_test_leaves_the_default_on_the_services_models(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"kind": "kie"}', encoding="utf-8")
    classifier, _ = default_components(tmp_path)
    assert isinstance(classifier, ConsensusClassifier)
