"""Token sequences cut into model windows: ``[CLS] chars… [SEP]``, overlapping for long documents.

Both training and inference use these functions, so a model always sees the same encoding.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from prereview.understanding.learned.tokens import SCALE, Token
from prereview.understanding.learned.vocab import Vocab

CLS_BOX = (0, 0, 0, 0)
SEP_BOX = (SCALE, SCALE, SCALE, SCALE)


@dataclass
class Window:
    """Tokens ``start:start + n`` as model input (``n`` characters between ``[CLS]`` and ``[SEP]``)."""

    start: int
    ids: np.ndarray  # [n + 2]
    bbox: np.ndarray  # [n + 2, 4]

    @property
    def size(self) -> int:
        return len(self.ids) - 2


def spans(count: int, length: int, stride: int) -> list[tuple[int, int]]:
    """Start/end of windows of ``length`` characters every ``stride`` covering ``count`` characters.

    >>> spans(10, 4, 3)
    [(0, 4), (3, 7), (6, 10)]
    >>> spans(0, 4, 3)
    [(0, 0)]
    """
    if count <= length:
        return [(0, count)]
    out = []
    start = 0
    while True:
        end = min(start + length, count)
        out.append((end - length, end) if end == count else (start, end))
        if end == count:
            return out
        start += stride


def encode(tokens: list[Token], vocab: Vocab, start: int, end: int) -> Window:
    """One window's ids and 0–1000 boxes."""
    ids = [2, *(vocab.encode(t.char) for t in tokens[start:end]), 3]
    boxes = [CLS_BOX, *(t.position for t in tokens[start:end]), SEP_BOX]
    return Window(start, np.array(ids, np.int64), np.array(boxes, np.int64).reshape(-1, 4))


def windows(tokens: list[Token], vocab: Vocab, max_len: int, stride: int | None = None) -> list[Window]:
    """Windows covering every token (``max_len`` counts ``[CLS]`` and ``[SEP]``)."""
    length = max_len - 2
    return [encode(tokens, vocab, s, e) for s, e in spans(len(tokens), length, stride or length)]


def batch(items: list[Window]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Padded ``ids``, ``bbox`` and ``attention_mask`` of windows."""
    width = max(len(w.ids) for w in items)
    ids = np.zeros((len(items), width), np.int64)
    bbox = np.zeros((len(items), width, 4), np.int64)
    mask = np.zeros((len(items), width), np.int64)
    for row, window in enumerate(items):
        n = len(window.ids)
        ids[row, :n], bbox[row, :n], mask[row, :n] = window.ids, window.bbox, 1
    return ids, bbox, mask
