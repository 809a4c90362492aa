"""One generated file: render a material, capture it, encode it, and label what is where.

:func:`make_file` is the single path from facts to ``(bytes, SampleLabel)`` that both the dataset
generator and the package generator use, so a file in a package is labelled exactly like a dataset file.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from prereview.synth import files
from prereview.synth.capture import Captured, capture, variant
from prereview.synth.labels import FieldLabel, MarkLabel, PageLabel, SampleLabel, pixel_box
from prereview.synth.render import render_material
from prereview.synth.types import Box, RenderedMaterial

DIGITAL = "digital"  # not a capture: the rendered pages straight into a PDF with a text layer
FILE_KINDS = ("png", "jpeg", "pdf")
EXTENSIONS = {"png": "png", "jpeg": "jpg", "pdf": "pdf"}
CARD_DPI = 300  # ID cards and certificates carry no dpi; their scans are stated at 300 dpi in PDFs
PAGE_DPI = 150

# The field a glare hides when the variant is "glare": the one the review rests on.
KEY_FIELDS = {
    "id_card_front": "id_number",
    "id_card_back": "valid_to",
    "business_license": "credit_code",
    "household_register": "id_number",
    "marriage_certificate": "certificate_number",
    "application_form": "applicant_name",
    "power_of_attorney": "principal_id_number",
    "lease_contract": "lessee",
    "property_certificate": "certificate_number",
    "food_business_license": "license_number",
}


@dataclass(frozen=True)
class FileSpec:
    """How to make one file: what, in which layout and font, captured how, saved as what."""

    material_type: str
    capture: str  # a capture variant name or ``DIGITAL``
    file_kind: str  # png | jpeg | pdf
    seed: int
    layout: str | None = None
    font: str | None = None
    defects: tuple[str, ...] = ()


@dataclass
class MadeFile:
    data: bytes
    extension: str
    label: SampleLabel
    rendered: RenderedMaterial


def sample_rngs(seed: int) -> tuple[random.Random, np.random.Generator]:
    """The two random sources of one file (content/render, capture), both from its seed."""
    return random.Random(seed), np.random.default_rng(seed)


def make_file(spec: FileSpec, facts: dict[str, Any], *, sample_id: str, as_of: date) -> MadeFile:
    """Render, capture and encode one material; the label's ``file`` is left for the caller to set."""
    if spec.file_kind not in FILE_KINDS:
        raise ValueError(f"unknown file kind {spec.file_kind!r}; known: {', '.join(FILE_KINDS)}")
    rng, np_rng = sample_rngs(spec.seed)
    rendered = render_material(
        spec.material_type, facts, rng=rng, layout=spec.layout, font=spec.font, defects=spec.defects
    )
    if spec.capture == DIGITAL:
        return _digital(spec, rendered, sample_id, as_of)
    if len(rendered.pages) > 1 and spec.file_kind != "pdf":
        raise ValueError(f"{spec.material_type} has {len(rendered.pages)} pages: only a PDF holds them")
    shots = [_capture_page(spec, rendered, index, np_rng) for index in range(len(rendered.pages))]
    dpi = _pdf_dpi(rendered) if spec.file_kind == "pdf" else None
    data = _encode(spec.file_kind, shots, dpi)
    label = _label(spec, rendered, shots, dpi, sample_id, as_of)
    return MadeFile(data, EXTENSIONS[spec.file_kind], label, rendered)


def _pdf_dpi(rendered: RenderedMaterial) -> int:
    return rendered.pages[0].dpi or (PAGE_DPI if len(rendered.pages) > 1 else CARD_DPI)


def _page_boxes(rendered: RenderedMaterial, index: int) -> dict[str, Box | None]:
    """Every box on page ``index``: fields by key, seals and signature ink as ``seal:n`` / ``signature:n``."""
    boxes: dict[str, Box | None] = {k: f.box for k, f in rendered.fields.items() if f.page == index and f.box}
    boxes.update({f"seal:{n}": box for n, (page, box) in enumerate(rendered.seal_boxes) if page == index})
    boxes.update(
        {f"signature:{n}": box for n, (page, box) in enumerate(rendered.signature_boxes) if page == index}
    )
    return boxes


