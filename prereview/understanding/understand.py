"""The stage's entry point: pages of OCR lines → material type, fields, identifier checks, parts.

The file is classified as a whole first: the pages of one document belong together (a lease
contract's second and third pages print no title, yet are the contract). Only a file of single-sheet
materials (ID card sides, licenses, certificates) may hold several: every page is then split into
regions (:mod:`regions`), each region is classified on its own, and when the regions hold *different*
types each becomes a :class:`Part` (both sides of an ID card on one A4 copy, or one side per page).
The main part is the most important recognised type (:data:`MAIN_ORDER`), the most confident among
equals; its type, fields and checks are the file's. Documents people fill in (:data:`DOCUMENTS`) are
never split.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from prereview.checks.identifiers import check_identifiers
from prereview.document import Box, Check, Field, TextLine, round_box
from prereview.understanding.base import (
    OTHER,
    Classifier,
    Extractor,
    MaterialGuess,
    build_classifier,
    build_extractor,
)
from prereview.understanding.layout import union
from prereview.understanding.regions import split_regions

# Which part names the file when it holds several: the ID card's portrait side before its back.
MAIN_ORDER = (
    "business_license",
    "food_business_license",
    "id_card_front",
    "id_card_back",
    "household_register",
    "marriage_certificate",
    "property_certificate",
)

# Multi-page documents: one file is one of them, whatever its pages look like alone.
DOCUMENTS = ("application_form", "power_of_attorney", "lease_contract")

Segmenter = Callable[[list[TextLine]], list[list[TextLine]]]


@dataclass
class Part:
    """One material found in a file: its type, fields and checks, and the page region it occupies."""

    material_type: str
    confidence: float
    fields: dict[str, Field]
    checks: list[Check]
    page: int
    box: Box

    def to_dict(self) -> dict[str, Any]:
        return {
            "material_type": self.material_type,
            "confidence": round(self.confidence, 4),
            "fields": {k: f.to_dict() for k, f in self.fields.items()},
            "page": self.page,
            "box": round_box(self.box),
        }


@dataclass
class Understanding:
    """What a file is and what it says. ``parts`` lists every material found (the main one too)."""

    material_type: str
    confidence: float
    fields: dict[str, Field] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The CONTRACT.md keys; ``parts`` only when the file holds more than one material."""
        out: dict[str, Any] = {
            "material_type": self.material_type,
            "confidence": round(self.confidence, 4),
            "fields": {k: f.to_dict() for k, f in self.fields.items()},
            "checks": [c.to_dict() for c in self.checks],
        }
        if len(self.parts) > 1:
            out["parts"] = [p.to_dict() for p in self.parts]
        return out


def _rank(part: Part) -> tuple[int, float]:
    order = MAIN_ORDER.index(part.material_type) if part.material_type in MAIN_ORDER else len(MAIN_ORDER)
    return (order, -part.confidence)


class Understander:
    """Classifies and reads a material with the injected classifier and extractor."""

    def __init__(
        self, classifier: Classifier, extractor: Extractor, segmenter: Segmenter = split_regions
    ) -> None:
        self.classifier = classifier
        self.extractor = extractor
        self.segmenter = segmenter

    @property
    def name(self) -> str:
        """``anchors`` when both components share a name, else ``classifier+extractor``."""
        names = (self.classifier.name, self.extractor.name)
        return names[0] if names[0] == names[1] else "+".join(names)

    def read_region(self, page: int, lines: list[TextLine], page_count: int) -> tuple[Part, dict[str, float]]:
        view = [lines if i == page else [] for i in range(page_count)]
        guess = self.classifier.classify(view)
        fields = self.extractor.extract(guess.material_type, view) if guess.material_type != OTHER else {}
        box = union([line.box for line in lines]) if lines else (0.0, 0.0, 0.0, 0.0)
        part = Part(guess.material_type, guess.confidence, fields, check_identifiers(fields), page, box)
        return part, guess.scores

    def regions(self, pages: list[list[TextLine]]) -> list[tuple[Part, dict[str, float]]]:
        """Every region of every page, classified and read on its own (``other`` regions left out)."""
        found: list[tuple[Part, dict[str, float]]] = []
        for index, lines in enumerate(pages):
            for region in self.segmenter(lines) if lines else []:
                part, scores = self.read_region(index, region, len(pages))
                if part.material_type != OTHER:
                    found.append((part, scores))
        return found

    def whole(self, guess: MaterialGuess, pages: list[list[TextLine]]) -> Understanding:
        """The file as one material of the guessed type."""
        fields = self.extractor.extract(guess.material_type, pages)
        page = next((i for i, lines in enumerate(pages) if lines), 0)
        lines = pages[page] if pages else []
        box = union([line.box for line in lines]) if lines else (0.0, 0.0, 0.0, 0.0)
        part = Part(guess.material_type, guess.confidence, fields, check_identifiers(fields), page, box)
        return Understanding(part.material_type, part.confidence, fields, part.checks, [part], guess.scores)

    def understand(self, pages: list[list[TextLine]]) -> Understanding:
        """The file's main material, its fields and checks, and every part found."""
        guess = self.classifier.classify(pages)
        if guess.material_type in DOCUMENTS:
            return self.whole(guess, pages)
        found = self.regions(pages)
        if len({part.material_type for part, _ in found}) >= 2:
            main, scores = min(found, key=lambda item: _rank(item[0]))
            parts = [part for part, _ in found]
            return Understanding(main.material_type, main.confidence, main.fields, main.checks, parts, scores)
        if guess.material_type != OTHER:
            return self.whole(guess, pages)
        if found:  # the file as a whole is unclear, but one region of it is recognised
            part, scores = found[0]
            return Understanding(
                part.material_type, part.confidence, part.fields, part.checks, [part], scores
            )
        return Understanding(OTHER, guess.confidence, scores=guess.scores)


@lru_cache(maxsize=8)
def build_understander(classifier: str = "anchors", extractor: str = "anchors") -> Understander:
    """The process-wide understander for these component names (a learned model loads once)."""
    return Understander(build_classifier(classifier), build_extractor(extractor))


def understand(
    pages: list[list[TextLine]], classifier: str = "anchors", extractor: str = "anchors"
) -> Understanding:
    """Understand one file's pages with the classifier and extractor registered under these names."""
    return build_understander(classifier, extractor).understand(pages)
