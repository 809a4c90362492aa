"""The understanding stage's contracts: a classifier and an extractor, each chosen by name.

Both take a material's pages as OCR lines (``pages[i]`` is page ``i``'s lines, boxes in that page's
image pixels). The deterministic ``anchors`` implementations read the fixed national layouts by their
printed labels; a learned model slots in by implementing the same protocol and registering a factory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from prereview.document import Field, TextLine
from prereview.errors import UnknownComponent

OTHER = "other"


@dataclass(frozen=True)
class MaterialGuess:
    """What a classifier thinks a material is: the type, how sure (0–1), and the score of every type."""

    material_type: str
    confidence: float
    scores: dict[str, float] = field(default_factory=dict)


@runtime_checkable
class Classifier(Protocol):
    """Recognises the material type of a page set."""

    name: str

    def classify(self, pages: list[list[TextLine]]) -> MaterialGuess: ...


@runtime_checkable
class Extractor(Protocol):
    """Reads the CONTRACT.md fields of a material of known type; a field not found is left out."""

    name: str

    def extract(self, material_type: str, pages: list[list[TextLine]]) -> dict[str, Field]: ...


def _anchor_classifier() -> Classifier:
    from prereview.understanding.anchor_classifier import AnchorClassifier

    return AnchorClassifier()


def _anchor_extractor() -> Extractor:
    from prereview.understanding.anchor_extractor import AnchorExtractor

    return AnchorExtractor()


def _learned_classifier() -> Classifier:
    from prereview.settings import get_settings
    from prereview.understanding.learned import LearnedClassifier

    return LearnedClassifier(get_settings().models)


def _consensus_classifier() -> Classifier:
    from prereview.settings import get_settings
    from prereview.understanding.learned.consensus import ConsensusClassifier

    return ConsensusClassifier(get_settings().models)


def _learned_extractor() -> Extractor:
    from prereview.settings import get_settings
    from prereview.understanding.learned import LearnedExtractor

    return LearnedExtractor(get_settings().models)


def _auto_extractor() -> Extractor:
    from prereview.settings import get_settings
    from prereview.understanding.learned import AutoExtractor

    return AutoExtractor(get_settings().models)


CLASSIFIERS: dict[str, Callable[[], Classifier]] = {
    "anchors": _anchor_classifier,
    "learned": _learned_classifier,
    "consensus": _consensus_classifier,
}
EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "anchors": _anchor_extractor,
    "learned": _learned_extractor,
    "auto": _auto_extractor,
}


def build_classifier(name: str = "anchors") -> Classifier:
    """A classifier by name; :class:`UnknownComponent` lists the known names for a wrong one."""
    try:
        return CLASSIFIERS[name]()
    except KeyError:
        raise UnknownComponent("classifier", name, list(CLASSIFIERS)) from None


def build_extractor(name: str = "anchors") -> Extractor:
    """An extractor by name; :class:`UnknownComponent` lists the known names for a wrong one."""
    try:
        return EXTRACTORS[name]()
    except KeyError:
        raise UnknownComponent("extractor", name, list(EXTRACTORS)) from None
