"""Default engine: RapidOCR 3.x running the PP-OCRv6 ONNX models bundled in its wheel (no downloads)."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

from prereview.document import TextLine, box_from_polygon
from prereview.ocr.read_twice import join_read_twice
from prereview.settings import OcrSettings

logger = logging.getLogger(__name__)


def rapid_params(settings: OcrSettings) -> dict[str, Any]:
    """RapidOCR parameters for our settings; the benchmark builds the raw engine from the same dict."""
    return {
        "Global.log_level": "warning",
        "Global.use_cls": False,
        "Det.limit_type": "max",
        "Det.limit_side_len": settings.det_limit_side,
        "Det.box_thresh": settings.det_box_thresh,
        "EngineConfig.onnxruntime.intra_op_num_threads": settings.threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }


class RapidOcrEngine:
    name = "rapid"

    def __init__(self, settings: OcrSettings) -> None:
        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        self._ocr = RapidOCR(params=rapid_params(settings))
        logger.info("RapidOCR loaded (det side %s, %s thread(s))", settings.det_limit_side, settings.threads)

    def recognize(self, image: np.ndarray) -> list[TextLine]:
        if image.size == 0:
            return []
        result = self._ocr(image)
        boxes, txts, scores = (getattr(result, name, None) for name in ("boxes", "txts", "scores"))
        if boxes is None or txts is None or scores is None:
            return []
        lines = []
        for poly, text, score in zip(boxes, txts, scores, strict=True):
            polygon = tuple((float(x), float(y)) for x, y in poly)
            lines.append(
                TextLine(
                    text=str(text), box=box_from_polygon(polygon), confidence=float(score), polygon=polygon
                )
            )
        return join_read_twice(lines)
