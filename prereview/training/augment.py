"""Window-level augmentations: the same document, seen as if laid out, cropped or filled differently.

The training layouts are few and the test layouts are held out, so a model must not learn where a value
sits on one template. Each function takes an :class:`~prereview.training.fit.Example` and returns a new
one (the input is never changed); :func:`chain` applies several in turn.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np

from prereview.training.fit import Example
from prereview.understanding.learned.tokens import SCALE
from prereview.understanding.learned.windows import Window

Augment = Callable[[Example], Example]


def layout_jitter(seed: int, share: float = 0.8, scale: float = 0.2, shift: int = 120) -> Augment:
    """With probability ``share``, stretch and move the window's 0–1000 boxes (x and y on their own).

    >>> ids = np.array([2, 5, 6, 3])
    >>> boxes = np.array([[0] * 4, [100, 100, 200, 150], [200, 100, 300, 150], [1000] * 4])
    >>> moved = layout_jitter(1, share=1.0)(Example(Window(0, ids, boxes), [0, 1])).window.bbox
    >>> moved[0].tolist(), moved[-1].tolist(), bool((moved[1:3] != boxes[1:3]).any())
    ([0, 0, 0, 0], [1000, 1000, 1000, 1000], True)
    """
    rng = random.Random(seed)

    def jitter(example: Example) -> Example:
        if rng.random() >= share:
            return example
        box = example.window.bbox.astype(np.float64)
        inner = box[1:-1]
        for axis in (0, 1):
            factor = 1 + rng.uniform(-scale, scale)
            offset = rng.uniform(-shift, shift)
            inner[:, [axis, axis + 2]] = inner[:, [axis, axis + 2]] * factor + offset
        box[1:-1] = np.clip(inner, 0, SCALE)
        return Example(Window(example.window.start, example.window.ids, box.astype(np.int64)), example.target)

    return jitter


def random_crop(seed: int, share: float = 0.5, keep: float = 0.4) -> Augment:
    """With probability ``share``, keep only a random run of at least ``keep`` of the window's characters
    (a classifier must also know a material from part of it: a title OCR missed, a folded page).

    >>> ids = np.arange(12); boxes = np.zeros((12, 4), np.int64)
    >>> cropped = random_crop(3, share=1.0)(Example(Window(0, ids, boxes), 4))
    >>> cropped.window.ids[0], cropped.window.ids[-1], 6 <= len(cropped.window.ids) <= 12, cropped.target
    (np.int64(0), np.int64(11), True, 4)
    """
    rng = random.Random(seed)

    def crop(example: Example) -> Example:
        window = example.window
        n = window.size
        if n < 8 or rng.random() >= share or not isinstance(example.target, int):
            return example
        length = rng.randint(max(1, int(n * keep)), n)
        start = rng.randint(0, n - length)
        rows = [0, *range(1 + start, 1 + start + length), n + 1]
        return Example(Window(window.start + start, window.ids[rows], window.bbox[rows]), example.target)

    return crop


def chain(*augments: Augment | None) -> Augment | None:
    """The given augmentations applied in order (``None`` entries skipped); ``None`` if there are none."""
    chosen = [a for a in augments if a is not None]
    if not chosen:
        return None

    def apply(example: Example) -> Example:
        for augment in chosen:
            example = augment(example)
        return example

    return apply
