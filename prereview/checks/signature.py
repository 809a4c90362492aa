"""Handwritten-signature presence in the area a label such as 申请人签字 / 委托人（签字）/ 甲方（签章）asks.

1. **Labels.** OCR lines whose text is a signature caption (``签字 签名 签章 签署`` with a short role
   before it), not a sentence that merely mentions signing (本合同自双方签字之日起生效). When OCR read
   the label and a name written after it as one line, only the label's own share of the box is the label.
2. **Areas.** In a ruled table (rules above and below the label) the area is the rest of the label's
   cell and, when the label fills its cell, the next cell to the right, bounded by the vertical rules.
   Otherwise it is the space right of the label up to the next printed caption (below it, when the label
   ends at the page edge).
3. **Ink.** Dark pixels against the local paper, minus red seal ink, ruling lines in both directions,
   and printed OCR lines (dates, captions, long text). A line that reads like a name stays: a signature
   written in a regular hand is often read by OCR, and is a signature all the same.
4. **Decision.** Strokes are grouped; groups that are thin straight lines or specks are dropped. A
   signature needs groups with real 2-D extent relative to the label height. Leftover ink that is not
   clearly a signature is an *unclear* result: a :class:`Mark` with confidence ``UNCLEAR`` that
   ``find_signatures`` returns only with ``with_unclear=True`` (a reviewer should treat it as "a person
   looks", never as signed).

It says *that* something is written there, not *who* wrote it (``Mark.text`` carries what OCR read
there, when it read a name).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np

from prereview.checks.ink import dominant_tilt, ink_mask, is_thin_line, rule_masks
from prereview.checks.seal import _crop
from prereview.checks.table_cell import Cell, cell_around
from prereview.document import Box, Mark, TextLine
from prereview.quality.rotation import rotate_image, turn_lines, unrotate_box

SIGNATURE_WORD = re.compile(r"签\s*[字名章署]")
SENTENCE = re.compile(r"[，。；,;！？!?]")
FILLER = "（）()[]【】 　:：或盖章手印按捺、/"  # between the keyword and what follows it: （签字或盖章）：
NOT_A_CAPTION = tuple("之后的时处前并日即")  # 签字之日 / 签字后 / 签名的: a sentence, not a caption
NAME = re.compile(r"[\u4e00-\u9fff·•．.]{2,6}")
PRINT = re.compile(r"\d{2}|\d\s*[年月日]|[：:（）()]|年\s*月|日期|盖章|签|姓名|名称|电话|地址|号码")
UNCLEAR = 0.3  # confidence of an "ink there, but not clearly a signature" mark
SIGNED = 0.6  # confidence at or above which a mark is a signature


@dataclass(frozen=True)
class SignatureLabel:
    """A caption asking for a signature: its OCR line, the caption's own box, and what follows it."""

    line: TextLine
    box: Box
    caption: str
    rest: str  # text after the caption on the same OCR line: a name read there, or print

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


