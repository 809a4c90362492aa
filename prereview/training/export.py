"""Write a trained model as a served artifact: ``model.onnx``, ``vocab.txt``, ``config.json``.

The ONNX graph takes ``input_ids``, ``bbox``, ``attention_mask`` (int64, dynamic batch and length) and
returns ``logits``.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import torch

from prereview.training.models import LogitsOnly
from prereview.understanding.learned.vocab import Vocab

OPSET = 17


def export_onnx(model: torch.nn.Module, path: Path, max_len: int) -> None:
    """Trace the model to ONNX (the TorchScript exporter: no extra packages)."""
    wrapper = LogitsOnly(model).eval()
    ids = torch.full((2, max_len), 4, dtype=torch.long)
    bbox = torch.zeros((2, max_len, 4), dtype=torch.long)
    mask = torch.ones((2, max_len), dtype=torch.long)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            wrapper,
            (ids, bbox, mask),
            str(path),
            input_names=["input_ids", "bbox", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "bbox": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "logits": {0: "batch"},
            },
            opset_version=OPSET,
            dynamo=False,
        )


def write_artifact(folder: Path, model: torch.nn.Module, vocab: Vocab, config: dict[str, Any]) -> None:
    """The folder a :class:`~prereview.understanding.learned.artifacts.OnnxModel` loads."""
    folder.mkdir(parents=True, exist_ok=True)
    export_onnx(model, folder / "model.onnx", int(config["max_len"]))
    vocab.save(folder / "vocab.txt")
    (folder / "config.json").write_text(
        json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
