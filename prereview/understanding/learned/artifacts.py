"""Where a model's files live and how they are loaded: ``<models dir>/<name>/<version>/``.

A model folder holds ``model.onnx``, ``vocab.txt``, ``config.json`` (labels, window length, temperature,
thresholds), ``model_card.md`` and ``metrics.json``. A missing folder or file is a
:class:`~prereview.errors.ModelUnavailable` that says how to get it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from prereview.errors import ModelUnavailable
from prereview.settings import ModelSettings
from prereview.understanding.learned.vocab import Vocab

REQUIRED = ("model.onnx", "vocab.txt", "config.json")
RECIPES = {"classifier": "train-v1", "kie": "train-v1"}


def models_dir(settings: ModelSettings) -> Path:
    """The configured models folder, else ``models/`` beside the package (the repository's)."""
    return settings.dir or Path(__file__).resolve().parents[3] / "models"


def model_dir(name: str, settings: ModelSettings) -> Path:
    """The active version's folder of model ``name`` (``classifier`` or ``kie``), checked complete."""
    version = settings.classifier_version if name == "classifier" else settings.kie_version
    return require(models_dir(settings) / name / version, name)


def require(folder: Path, name: str) -> Path:
    """``folder`` when it holds a complete artifact, else :class:`ModelUnavailable` saying how to get one."""
    missing = [f for f in REQUIRED if not (folder / f).is_file()]
    if missing:
        recipe = RECIPES.get(name, "train-v1")
        command = f"prereview train {name} --data datasets/recipes/{recipe}.yaml --out {folder}"
        setting = f"PREREVIEW_MODELS__{name.upper()}_VERSION"
        raise ModelUnavailable(
            f"模型 {name} 不可用（{folder} 缺少 {', '.join(missing)}）："
            f"请运行 `{command}`，或设置 PREREVIEW_MODELS__DIR / {setting} 指向已有模型",
            f"model {name} is not available ({folder} lacks {', '.join(missing)}): "
            f"run `{command}` or point PREREVIEW_MODELS__DIR / {setting} at an existing model",
            code="model_unavailable",
        )
    return folder


@dataclass
class OnnxModel:
    """A loaded model: an onnxruntime session, its vocabulary and its config."""

    folder: Path
    session: Any
    vocab: Vocab
    config: dict[str, Any]

    @classmethod
    def load(cls, folder: Path, threads: int = 1) -> OnnxModel:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        return cls(folder, session, Vocab.load(folder / "vocab.txt"), config)

    @property
    def max_len(self) -> int:
        return int(self.config["max_len"])

    def logits(self, ids: np.ndarray, bbox: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The model's logits for a batch (``[batch, seq]`` ids and mask, ``[batch, seq, 4]`` boxes)."""
        feeds = {
            "input_ids": ids.astype(np.int64),
            "bbox": bbox.astype(np.int64),
            "attention_mask": mask.astype(np.int64),
        }
        return np.asarray(self.session.run(["logits"], feeds)[0])


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Probabilities along the last axis.

    >>> softmax(np.array([0.0, 0.0])).tolist()
    [0.5, 0.5]
    """
    scaled = logits / temperature
    exp = np.exp(scaled - scaled.max(axis=-1, keepdims=True))
    return np.asarray(exp / exp.sum(axis=-1, keepdims=True))
