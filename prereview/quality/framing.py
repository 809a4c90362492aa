"""Cut-off: the material runs past the edge of the photo, so part of it is missing.

The judgement starts from the **document region**: the bright region (Otsu on the paper background) that
holds the most ink, with thin bridges to bright surroundings (light stripes of a desk) opened away and its
holes filled. Which frame sides it touches says how the picture was taken:

* **none** — the whole document lies inside the frame with a margin: complete, whatever the desk around
  it looks like (wood grain and shadows outside the document are never print).
* **one side, or two adjacent sides** — a sheet that stands out against a darker surrounding is pushed
  past the frame: its own edge runs through the frame border. The share of the side it touches is the
  measure.
* **three or four sides, or two opposite sides** — the document fills the frame (a scan, or a scanner
  app's exact crop of a card to its edges). Its edges coinciding with the frame is complete; it is cut
  off only where its **print** runs through the frame border: ink or a dark block (a portrait) in the
  outer strip, in short runs, as text lines cut by the frame leave them. A run along most of a side (a
  scanner's dark edge line) is not print, nor is a piece touching two sides of the frame (a card's dark
  rounded corner, a header band bled to the edges).
"""

from __future__ import annotations

import cv2
import numpy as np

from prereview.quality.view import PageView

_STRIP = 0.01  # outer strip, as a share of the side across it
_LONGEST_PRINT_RUN = 0.6  # a run longer than this share of the side is a frame line or a table, not print
_DARKER_THAN_PAPER = 40  # a block (a portrait photo) this much darker than the paper is print too
_MAX_BLOCKS = 2  # more dark runs than this along a side, with no ink cut there, are a desk's stripes
_LONGEST_BLOCK = 0.6  # a dark run longer than this share of a side is no portrait
_BRIDGE = 0.05  # bright bridges narrower than this share of the short side are opened away
_EDGE_STEP = 15.0  # a sheet's own edge: its paper this much brighter just inside than just outside
_EDGE_BAND = 0.008  # width of the bands either side of the edge, as a share of the short side
_TOUCH = 0.02  # a side is touched when the region covers more than this share of its outer strip
_SHEET_CUT = 0.1  # a sheet's own edge runs through the frame along at least this share of a side
_CORNER = 0.08  # a piece within this share of the short side from a frame corner is a rounded corner
_SIDES = ("top", "bottom", "left", "right")
_OPPOSITE = ({"top", "bottom"}, {"left", "right"})


def runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """``(start, length)`` of each run of True values.

    >>> runs(np.array([0, 1, 1, 0, 1], bool))
    [(1, 2), (4, 1)]
    """
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    changes = np.flatnonzero(np.diff(padded))
    return [(int(start), int(end - start)) for start, end in zip(changes[::2], changes[1::2], strict=True)]


def _strip_widths(shape: tuple[int, ...]) -> tuple[int, int]:
    height, width = shape[:2]
    return max(2, round(_STRIP * height)), max(2, round(_STRIP * width))


def edge_strips(mask: np.ndarray) -> dict[str, np.ndarray]:
    """Per side, a flag for each position along it: does ``mask`` hold anything in the outer strip?

    >>> mask = np.zeros((100, 100), bool); mask[40:60, 98:] = True
    >>> {side: int(flags.sum()) for side, flags in edge_strips(mask).items()}
    {'top': 0, 'bottom': 0, 'left': 0, 'right': 20}
    """
    dy, dx = _strip_widths(mask.shape)
    return {
        "top": np.any(mask[:dy], axis=0),
        "bottom": np.any(mask[-dy:], axis=0),
        "left": np.any(mask[:, :dx], axis=1),
        "right": np.any(mask[:, -dx:], axis=1),
    }


def touched_sides(mask: np.ndarray) -> dict[str, float]:
    """The frame sides ``mask`` touches, with the share of each side it covers.

    >>> mask = np.zeros((100, 100), bool); mask[20:100, 10:90] = True
    >>> touched_sides(mask)
    {'bottom': 0.8}
    """
    return {side: float(f.mean()) for side, f in edge_strips(mask).items() if f.mean() > _TOUCH}


