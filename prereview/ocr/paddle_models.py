"""Local model directories for the PaddleOCR engine, made from the ONNX files the rapidocr wheel ships.

PaddleOCR downloads its models from a hub by default, which this service never does. Instead we lay out
two directories in PaddleX's convention, one per model::

    DIR/det/inference.onnx  inference.yml      PP-OCRv6_small_det
    DIR/rec/inference.onnx  inference.yml      PP-OCRv6_small_rec (with the character list)

``inference.yml`` comes from PaddleX's own meta builder (the one its weight converter uses), so the
pre- and post-processing match what PaddleX expects for these model names. The recogniser's character
list is read from the ONNX file's own metadata, so it always matches the weights.
"""

from __future__ import annotations

import copy
import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

import yaml

from prereview.errors import ConfigurationError, ModelUnavailable

MODEL_FILE = "inference.onnx"
META_FILE = "inference.yml"
INSTALL_HINT_ZH = "请安装 paddle 扩展：pip install -e '.[paddle]'（或运行 scripts/paddle_lane.sh）"
INSTALL_HINT_EN = "install the 'paddle' extra: pip install -e '.[paddle]' (or run scripts/paddle_lane.sh)"


@dataclass(frozen=True)
class BundledModel:
    """One PaddleOCR model we can build from a file inside the rapidocr wheel."""

    model_name: str
    onnx_file: str
    subdir: str


DETECTOR = BundledModel("PP-OCRv6_small_det", "PP-OCRv6_det_small.onnx", "det")
RECOGNIZER = BundledModel("PP-OCRv6_small_rec", "PP-OCRv6_rec_small.onnx", "rec")


def rapidocr_models_dir() -> Path:
    """The ``models`` folder of the installed rapidocr package (found without importing it)."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(
            "未安装 rapidocr，无法生成 PaddleOCR 模型目录；请重新安装本项目：pip install -e .",
            "rapidocr is not installed, so the PaddleOCR model dirs cannot be made; run: pip install -e .",
            code="rapidocr_missing",
        )
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def is_model_dir(path: Path | None) -> TypeGuard[Path]:
    """True when ``path`` holds both files PaddleX needs (``inference.onnx`` and ``inference.yml``).

    >>> is_model_dir(None), is_model_dir(Path("/nonexistent"))
    (False, False)
    """
    return path is not None and (path / MODEL_FILE).is_file() and (path / META_FILE).is_file()


def read_character_list(onnx_path: Path) -> list[str]:
    """The recogniser's characters, one per class, from the ONNX model's ``character`` metadata."""
    import onnxruntime as ort

    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    text = session.get_modelmeta().custom_metadata_map.get("character", "")
    characters = text.split("\n") if text else []
    if not characters:
        raise ModelUnavailable(
            f"识别模型 {onnx_path} 中没有字符表（character 元数据）",
            f"the recognition model {onnx_path} carries no 'character' metadata",
            code="character_list_missing",
        )
    return characters


def inference_meta(model: BundledModel, characters: list[str] | None = None) -> dict[str, Any]:
    """The ``inference.yml`` content PaddleX's weight converter writes for ``model``."""
    try:
        from paddlex.modules.base.utils.pdparams2safetensors import build_inference_meta
    except ImportError as error:
        raise ConfigurationError(
            f"未安装 PaddleOCR（paddlex），无法生成模型目录；{INSTALL_HINT_ZH}",
            f"PaddleOCR (paddlex) is not installed, so the model dirs cannot be made; {INSTALL_HINT_EN}",
            code="paddle_not_installed",
        ) from error
    data: dict[str, Any] = {"Global": {"model_name": model.model_name}}
    data.update(copy.deepcopy(build_inference_meta(model.model_name)))
    if characters is not None:
        data.setdefault("PostProcess", {})["character_dict"] = characters
    return data


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values in full (no ``&id001`` anchors), so the file reads plainly."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _write_model_dir(model: BundledModel, source: Path, out_dir: Path) -> Path:
    target = out_dir / model.subdir
    target.mkdir(parents=True, exist_ok=True)
    characters = read_character_list(source) if model is RECOGNIZER else None
    meta = inference_meta(model, characters)
    shutil.copyfile(source, target / MODEL_FILE)
    with (target / META_FILE).open("w", encoding="utf-8") as stream:
        yaml.dump(
            meta, stream, Dumper=_PlainDumper, allow_unicode=True, default_flow_style=False, sort_keys=False
        )
    return target


def make_paddle_model_dirs(out_dir: Path) -> tuple[Path, Path]:
    """Write ``out_dir/det`` and ``out_dir/rec`` for the PaddleOCR engine; returns ``(det_dir, rec_dir)``.

    Point ``PREREVIEW_OCR__PADDLE_DET_DIR`` and ``PREREVIEW_OCR__PADDLE_REC_DIR`` at the two results.
    Needs the ``paddle`` extra (PaddleX's meta builder); nothing is downloaded.
    """
    source_dir = rapidocr_models_dir()
    paths = []
    for model in (DETECTOR, RECOGNIZER):
        source = source_dir / model.onnx_file
        if not source.is_file():
            raise ModelUnavailable(
                f"rapidocr 安装包中缺少模型文件 {source}；请重新安装 rapidocr",
                f"the rapidocr wheel lacks {source}; reinstall rapidocr",
                code="bundled_model_missing",
            )
        paths.append(_write_model_dir(model, source, Path(out_dir)))
    return paths[0], paths[1]