def _weight(text: str) -> float:
    return sum(0.55 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def parse_label(line: TextLine) -> SignatureLabel | None:
    """The signature caption in ``line``, or ``None`` when the line is not one.

    >>> label = parse_label(TextLine("委托人（签字）：张三", (0, 0, 100, 20), 0.9))
    >>> label.box, label.rest
    ((0, 0, 80.0, 20), '张三')
    >>> parse_label(TextLine("本合同自双方签字之日起生效", (0, 0, 100, 20), 0.9)) is None
    True
    """
    text = line.text.strip()
    found = SIGNATURE_WORD.search(text)
    if found is None or SENTENCE.search(text[: found.end() + 2]) or len(text[: found.start()]) > 10:
        return None
    end = found.end()
    while end < len(text) and text[end] in FILLER:
        end += 1
    rest = text[end:].strip()
    if rest.startswith(NOT_A_CAPTION) or SENTENCE.search(rest) or len(text) > 24:
        return None
    x0, y0, x1, y1 = line.box
    share = _weight(text[:end]) / max(_weight(text), 1e-9) if rest else 1.0
    return SignatureLabel(line, (x0, y0, round(x0 + (x1 - x0) * share, 1), y1), text[:end], rest)


def locate_caption(image: np.ndarray, label: SignatureLabel) -> SignatureLabel:
    """The caption's box measured on the page: OCR boxes often run on over a signature written right
    after the caption, so the caption ends where its characters, at the size of its first glyphs, end.

    >>> page = np.full((60, 400, 3), 255, np.uint8); page[20:44, 10:202] = 0  # eight 24 px glyphs
    >>> label = parse_label(TextLine("委托人（签字）：", (5, 12, 390, 52), 0.9))
    >>> locate_caption(page, label).box
    (5, 16.4, 220.1, 47.6)
    """
    x0, y0, _, y1 = label.line.box
    line_height = y1 - y0
    crop, _, dy = _crop(image, (x0, y0, x0 + 1.5 * line_height, y1))
    if crop.size == 0 or crop.ndim != 3:
        return label
    rows = np.flatnonzero(np.count_nonzero(ink_mask(crop, max(3, round(0.3 * line_height))), axis=1) >= 2)
    if len(rows) < 3:
        return label
    glyph = float(rows[-1] - rows[0] + 1)
    pitch = min(max(glyph * 1.08, 0.35 * line_height), float(line_height))
    end = min(label.box[2], x0 + (_weight(label.caption) + 0.3) * pitch)
    top, bottom = float(dy + rows[0] - 0.15 * glyph), float(dy + rows[-1] + 1 + 0.15 * glyph)
    return SignatureLabel(
        label.line, (x0, round(top, 1), round(end, 1), round(bottom, 1)), label.caption, label.rest
    )


def signature_labels(lines: Sequence[TextLine] | None) -> list[SignatureLabel]:
    """The signature captions among OCR lines.

    >>> lines = [TextLine("申请人签字：", (0, 0, 60, 20), 0.9), TextLine("日期", (0, 30, 30, 50), 0.9)]
    >>> [label.line.text for label in signature_labels(lines)]
    ['申请人签字：']
    """
    return [label for ln in lines or [] if (label := parse_label(ln)) is not None]


def reads_as_signature(line: TextLine) -> bool:
    """True for OCR text that may be the signature itself: a short name, or a garbled read of a scrawl.
    Dates, numbers, captions and long printed sentences are print.

    >>> read = [("陶月霞", 0.9), ("Mh", 0.7), ("2025年6月1日", 1), ("日期：", 1), ("本人承诺内容属实", 1)]
    >>> [reads_as_signature(TextLine(t, (0, 0, 1, 1), c)) for t, c in read]
    [True, True, False, False, False]
    """
    text = line.text.strip()
    if not text or PRINT.search(text):
        return False
    return len(text) <= 6 or line.confidence < 0.6


def _printed(label: SignatureLabel, lines: Sequence[TextLine]) -> list[Box]:
    """Boxes of print near a label whose ink is not a signature: the caption and every non-name line."""
    rest = TextLine(label.rest, label.line.box, label.line.confidence)
    boxes = [label.box if not label.rest or reads_as_signature(rest) else label.line.box]
    return boxes + [ln.box for ln in lines if ln is not label.line and not reads_as_signature(ln)]


def _map_box(box: Box, matrix: np.ndarray) -> Box:
    """The axis-aligned hull of ``box``'s corners under a 2×3 affine ``matrix``."""
    corners = np.array([[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]], np.float64)
    moved = corners @ matrix[:, :2].T + matrix[:, 2]
    (x0, y0), (x1, y1) = moved.min(axis=0), moved.max(axis=0)
    return (float(x0), float(y0), float(x1), float(y1))


def _slope(line: TextLine) -> float:
    """The angle in degrees of an OCR line's polygon (its top and bottom edges), 0.0 without one.

    >>> round(_slope(TextLine("签名", (0, 0, 100, 30), 1.0, ((0, 10), (100, 0), (100, 20), (0, 30)))), 1)
    -5.7
    """
    if line.polygon is None or len(line.polygon) != 4:
        return 0.0
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = line.polygon
    angle = math.degrees(math.atan2((by - ay) + (cy - dy), (bx - ax) + (cx - dx)))
    return angle if abs(angle) <= 10 else 0.0


def _move_box(box: Box, matrix: np.ndarray) -> Box:
    """``box`` of the same size, its centre carried by the affine ``matrix`` (a caption stays its size)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    mx, my = matrix[:, :2] @ (cx, cy) + matrix[:, 2]
    half_w, half_h = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    return (float(mx - half_w), float(my - half_h), float(mx + half_w), float(my + half_h))


@dataclass
class _Window:
    """The neighbourhood of one label, cut out and turned level (a photo's rules tilt a few degrees):
    its ink with rules and print removed, its rules, and the label and lines in the window's pixels."""

    ink: np.ndarray
    horizontal: np.ndarray
    vertical: np.ndarray
    to_window: np.ndarray  # 2×3 affine, page pixels → window pixels
    label: SignatureLabel
    lines: list[TextLine]

    @classmethod
    def around(cls, image: np.ndarray, label: SignatureLabel, lines: Sequence[TextLine]) -> _Window:
        h = label.height
        x0, y0, x1, y1 = label.box
        crop, dx, dy = _crop(image, (x0 - 3 * h, y0 - 6 * h, x1 + 24 * h, y1 + 6 * h))
        stroke = max(3, round(0.3 * h))
        ink = ink_mask(crop, stroke)
        to_window = np.array([[1.0, 0.0, -dx], [0.0, 1.0, -dy]])
        tilt = dominant_tilt(ink, round(4 * h)) or _slope(label.line)
        if abs(tilt) > 0.3:
            turn = cv2.getRotationMatrix2D((crop.shape[1] / 2, crop.shape[0] / 2), tilt, 1.0)
            crop = cv2.warpAffine(crop, turn, crop.shape[1::-1], borderMode=cv2.BORDER_REPLICATE)
            ink = ink_mask(crop, stroke)
            to_window = turn @ np.vstack([to_window, [0.0, 0.0, 1.0]])
        horizontal, vertical = rule_masks(ink, round(2.5 * h))
        ink = cv2.bitwise_and(
            ink, cv2.bitwise_not(cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8)))
        )
        moved = replace(label, box=_move_box(label.box, to_window))
        pairs = [(ln, replace(ln, box=_map_box(ln.box, to_window), polygon=None)) for ln in lines]
        near = [new for _, new in pairs if new.box[2] > 0 and new.box[3] > 0 and new.box[0] < ink.shape[1]]
        moved = replace(moved, line=next((new for old, new in pairs if old is label.line), label.line))
        pad = max(2, round(0.1 * h))
        for bx0, by0, bx1, by1 in _printed(moved, near):
            top, bottom = max(0, int(by0) - pad), max(0, math.ceil(by1) + pad)
            ink[top:bottom, max(0, int(bx0) - pad) : max(0, math.ceil(bx1) + pad)] = 0
        return cls(ink, horizontal, vertical, to_window, moved, near)

    def crop(self, box: Box) -> tuple[np.ndarray, int, int]:
        """The ink inside ``box`` (window pixels) and the window position of its corner."""
        h, w = self.ink.shape
        x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
        x1, y1 = min(w, math.ceil(box[2])), min(h, math.ceil(box[3]))
        if x1 <= x0 or y1 <= y0:
            return self.ink[0:0, 0:0], x0, y0
        return self.ink[y0:y1, x0:x1], x0, y0

    def to_page(self, box: Box) -> Box:
        """A box of window pixels in page pixels."""
        return _map_box(box, cv2.invertAffineTransform(self.to_window))


