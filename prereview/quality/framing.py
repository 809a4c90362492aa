"""Cut-off: the material runs past the edge of the photo, so part of it is missing.

Two signs, either is enough:

* **print at the edge** — ink or a dark block crosses the outer strip of the image in short runs, as text
  lines and the portrait of a card do when the frame cuts through them. A clean scan keeps its margins;
  one long run along most of a side (a scanner's dark edge line, the table around a card) is not print,
  nor is a dark block reaching a corner (a header band along the next side, a vignetted corner).
* **the sheet at the edge** — the material (the bright region holding the text) stands out against a
  darker surrounding but touches one or two sides of the frame along part of their length, as a card
  pushed past the edge of the photo does. A page that fills the whole frame touches all four sides and
  is not judged by this sign.
"""

from __future__ import annotations

import cv2
import numpy as np

from prereview.quality.view import PageView

_STRIP = 0.01  # outer strip, as a share of the side across it
_LONGEST_PRINT_RUN = 0.6  # a run longer than this share of the side is a frame line or a table, not print
_DARKER_THAN_PAPER = 40  # a block (a portrait photo) this much darker than the paper is print too
_SIDES = ("top", "bottom", "left", "right")


def runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """``(start, length)`` of each run of True values.

    >>> runs(np.array([0, 1, 1, 0, 1], bool))
    [(1, 2), (4, 1)]
    """
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    changes = np.flatnonzero(np.diff(padded))
    return [(int(start), int(end - start)) for start, end in zip(changes[::2], changes[1::2], strict=True)]


def _edge_strips(mask: np.ndarray) -> dict[str, np.ndarray]:
    """Per side, a flag for each position along it: does ``mask`` hold anything in the outer strip?"""
    height, width = mask.shape
    dy, dx = max(2, round(_STRIP * height)), max(2, round(_STRIP * width))
    return {
        "top": np.any(mask[:dy], axis=0),
        "bottom": np.any(mask[-dy:], axis=0),
        "left": np.any(mask[:, :dx], axis=1),
        "right": np.any(mask[:, -dx:], axis=1),
    }


def _inner_runs(flags: np.ndarray) -> list[int]:
    """Lengths of runs that touch neither end of the side (bands along the next side, dark corners)."""
    return [n for start, n in runs(flags) if start > 0 and start + n < flags.size]


def print_at_edge(view: PageView) -> float:
    """Largest share of one side covered by short runs of print (ink or dark blocks) in the outer strip."""
    blocks = view.paper.astype(np.int16) < view.paper_level - _DARKER_THAN_PAPER
    ink_strips, block_strips = _edge_strips(view.ink), _edge_strips(blocks)
    worst = 0.0
    for side in _SIDES:
        length = ink_strips[side].size
        lengths = [n for _, n in runs(ink_strips[side])] + _inner_runs(block_strips[side])
        short = sum(n for n in lengths if n <= _LONGEST_PRINT_RUN * length)
        worst = max(worst, short / length)
    return worst


def _material_region(view: PageView) -> np.ndarray | None:
    """The bright region (Otsu on the paper background) that holds the most ink, or None."""
    _, bright = cv2.threshold(view.paper, 0, 1, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    count, labels = cv2.connectedComponents(bright.astype(np.uint8), connectivity=4)
    if count < 2:
        return None
    ink_per_label = np.bincount(labels[view.ink], minlength=count)
    ink_per_label[0] = 0
    best = int(np.argmax(ink_per_label))
    return labels == best if ink_per_label[best] > 0 else None


def sheet_at_edge(view: PageView, min_contrast: float = 40.0) -> float:
    """Largest share of a side along which a distinct material region touches the frame (0 if none)."""
    region = _material_region(view)
    if region is None or region.mean() > 0.85 or region.all():
        return 0.0
    outside = view.paper[~region]
    if float(np.median(view.paper[region])) - float(np.median(outside)) < min_contrast:
        return 0.0  # no clear sheet against a background
    touching = {side: flags for side, flags in _edge_strips(region).items() if flags.mean() > 0.02}
    if not touching or len(touching) > 2 or set(touching) in ({"top", "bottom"}, {"left", "right"}):
        return 0.0
    return max(float(flags.mean()) for flags in touching.values())


def cut_off_share(view: PageView) -> float:
    """How much of the frame's edge the material is cut along (0 when it lies fully inside)."""
    return max(print_at_edge(view), sheet_at_edge(view))
