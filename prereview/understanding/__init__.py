"""understanding stage: which material a file is (classify) and what it says (extract).

``understand(pages)`` is the entry point; classifiers and extractors are chosen by name from
:data:`CLASSIFIERS` / :data:`EXTRACTORS` (``anchors``: the deterministic readers of the fixed national
layouts).
"""

from prereview.understanding.base import (
    CLASSIFIERS,
    EXTRACTORS,
    OTHER,
    Classifier,
    Extractor,
    MaterialGuess,
    build_classifier,
    build_extractor,
)
from prereview.understanding.understand import (
    Part,
    Understander,
    Understanding,
    build_understander,
    understand,
)

__all__ = [
    "CLASSIFIERS",
    "EXTRACTORS",
    "OTHER",
    "Classifier",
    "Extractor",
    "MaterialGuess",
    "Part",
    "Understander",
    "Understanding",
    "build_classifier",
    "build_extractor",
    "build_understander",
    "understand",
]
