"""A learned extractor whose tagger is scripted, to test the decoding on its own."""

from __future__ import annotations

import numpy as np

from prereview.understanding.learned import LearnedExtractor
from prereview.understanding.learned.tokens import Token


class ScriptedTags(LearnedExtractor):
    """The committed model's labels with tags given per character (isolates the decoding)."""

    def __init__(self, tags: dict[str, str]) -> None:
        super().__init__()
        self.script = tags  # the text of the characters tagged -> key

    def tag_probs(self, tokens: list[Token]) -> np.ndarray:
        probs = np.zeros((len(tokens), len(self.labels)), np.float32)
        probs[:, 0] = 1.0
        text = "".join(t.char for t in tokens)
        for chars, key in self.script.items():
            at = text.index(chars)
            probs[at : at + len(chars)] = 0.0
            probs[at : at + len(chars), self.labels.index(f"I-{key}")] = 0.9
            probs[at : at + len(chars), 0] = 0.1
        return probs
