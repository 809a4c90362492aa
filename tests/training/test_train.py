"""Training on the tiny recipe end to end, and the ONNX export agreeing with torch."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from prereview.cli.main import main
from prereview.ocr import OcrEngine
from prereview.training.data import AlignReport, load_documents, tag_document
from prereview.training.export import write_artifact
from prereview.training.models import Size, build_model
from prereview.training.run import build_vocab
from prereview.understanding.learned.artifacts import OnnxModel
from prereview.understanding.learned.decode import bio_labels
from prereview.understanding.learned.tokens import tokenize
from prereview.understanding.learned.windows import batch, windows

TINY_SIZE = ["--hidden", "32", "--layers", "1", "--max-len", "64", "--epochs", "2"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["kie", "classifier"])
def test_tiny_training_run_writes_a_servable_artifact(tiny_dataset: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / kind / "v0"
    extra = ["--lookalike-share", "0.5"] if kind == "classifier" else []
    assert main(["train", kind, "--data", str(tiny_dataset), "--out", str(out), *TINY_SIZE, *extra]) == 0
    for name in ("model.onnx", "vocab.txt", "config.json", "model_card.md", "metrics.json"):
        assert (out / name).is_file(), name
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    epochs = metrics["training"]["history"]["epochs"]
    assert 1 <= len(epochs) <= 2 and all(np.isfinite(e["val_loss"]) for e in epochs)
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["max_len"] == 64
    if kind == "kie":
        assert metrics["training"]["alignment"]["kept"] >= 3
        assert "B-id_number" in config["labels"]
    else:
        assert "other" in config["labels"] and config["temperature"] > 0
        assert (out / "reliability.png").stat().st_size > 1000


@pytest.mark.slow
def test_labels_align_to_ocr_characters(tiny_dataset: Path, rapid_engine: OcrEngine) -> None:
    documents = load_documents(tiny_dataset, rapid_engine)
    labels = bio_labels(["id_number", "name", "address", "birth_date", "sex", "ethnicity"])
    ids = {label: i for i, label in enumerate(labels)}
    card = next(
        d for d in documents if d.label.material_type == "id_card_front" and d.label.capture == "clean_scan"
    )
    tagged = tag_document(card, ids, AlignReport())
    assert tagged is not None
    begin = tagged.tags.index(ids["B-id_number"])
    end = begin + 1
    while end < len(tagged.tags) and tagged.tags[end] == ids["I-id_number"]:
        end += 1
    assert "".join(t.char for t in tagged.tokens[begin:end]) == card.label.fields["id_number"].value


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["kie", "classifier"])
def test_onnx_runtime_agrees_with_torch(
    tiny_dataset: Path, rapid_engine: OcrEngine, tmp_path: Path, kind: str
) -> None:
    documents = load_documents(tiny_dataset, rapid_engine)
    vocab = build_vocab(documents)
    size = Size(hidden=32, layers=1, heads=2, max_len=64)
    torch.manual_seed(3)
    model = build_model(kind, len(vocab), 7, size).eval()
    write_artifact(
        tmp_path, model, vocab, {"kind": kind, "labels": [str(i) for i in range(7)], "max_len": 64}
    )
    served = OnnxModel.load(tmp_path)
    parts = [w for d in documents for w in windows(tokenize(d.ocr), vocab, 64)][:5]
    ids, bbox, mask = batch(parts)
    with torch.no_grad():
        expected = model(
            input_ids=torch.from_numpy(ids),
            bbox=torch.from_numpy(bbox),
            attention_mask=torch.from_numpy(mask),
        ).logits.numpy()
    got = served.logits(ids, bbox, mask)
    assert got.shape == expected.shape
    assert np.abs(got - expected).max() < 1e-4
