"""What one material type prints: its labelled fields, the words that recognise it and that rule it out.

A :class:`Vocabulary` is data only. The classifier scores a page by the weighted share of a type's
``anchors`` found, lowered for each of its ``foreign`` words (words this type never prints but a
look-alike does: 户主 rules out an ID card, 申请日期 a food business license). ``exclusive`` anchors are
those no other type prints; they tell the regions of a page holding several materials apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    """One labelled field of a layout: the words printed as its label and how its value is read.

    ``keys`` names the fields of a label printed more than once (姓名 of each spouse on a marriage
    certificate; 身份证号码 of the principal, then of the agent): the n-th occurrence in reading order
    fills ``keys[n]``. A spec with an empty ``key`` is a *stop*: a label that fills no contract field but
    ends the value before it and is never taken for one (曾用名, 籍贯, 经营项目…).
    """

    key: str
    words: tuple[str, ...]
    parser: str = "text"  # a key of understanding.parsers.PARSERS
    inline: bool = False  # may start in the middle of an OCR line (a row merged with the next column)
    multiline: bool = False  # the value may continue on the lines below (addresses, business scope)
    keys: tuple[str, ...] = ()

    @property
    def emits(self) -> bool:
        return bool(self.key)

    def key_for(self, occurrence: int) -> str | None:
        """The field the ``occurrence``-th label of this kind fills (``None``: none left).

        >>> spec = FieldSpec("spouse_1_name", ("姓名",), keys=("spouse_1_name", "spouse_2_name"))
        >>> spec.key_for(0), spec.key_for(1), spec.key_for(2)
        ('spouse_1_name', 'spouse_2_name', None)
        """
        if not self.keys:
            return self.key if occurrence == 0 else None
        return self.keys[occurrence] if occurrence < len(self.keys) else None


def stop(*words: str, inline: bool = False) -> FieldSpec:
    """A label that ends values but fills no field."""
    return FieldSpec("", words, "text", inline=inline)


Anchor = tuple[tuple[str, ...], float]


@dataclass(frozen=True)
class Vocabulary:
    """One material type: its labelled fields, anchors with weights, foreign and exclusive words."""

    material_type: str
    fields: tuple[FieldSpec, ...]
    anchors: tuple[Anchor, ...]
    foreign: tuple[str, ...] = ()
    exclusive: tuple[str, ...] = ()
    shape: str | None = None  # an identifier shape whose presence counts as one more anchor
