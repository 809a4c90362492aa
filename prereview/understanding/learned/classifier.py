"""The learned material classifier (registered as ``learned``): characters + layout → material type.

The first window of the material's characters goes through the ONNX model; logits are divided by the
temperature fitted on a validation split, so ``confidence`` is calibrated. Below the model card's
``min_confidence`` the answer is ``other``, as is a material with almost no text.
"""

from __future__ import annotations

from pathlib import Path

from prereview.document import TextLine
from prereview.settings import ModelSettings
from prereview.understanding.base import OTHER, MaterialGuess
from prereview.understanding.learned.artifacts import OnnxModel, model_dir, require, softmax
from prereview.understanding.learned.tokens import tokenize
from prereview.understanding.learned.windows import batch, windows

MIN_CHARS = 4


class LearnedClassifier:
    name = "learned"

    def __init__(self, settings: ModelSettings | None = None, folder: Path | None = None) -> None:
        """The active version from ``settings``, or the artifact in ``folder``."""
        settings = settings or ModelSettings()
        self.model = OnnxModel.load(
            require(folder, "classifier") if folder else model_dir("classifier", settings), settings.threads
        )
        self.labels: list[str] = self.model.config["labels"]
        self.temperature = float(self.model.config.get("temperature", 1.0))
        self.min_confidence = float(self.model.config.get("min_confidence", 0.0))

    def scores(self, pages: list[list[TextLine]]) -> dict[str, float]:
        """Calibrated probability of every type (``other`` included)."""
        tokens = tokenize(pages)
        first = windows(tokens, self.model.vocab, self.model.max_len)[0]
        probs = softmax(self.model.logits(*batch([first]))[0], self.temperature)
        return {label: round(float(p), 4) for label, p in zip(self.labels, probs, strict=True)}

    def classify(self, pages: list[list[TextLine]]) -> MaterialGuess:
        if sum(len(line.text.strip()) for lines in pages for line in lines) < MIN_CHARS:
            return MaterialGuess(OTHER, 0.99, dict.fromkeys(self.labels, 0.0) | {OTHER: 0.99})
        scores = self.scores(pages)
        best = max(scores, key=lambda k: scores[k])
        if best != OTHER and scores[best] < self.min_confidence:
            return MaterialGuess(OTHER, round(1 - scores[best], 4), scores)
        return MaterialGuess(best, scores[best], scores)
