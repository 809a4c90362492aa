"""The label vocabulary of every material type, by material type (defined in :mod:`vocabulary`).

Labels are matched on compacted text (no whitespace, full-width folded), so "姓 名" and "住　址" match
``姓名`` and ``住址``, and "法定代表人（负责人）" matches ``法定代表人(负责人)``. A label usually starts
an OCR line; ``inline`` labels may also start in the middle of one, because they share a row with another
field and OCR merges the row ("性别女民族土家", a business license's right column merged onto the left).
"""

from __future__ import annotations

from prereview.understanding.vocabulary import VOCABULARIES, Anchor, FieldSpec

LAYOUTS: dict[str, tuple[FieldSpec, ...]] = {t: v.fields for t, v in VOCABULARIES.items()}
ANCHORS: dict[str, tuple[Anchor, ...]] = {t: v.anchors for t, v in VOCABULARIES.items()}
FOREIGN: dict[str, tuple[str, ...]] = {t: v.foreign for t, v in VOCABULARIES.items()}

# The anchors that only one of the materials copied together on one sheet prints (an ID card's two
# sides, a license beside them): they decide which region of a page holds which material.
EXCLUSIVE_ANCHORS: dict[str, tuple[str, ...]] = {
    t: v.exclusive for t, v in VOCABULARIES.items() if v.exclusive
}

__all__ = ["ANCHORS", "EXCLUSIVE_ANCHORS", "FOREIGN", "LAYOUTS", "FieldSpec"]
