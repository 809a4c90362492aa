"""A scripted engine for unit tests that isolate a later stage. Never used to prove a feature."""

from __future__ import annotations

import numpy as np

from prereview.document import TextLine


class FakeOcrEngine:
    """Returns the lines it was given (``script``), whatever the image; records each call."""

    name = "fake"

    def __init__(self, script: list[TextLine] | None = None) -> None:
        self.script = list(script or [])
        self.calls: list[tuple[int, int]] = []

    def recognize(self, image: np.ndarray) -> list[TextLine]:
        self.calls.append((int(image.shape[0]), int(image.shape[1])) if image.ndim >= 2 else (0, 0))
        return list(self.script)
