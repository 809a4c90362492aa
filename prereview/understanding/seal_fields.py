"""Fields a material prints only in its seal: the registration authority of a business license.

The 2019 license leaves the line after "登记机关" empty and stamps the authority's seal there, so the
authority's name is the seal's ring text ("上海市杨浦区市场监督管理局"). The ring is read on its own
(:func:`prereview.checks.seal.read_ring`); this module takes an authority's name out of that text. A
name whose place part is a run of real division names (:mod:`places`) is kept with a high confidence;
one whose place part is not (a misread character) is kept with a low one, so the review sends it to a
person rather than trust it. A field the page prints as an authority's name is never replaced; a
printed value that is not one (a piece of the seal's ring read as a line: "管理局") gives way to the
seal's, or, with no seal read, is kept with the low confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from prereview.document import Field, Mark
from prereview.understanding.places import is_place
from prereview.understanding.understand import Understanding

# The bodies that issue business licenses; an older seal names the 工商行政管理局.
AUTHORITY = re.compile(r"([\u4e00-\u9fff]{2,16}?)(市场监督管理局|工商行政管理局|行政审批服务局|行政审批局)")
SEAL_FIELDS = {"business_license": "registration_authority"}
PLACE_CONFIDENCE, UNSURE_CONFIDENCE = 0.9, 0.5


def authority_in(text: str) -> tuple[str, bool] | None:
    """The authority's name in a seal's ring text, and whether its place part is a known place.

    >>> authority_in("上海市杨浦区市场监督管理局")
    ('上海市杨浦区市场监督管理局', True)
    >>> authority_in("乐山市沙清区市场监急管理局"), authority_in("合同专用章")
    (None, None)
    >>> authority_in("登记机关 天津市红桥区市场监督管理局")
    ('天津市红桥区市场监督管理局', True)
    >>> authority_in("乐山市沙清区市场监督管理局")
    ('乐山市沙清区市场监督管理局', False)
    """
    for part in text.split():  # the ring as read on its own, then the OCR lines inside the seal
        match = AUTHORITY.search(part)
        if match:
            return match.group(0), is_place(match.group(1))
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
            name, known = found
            confidence = min(seal.confidence, PLACE_CONFIDENCE if known else UNSURE_CONFIDENCE)
            return {**fields, key: Field(name, confidence, seal.page, seal.box, raw=seal.text)}
    if printed is not None:  # not an authority's name and no seal to read it from: a person checks it
        return {**fields, key: replace(printed, confidence=min(printed.confidence, UNSURE_CONFIDENCE))}
    return fields


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
