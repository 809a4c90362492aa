"""Which way up the page is, decided cheaply from what the OCR already read.

The pipeline reads the page as it came (``lines = engine.recognize(image)``). When those lines
:func:`looks_upright` — mostly wide boxes, recognised with high confidence — nothing more is done, so an
upright page costs nothing extra. Otherwise :func:`best_rotation` probes the candidate turns on a small
strip of the page's own text lines (one short ``recognize`` call each): tall boxes mean the page lies on
its side (90 or 270), wide boxes read with low confidence may be upside down (180). Only when a turn
clearly reads better is the whole page read again, turned, and its boxes mapped back to the input.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from prereview.document import TextLine
from prereview.ocr.base import OcrEngine
from prereview.ocr.enlarge import enlarge, enlargement, shrink_lines
from prereview.quality.rotation import rotate_image, unrotate_lines

UPRIGHT_CONFIDENCE = 0.85  # char-weighted mean recognition confidence of an upright page
_PROBE_LINES = 6  # text lines cut out for a probe
_PROBE_HEIGHT = 40  # probe lines are scaled to this height
_PROBE_MARGIN = 0.1  # a turn must read this much better to be tried on the whole page


@dataclass(frozen=True)
class Orientation:
    """The clockwise turn that makes the page upright, how well it reads that way, and its lines."""

    rotation: int
    confidence: float
    lines: list[TextLine]  # in the input image's pixels


def _chars(line: TextLine) -> int:
    return max(1, len(line.text.strip()))


def _is_wide(line: TextLine) -> bool:
    x0, y0, x1, y1 = line.box
    return (x1 - x0) >= (y1 - y0)


def mean_confidence(lines: list[TextLine]) -> float:
    """Recognition confidence averaged over characters (long lines weigh more); 0 without lines.

    >>> mean_confidence([TextLine("王小明", (0, 0, 90, 30), 0.9), TextLine("男", (0, 40, 30, 70), 0.5)])
    0.8
    """
    total = sum(_chars(line) for line in lines)
    return sum(line.confidence * _chars(line) for line in lines) / total if total else 0.0


def wide_share(lines: list[TextLine]) -> float:
    """Share of characters in boxes at least as wide as tall (horizontal text lines); 1 without lines.

    >>> wide_share([TextLine("王小明", (0, 0, 90, 30), 0.9), TextLine("男", (0, 40, 30, 70), 0.5)])
    1.0
    >>> wide_share([TextLine("王小明", (0, 0, 30, 90), 0.9)])
    0.0
    """
    total = sum(_chars(line) for line in lines)
    return sum(_chars(line) for line in lines if _is_wide(line)) / total if total else 1.0


def reading_score(lines: list[TextLine]) -> float:
    """How well a page reads this way up: confidence of the characters in horizontal lines (0–1)."""
    return mean_confidence(lines) * wide_share(lines)


def looks_upright(lines: list[TextLine], min_confidence: float = UPRIGHT_CONFIDENCE) -> bool:
    """True when lines read on the page as given show it upright (or there is no text to turn).

    >>> looks_upright([]), looks_upright([TextLine("申请人", (0, 0, 90, 30), 0.98)])
    (True, True)
    >>> looks_upright([TextLine("申请人", (0, 0, 30, 90), 0.98)])  # tall box: the page lies on its side
    False
    """
    if not lines:
        return True
    return wide_share(lines) >= 0.5 and mean_confidence(lines) >= min_confidence


def probe_strip(image: np.ndarray, lines: list[TextLine], rotation: int) -> np.ndarray:
    """The longest lines cut out, each turned by ``rotation`` and scaled to one height, stacked."""
    longest = sorted(lines, key=_chars, reverse=True)[:_PROBE_LINES]
    rows = []
    for line in longest:
        x0, y0, x1, y1 = (round(v) for v in line.box)
        crop = rotate_image(image[max(0, y0) : y1, max(0, x0) : x1], rotation)
        if crop.size == 0:
            continue
        width = max(1, min(1200, round(crop.shape[1] * _PROBE_HEIGHT / crop.shape[0])))
        rows.append(cv2.resize(crop, (width, _PROBE_HEIGHT), interpolation=cv2.INTER_AREA))
    if not rows:
        return np.full((_PROBE_HEIGHT, _PROBE_HEIGHT, 3), 255, np.uint8)
    pad = _PROBE_HEIGHT // 2
    strip = np.full(
        (len(rows) * (_PROBE_HEIGHT + pad) + pad, max(r.shape[1] for r in rows) + 2 * pad, 3), 255, np.uint8
    )
    for i, row in enumerate(rows):
        top = pad + i * (_PROBE_HEIGHT + pad)
        strip[top : top + _PROBE_HEIGHT, pad : pad + row.shape[1]] = row
    return strip


def probe(image: np.ndarray, engine: OcrEngine, lines: list[TextLine], rotation: int) -> float:
    """Reading score of a strip of the page's own lines turned by ``rotation`` (one small OCR call)."""
    return reading_score(engine.recognize(probe_strip(image, lines, rotation)))