def _capture_page(
    spec: FileSpec, rendered: RenderedMaterial, index: int, rng: np.random.Generator
) -> Captured:
    boxes = _page_boxes(rendered, index)
    focus = KEY_FIELDS.get(spec.material_type)
    return capture(
        spec.capture, rendered.pages[index].image, boxes, rng, focus=focus if focus in boxes else None
    )


def _encode(file_kind: str, shots: list[Captured], dpi: int | None) -> bytes:
    if file_kind == "png":
        return files.encode_png(shots[0].image)
    if file_kind == "jpeg":
        return files.encode_jpeg(shots[0].image, shots[0].jpeg_quality)
    assert dpi is not None  # scanners put JPEG pages in their PDFs
    return files.scanned_pdf([shot.image for shot in shots], dpi, shots[0].jpeg_quality)


def _label(
    spec: FileSpec,
    rendered: RenderedMaterial,
    shots: list[Captured],
    dpi: int | None,
    sample_id: str,
    as_of: date,
) -> SampleLabel:
    fields: dict[str, FieldLabel] = {}
    for key, field in rendered.fields.items():
        shot = shots[field.page]
        if field.box is None:  # not a printed span (e.g. ``signed``): known from the facts, no box
            fields[key] = FieldLabel(field.value, field.page, None, shot.matrix is not None)
        else:
            fields[key] = FieldLabel(field.value, field.page, pixel_box(shot.boxes[key]), shot.visible[key])
    chosen = variant(spec.capture)
    return SampleLabel(
        id=sample_id,
        file="",
        file_kind=spec.file_kind,
        material_type=spec.material_type,
        pages=[PageLabel(i, int(s.image.shape[1]), int(s.image.shape[0]), dpi) for i, s in enumerate(shots)],
        fields=fields,
        capture=spec.capture,
        usable=chosen.usable,
        quality_issues=[chosen.issue] if chosen.issue else [],
        layout=rendered.layout,
        font=rendered.font,
        seed=spec.seed,
        as_of=as_of.isoformat(),
        defects=list(rendered.defects),
        text_layer=False,
        seals=_marks(shots, "seal"),
        signatures=_marks(shots, "signature"),
    )


def _marks(shots: list[Captured], kind: str) -> list[MarkLabel]:
    marks = []
    for page, shot in enumerate(shots):
        for key, box in shot.boxes.items():
            if key.startswith(kind + ":") and box is not None and shot.visible[key]:
                marks.append(MarkLabel(page, pixel_box(box) or []))
    return marks


def _digital(spec: FileSpec, rendered: RenderedMaterial, sample_id: str, as_of: date) -> MadeFile:
    """The pages as a PDF with a text layer; boxes stay as drawn (the page renders back at ``dpi``)."""
    if spec.file_kind != "pdf":
        raise ValueError("a digital material is always a PDF")
    dpi = _pdf_dpi(rendered)
    layer = rendered.text_layer or [[] for _ in rendered.pages]
    data = files.text_pdf([page.image for page in rendered.pages], layer, dpi)
    fields = {k: FieldLabel(f.value, f.page, pixel_box(f.box), True) for k, f in rendered.fields.items()}
    label = SampleLabel(
        id=sample_id,
        file="",
        file_kind="pdf",
        material_type=spec.material_type,
        pages=[
            PageLabel(i, int(p.image.shape[1]), int(p.image.shape[0]), dpi)
            for i, p in enumerate(rendered.pages)
        ],
        fields=fields,
        capture=DIGITAL,
        usable=True,
        quality_issues=[],
        layout=rendered.layout,
        font=rendered.font,
        seed=spec.seed,
        as_of=as_of.isoformat(),
        defects=list(rendered.defects),
        text_layer=True,
        seals=[MarkLabel(page, pixel_box(box) or []) for page, box in rendered.seal_boxes],
        signatures=[MarkLabel(page, pixel_box(box) or []) for page, box in rendered.signature_boxes],
    )
    return MadeFile(data, "pdf", label, rendered)
