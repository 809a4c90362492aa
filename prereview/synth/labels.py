"""The label format of a synthetic dataset, ``prereview-synth/1`` (described in ``datasets/README.md``).

A dataset folder holds ``manifest.json`` (format, seed, recipe, counts), ``labels.jsonl`` (one
:class:`SampleLabel` per line, each carrying ``schema_version``) and ``files/``. Boxes are integer pixel
boxes ``[x0, y0, x1, y1]`` of the file as decoded; for a PDF, of the page rendered at the page's ``dpi``.
A box is widened outward to whole pixels (floor/ceil), so it always covers what it labels.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from prereview.synth.types import Box

FORMAT = "prereview-synth/1"
LABELS_FILE = "labels.jsonl"
MANIFEST_FILE = "manifest.json"


def pixel_box(box: Box | None) -> list[int] | None:
    """A float box widened to whole pixels.

    >>> pixel_box((1.2, 2.0, 3.5, 4.01))
    [1, 2, 4, 5]
    >>> pixel_box(None) is None
    True
    """
    if box is None:
        return None
    return [math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3])]


def json_value(value: Any) -> Any:
    """A field value in its JSON form: dates as ISO strings, everything else unchanged.

    >>> json_value(date(2024, 5, 1)), json_value("长期"), json_value(True)
    ('2024-05-01', '长期', True)
    """
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass
class FieldLabel:
    """One field: the value as printed, where (page, box), and whether it can be read in this file."""

    value: Any
    page: int
    box: list[int] | None
    visible: bool

    def to_dict(self) -> dict[str, Any]:
        return {"value": json_value(self.value), "page": self.page, "box": self.box, "visible": self.visible}


@dataclass
class PageLabel:
    index: int
    width: int
    height: int
    dpi: int | None = None


@dataclass
class MarkLabel:
    """A seal or signature area drawn on the page."""

    page: int
    box: list[int]


@dataclass
class SampleLabel:
    """Everything known about one generated file."""

    id: str
    file: str  # path relative to the dataset folder
    file_kind: str  # png | jpeg | pdf
    material_type: str
    pages: list[PageLabel]
    fields: dict[str, FieldLabel]
    capture: str  # a capture variant, or "digital" for a PDF made straight from the page with a text layer
    usable: bool
    quality_issues: list[str]
    layout: str
    font: str
    seed: int
    as_of: str
    defects: list[str] = field(default_factory=list)
    text_layer: bool = False
    seals: list[MarkLabel] = field(default_factory=list)
    signatures: list[MarkLabel] = field(default_factory=list)
    schema_version: str = FORMAT

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["fields"] = {key: label.to_dict() for key, label in self.fields.items()}
        return {"schema_version": data.pop("schema_version"), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SampleLabel:
        version = data.get("schema_version")
        if version != FORMAT:
            raise ValueError(f"label schema {version!r} is not {FORMAT!r}: regenerate the dataset or upgrade")
        payload = dict(data)
        payload["pages"] = [PageLabel(**page) for page in data["pages"]]
        payload["fields"] = {key: FieldLabel(**value) for key, value in data["fields"].items()}
        payload["seals"] = [MarkLabel(**mark) for mark in data.get("seals", [])]
        payload["signatures"] = [MarkLabel(**mark) for mark in data.get("signatures", [])]
        return cls(**payload)


def dumps(label: SampleLabel) -> str:
    """One JSONL line: keys in a fixed order, non-ASCII kept readable, no trailing spaces."""
    return json.dumps(label.to_dict(), ensure_ascii=False, separators=(",", ":"))


def write_labels(path: Path, labels: Iterable[SampleLabel]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for label in labels:
            out.write(dumps(label) + "\n")


def read_labels(dataset_dir: Path) -> Iterator[SampleLabel]:
    """The labels of a dataset folder, in file order."""
    with (dataset_dir / LABELS_FILE).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield SampleLabel.from_dict(json.loads(line))


def write_manifest(dataset_dir: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps({"format": FORMAT, **manifest}, ensure_ascii=False, indent=2, sort_keys=True)
    (dataset_dir / MANIFEST_FILE).write_text(text + "\n", encoding="utf-8")


def read_manifest(dataset_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((dataset_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{dataset_dir}: dataset format {data.get('format')!r} is not {FORMAT!r}")
    return data
