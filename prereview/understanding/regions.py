"""Split a page that holds several materials (both sides of an ID card on one A4 copy) into regions.

When the exclusive anchors of more than one material type occur on a page, the page is cut at the
widest empty band (horizontal or vertical) that leaves each type's anchors on one side only, and each
side is split again until every region holds one type. A page with one type stays whole.
"""

from __future__ import annotations

from prereview.document import TextLine
from prereview.understanding.labels import EXCLUSIVE_ANCHORS
from prereview.understanding.normalize import compact


def _types(lines: list[TextLine]) -> set[str]:
    """The types with at least two exclusive anchors among ``lines``."""
    found = set()
    for material_type, words in EXCLUSIVE_ANCHORS.items():
        hits = sum(1 for word in words if any(word in compact(line.text) for line in lines))
        if hits >= 2:
            found.add(material_type)
    return found


def _gaps(lines: list[TextLine], axis: int) -> list[tuple[float, float]]:
    """Empty bands along ``axis`` (0 = x, 1 = y) as ``(cut position, width)``."""
    spans = sorted((line.box[axis], line.box[axis + 2]) for line in lines)
    gaps = []
    reach = spans[0][1]
    for lo, hi in spans[1:]:
        if lo > reach:
            gaps.append(((reach + lo) / 2, lo - reach))
        reach = max(reach, hi)
    return gaps


def _best_cut(lines: list[TextLine]) -> tuple[list[TextLine], list[TextLine]] | None:
    best: tuple[float, list[TextLine], list[TextLine]] | None = None
    for axis in (1, 0):
        for cut, width in _gaps(lines, axis):
            first = [line for line in lines if line.center[axis] < cut]
            second = [line for line in lines if line.center[axis] >= cut]
            a, b = _types(first), _types(second)
            if a and b and not (a & b) and (best is None or width > best[0]):
                best = (width, first, second)
    return (best[1], best[2]) if best else None


def split_regions(lines: list[TextLine]) -> list[list[TextLine]]:
    """The page's lines grouped by material, in reading order (one group when only one is found).

    >>> def line(text, y): return TextLine(text, (10, y, 300, y + 20), 0.9)
    >>> front = [line("姓名张三", 0), line("性别男民族汉", 30), line("住址某地", 60)]
    >>> back = [line("居民身份证", 400), line("签发机关某局", 430), line("有效期限长期", 460)]
    >>> [len(region) for region in split_regions(front + back)]
    [3, 3]
    >>> len(split_regions(front))
    1
    """
    if len(lines) < 2 or len(_types(lines)) < 2:
        return [lines]
    cut = _best_cut(lines)
    if cut is None:
        return [lines]
    return split_regions(cut[0]) + split_regions(cut[1])
