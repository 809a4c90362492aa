"""The ``auto`` extractor: the learned model for the types where it measured at least as well as the
anchors (``ModelSettings.learned_types``), the anchor extractor for the rest."""

from __future__ import annotations

from prereview.document import Field, TextLine
from prereview.settings import ModelSettings
from prereview.understanding.anchor_extractor import AnchorExtractor
from prereview.understanding.learned.extractor import LearnedExtractor


class AutoExtractor:
    name = "auto"

    def __init__(self, settings: ModelSettings | None = None) -> None:
        settings = settings or ModelSettings()
        self.learned_types = set(settings.learned_types)
        self.anchors = AnchorExtractor()
        self.learned = LearnedExtractor(settings) if self.learned_types else None

    def extract(self, material_type: str, pages: list[list[TextLine]]) -> dict[str, Field]:
        if self.learned is not None and material_type in self.learned_types:
            return self.learned.extract(material_type, pages)
        return self.anchors.extract(material_type, pages)
