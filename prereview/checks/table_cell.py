"""The ruled table cell around a printed label, found from the rule masks of :mod:`prereview.checks.ink`.

A label is in a table when a horizontal rule runs across it above and below. The cell's sides are the
nearest vertical rules that span the row; the cell to the right is bounded by the next one. Rules are
located in narrow strips (the label's columns, the label's row) so a photo tilted by a few degrees
still gives the right cell.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from prereview.document import Box

MIN_COVER = 0.6  # share of the label's width a horizontal rule must run under/over


@dataclass(frozen=True)
class Cell:
    """A label's cell (inside its rules) and the next cell right of it in the same row, in page pixels."""

    box: Box
    right: Box | None


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """``(start, end)`` (end exclusive) of the runs of True in a 1-D array.

    >>> _runs(np.array([0, 1, 1, 0, 1], bool))
    [(1, 3), (4, 5)]
    """
    padded = np.concatenate([[False], flags.astype(bool), [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _row_bounds(horizontal: np.ndarray, x0: int, x1: int, y0: int, y1: int) -> tuple[int, int] | None:
    """The inner edges of the rules just above ``y0`` and just below ``y1`` across columns x0..x1."""
    strip = horizontal[:, max(0, x0) : max(0, x1)]
    if strip.size == 0:
        return None
    spread = int(0.08 * strip.shape[1]) + 3  # a tilted rule climbs across the strip
    thick = cv2.dilate(strip, np.ones((spread, 1), np.uint8))
    runs = _runs((thick > 0).mean(axis=1) >= MIN_COVER)
    above = [end for start, end in runs if end <= y0 + spread // 2]
    below = [start for start, end in runs if start >= y1 - spread // 2]
    if not above or not below:
        return None
    return max(above), min(below)


def _column_rules(vertical: np.ndarray, top: int, bottom: int) -> list[int]:
    """x of the vertical rules spanning at least 80 % of rows top..bottom, left to right."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(vertical, connectivity=8)
    xs = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        covered = min(y + h, bottom) - max(y, top)
        if covered >= 0.8 * (bottom - top) and w <= 0.25 * h + 6:
            xs.append(x + w // 2)
    return sorted(xs)


def cell_around(
    label: Box, horizontal: np.ndarray, vertical: np.ndarray, origin: tuple[int, int]
) -> Cell | None:
    """The cell holding ``label`` (page pixels) given rule masks whose pixel (0, 0) is page ``origin``.

    >>> horizontal = np.zeros((100, 200), np.uint8); vertical = np.zeros_like(horizontal)
    >>> horizontal[[10, 90], :] = 255; vertical[:, [5, 60, 190]] = 255
    >>> cell_around((20, 40, 50, 60), horizontal, vertical, (0, 0))
    Cell(box=(5.0, 13.0, 60.0, 88.0), right=(60.0, 13.0, 190.0, 88.0))
    >>> cell_around((20, 40, 50, 60), np.zeros_like(horizontal), vertical, (0, 0)) is None
    True
    """
    dx, dy = origin
    x0, y0, x1, y1 = (round(v) for v in (label[0] - dx, label[1] - dy, label[2] - dx, label[3] - dy))
    bounds = _row_bounds(horizontal, x0, x1, y0, y1)
    if bounds is None:
        return None
    top, bottom = bounds
    xs = _column_rules(vertical, top, bottom)
    width = horizontal.shape[1]
    left = max([x for x in xs if x <= x0], default=0)
    rights = [x for x in xs if x >= x1 - 2]
    right = rights[0] if rights else width
    box: Box = (float(left + dx), float(top + dy), float(right + dx), float(bottom + dy))
    if not rights:
        return Cell(box, None)
    far = next((x for x in rights[1:] if x > right + (y1 - y0)), width)
    return Cell(box, (float(right + dx), float(top + dy), float(far + dx), float(bottom + dy)))