def _probed_turn(image: np.ndarray, engine: OcrEngine, lines: list[TextLine]) -> int:
    """The turn the probes favour: 90 or 270 for a page on its side, 180 or 0 for one lying flat."""
    if wide_share(lines) < 0.5:
        tall = [line for line in lines if not _is_wide(line)]
        scores = {turn: probe(image, engine, tall, turn) for turn in (270, 90)}
        return max(scores, key=lambda turn: scores[turn])
    upright, upside_down = probe(image, engine, lines, 0), probe(image, engine, lines, 180)
    return 180 if upside_down > upright + _PROBE_MARGIN else 0


def best_rotation(image: np.ndarray, engine: OcrEngine, first_lines: list[TextLine]) -> Orientation:
    """The upright reading of ``image`` given the lines already read on it as it came.

    Returns the turn and the lines to use, always in ``image``'s pixels: ``first_lines`` untouched when
    the page looks upright (no extra OCR), else the lines read on the turned page, mapped back.
    """
    if looks_upright(first_lines):
        return Orientation(0, round(mean_confidence(first_lines), 4), list(first_lines))
    image = _as_bgr(image)
    turn = _probed_turn(image, engine, first_lines)
    if turn == 0:
        return Orientation(0, round(reading_score(first_lines), 4), list(first_lines))
    turned = engine.recognize(rotate_image(image, turn))
    if reading_score(turned) <= reading_score(first_lines):
        return Orientation(0, round(reading_score(first_lines), 4), list(first_lines))
    height, width = image.shape[:2]
    return Orientation(turn, round(reading_score(turned), 4), unrotate_lines(turned, turn, width, height))


def orient_and_read(image: np.ndarray, engine: OcrEngine) -> tuple[int, list[TextLine]]:
    """What the pipeline calls: read the page (enlarged first when it is small, :mod:`prereview.ocr.enlarge`),
    turn it upright if needed; boxes in ``image``'s pixels."""
    factor = enlargement(image.shape[1], image.shape[0])
    page = enlarge(image, factor)
    found = best_rotation(page, engine, engine.recognize(page))
    return found.rotation, shrink_lines(found.lines, factor)


def detect_orientation(image: np.ndarray, engine: OcrEngine, side: int = 960) -> tuple[int, float]:
    """``(rotation, confidence)``: the clockwise turn that makes the page upright, read on a copy whose
    longest side is at most ``side`` so it stays fast; confidence is how well it reads that way (0–1)."""
    height, width = image.shape[:2]
    scale = min(1.0, side / max(height, width, 1))
    small = (
        image
        if scale >= 1.0
        else cv2.resize(
            image, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA
        )
    )
    found = best_rotation(small, engine, engine.recognize(small))
    return found.rotation, found.confidence


def _as_bgr(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR) if image.shape[2] == 4 else image