def _shrink(box: Box, by: float) -> Box:
    return (box[0] + by, box[1] + by, box[2] - by, box[3] - by)


def _table_areas(label: SignatureLabel, cell: Cell) -> list[Box]:
    """Where to sign when the label is in a ruled cell: the rest of its cell, and the next cell unless
    the label's own cell leaves a wide space to sign in."""
    h = label.height
    x0, y0, x1, y1 = cell.box
    areas = []
    room = x1 - label.box[2]
    if room >= 2 * h:
        areas.append((label.box[2], y0, x1, y1))
    if cell.right is not None and room < 6 * h:
        areas.append(cell.right)
    if y1 - label.box[3] >= 1.2 * h:
        areas.append((x0, label.box[3], x1, y1))
    return [_shrink(a, 0.15 * h) for a in areas]


def _inline_area(label: SignatureLabel, lines: Sequence[TextLine], page_width: int) -> list[Box]:
    """Where to sign after a free-standing caption: to its right, up to the next caption on its row."""
    h = label.height
    x0, y0, x1, y1 = label.box
    stop = min(page_width, x1 + 12 * h)
    for ln in lines:
        same_row = min(ln.box[3], y1) - max(ln.box[1], y0) > 0.5 * min(h, ln.height)
        if ln is not label.line and same_row and ln.box[0] >= x1 and not reads_as_signature(ln):
            stop = min(stop, ln.box[0] - 0.2 * h)
    if stop - x1 >= 3 * h:
        return [(x1 + 0.1 * h, y0 - 1.3 * h, stop, y1 + 1.0 * h)]
    return [(x0 - h, y1 + 0.2 * h, x1 + 6 * h, y1 + 2.6 * h)]  # no room on the right: below it


