"""One line the detector cut in two overlapping boxes, with the character under the overlap read in both.

The text detector sometimes frames one printed line as two boxes that overlap by about a character, and
the recogniser reads that character at the end of the first and at the start of the second: "出生2015"
and "5年6月9日", "公民身份号码1" and "110109198108192150", "监管" and "管理局". Read on, the value would
say the character twice ("20155年6月9日"). Two boxes on one row, the second starting between half a
character and a character and a half before the first ends, whose touching characters are the same, are
that one line: they are joined with the character once. Boxes that merely touch (a table's cells, a
value beside its label) overlap by less and are left alone.
"""

from __future__ import annotations

from prereview.document import TextLine, box_from_polygon

MIN_OVERLAP, MAX_OVERLAP = 0.5, 1.5  # in characters of the narrower print
MIN_SHARED_HEIGHT = 0.6  # of the lower box: the same row
MAX_HEIGHT_RATIO = 1.5  # the same print size


def _char_width(line: TextLine) -> float:
    return (line.box[2] - line.box[0]) / max(len(line.text), 1)


def _read_twice(first: TextLine, second: TextLine) -> bool:
    """Whether ``second`` carries on ``first`` with ``first``'s last character read in both."""
    if not first.text or not second.text or first.text[-1] != second.text[0]:
        return False
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = first.box, second.box
    low, high = sorted((ay1 - ay0, by1 - by0))
    shared = min(ay1, by1) - max(ay0, by0)
    if low <= 0 or high > MAX_HEIGHT_RATIO * low or shared < MIN_SHARED_HEIGHT * low:
        return False
    width = min(_char_width(first), _char_width(second))
    overlap = ax1 - bx0
    return ax0 < bx0 and bx1 > ax1 and MIN_OVERLAP * width <= overlap <= MAX_OVERLAP * width


def _joined(first: TextLine, second: TextLine) -> TextLine:
    """One line: ``first``'s text and ``second``'s after its first character, over both boxes."""
    text = first.text + second.text[1:]
    confidence = min(first.confidence, second.confidence)
    if (
        first.polygon is not None
        and second.polygon is not None
        and len(first.polygon) == len(second.polygon) == 4
    ):
        polygon = (first.polygon[0], second.polygon[1], second.polygon[2], first.polygon[3])
        return TextLine(text, box_from_polygon(polygon), confidence, polygon=polygon)
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = first.box, second.box
    return TextLine(text, (min(ax0, bx0), min(ay0, by0), max(ax1, bx1), max(ay1, by1)), confidence)


def join_read_twice(lines: list[TextLine]) -> list[TextLine]:
    """``lines`` with every pair described above joined (in the place of the first of the two).

    >>> a = TextLine("出生2015", (143, 486, 493, 553), 1.0)
    >>> b = TextLine("5年6月9日", (459, 488, 1005, 553), 1.0)
    >>> [line.text for line in join_read_twice([a, b])]
    ['出生2015年6月9日']
    >>> c = TextLine("5号", (500, 488, 600, 553), 1.0)  # touching, not overlapping: two lines
    >>> [line.text for line in join_read_twice([a, c])]
    ['出生2015', '5号']
    """
    out = list(lines)
    joined = True
    while joined:  # a line cut in three joins in two rounds
        joined = False
        starting: dict[str, list[int]] = {}
        for index, line in enumerate(out):
            starting.setdefault(line.text[:1], []).append(index)
        for i, first in enumerate(out):
            candidates = starting.get(first.text[-1:], [])
            second = next((j for j in candidates if j != i and _read_twice(first, out[j])), None)
            if second is not None:
                out[i] = _joined(first, out[second])
                del out[second]
                joined = True
                break
    return out
