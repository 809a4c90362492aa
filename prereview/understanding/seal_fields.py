"""Fields a material prints only in its seal: the registration authority of a business license.

The 2019 license leaves the line after "登记机关" empty and stamps the authority's seal there, so the
authority's name is the seal's ring text ("上海市杨浦区市场监督管理局"). The ring is read on its own
(:func:`prereview.checks.seal.read_ring`; on a grey copy, which shows no red seal, the ink rings are read
when the authority is still missing, :mod:`prereview.checks.grey_seal`); this module takes an
authority's name out of that text. A
name whose place part is a run of real division names (:mod:`places`) is kept with a high confidence.
The ring's curved characters are often misread: a place one character off a single real run of division
names ("乐山市沙清区" → 乐山市沙湾区) and a body's fixed name with at most one character in three misread
("市场监急管理局") are restored, and the value is marked repaired (its confidence lowered as every repair's).
A name whose place part is neither is kept with a low confidence, so the review sends it to a person
rather than trust it. A field the page prints as an authority's name is never replaced; a
printed value that is not one (a piece of the seal's ring read as a line: "管理局") gives way to the
seal's, or, with no seal read, is kept with the low confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from prereview.document import Field, Mark
from prereview.understanding.places import correct_place, is_place
from prereview.understanding.understand import Understanding
from prereview.understanding.values import REPAIRED_PENALTY

# The bodies that issue business licenses; an older seal names the 工商行政管理局.
BODIES = ("市场监督管理局", "工商行政管理局", "行政审批服务局", "行政审批局")
AUTHORITY = re.compile(r"([\u4e00-\u9fff]{2,16}?)(" + "|".join(BODIES) + ")")
SEAL_FIELDS = {"business_license": "registration_authority"}
PLACE_CONFIDENCE, UNSURE_CONFIDENCE = 0.9, 0.5
MAX_PLACE = 16  # characters of a place part: province, city and county


class Authority(NamedTuple):
    name: str
    known: bool  # the place part is a run of real division names
    repaired: bool = False  # a character of the body or of the place was misread and is restored


def _place_tail(before: str) -> tuple[str, bool] | None:
    """The place at the end of ``before`` (the ring text up to the body's name): the longest tail (three
    characters or more) that is a run of division names or a single misread character away from one.

    >>> _place_tail("★天津市红桥区"), _place_tail("乐山市沙城区"), _place_tail("公司")
    (('天津市红桥区', False), ('乐山市沙湾区', True), None)
    """
    for cut in range(max(0, len(before) - MAX_PLACE), len(before) - 2):
        tail = before[cut:]
        if is_place(tail):
            return tail, False
        corrected = correct_place(tail)
        if corrected is not None:
            return corrected, True
    return None


def _misread_body(part: str) -> tuple[int, str] | None:
    """Where a body's name ends ``part`` but for misread characters (at most one in three), and which."""
    best: tuple[int, int, str] | None = None
    for body in BODIES:
        for start in range(len(part) - len(body) + 1):
            off = sum(a != b for a, b in zip(part[start : start + len(body)], body, strict=True))
            if off <= len(body) // 3 and (best is None or off < best[0]):
                best = (off, start, body)
    return None if best is None else (best[1], best[2])


def authority_in(text: str) -> Authority | None:
    """The authority's name in a seal's ring text, whether its place part is a known place, and whether
    misread characters were restored: a place one character off a unique run of division names, the
    body's fixed name with at most one character in three misread (never a name without a real place).

    >>> authority_in("上海市杨浦区市场监督管理局")
    Authority(name='上海市杨浦区市场监督管理局', known=True, repaired=False)
    >>> authority_in("合同专用章"), authority_in("某某公司市场部")
    (None, None)
    >>> authority_in("登记机关 天津市红桥区市场监督管理局").name
    '天津市红桥区市场监督管理局'
    >>> authority_in("乐山市沙清区市场监急管理局")
    Authority(name='乐山市沙湾区市场监督管理局', known=True, repaired=True)
    >>> authority_in("某某县沙清区市场监督管理局")
    Authority(name='某某县沙清区市场监督管理局', known=False, repaired=False)
    """
    for part in text.split():  # the ring as read on its own, then the OCR lines inside the seal
        match = AUTHORITY.search(part)
        start, body = (match.start(2), match.group(2)) if match else (_misread_body(part) or (-1, ""))
        if start < 0:
            continue
        place = _place_tail(part[:start])
        if place is not None:
            repaired = place[1] or part[start : start + len(body)] != body
            return Authority(place[0] + body, True, repaired)
        if match:
            return Authority(match.group(0), False)
    return None


def seal_fields(
    material_type: str, fields: dict[str, Field], seals: Sequence[Mark] | None
) -> dict[str, Field]:
    """``fields`` with what the seals name added, where the page printed nothing for it."""
    key = SEAL_FIELDS.get(material_type)
    if key is None:
        return fields
    printed = fields.get(key)
    if printed is not None and authority_in(str(printed.value)) is not None:
        return fields
    for seal in seals or ():
        found = authority_in(seal.text or "")
        if found is not None:
            confidence = min(seal.confidence, PLACE_CONFIDENCE if found.known else UNSURE_CONFIDENCE)
            confidence *= REPAIRED_PENALTY if found.repaired else 1.0
            value = Field(found.name, confidence, seal.page, seal.box, found.repaired, raw=seal.text)
            return {**fields, key: value}
    if printed is not None:  # not an authority's name and no seal to read it from: a person checks it
        return {**fields, key: replace(printed, confidence=min(printed.confidence, UNSURE_CONFIDENCE))}
    return fields


def wants_seal_text(understood: Understanding) -> bool:
    """Whether a part of the file is a material whose seal-only field is missing or not a name yet (a
    grey copy's rings are then worth reading, :mod:`prereview.checks.grey_seal`)."""
    found = [(understood.material_type, understood.fields)] + [
        (p.material_type, p.fields) for p in understood.parts
    ]
    for material_type, fields in found:
        key = SEAL_FIELDS.get(material_type)
        if key is not None:
            printed = fields.get(key)
            if printed is None or authority_in(str(printed.value)) is None:
                return True
    return False


def with_seal_fields(understood: Understanding, seals: Sequence[Mark] | None) -> Understanding:
    """``understood`` with seal-only fields added to the file's fields and to each part (from the seals
    on the part's page)."""
    if not seals:
        return understood
    parts = [
        replace(
            part,
            fields=seal_fields(part.material_type, part.fields, [s for s in seals if s.page == part.page]),
        )
        for part in understood.parts
    ]
    fields = seal_fields(understood.material_type, understood.fields, seals)
    return replace(understood, fields=fields, parts=parts)
