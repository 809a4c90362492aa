"""What ``extract`` returns for one material, and its CONTRACT.md JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from prereview.document import Check, Document, Field, Mark, QualityIssue, TextLine
from prereview.understanding import Part


@dataclass
class Extraction:
    """One material, read: pages, type, fields, checks, quality, seals and signatures."""

    version: str
    document: Document
    material_type: str
    confidence: float
    fields: dict[str, Field]
    checks: list[Check]
    quality_issues: list[QualityIssue]
    lines: list[list[TextLine]]  # per page, in the decoded image's pixels
    seals: list[Mark] | None = None
    signatures: list[Mark] | None = None
    parts: list[Part] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return not any(issue.blocking for issue in self.quality_issues)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": self.version,
            "file": self.document.name,
            "material_type": self.material_type,
            "confidence": round(self.confidence, 4),
            "pages": [page.to_dict() for page in self.document.pages],
            "fields": {key: f.to_dict() for key, f in self.fields.items()},
            "checks": [c.to_dict() for c in self.checks],
            "quality": {"usable": self.usable, "issues": [i.to_dict() for i in self.quality_issues]},
            "seals": None if self.seals is None else [m.to_dict() for m in self.seals],
            "signatures": None if self.signatures is None else [m.to_dict() for m in self.signatures],
        }
        if len(self.parts) > 1:
            out["parts"] = [p.to_dict() for p in self.parts]
        return out
