"""Material-type recognition by the words a fixed layout always prints (registered as ``anchors``).

Each type's score is the weighted share of its anchor words (:mod:`vocabulary`) found on the pages
(whitespace ignored), plus one anchor for a printed identifier of the type's shape, lowered for every
*foreign* word of the type — words it never prints but a look-alike does (户主 and 申请人 on pages that
also print 姓名/性别/出生, 申请日期 on a form that names a 食品经营许可证). Below :data:`SURE` the answer
is ``other``, with a confidence that falls as the best score approaches it.
"""

from __future__ import annotations

import re

from prereview.document import TextLine
from prereview.understanding.base import OTHER, MaterialGuess
from prereview.understanding.labels import ANCHORS, FOREIGN
from prereview.understanding.normalize import compact
from prereview.understanding.repair import CREDIT_CODE_PATTERN, ID_NUMBER_PATTERN
from prereview.understanding.shapes import PROPERTY_NUMBER_PATTERN
from prereview.understanding.vocabulary import VOCABULARIES

SURE = 0.5
FOREIGN_PENALTY = 0.8
SHAPE_WEIGHT = 1.0
_SHAPES: dict[str, re.Pattern[str]] = {
    "id_number": ID_NUMBER_PATTERN,
    "credit_code": CREDIT_CODE_PATTERN,
    "property_number": PROPERTY_NUMBER_PATTERN,
}


def _score(material_type: str, text: str) -> float:
    anchors = ANCHORS[material_type]
    total = sum(weight for _, weight in anchors)
    found = sum(weight for words, weight in anchors if any(w in text for w in words))
    shape = VOCABULARIES[material_type].shape
    if shape is not None:
        total += SHAPE_WEIGHT
        found += SHAPE_WEIGHT if _SHAPES[shape].search(text.upper()) else 0.0
    penalty = FOREIGN_PENALTY ** sum(1 for word in FOREIGN[material_type] if word in text)
    return round(found / total * penalty, 4)


def anchor_scores(text: str) -> dict[str, float]:
    """Score of every type for the compact text of a material (0–1).

    >>> scores = anchor_scores("中华人民共和国居民身份证签发机关某市公安局有效期限2015.06.09-2035.06.09")
    >>> scores["id_card_back"], scores["id_card_front"]
    (1.0, 0.0)
    >>> register = "常住人口登记卡户主或与户主关系户主姓名张三性别男民族汉出生2000年1月1日住址某地"
    >>> anchor_scores(register)["id_card_front"] < SURE
    True
    """
    return {material_type: _score(material_type, text) for material_type in ANCHORS}


class AnchorClassifier:
    name = "anchors"

    def classify(self, pages: list[list[TextLine]]) -> MaterialGuess:
        """The best-scoring type, or ``other`` when no type reaches :data:`SURE`."""
        text = "\n".join(compact(line.text) for lines in pages for line in lines)
        scores = anchor_scores(text)
        best = max(scores, key=lambda k: scores[k])
        top = scores[best]
        if top >= SURE:
            return MaterialGuess(best, round(min(0.99, 0.5 + top / 2), 4), scores)
        return MaterialGuess(OTHER, round(min(0.99, max(0.1, 1 - 2 * top)), 4), scores)
