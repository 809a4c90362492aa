"""Staff corrections → a labelled data set: ``files/``, ``labels.jsonl``, ``manifest.json``.

The layout and the per-field label shape follow ``prereview-synth/1`` (``datasets/README.md``): each line
has ``id``, ``file``, ``file_kind``, ``material_type``, ``pages`` and ``fields`` of
``{"value", "page", "box", "visible"}``. The format is ``prereview-corrections/1``: the values are the
pipeline's extraction with the staff's corrections applied (the latest per field wins), ``corrected``
lists the keys a person changed and ``extracted_material_type`` what the pipeline said.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prereview.store.models import Correction, Material
from prereview.store.storage import Storage

FORMAT = "prereview-corrections/1"
_EXT = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/bmp": "bmp",
    "image/tiff": "tiff",
    "image/webp": "webp",
    "image/heic": "heic",
}


def corrected_label(material: Material, corrections: list[Correction], file: str) -> dict[str, Any]:
    """One ``labels.jsonl`` line: the extraction with ``corrections`` (in order) applied."""
    extraction = material.extraction or {}
    fields = {
        key: {"value": f.get("value"), "page": f.get("page", 0), "box": f.get("box"), "visible": True}
        for key, f in extraction.get("fields", {}).items()
    }
    material_type = extraction.get("material_type", "other")
    corrected: list[str] = []
    for correction in corrections:
        if correction.field is None:
            material_type = str(correction.after)
            corrected.append("material_type")
            continue
        label = fields.setdefault(correction.field, {"value": None, "page": 0, "box": None, "visible": True})
        label["value"] = correction.after
        corrected.append(correction.field)
    return {
        "schema_version": FORMAT,
        "id": material.id,
        "file": file,
        "file_kind": file.rsplit(".", 1)[-1],
        "material_type": material_type,
        "extracted_material_type": extraction.get("material_type"),
        "pages": [
            {k: p.get(k) for k in ("index", "width", "height", "dpi")} for p in extraction.get("pages", [])
        ],
        "fields": fields,
        "corrected": sorted(set(corrected)),
        "source": "staff_correction",
        "pipeline_version": extraction.get("version"),
    }


def export_corrections(session: Session, storage: Storage, out: Path) -> int:
    """Write every corrected material to ``out``; returns how many."""
    rows = list(session.scalars(select(Correction).order_by(Correction.id)))
    by_material: dict[str, list[Correction]] = {}
    for correction in rows:
        by_material.setdefault(correction.material_id, []).append(correction)
    (out / "files").mkdir(parents=True, exist_ok=True)
    count = 0
    with (out / "labels.jsonl").open("w", encoding="utf-8") as labels:
        for material_id, corrections in by_material.items():
            material = session.get(Material, material_id)
            if material is None or not storage.exists(material.sha256):
                continue
            file = f"files/{material.id}.{_EXT.get(material.content_type, 'bin')}"
            (out / file).write_bytes(storage.get(material.sha256))
            labels.write(json.dumps(corrected_label(material, corrections, file), ensure_ascii=False) + "\n")
            count += 1
    manifest = {
        "format": FORMAT,
        "counts": {"samples": count, "corrections": len(rows)},
        "labels": "labels.jsonl",
        "files": "files/",
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return count
