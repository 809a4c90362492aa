"""From an uploaded file to the rules layer's input: the one path ``review`` and its evaluations share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prereview.errors import IngestError
from prereview.review.materials import MaterialResult, unreadable

if TYPE_CHECKING:
    from prereview.pipeline import Extraction, Pipeline


def from_extraction(extraction: Extraction, slot: str | None, name: str | None = None) -> MaterialResult:
    """The rules' view of an extraction (its ``extract --json`` document and page images)."""
    document = extraction.to_dict()
    if name is not None:
        document["file"] = name
    material = MaterialResult.from_extract(document, slot=slot)
    material.page_images = [page.image for page in extraction.document.pages]
    return material


def read_material(pipeline: Pipeline, data: bytes, name: str, slot: str | None) -> MaterialResult:
    """Extract one file; a file that cannot be read becomes a failed material, not an error."""
    try:
        extraction = pipeline.extract(data, name=name)
    except IngestError as error:
        return unreadable(name, str(error), slot)
    return from_extraction(extraction, slot)