def _groups(ink: np.ndarray, h: float) -> list[np.ndarray]:
    """Ink pixels (N×2, x y) grouped into strokes and characters: pixels closer than 0.4 label heights."""
    ys, xs = np.nonzero(ink)
    if len(xs) == 0:
        return []
    join = max(3, round(0.4 * h))
    _, labels = cv2.connectedComponents(cv2.dilate(ink, np.ones((join, join), np.uint8)), connectivity=8)
    ids = labels[ys, xs]
    order = np.argsort(ids, kind="stable")
    points = np.stack([xs[order], ys[order]], axis=1)
    return np.split(points, np.flatnonzero(np.diff(ids[order])) + 1)


def _line_like(points: np.ndarray, h: float) -> bool:
    """A ruled line, a table edge or the page's edge in a photo: thin and straight, or long and narrow."""
    return is_thin_line(points, max(3.0, 0.12 * h), 0.8 * h) or is_thin_line(points, 0.4 * h, 2.5 * h)


def _plausible(points: np.ndarray, h: float) -> bool:
    """A group of strokes that could be (part of) a signature: enough ink, 2-D extent, not a ruled line."""
    width = int(points[:, 0].max() - points[:, 0].min()) + 1
    height = int(points[:, 1].max() - points[:, 1].min()) + 1
    if len(points) < 0.02 * h * h or width < 0.3 * h or height < 0.3 * h:
        return False
    return not _line_like(points, h)


def judge_ink(ink: np.ndarray, h: float) -> tuple[float, Box | None]:
    """``(confidence, box)`` for the ink of one area (rules and print already removed; box in ``ink``
    pixels): ``SIGNED`` or more for a signature, ``UNCLEAR`` for ink that is not clearly one, 0 when empty.

    >>> ink = np.zeros((90, 300), np.uint8)
    >>> judge_ink(ink, 30)
    (0.0, None)
    >>> ink[82:85, 10:290] = 255  # a blank line to sign on
    >>> judge_ink(ink, 30)
    (0.0, None)
    >>> _ = cv2.ellipse(ink, (120, 40), (50, 25), 0, 0, 330, 255, 3)
    >>> confidence, box = judge_ink(ink, 30); confidence >= SIGNED, box
    (True, (68.0, 13.0, 173.0, 68.0))
    """
    groups = _groups(ink, h)
    kept = [g for g in groups if _plausible(g, h)]
    if kept:
        points = np.concatenate(kept)
        x0, y0 = points.min(axis=0)
        x1, y1 = points.max(axis=0) + 1
        amount = len(points) / (h * h)
        if y1 - y0 >= 0.5 * h and x1 - x0 >= 0.7 * h and amount >= 0.12:
            score = SIGNED + (1 - SIGNED) * min(1.0, amount / 0.5) * min(1.0, (x1 - x0) / (1.5 * h))
            return round(score, 3), (float(x0), float(y0), float(x1), float(y1))
    residue = [g for g in groups if len(g) >= 0.01 * h * h and not _line_like(g, h)]
    if sum(len(g) for g in residue) >= 0.06 * h * h:
        points = np.concatenate(residue)
        x0, y0 = points.min(axis=0)
        x1, y1 = points.max(axis=0) + 1
        return UNCLEAR, (float(x0), float(y0), float(x1), float(y1))
    return 0.0, None


