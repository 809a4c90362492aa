"""Train a classifier or a KIE model on documents and write its artifact folder.

documents = load_documents(dataset_folder(Path("datasets/recipes/train-v1.yaml")))
summary = train_kie(documents, Path("models/kie/v1"), seed=0)
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import torch

from prereview.document import TextLine
from prereview.training.augment import chain, layout_jitter, random_crop
from prereview.training.calibrate import expected_calibration_error, fit_temperature, reliability
from prereview.training.data import (
    AlignReport,
    Document,
    TaggedDocument,
    classifier_target,
    keys_by_type,
    random_pages,
    split,
    tag_document,
    torch_threads,
)
from prereview.training.export import write_artifact
from prereview.training.fit import Example, History, Schedule, predict_logits, train
from prereview.training.layouts import random_tagged, value_pool
from prereview.training.lookalikes import lookalike_pages
from prereview.training.models import Size, build_model
from prereview.understanding.base import OTHER
from prereview.understanding.learned.decode import bio_labels
from prereview.understanding.learned.tokens import tokenize
from prereview.understanding.learned.vocab import Vocab, common_cjk
from prereview.understanding.learned.windows import Window, encode, spans, windows

VAL_SHARE = 0.15
OTHER_SHARE = 0.08  # random-text pages added as examples of ``other``


def build_vocab(documents: list[Document], extra: Sequence[list[list[TextLine]]] = ()) -> Vocab:
    """Every character of the documents' lines and labelled values, and of ``extra`` pages."""
    texts = [line.text for pages in [*(d.ocr for d in documents), *extra] for page in pages for line in page]
    values = [str(f.value) for d in documents for f in d.label.fields.values()]
    return Vocab.build(texts + values, extra=[*common_cjk(), *map(chr, range(33, 127))])


def _history_dict(history: History) -> dict[str, Any]:
    return {"epochs": history.epochs, "best_epoch": history.best_epoch}


