"""Material-type recognition by the words a fixed layout always prints (registered as ``anchors``).

Each type's score is the weighted share of its anchor words found on the pages (whitespace ignored),
lowered for every word that belongs to another kind of material (户主, 申请人, 合同…), so a household
register or a form that also prints 姓名/性别/出生 does not pass for an ID card. Below
:data:`SURE` the answer is ``other``, with a confidence that falls as the best score approaches it.
"""

from __future__ import annotations

from prereview.document import TextLine
from prereview.understanding.base import OTHER, MaterialGuess
from prereview.understanding.labels import ANCHORS, FOREIGN_WORDS
from prereview.understanding.normalize import compact
from prereview.understanding.repair import CREDIT_CODE_PATTERN, ID_NUMBER_PATTERN

SURE = 0.5
FOREIGN_PENALTY = 0.8
# A printed identifier of the right shape counts as one more anchor of this weight.
SHAPES = {"id_card_front": (ID_NUMBER_PATTERN, 1.0), "business_license": (CREDIT_CODE_PATTERN, 1.0)}


def anchor_scores(text: str) -> dict[str, float]:
    """Score of every type for the compact text of a material (0–1).

    >>> scores = anchor_scores("中华人民共和国居民身份证签发机关某市公安局有效期限2015.06.09-2035.06.09")
    >>> scores["id_card_back"], scores["id_card_front"]
    (1.0, 0.0)
    >>> register = "常住人口登记卡户主或与户主关系户主姓名张三性别男民族汉出生2000年1月1日住址某地"
    >>> anchor_scores(register)["id_card_front"] < SURE
    True
    """
    penalty = FOREIGN_PENALTY ** sum(1 for word in FOREIGN_WORDS if word in text)
    scores = {}
    for material_type, anchors in ANCHORS.items():
        total = sum(weight for _, weight in anchors)
        found = sum(weight for words, weight in anchors if any(w in text for w in words))
        shape = SHAPES.get(material_type)
        if shape is not None:
            total += shape[1]
            found += shape[1] if shape[0].search(text.upper()) else 0.0
        scores[material_type] = round(found / total * penalty, 4)
    return scores


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
