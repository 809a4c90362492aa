"""The printed vocabulary of every material type, one module per family (cards, licenses, civil records,
papers people fill in), collected here by material type."""

from __future__ import annotations

from prereview.understanding.vocabulary.base import Anchor, FieldSpec, Vocabulary, stop
from prereview.understanding.vocabulary.cards import ID_CARD_BACK, ID_CARD_FRONT
from prereview.understanding.vocabulary.civil import (
    HOUSEHOLD_REGISTER,
    MARRIAGE_CERTIFICATE,
    PROPERTY_CERTIFICATE,
)
from prereview.understanding.vocabulary.licenses import BUSINESS_LICENSE, FOOD_BUSINESS_LICENSE
from prereview.understanding.vocabulary.papers import APPLICATION_FORM, LEASE_CONTRACT, POWER_OF_ATTORNEY

VOCABULARIES: dict[str, Vocabulary] = {
    v.material_type: v
    for v in (
        ID_CARD_FRONT,
        ID_CARD_BACK,
        BUSINESS_LICENSE,
        HOUSEHOLD_REGISTER,
        MARRIAGE_CERTIFICATE,
        APPLICATION_FORM,
        POWER_OF_ATTORNEY,
        LEASE_CONTRACT,
        PROPERTY_CERTIFICATE,
        FOOD_BUSINESS_LICENSE,
    )
}

__all__ = ["VOCABULARIES", "Anchor", "FieldSpec", "Vocabulary", "stop"]