def train_classifier(
    documents: list[Document],
    out: Path,
    *,
    seed: int = 0,
    size: Size | None = None,
    schedule: Schedule | None = None,
    quiet: bool = False,
    layout_share: float = 0.0,
    crop_share: float = 0.0,
    lookalike_share: float = 0.0,
) -> dict[str, Any]:
    """Train, calibrate (temperature on the validation split), export; returns the summary written.

    ``layout_share``/``crop_share``: how often a training window's layout is jittered / it is cropped;
    ``lookalike_share``: pages of papers the service does not take, added as ``other`` (a share of the
    documents, :mod:`prereview.training.lookalikes`) beside the random-text pages."""
    torch.set_num_threads(torch_threads())
    schedule = schedule or Schedule(seed=seed)
    size = size or Size()
    rng = random.Random(seed)
    extra = random_pages(rng, max(4, int(len(documents) * OTHER_SHARE)))
    extra += lookalike_pages(rng, int(len(documents) * lookalike_share))
    vocab = build_vocab(documents, extra)
    pages = [d.ocr for d in documents]
    targets = [classifier_target(d) for d in documents]
    pages += extra
    targets += [OTHER] * len(extra)
    labels = sorted({*targets, OTHER})
    items = [
        Example(windows(tokenize(p), vocab, size.max_len)[0], labels.index(t))
        for p, t in zip(pages, targets, strict=True)
    ]
    train_items, val_items = split(items, VAL_SHARE, seed)
    model = build_model("classifier", len(vocab), len(labels), size)
    augment = chain(
        random_crop(seed, crop_share) if crop_share > 0 else None,
        layout_jitter(seed + 1, layout_share) if layout_share > 0 else None,
    )
    history = train(
        model, train_items, val_items, sequence=True, schedule=schedule, quiet=quiet, augment=augment
    )
    logits = np.stack(predict_logits(model, [e.window for e in val_items]))
    val_targets = np.array([e.target for e in val_items])
    temperature = fit_temperature(logits, val_targets)
    scaled = logits / temperature
    probs = np.exp(scaled - scaled.max(1, keepdims=True))
    probs /= probs.sum(1, keepdims=True)
    points = reliability(probs.max(1), (probs.argmax(1) == val_targets).astype(float))
    config = {
        "kind": "classifier",
        "labels": labels,
        "max_len": size.max_len,
        "size": size.to_dict(),
        "temperature": temperature,
        "min_confidence": 0.5,
        "seed": seed,
        "trained": date.today().isoformat(),
    }
    write_artifact(out, model, vocab, config)
    summary = {
        "config": config,
        "history": _history_dict(history),
        "validation": {"reliability": points, "ece": expected_calibration_error(points), "n": len(val_items)},
        "documents": len(documents),
    }
    (out / "training.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return summary


def value_swapper(vocab: Vocab, seed: int, share: float = 0.5) -> Callable[[Example], Example]:
    """Augmentation: each value character is swapped, with probability ``share``, for a random one of
    its kind (digit, Latin letter, hanzi), so the tagger learns where values sit, not which they are."""
    kinds: dict[str, list[int]] = {"digit": [], "latin": [], "hanzi": []}
    for index, token in enumerate(vocab.tokens):
        kind = _kind(token)
        if kind:
            kinds[kind].append(index)
    rng = random.Random(seed)

    def swap(example: Example) -> Example:
        tags = example.target
        assert isinstance(tags, list)
        ids = example.window.ids.copy()
        for i, tag in enumerate(tags):
            kind = _kind(vocab.tokens[ids[i + 1]]) if tag else None
            if kind and rng.random() < share:
                ids[i + 1] = rng.choice(kinds[kind])
        return Example(Window(example.window.start, ids, example.window.bbox), tags)

    return swap


def _kind(token: str) -> str | None:
    """``digit``, ``latin``, ``hanzi`` or ``None`` for one vocabulary entry.

    >>> _kind("7"), _kind("X"), _kind("张"), _kind("："), _kind("[UNK]")
    ('digit', 'latin', 'hanzi', None, None)
    """
    if len(token) != 1:
        return None
    if token.isdigit() and token.isascii():
        return "digit"
    if token.isascii() and token.isalpha():
        return "latin"
    return "hanzi" if "\u4e00" <= token <= "\u9fff" else None


def kie_examples(tagged: list[TaggedDocument], vocab: Vocab, size: Size, stride: int) -> list[Example]:
    examples = []
    for doc in tagged:
        for start, end in spans(len(doc.tokens), size.max_len - 2, stride):
            examples.append(Example(encode(doc.tokens, vocab, start, end), doc.tags[start:end]))
    return examples


def train_kie(
    documents: list[Document],
    out: Path,
    *,
    seed: int = 0,
    size: Size | None = None,
    schedule: Schedule | None = None,
    quiet: bool = False,
    swap_share: float = 0.0,
    layout_share: float = 0.0,
    layout_docs: int = 0,
) -> dict[str, Any]:
    """Align labels, train the character tagger, export; returns the summary written.

    ``layout_docs``: how many token-space documents of random layouts (:mod:`prereview.training.layouts`)
    join the training split; validation stays real documents."""
    torch.set_num_threads(torch_threads())
    schedule = schedule or Schedule(seed=seed)
    size = size or Size()
    vocab = build_vocab(documents)
    by_type = keys_by_type(documents)
    keys = sorted({k for ks in by_type.values() for k in ks})
    labels = bio_labels(keys)
    label_ids = {label: i for i, label in enumerate(labels)}
    report = AlignReport()
    tagged = [t for d in documents if (t := tag_document(d, label_ids, report)) is not None]
    train_docs, val_docs = split(tagged, VAL_SHARE, seed)
    layouts = random_tagged(value_pool(documents), label_ids, layout_docs, seed) if layout_docs > 0 else []
    train_docs += layouts
    stride = (size.max_len - 2) * 3 // 4
    model = build_model("kie", len(vocab), len(labels), size)
    history = train(
        model,
        kie_examples(train_docs, vocab, size, stride),
        kie_examples(val_docs, vocab, size, stride),
        sequence=False,
        schedule=schedule,
        quiet=quiet,
        augment=chain(
            value_swapper(vocab, seed, swap_share) if swap_share > 0 else None,
            layout_jitter(seed + 1, layout_share) if layout_share > 0 else None,
        ),
    )
    config = {
        "kind": "kie",
        "labels": labels,
        "keys_by_type": by_type,
        "max_len": size.max_len,
        "stride": stride,
        "size": size.to_dict(),
        "seed": seed,
        "trained": date.today().isoformat(),
    }
    write_artifact(out, model, vocab, config)
    summary = {
        "config": config,
        "history": _history_dict(history),
        "alignment": report.to_dict(),
        "schedule": asdict(schedule),
        "layout_docs": len(layouts),
    }
    (out / "training.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return summary
