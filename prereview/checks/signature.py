"""Handwritten-signature presence in the box next to a label such as 签字 / 签名 / 签章.

The area to the right of (and just below) the label is binarised; long printed rules (the line to sign
on) and red seal ink are removed; what remains is ink. A signature is present when the ink covers enough
of the area in at least one sizeable connected stroke group. It says *that* something is written there,
not *who* wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import cv2
import numpy as np

from prereview.checks.seal import _crop, red_mask
from prereview.document import Box, Mark, TextLine

SIGNATURE_LABEL = re.compile(r"(签\s*字|签\s*名|签\s*章|签\s*署)")
PRINTED_FORM_TEXT = re.compile(r"[\s年月日（）():：_\-—]*|.*(日期|盖章|印章|公章).*")
MIN_INK_RATIO = 0.004  # ink pixels per area pixel
MIN_STROKE_HEIGHT = 0.35  # tallest ink group relative to the label height


def signature_labels(lines: Sequence[TextLine] | None) -> list[TextLine]:
    """OCR lines that ask for a signature.

    >>> lines = [TextLine("申请人签字：", (0, 0, 60, 20), 0.9), TextLine("日期", (0, 30, 30, 50), 0.9)]
    >>> [ln.text for ln in signature_labels(lines)]
    ['申请人签字：']
    """
    return [ln for ln in lines or [] if SIGNATURE_LABEL.search(ln.text)]


def area_next_to(label: Box, page_width: int, page_height: int) -> Box:
    """Where the signature goes: right of the label, six label-heights wide, a label-height above and below.

    >>> area_next_to((100, 100, 160, 120), 1000, 1000)
    (160, 80, 400, 140)
    """
    h = label[3] - label[1]
    x1 = min(page_width, label[2] + 12 * h)
    return (label[2], max(0, label[1] - h), x1, min(page_height, label[3] + h))


def _ink(crop: np.ndarray) -> np.ndarray:
    gray = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if int(gray.max()) - int(gray.min()) < 40:  # a blank, even area has no ink at all
        return np.zeros_like(gray)
    if crop.ndim == 3:
        ink[red_mask(crop) > 0] = 0
    width = crop.shape[1]
    rule = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, width // 3), 1))
    )
    return cv2.subtract(ink, rule)


def signature_in(
    image: np.ndarray | None, region: Box, *, page: int = 0, label_height: float = 20.0
) -> Mark | None:
    """A signature mark for the ink inside ``region``, or ``None`` when the area is empty.

    >>> signature_in(np.full((100, 300, 3), 255, np.uint8), (0, 0, 300, 100)) is None
    True
    """
    if image is None or image.size == 0:
        return None
    crop, dx, dy = _crop(image, region)
    if crop.size == 0:
        return None
    ink = _ink(crop)
    ratio = float(np.count_nonzero(ink)) / ink.size
    if ratio < MIN_INK_RATIO:
        return None
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    groups = [stats[i] for i in range(1, count) if stats[i][cv2.CC_STAT_AREA] >= 4]
    if not groups or max(g[cv2.CC_STAT_HEIGHT] for g in groups) < MIN_STROKE_HEIGHT * label_height:
        return None
    x0 = min(g[cv2.CC_STAT_LEFT] for g in groups)
    y0 = min(g[cv2.CC_STAT_TOP] for g in groups)
    x1 = max(g[cv2.CC_STAT_LEFT] + g[cv2.CC_STAT_WIDTH] for g in groups)
    y1 = max(g[cv2.CC_STAT_TOP] + g[cv2.CC_STAT_HEIGHT] for g in groups)
    box: Box = (float(x0 + dx), float(y0 + dy), float(x1 + dx), float(y1 + dy))
    return Mark(page=page, box=box, confidence=round(min(1.0, ratio / (4 * MIN_INK_RATIO)), 3))


def find_signatures(
    image: np.ndarray | None,
    lines: Sequence[TextLine] | None = None,
    *,
    page: int = 0,
    region: Box | None = None,
) -> list[Mark]:
    """Signatures next to every signature label in ``lines`` (or inside ``region`` when given).

    >>> find_signatures(np.full((100, 300, 3), 255, np.uint8), [TextLine("签名", (0, 40, 40, 60), 0.9)])
    []
    """
    if image is None or image.size == 0:
        return []
    if region is not None:
        mark = signature_in(image, region, page=page)
        return [mark] if mark else []
    height, width = image.shape[:2]
    marks = []
    for label in signature_labels(lines):
        area = area_next_to(label.box, width, height)
        others = [ln for ln in lines or [] if ln is not label]
        mark = signature_in(_without_print(image, area, others), area, page=page, label_height=label.height)
        if mark:
            marks.append(mark)
    return marks


def _without_print(image: np.ndarray, area: Box, lines: Sequence[TextLine]) -> np.ndarray:
    """A copy with printed form text (date blanks 年 月 日, 日期/盖章 labels) painted white; names stay."""
    out = image.copy()
    for ln in lines:
        overlaps = ln.box[0] < area[2] and ln.box[2] > area[0] and ln.box[1] < area[3] and ln.box[3] > area[1]
        if overlaps and PRINTED_FORM_TEXT.fullmatch(ln.text.strip()):
            x0, y0, x1, y1 = (int(v) for v in ln.box)
            out[max(0, y0) : y1, max(0, x0) : x1] = 255
    return out
