"""The typed objects that cross stage boundaries: Document → Page → TextLine, and Field.

Boxes are ``(x0, y0, x1, y1)`` in pixels of the page image as decoded (EXIF applied, before any
rotation the pipeline does internally). ``to_dict()`` gives the JSON shape of CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

Box = tuple[float, float, float, float]
Polygon = tuple[tuple[float, float], ...]
TextSource = Literal["ocr", "pdf_text", "pdfium_text"]


def box_from_polygon(polygon: Polygon) -> Box:
    """Axis-aligned box around a polygon.

    >>> box_from_polygon(((1, 2), (5, 2), (5, 8), (1, 8)))
    (1.0, 2.0, 5.0, 8.0)
    """
    xs = [float(p[0]) for p in polygon]
    ys = [float(p[1]) for p in polygon]
    return (min(xs), min(ys), max(xs), max(ys))


def round_box(box: Box) -> list[int]:
    """Integer pixel box for JSON output.

    >>> round_box((1.4, 2.6, 3.5, 4.49))
    [1, 3, 4, 4]
    """
    return [round(v) for v in box]


@dataclass(frozen=True)
class TextLine:
    """One recognised line of text with its position and the engine's confidence (0–1)."""

    text: str
    box: Box
    confidence: float
    polygon: Polygon | None = None
    source: TextSource = "ocr"

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def center(self) -> tuple[float, float]:
        return ((self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "box": round_box(self.box),
            "confidence": round(self.confidence, 4),
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextLine:
        box = data["box"]
        return cls(
            text=data["text"],
            box=(box[0], box[1], box[2], box[3]),
            confidence=float(data["confidence"]),
            source=data.get("source", "ocr"),
        )


@dataclass
class Page:
    """One page of a material: the decoded image, plus the text layer when a PDF has a trusted one.

    ``rotation`` is the clockwise rotation (0/90/180/270) the pipeline applied before OCR; line boxes
    are always mapped back to the unrotated image.
    """

    index: int
    image: np.ndarray  # BGR uint8, EXIF orientation applied
    dpi: int | None = None
    text_lines: list[TextLine] | None = None  # trusted PDF text layer, in image pixels
    text_source: TextSource | None = None
    rotation: int = 0

    @property
    def width(self) -> int:
        return int(self.image.shape[1])

    @property
    def height(self) -> int:
        return int(self.image.shape[0])

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "rotation": self.rotation,
        }


@dataclass
class Document:
    """A decoded upload: its pages and what kind of file it was."""

    name: str
    kind: str  # pdf | jpeg | png | bmp | tiff | webp | heic
    pages: list[Page]
    sha256: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Field:
    """One extracted field: the value as printed (normalised), where it is, and how sure we are."""

    value: Any
    confidence: float
    page: int
    box: Box
    repaired: bool = False
    raw: str | None = None  # the text as recognised, before normalisation

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "confidence": round(self.confidence, 4),
            "page": self.page,
            "box": round_box(self.box),
            "repaired": self.repaired,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Field:
        box = data["box"]
        return cls(
            value=data["value"],
            confidence=float(data["confidence"]),
            page=int(data["page"]),
            box=(box[0], box[1], box[2], box[3]),
            repaired=bool(data.get("repaired", False)),
        )


CheckStatus = Literal["pass", "fail", "warn"]


@dataclass(frozen=True)
class Check:
    """A verdict on one field's validity (checksum, date), reported under ``checks``."""

    code: str
    field: str
    status: CheckStatus
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "field": self.field, "status": self.status, "message": self.message}


@dataclass(frozen=True)
class QualityIssue:
    """Something about a page image that stops or weakens reading it, with a fix for the applicant."""

    code: str
    page: int
    message: str
    hint: str
    blocking: bool = True  # a blocking issue makes the material unusable
    measure: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "page": self.page,
            "message": self.message,
            "hint": self.hint,
            "blocking": self.blocking,
        }


@dataclass(frozen=True)
class Mark:
    """A seal or a signature found on a page."""

    page: int
    box: Box
    text: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "page": self.page,
            "box": round_box(self.box),
            "confidence": round(self.confidence, 3),
        }
        if self.text is not None:
            out["text"] = self.text
        return out