def _name_read(area: Box, label: SignatureLabel, lines: Sequence[TextLine]) -> str | None:
    """What OCR read as a name inside the area (or right after the caption on its line)."""
    names = [label.rest] if label.rest and NAME.fullmatch(label.rest) else []
    for ln in lines:
        cx, cy = ln.center
        inside = area[0] <= cx <= area[2] and area[1] <= cy <= area[3]
        if inside and ln is not label.line and ln.confidence >= 0.6 and reads_as_signature(ln):
            names.append(ln.text.strip())
    return "".join(names) or None


def _judge_label(
    image: np.ndarray, label: SignatureLabel, lines: Sequence[TextLine], page: int
) -> Mark | None:
    window = _Window.around(image, label, lines)
    label, lines = window.label, window.lines
    cell = cell_around(label.box, window.horizontal, window.vertical, (0, 0))
    areas = _table_areas(label, cell) if cell else _inline_area(label, lines, window.ink.shape[1])
    best: Mark | None = None
    for area in areas:
        ink, dx, dy = window.crop(area)
        if ink.size == 0:
            continue
        confidence, box = judge_ink(ink, label.height)
        if box is None or (best is not None and best.confidence >= confidence):
            continue
        page_box = window.to_page((box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy))
        text = _name_read(area, label, lines) if confidence >= SIGNED else None
        best = Mark(page=page, box=page_box, text=text, confidence=confidence)
    return best


def signature_in(
    image: np.ndarray | None, region: Box, *, page: int = 0, label_height: float = 20.0
) -> Mark | None:
    """A signature mark for the ink inside ``region`` (rules removed), or ``None`` when there is none.

    >>> signature_in(np.full((100, 300, 3), 255, np.uint8), (0, 0, 300, 100)) is None
    True
    """
    if image is None or image.size == 0 or image.ndim != 3:
        return None
    crop, dx, dy = _crop(image, region)
    if crop.size == 0:
        return None
    ink = ink_mask(crop, max(3, round(0.3 * label_height)))
    horizontal, vertical = rule_masks(ink, round(2.5 * label_height))
    ink = cv2.bitwise_and(ink, cv2.bitwise_not(cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))))
    confidence, box = judge_ink(ink, label_height)
    if box is None or confidence < SIGNED:
        return None
    return Mark(page=page, box=(box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy), confidence=confidence)


def find_signatures(
    image: np.ndarray | None,
    lines: Sequence[TextLine] | None = None,
    *,
    page: int = 0,
    region: Box | None = None,
    rotation: int = 0,
    with_unclear: bool = False,
) -> list[Mark]:
    """Signatures next to every signature caption in ``lines`` (or inside ``region`` when given).

    ``rotation`` is ``Page.rotation``, the clockwise turn that makes the page upright (boxes in and out
    stay in the unrotated image's pixels). Captions that read vertically on an image said to be upright
    are skipped: without the page's rotation "right of the caption" means nothing.
    With ``with_unclear`` an area holding ink that is not clearly a signature gives a mark whose
    confidence is ``UNCLEAR`` (below ``SIGNED``); without it such areas give nothing.

    >>> find_signatures(np.full((100, 300, 3), 255, np.uint8), [TextLine("签名", (0, 40, 40, 60), 0.9)])
    []
    """
    if image is None or image.size == 0 or image.ndim != 3 or image.shape[2] != 3:
        return []
    if region is not None:
        mark = signature_in(image, region, page=page)
        return [mark] if mark else []
    if rotation:
        return _find_turned(image, lines or [], page, rotation, with_unclear)
    marks = []
    for found in signature_labels(lines):
        x0, y0, x1, y1 = found.line.box
        if y1 - y0 > x1 - x0 or y1 - y0 < 4:  # vertical text: the page is turned
            continue
        mark = _judge_label(image, locate_caption(image, found), lines or [], page)
        if mark is not None and (mark.confidence >= SIGNED or with_unclear):
            marks.append(mark)
    return marks


def _find_turned(
    image: np.ndarray, lines: Sequence[TextLine], page: int, rotation: int, with_unclear: bool
) -> list[Mark]:
    """Signatures on the page turned upright, with boxes mapped back to ``image``."""
    height, width = image.shape[:2]
    upright = rotate_image(image, rotation)
    turned = turn_lines(list(lines), rotation, width, height)
    marks = find_signatures(upright, turned, page=page, with_unclear=with_unclear)
    return [replace(m, box=unrotate_box(m.box, rotation, width, height)) for m in marks]
