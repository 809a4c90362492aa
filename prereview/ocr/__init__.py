"""OCR stage: engines behind one contract (``base.OcrEngine``)."""

from prereview.ocr.base import ENGINES, OcrEngine, build_engine, get_engine

__all__ = ["ENGINES", "OcrEngine", "build_engine", "get_engine"]
