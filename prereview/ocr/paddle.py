"""Optional engine: PaddleOCR 3.x (PaddleX pipeline) on ONNX Runtime, over local model directories.

PaddleOCR built with its defaults tries to download models from a hub and fails offline, so this engine
never does that: it needs ``PREREVIEW_OCR__PADDLE_DET_DIR`` and ``PREREVIEW_OCR__PADDLE_REC_DIR``, two
directories made by ``prereview ocr make-paddle-models --out DIR`` (see :mod:`prereview.ocr.paddle_models`).
Document orientation, unwarping and text-line orientation are off, as in the RapidOCR engine; the
detector resizes the same way (longest side limited to ``det_limit_side``).

Install with the ``paddle`` extra, in its own virtualenv (``scripts/paddle_lane.sh``): PaddleX pins
``opencv-contrib-python`` and ``numpy<2.4``, which the main environment does not want.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from prereview.document import TextLine, box_from_polygon
from prereview.errors import ModelUnavailable
from prereview.ocr.paddle_models import INSTALL_HINT_EN, INSTALL_HINT_ZH, META_FILE, MODEL_FILE, is_model_dir
from prereview.ocr.read_twice import join_read_twice
from prereview.settings import OcrSettings

logger = logging.getLogger(__name__)

# Library flags, set before PaddleX is imported: never probe model hubs (we only use local dirs).
os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")

# Lines recognised with a lower score are dropped; RapidOCR's default (Global.text_score) is the same.
MIN_TEXT_SCORE = 0.5
MAKE_HINT = "prereview ocr make-paddle-models --out DIR"
_SETTINGS = (
    ("paddle_det_dir", "PREREVIEW_OCR__PADDLE_DET_DIR", "检测", "detection", "det"),
    ("paddle_rec_dir", "PREREVIEW_OCR__PADDLE_REC_DIR", "识别", "recognition", "rec"),
)


def require_model_dirs(settings: OcrSettings) -> tuple[Path, Path]:
    """The two model directories, or :class:`ModelUnavailable` naming the setting and how to make them."""
    found = []
    for attr, env_name, kind_zh, kind_en, subdir in _SETTINGS:
        path: Path | None = getattr(settings, attr)
        if not is_model_dir(path):
            state_zh = "未设置" if path is None else f"“{path}”中缺少 {MODEL_FILE} 或 {META_FILE}"
            state_en = "is not set" if path is None else f"'{path}' lacks {MODEL_FILE} or {META_FILE}"
            raise ModelUnavailable(
                f"PaddleOCR {kind_zh}模型目录 {env_name} {state_zh}；请运行 `{MAKE_HINT}` 生成模型目录，"
                f"再设置 {env_name}=DIR/{subdir}",
                f"the PaddleOCR {kind_en} model directory {env_name} {state_en}; run `{MAKE_HINT}` "
                f"and set {env_name}=DIR/{subdir}",
                code="paddle_models_missing",
                setting=env_name,
                path=str(path) if path is not None else None,
            )
        found.append(path)
    return found[0], found[1]


def model_name(model_dir: Path) -> str | None:
    """``Global.model_name`` from a model directory's ``inference.yml`` (``None`` when it names none)."""
    with (model_dir / META_FILE).open(encoding="utf-8") as stream:
        meta = yaml.safe_load(stream) or {}
    name = (meta.get("Global") or {}).get("model_name")
    return str(name) if name else None


def paddle_params(settings: OcrSettings, det_dir: Path, rec_dir: Path) -> dict[str, Any]:
    """Keyword arguments for ``paddleocr.PaddleOCR``; a benchmark can build the raw engine from them."""
    return {
        "text_detection_model_name": model_name(det_dir),
        "text_detection_model_dir": str(det_dir),
        "text_recognition_model_name": model_name(rec_dir),
        "text_recognition_model_dir": str(rec_dir),
        "use_doc_orientation_classify": False,
        "use_doc_unwarping": False,
        "use_textline_orientation": False,
        "text_det_limit_type": "max",
        "text_det_limit_side_len": settings.det_limit_side,
        "text_det_box_thresh": settings.det_box_thresh,
        "text_rec_score_thresh": MIN_TEXT_SCORE,
        "device": "cpu",
        "engine": "onnxruntime",
        "engine_config": {
            "intra_op_num_threads": settings.threads,
            "inter_op_num_threads": 1,
            "enable_cpu_mem_arena": False,
        },
    }


def _import_paddleocr() -> Any:
    try:
        import paddleocr
    except ImportError as error:
        raise ModelUnavailable(
            f"未安装 PaddleOCR；{INSTALL_HINT_ZH}，或改用默认引擎 PREREVIEW_OCR__ENGINE=rapid",
            f"PaddleOCR is not installed; {INSTALL_HINT_EN}, or use the default PREREVIEW_OCR__ENGINE=rapid",
            code="paddle_not_installed",
        ) from error
    for name in ("paddlex", "paddleocr", "paddle"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return paddleocr


def _as_bgr(image: np.ndarray) -> np.ndarray:
    """Gray or BGRA input as 3-channel BGR uint8 (what PaddleX reads a numpy image as)."""
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    elif image.ndim == 3 and image.shape[2] == 4:
        image = image[:, :, :3]
    elif image.ndim == 3 and image.shape[2] == 1:
        image = np.repeat(image, 3, axis=2)
    return np.ascontiguousarray(image, dtype=np.uint8)


class PaddleOcrEngine:
    """PaddleOCR over local ONNX model directories; raises :class:`ModelUnavailable` when they are missing."""

    name = "paddle"

    def __init__(self, settings: OcrSettings) -> None:
        det_dir, rec_dir = require_model_dirs(settings)
        paddleocr = _import_paddleocr()
        self._ocr = paddleocr.PaddleOCR(**paddle_params(settings, det_dir, rec_dir))
        logger.info(
            "PaddleOCR loaded from %s and %s (det side %s, %s thread(s))",
            det_dir,
            rec_dir,
            settings.det_limit_side,
            settings.threads,
        )

    def recognize(self, image: np.ndarray) -> list[TextLine]:
        if image.size == 0 or image.ndim not in (2, 3):
            return []
        results = self._ocr.predict(_as_bgr(image))
        lines = []
        for result in results:
            texts, scores, polys = result["rec_texts"], result["rec_scores"], result["rec_polys"]
            for text, score, poly in zip(texts, scores, polys, strict=True):
                polygon = tuple((float(x), float(y)) for x, y in np.asarray(poly).reshape(-1, 2))
                lines.append(
                    TextLine(
                        text=str(text),
                        box=box_from_polygon(polygon),
                        confidence=float(score),
                        polygon=polygon,
                    )
                )
        return join_read_twice(lines)
