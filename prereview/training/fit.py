"""The training loop: AdamW, per-epoch validation, early stopping on the validation loss.

Progress goes to standard error (a rich bar per epoch, one line of metrics after it); the best epoch's
weights are kept.
"""

from __future__ import annotations

import copy
import math
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch

from prereview.understanding.learned.windows import Window, batch

IGNORE = -100


@dataclass
class Example:
    """One model window and its target: a class id, or one label id per character."""

    window: Window
    target: int | list[int]


@dataclass(frozen=True)
class Schedule:
    epochs: int = 12
    patience: int = 3
    batch_size: int = 16
    lr: float = 2e-3
    seed: int = 0


@dataclass
class History:
    epochs: list[dict[str, float]] = field(default_factory=list)
    best_epoch: int = 0


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def tensors(items: list[Example], sequence: bool) -> tuple[torch.Tensor, ...]:
    """Padded model inputs and targets (ignored positions: ``[CLS]``, ``[SEP]``, padding)."""
    ids, bbox, mask = batch([e.window for e in items])
    if sequence:
        target = torch.tensor([e.target for e in items], dtype=torch.long)
    else:
        labels = np.full(ids.shape, IGNORE, np.int64)
        for row, e in enumerate(items):
            tags = e.target
            assert isinstance(tags, list)
            labels[row, 1 : 1 + len(tags)] = tags
        target = torch.from_numpy(labels)
    return torch.from_numpy(ids), torch.from_numpy(bbox), torch.from_numpy(mask), target


def _loss(model: torch.nn.Module, items: list[Example], sequence: bool) -> tuple[torch.Tensor, torch.Tensor]:
    ids, bbox, mask, target = tensors(items, sequence)
    logits = model(input_ids=ids, bbox=bbox, attention_mask=mask).logits
    loss = torch.nn.functional.cross_entropy(
        logits.reshape(-1, logits.shape[-1]), target.reshape(-1), ignore_index=IGNORE
    )
    return loss, logits


def evaluate(
    model: torch.nn.Module, items: list[Example], sequence: bool, batch_size: int
) -> dict[str, float]:
    """Mean loss and accuracy (per material, or per labelled character)."""
    model.eval()
    total, correct, count, loss_sum = 0, 0, 0, 0.0
    with torch.no_grad():
        for at in range(0, len(items), batch_size):
            chunk = items[at : at + batch_size]
            loss, logits = _loss(model, chunk, sequence)
            _, _, _, target = tensors(chunk, sequence)
            keep = target != IGNORE
            correct += int((logits.argmax(-1)[keep] == target[keep]).sum())
            total += int(keep.sum())
            loss_sum += float(loss.detach()) * len(chunk)
            count += len(chunk)
    return {"loss": loss_sum / max(count, 1), "accuracy": correct / max(total, 1)}


def _bar(total: int, label: str) -> Callable[[int], None]:
    width = 30

    def update(done: int) -> None:
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return update


def train(
    model: torch.nn.Module,
    train_items: list[Example],
    val_items: list[Example],
    *,
    sequence: bool,
    schedule: Schedule,
    quiet: bool = False,
    augment: Callable[[Example], Example] | None = None,
) -> History:
    """Train in place; the model ends with the best validation epoch's weights."""
    seed_everything(schedule.seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=schedule.lr, weight_decay=0.01)
    steps = math.ceil(len(train_items) / schedule.batch_size) * schedule.epochs
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=schedule.lr, total_steps=max(steps, 1), pct_start=0.1
    )
    history, best, best_loss, waited = History(), copy.deepcopy(model.state_dict()), math.inf, 0
    rng = random.Random(schedule.seed)
    for epoch in range(1, schedule.epochs + 1):
        model.train()
        order = list(train_items)
        rng.shuffle(order)
        batches = [order[i : i + schedule.batch_size] for i in range(0, len(order), schedule.batch_size)]
        bar = _bar(len(batches), f"epoch {epoch}") if not quiet else None
        train_loss = 0.0
        for done, chunk in enumerate(batches, start=1):
            loss, _ = _loss(model, [augment(e) for e in chunk] if augment else chunk, sequence)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            train_loss += float(loss.detach())
            if bar:
                bar(done)
        metrics = {"epoch": epoch, "train_loss": train_loss / max(len(batches), 1)}
        metrics |= {
            f"val_{k}": v for k, v in evaluate(model, val_items, sequence, schedule.batch_size).items()
        }
        history.epochs.append(metrics)
        if not quiet:
            print(
                "  ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in metrics.items()),
                file=sys.stderr,
            )
        if metrics["val_loss"] < best_loss - 1e-4:
            best_loss, best, waited, history.best_epoch = (
                metrics["val_loss"],
                copy.deepcopy(model.state_dict()),
                0,
                epoch,
            )
        else:
            waited += 1
            if waited >= schedule.patience:
                break
    model.load_state_dict(best)
    model.eval()
    return history


def predict_logits(model: torch.nn.Module, windows: list[Window], batch_size: int = 32) -> list[np.ndarray]:
    """Torch logits per window (unpadded rows), for calibration and tests."""
    out: list[np.ndarray] = []
    model.eval()
    with torch.no_grad():
        for at in range(0, len(windows), batch_size):
            chunk = windows[at : at + batch_size]
            ids, bbox, mask = (torch.from_numpy(a) for a in batch(chunk))
            logits = model(input_ids=ids, bbox=bbox, attention_mask=mask).logits.numpy()
            out.extend(
                logits[i] if logits.ndim == 2 else logits[i, : len(w.ids)] for i, w in enumerate(chunk)
            )
    return out
