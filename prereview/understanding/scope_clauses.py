"""The fixed clauses of a business scope (经营范围), restored when OCR garbles a character of them.

Since the scope-registration rules of 2022 (《经营范围登记管理规定》 and the 经营范围规范表述目录) a
license's scope closes each group of items with a fixed sentence: general items with "（除依法须经批准的
项目外，凭营业执照依法自主开展经营活动）", licensed items with "（依法须经批准的项目，经相关部门批准后方可
开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）" (older licenses: the first half only). These
are long, so OCR often drops or swaps one mark of them (a missing "，", the last "）" lost at the page's
edge). A stretch of the scope within a few edits of a clause is replaced by the clause, and the value is
marked repaired (its confidence lowered) like a repaired identifier. A stretch further off (glare
washed out half the clause) is left as read: the clause is restored only where it plainly was printed.
"""

from __future__ import annotations

import functools

CLAUSES = (
    "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
    "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）",
    "（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
)
_EDITS_PER_CHAR = 0.1  # at most one edit per ten characters of the clause ...
_MIN_SHARED = 0.8  # ... and most of its two-character pieces must be in the text at all


def closest_stretch(clause: str, text: str) -> tuple[int, int, int]:
    """``(edits, start, end)``: the stretch ``text[start:end]`` fewest edits away from ``clause``
    (insertions, deletions, substitutions; the stretch may start and end anywhere in ``text``).

    >>> closest_stretch("经营活动", "自主开展经营活动）")
    (0, 4, 8)
    >>> closest_stretch("经营活动", "开展经营活")
    (1, 2, 5)
    """
    width = len(text)
    # row[j]: edits to match the clause so far ending at text[:j]; start[j]: where that stretch begins
    row = [0] * (width + 1)
    start = list(range(width + 1))
    for i, char in enumerate(clause, 1):
        new_row, new_start = [i] * (width + 1), [0] * (width + 1)
        for j in range(1, width + 1):
            cost, begin = row[j - 1] + (char != text[j - 1]), start[j - 1]  # match or substitute
            if row[j] + 1 < cost:  # the clause's character is missing from the text
                cost, begin = row[j] + 1, start[j]
            if new_row[j - 1] + 1 < cost:  # the text has an extra character
                cost, begin = new_row[j - 1] + 1, new_start[j - 1]
            new_row[j], new_start[j] = cost, begin
        row, start = new_row, new_start
    best = min(range(width + 1), key=lambda j: (row[j], -j))
    return row[best], start[best], best


@functools.lru_cache(maxsize=len(CLAUSES))
def _pieces(clause: str) -> frozenset[str]:
    """The clause's two-character pieces (computed once per standard clause)."""
    return frozenset(clause[i : i + 2] for i in range(len(clause) - 1))


def _shared_pieces(clause: str, text: str) -> float:
    pieces = _pieces(clause)
    return sum(piece in text for piece in pieces) / max(len(pieces), 1)


def _window(clause: str, text: str) -> tuple[int, int]:
    """The part of ``text`` from the first to the last of the clause's two-character pieces, with a
    margin: the alignment runs there only (a scope is long; the clause is a small part of it)."""
    pieces = _pieces(clause)
    hits = [i for i in range(len(text) - 1) if text[i : i + 2] in pieces]
    margin = len(clause) // 5 + 2
    return max(hits[0] - margin, 0), min(hits[-1] + 2 + margin, len(text))


def restore_clauses(text: str) -> tuple[str, bool]:
    """``text`` with each nearly-matching stretch replaced by the standard clause, and whether any was.

    >>> restore_clauses("一般项目：小餐饮。（除依法须经批准的项目外凭营业执照依法自主开展经营活动）")
    ('一般项目：小餐饮。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）', True)
    >>> restore_clauses("一般项目：小餐饮。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动")[1]
    True
    >>> restore_clauses("一般项目：小餐饮。外，凭营业执照依法自主开展经营活动）")  # half of it is gone
    ('一般项目：小餐饮。外，凭营业执照依法自主开展经营活动）', False)
    >>> restore_clauses("一般项目：小餐饮。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）")[1]
    False
    >>> restore_clauses("许可项目：食品经营。" + CLAUSES[1])[1]  # not taken for the short one
    False
    """
    repaired = False
    for clause in CLAUSES:
        if clause in text or _shared_pieces(clause, text) < _MIN_SHARED:
            continue
        if any(clause[1:-1] in longer and longer in text for longer in CLAUSES if longer != clause):
            continue  # the short licensed-items clause inside the long one, printed in full
        low, high = _window(clause, text)
        edits, start, end = closest_stretch(clause, text[low:high])
        start, end = start + low, end + low
        if 0 < edits <= len(clause) * _EDITS_PER_CHAR:
            text, repaired = text[:start] + clause + text[end:], True
    return text, repaired
