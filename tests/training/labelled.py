"""A labelled document built in memory (no image, no OCR run), for tests of what reads labels."""

from __future__ import annotations

from pathlib import Path

from prereview.document import TextLine
from prereview.synth.labels import FieldLabel, PageLabel, SampleLabel
from prereview.training.data import Document


def labelled_document(
    doc_id: str,
    material_type: str,
    fields: dict[str, FieldLabel],
    *,
    capture: str = "clean_scan",
    ocr: list[list[TextLine]] | None = None,
) -> Document:
    """One 800×500 page of ``material_type`` carrying ``fields``, with the given OCR lines (default none)."""
    label = SampleLabel(
        id=doc_id,
        file=f"{doc_id}.png",
        file_kind="png",
        material_type=material_type,
        pages=[PageLabel(index=0, width=800, height=500)],
        fields=fields,
        capture=capture,
        usable=True,
        quality_issues=[],
        layout="standard",
        font="simsun",
        seed=0,
        as_of="2025-01-01",
    )
    return Document(label=label, path=Path(label.file), ocr=ocr or [])
