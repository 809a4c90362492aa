"""Labels onto characters: find each labelled value among a page's OCR characters.

A value matches as an exact substring of the page's characters in OCR line order (so a value wrapped
over consecutive lines matches too); a date may be printed in any of its usual forms. Among several
matches the one overlapping the labelled box most wins; a match outside the box does not count.
When OCR misread a character of a long value (a business scope, an authority under a seal), the run of
characters inside the labelled box is taken instead if it is at least :data:`MIN_SIMILARITY` alike.
"""

from __future__ import annotations

from datetime import date
from difflib import SequenceMatcher

from prereview.document import Box
from prereview.understanding.learned.tokens import Token
from prereview.understanding.normalize import compact, fold_width


def printed_forms(value: str) -> list[str]:
    """The ways a value may be printed: an ISO date in its Chinese and dotted forms, else itself.

    >>> printed_forms("2024-05-01")
    ['2024-05-01', '2024年05月01日', '2024年5月1日', '2024.05.01', '2024.5.1', '2024/05/01', '20240501']
    >>> printed_forms("张 三")
    ['张三']
    """
    text = compact(value)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return [text]
    y, m, d = day.year, day.month, day.day
    return [
        text,
        f"{y}年{m:02d}月{d:02d}日",
        f"{y}年{m}月{d}日",
        f"{y}.{m:02d}.{d:02d}",
        f"{y}.{m}.{d}",
        f"{y}/{m:02d}/{d:02d}",
        f"{y}{m:02d}{d:02d}",
    ]


MIN_SIMILARITY = 0.85


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)


def align_value(tokens: list[Token], value: str, box: Box | None) -> tuple[int, int] | None:
    """Token indices ``start:end`` of ``value`` among ``tokens`` (one page's), or ``None``.

    >>> from prereview.understanding.learned.tokens import tokenize
    >>> from prereview.document import TextLine
    >>> lines = [TextLine("姓名张三性别男", (0, 0, 70, 10), 0.9), TextLine("张三", (0, 50, 20, 60), 0.9)]
    >>> tokens = tokenize([lines])
    >>> align_value(tokens, "张三", (18, 0, 42, 10)), align_value(tokens, "张三", (0, 48, 22, 62))
    ((2, 4), (7, 9))
    >>> align_value(tokens, "李四", None) is None
    True
    """
    text = "".join(fold_width(t.char) for t in tokens)
    best: tuple[float, int, int] | None = None
    for form in printed_forms(value):
        if not form:
            continue
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            score = 1.0 if box is None else sum(_overlap(t.box, box) for t in tokens[at:end])
            if score > 0 and (best is None or score > best[0]):
                best = (score, at, end)
            at = text.find(form, at + 1)
        if best is not None:
            break
    if best is not None:
        return best[1], best[2]
    return inside_box(tokens, value, box) if box is not None else None


def inside_box(tokens: list[Token], value: str, box: Box) -> tuple[int, int] | None:
    """The run from the first to the last character centred in ``box``, if its text is like ``value``.

    >>> from prereview.understanding.learned.tokens import tokenize
    >>> from prereview.document import TextLine
    >>> tokens = tokenize([[TextLine("范围：销售日用品、五金交电", (0, 0, 130, 10), 0.9)]])
    >>> inside_box(tokens, "销售日用品、五金家电", (30, 0, 130, 10))
    (3, 13)
    """
    inside = [
        i
        for i, t in enumerate(tokens)
        if box[0] <= (t.box[0] + t.box[2]) / 2 <= box[2] and box[1] <= (t.box[1] + t.box[3]) / 2 <= box[3]
    ]
    if not inside:
        return None
    start, end = inside[0], inside[-1] + 1
    text = "".join(fold_width(t.char) for t in tokens[start:end])
    return (start, end) if SequenceMatcher(None, text, compact(value)).ratio() >= MIN_SIMILARITY else None
