"""What a renderer returns and what a capture variant or defect receives.

A renderer draws one material on a clean page (a "scan") and knows where each field's value is.
Capture variants (photo, photocopy, rotation…) transform the image and the boxes together, so labels
always match the pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

Box = tuple[float, float, float, float]


@dataclass
class LabelledField:
    """A field's value as printed (CONTRACT.md keys and value forms) and its box on the page."""

    value: Any
    box: Box | None  # None for fields that are not a printed span (e.g. ``signed``)
    page: int = 0


@dataclass
class RenderedPage:
    image: np.ndarray  # BGR uint8
    dpi: int | None = None


@dataclass
class RenderedMaterial:
    """One material as rendered: pages, the labelled fields, and how it was made."""

    material_type: str
    pages: list[RenderedPage]
    fields: dict[str, LabelledField]
    layout: str  # layout variant id, e.g. "id_card_front/v1"
    font: str  # font family id used for values
    defects: list[str] = field(default_factory=list)
    seal_boxes: list[tuple[int, Box]] = field(default_factory=list)  # (page, box) of red seals drawn
    signature_boxes: list[tuple[int, Box]] = field(default_factory=list)  # (page, box) of signature areas
    text_layer: list[list[tuple[str, Box]]] | None = None  # per page, for PDFs made with a text layer
    meta: dict[str, Any] = field(default_factory=dict)
