"""The OCR engine contract: one verb, ``recognize(image) -> list[TextLine]``.

Engines are chosen by name from :data:`ENGINES` (``rapid`` default, ``paddle`` optional, ``fake`` for
unit tests) and built once per process by :func:`get_engine`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol, runtime_checkable

import numpy as np

from prereview.document import TextLine
from prereview.errors import UnknownComponent
from prereview.settings import OcrSettings


@runtime_checkable
class OcrEngine(Protocol):
    """Reads text lines from a BGR uint8 image. Boxes are in that image's pixels."""

    name: str

    def recognize(self, image: np.ndarray) -> list[TextLine]: ...


EngineFactory = Callable[[OcrSettings], OcrEngine]


def _rapid(settings: OcrSettings) -> OcrEngine:
    from prereview.ocr.rapid import RapidOcrEngine

    return RapidOcrEngine(settings)


def _paddle(settings: OcrSettings) -> OcrEngine:
    from prereview.ocr.paddle import PaddleOcrEngine

    return PaddleOcrEngine(settings)


def _fake(settings: OcrSettings) -> OcrEngine:
    from prereview.ocr.fake import FakeOcrEngine

    return FakeOcrEngine()


ENGINES: dict[str, EngineFactory] = {"rapid": _rapid, "paddle": _paddle, "fake": _fake}

_cache: dict[tuple[str, str], OcrEngine] = {}
_lock = threading.Lock()


def build_engine(settings: OcrSettings) -> OcrEngine:
    """A new engine for ``settings.engine``; raises :class:`UnknownComponent` for a wrong name."""
    try:
        factory = ENGINES[settings.engine]
    except KeyError:
        raise UnknownComponent("OCR engine", settings.engine, list(ENGINES)) from None
    return factory(settings)


def get_engine(settings: OcrSettings) -> OcrEngine:
    """The process-wide engine for these settings: loaded once, shared by every caller."""
    key = (settings.engine, settings.model_dump_json())
    with _lock:
        engine = _cache.get(key)
        if engine is None:
            engine = _cache[key] = build_engine(settings)
        return engine