def document_region(view: PageView) -> np.ndarray | None:
    """The bright region holding the most ink, bridges opened away and holes filled; None if no ink."""
    _, bright = cv2.threshold(view.paper, 0, 1, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    size = max(3, round(_BRIDGE * min(view.paper.shape)) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    opened = cv2.morphologyEx(bright.astype(np.uint8), cv2.MORPH_OPEN, kernel)
    count, labels = cv2.connectedComponents(opened, connectivity=4)
    if count < 2:
        return None
    ink_per_label = np.bincount(labels[view.ink], minlength=count)
    ink_per_label[0] = 0
    best = int(np.argmax(ink_per_label))
    if ink_per_label[best] == 0:
        return None
    contours, _ = cv2.findContours(
        (labels == best).astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE
    )
    filled = np.zeros(view.paper.shape, np.uint8)
    cv2.drawContours(filled, contours, -1, 1, thickness=cv2.FILLED)
    return filled.astype(bool)


def edge_step(view: PageView, region: np.ndarray) -> float:
    """How much brighter the paper is just inside the region's border than just outside it (away from the
    frame). A sheet's own edge is a sharp step; the border Otsu draws through uneven light on one page is
    a gentle slope and gives almost nothing."""
    band = max(2, round(_EDGE_BAND * min(region.shape)))
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * band + 1, 2 * band + 1))
    mask = region.astype(np.uint8)
    inner = (mask - cv2.erode(mask, kernel)).astype(bool)
    outer = (cv2.dilate(mask, kernel) - mask).astype(bool)
    dy, dx = _strip_widths(region.shape)
    away = np.zeros(region.shape, bool)
    away[dy:-dy, dx:-dx] = True
    inner, outer = inner & away, outer & away
    if not inner.any() or not outer.any():
        return 0.0
    return float(np.median(view.paper[inner])) - float(np.median(view.paper[outer]))


def _without_corner_pieces(mask: np.ndarray) -> np.ndarray:
    """``mask`` less every piece that touches two sides of the frame (a band bled across the page) or lies
    in a corner of the frame (the dark rounded corner outside a card cropped to its edges): such a piece
    is no print cut by one side."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    dy, dx = _strip_widths(mask.shape)
    height, width = mask.shape
    corner = _CORNER * min(height, width)
    keep = np.ones(count, bool)
    keep[0] = False
    for label in range(1, count):
        x, y, w, h = (int(v) for v in stats[label, :4])
        sides = (y < dy) + (y + h > height - dy) + (x < dx) + (x + w > width - dx)
        in_corner = (x + w <= corner or x >= width - corner) and (y + h <= corner or y >= height - corner)
        keep[label] = sides < 2 and not in_corner
    return keep[labels]


def _short_runs(flags: np.ndarray) -> int:
    """Positions covered by runs no longer than the longest run print makes along a side."""
    return sum(n for _, n in runs(flags) if n <= _LONGEST_PRINT_RUN * flags.size)


def print_at_edge(view: PageView, region: np.ndarray | None = None) -> float:
    """Largest share of one side covered by short runs of print in the outer strip.

    Print is ink (text strokes) and dark blocks (a portrait). Blocks count on a side where ink is cut
    too, or when they are one or two compact pieces (a portrait cut by the frame): many dark runs along
    a side are a desk's stripes or shadows, not a cut document. Only print inside ``region`` (the
    document) counts when it is given.
    """
    blocks = view.paper.astype(np.int16) < view.paper_level - _DARKER_THAN_PAPER
    ink = view.ink if region is None else view.ink & region
    blocks = blocks if region is None else blocks & region
    kept = _without_corner_pieces(ink | blocks)  # a dark corner is a block fading into thin ink along its arc
    ink_strips, block_strips = edge_strips(ink & kept), edge_strips(blocks & kept)
    worst = 0.0
    for side in _SIDES:
        cut_ink, dark = ink_strips[side], block_strips[side]
        dark_runs = runs(dark)
        compact = len(dark_runs) <= _MAX_BLOCKS and all(n <= _LONGEST_BLOCK * dark.size for _, n in dark_runs)
        printed = cut_ink | dark if (_short_runs(cut_ink) or compact) else cut_ink
        worst = max(worst, _short_runs(printed) / printed.size)
    return worst


def convex_hull(region: np.ndarray) -> np.ndarray:
    """The region with its notches filled: a portrait block cut by the frame lies inside the document.

    >>> notched = np.ones((10, 10), bool); notched[4:6, 8:] = False
    >>> bool(convex_hull(notched)[5, 9])
    True
    """
    contours, _ = cv2.findContours(region.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = np.zeros(region.shape, np.uint8)
    if contours:
        cv2.fillConvexPoly(hull, cv2.convexHull(np.concatenate(contours)), 1)
    return hull.astype(bool)


def cut_off_share(view: PageView) -> float:
    """How much of the frame's edge the material is cut along (0 when it lies fully inside)."""
    region = document_region(view)
    if region is None:
        return print_at_edge(view)
    touched = touched_sides(region)
    if not touched:
        return 0.0  # the whole document is inside the frame
    fills_frame = len(touched) > 2 or set(touched) in _OPPOSITE
    document = convex_hull(region)
    if not fills_frame and edge_step(view, region) >= _EDGE_STEP:
        sheet = max(touched.values())
        return max(sheet if sheet >= _SHEET_CUT else 0.0, print_at_edge(view, document))
    return print_at_edge(view, document)
