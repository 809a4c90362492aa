"""Realistic content for synthetic materials: names, regions, identifiers, dates and the facts they form."""

from prereview.synth.content.facts import (
    LONG_TERM,
    Company,
    FoodLicense,
    Lease,
    Marriage,
    Person,
    Property,
    make_company,
    make_person,
)
from prereview.synth.content.material_facts import ITEM_IDS, make_facts
from prereview.synth.content.records import make_food_license, make_lease, make_marriage, make_property

__all__ = [
    "ITEM_IDS",
    "LONG_TERM",
    "Company",
    "FoodLicense",
    "Lease",
    "Marriage",
    "Person",
    "Property",
    "make_company",
    "make_facts",
    "make_food_license",
    "make_lease",
    "make_marriage",
    "make_person",
    "make_property",
]
