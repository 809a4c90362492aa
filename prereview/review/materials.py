"""What the review receives for each uploaded file: the extraction result, typed (no OCR here).

:meth:`MaterialResult.from_extract` reads the ``extract --json`` document of CONTRACT.md, so the CLI
and the service hand the rules exactly what extraction printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from prereview.document import Check, Field, Mark, QualityIssue


@dataclass
class MaterialPart:
    """One of several materials inside one file (an ID card's two sides on one A4 copy)."""

    material_type: str
    fields: dict[str, Field]
    page: int = 0


@dataclass
class MaterialResult:
    """One uploaded file as extraction understood it, plus the slot the applicant put it in (if any)."""

    file: str
    material_type: str
    type_confidence: float = 1.0
    fields: dict[str, Field] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    quality_usable: bool = True
    quality_issues: list[QualityIssue] = field(default_factory=list)
    seals: list[Mark] | None = None
    signatures: list[Mark] | None = None
    slot: str | None = None
    page_images: list[np.ndarray] | None = None
    parts: list[MaterialPart] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)  # models that produced it: {"ocr": "PP-OCRv6"...}

    @classmethod
    def from_extract(cls, data: dict[str, Any], slot: str | None = None) -> MaterialResult:
        """From the ``extract --json`` document."""
        quality = data.get("quality") or {}
        return cls(
            file=str(data.get("file", "")),
            material_type=str(data.get("material_type") or "other"),
            type_confidence=float(data.get("confidence") or 0.0),
            fields={k: Field.from_dict(v) for k, v in (data.get("fields") or {}).items()},
            checks=[
                Check(c["code"], c.get("field", ""), c["status"], c.get("message", ""))
                for c in data.get("checks") or []
            ],
            quality_usable=bool(quality.get("usable", True)),
            quality_issues=[
                QualityIssue(
                    i["code"],
                    int(i.get("page", 0)),
                    i.get("message", ""),
                    i.get("hint", ""),
                    bool(i.get("blocking", True)),
                )
                for i in quality.get("issues") or []
            ],
            seals=_marks(data.get("seals")),
            signatures=_marks(data.get("signatures")),
            slot=slot,
            parts=[
                MaterialPart(
                    p["material_type"],
                    {k: Field.from_dict(v) for k, v in (p.get("fields") or {}).items()},
                    int(p.get("page", 0)),
                )
                for p in data.get("parts") or []
            ],
            versions={"extract": str(data["version"])} if data.get("version") else {},
        )


def unreadable(file: str, reason: str, slot: str | None = None) -> MaterialResult:
    """A file that could not be read at all: a failed material with the reason, so the review reports it."""
    issue = QualityIssue("unreadable", 0, reason, "请重新上传清晰、完整的 PDF 或图片", True)
    return MaterialResult(
        file=file,
        material_type="other",
        type_confidence=0.0,
        quality_usable=False,
        quality_issues=[issue],
        slot=slot,
    )


def _marks(items: list[dict[str, Any]] | None) -> list[Mark] | None:
    if items is None:
        return None
    out = []
    for m in items:
        box = m["box"]
        confidence = float(m.get("confidence", 1.0))
        out.append(Mark(int(m.get("page", 0)), (box[0], box[1], box[2], box[3]), m.get("text"), confidence))
    return out
