"""The ``consensus`` classifier: the anchors and the learned model, each a second opinion on the other.

The two fail differently — the anchors on a title or labels OCR could not read, the learned model on
kinds of paper it never saw — so when they agree the answer is sure, and when they do not it is not.
The type is then the anchors' (they recognise a type only from its printed words), with the learned
model's calibrated probability of that type as the confidence: low, so the review sends the material to
a person (``review.min_field_confidence``) instead of deciding on a type nobody is sure of.
"""

from __future__ import annotations

from prereview.document import TextLine
from prereview.settings import ModelSettings
from prereview.understanding.anchor_classifier import AnchorClassifier
from prereview.understanding.base import MaterialGuess
from prereview.understanding.learned.classifier import LearnedClassifier


def agree(anchors: MaterialGuess, learned: MaterialGuess) -> MaterialGuess:
    """The consensus of two guesses (see the module docstring).

    >>> a = MaterialGuess("id_card_front", 0.9, {})
    >>> agree(a, MaterialGuess("id_card_front", 0.99, {"id_card_front": 0.99}))
    MaterialGuess(material_type='id_card_front', confidence=0.99, scores={'id_card_front': 0.99})
    >>> guess = agree(a, MaterialGuess("business_license", 0.8, {"id_card_front": 0.15}))
    >>> guess.material_type, guess.confidence
    ('id_card_front', 0.15)
    """
    if anchors.material_type == learned.material_type:
        return MaterialGuess(
            anchors.material_type, max(anchors.confidence, learned.confidence), learned.scores
        )
    confidence = min(anchors.confidence, learned.scores.get(anchors.material_type, 0.0))
    return MaterialGuess(anchors.material_type, confidence, learned.scores)


class ConsensusClassifier:
    name = "consensus"

    def __init__(self, settings: ModelSettings | None = None) -> None:
        self.anchors = AnchorClassifier()
        self.learned = LearnedClassifier(settings)

    def classify(self, pages: list[list[TextLine]]) -> MaterialGuess:
        return agree(self.anchors.classify(pages), self.learned.classify(pages))
