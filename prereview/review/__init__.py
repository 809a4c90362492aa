"""Review points (审查要点) and verdicts: load the items, review an application.

Public API::

    load_items(directory) -> dict[str, Item]
    review(item, answers, materials, as_of, verified_by=None) -> Verdict   (.to_dict(): review --json)
    items_json(items) -> dict                                                (items --json)
    MaterialResult                                                            (typed input per file)
"""

from prereview.review.catalog import item_json, items_json
from prereview.review.engine import review
from prereview.review.loader import load_item, load_items
from prereview.review.materials import MaterialPart, MaterialResult, unreadable
from prereview.review.schema import Item, json_schema, write_json_schema
from prereview.review.situation import SituationChoice, resolve
from prereview.review.verdict import Evidence, PointResult, Verdict

__all__ = [
    "Evidence",
    "Item",
    "MaterialPart",
    "MaterialResult",
    "PointResult",
    "SituationChoice",
    "Verdict",
    "item_json",
    "items_json",
    "json_schema",
    "load_item",
    "load_items",
    "resolve",
    "review",
    "unreadable",
    "write_json_schema",
]
