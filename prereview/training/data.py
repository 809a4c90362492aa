"""Dataset → training examples: OCR lines from the loader's cache, labels aligned to characters.

``--data`` names a recipe (``datasets/recipes/*.yaml``, generated once under ``datasets/out/<name>``)
or a dataset folder. Files are read once as the service reads them (orientation corrected, lines of the
upright page, :mod:`prereview.training.reading`); later epochs and runs read the cache.
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from prereview.document import Box, TextLine
from prereview.synth.labels import FORMAT, LABELS_FILE, FieldLabel, PageLabel, SampleLabel
from prereview.training.align import align_value
from prereview.training.reading import Reading, read_dataset
from prereview.understanding.base import OTHER
from prereview.understanding.learned.tokens import Token, tokenize
from prereview.understanding.learned.vocab import common_cjk

MIN_CHARS = 4
CORRECTIONS = "prereview-corrections/1"
CORRECTION_CAPTURE = "correction"
Progress = Callable[[int, int], None]


@dataclass
class Document:
    """One labelled file with its OCR lines per page."""

    label: SampleLabel
    path: Path
    ocr: list[list[TextLine]]  # upright pages' lines, as the pipeline gives them to the understanders
    reading: Reading | None = None

    def upright_box(self, page: int, box: Box) -> Box:
        """A labelled box (input pixels) in the frame of :attr:`ocr`."""
        return box if self.reading is None else self.reading.upright_box(page, box)


@dataclass
class TaggedDocument:
    """A document's characters with one BIO label id per character."""

    tokens: list[Token]
    tags: list[int]
    material_type: str


@dataclass
class AlignReport:
    """How many documents aligned, and why the others were dropped."""

    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, object]:
        return {"kept": self.kept, "dropped": sum(self.dropped.values()), "by_field": dict(self.dropped)}


def dataset_folder(data: Path, *, n: int | None = None, out_root: Path = Path("datasets/out")) -> Path:
    """The dataset folder of ``data``: itself when it holds labels, else the recipe generated once."""
    if (data / LABELS_FILE).is_file():
        return data
    from prereview.synth.dataset import generate_dataset
    from prereview.synth.recipes import load_recipe

    recipe = load_recipe(data)
    folder = out_root / (recipe.name if n is None else f"{recipe.name}-n{n}")
    if not (folder / LABELS_FILE).is_file():
        generate_dataset(folder, recipe, n=n)
    return folder


def correction_label(data: dict[str, object]) -> SampleLabel:
    """A ``prereview-corrections/1`` line (staff corrections, ``datasets/README.md``) as a sample label.

    >>> line = {"schema_version": CORRECTIONS, "id": "m1", "file": "files/m1.jpg", "file_kind": "jpg",
    ...         "material_type": "id_card_front",
    ...         "pages": [{"index": 0, "width": 10, "height": 8, "dpi": None}],
    ...         "fields": {"name": {"value": "张三", "page": 0, "box": None, "visible": True}}}
    >>> label = correction_label(line)
    >>> label.capture, label.file_kind, label.fields["name"].value
    ('correction', 'jpeg', '张三')
    """
    pages = [PageLabel(**p) for p in data["pages"]]  # type: ignore[attr-defined]
    fields = {k: FieldLabel(**v) for k, v in data["fields"].items()}  # type: ignore[attr-defined]
    kind = str(data["file_kind"])
    return SampleLabel(
        id=str(data["id"]),
        file=str(data["file"]),
        file_kind={"jpg": "jpeg"}.get(kind, kind),
        material_type=str(data["material_type"]),
        pages=pages,
        fields=fields,
        capture=CORRECTION_CAPTURE,
        usable=True,
        quality_issues=[],
        layout="",
        font="",
        seed=0,
        as_of="",
    )


def read_dataset_labels(folder: Path) -> list[SampleLabel]:
    """The labels of a synthetic dataset or of exported staff corrections (either format, even mixed)."""
    labels = []
    for line in (folder / LABELS_FILE).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        version = data.get("schema_version")
        if version == CORRECTIONS:
            labels.append(correction_label(data))
        elif version == FORMAT:
            labels.append(SampleLabel.from_dict(data))
        else:
            raise ValueError(f"{folder}: label format {version!r} is neither {FORMAT!r} nor {CORRECTIONS!r}")
    return labels


def load_documents(
    folder: Path,
    engine: object | None = None,
    progress: Progress | None = None,
    *,
    workers: int = 1,
) -> list[Document]:
    """Every file of a dataset folder read as the service reads it (:mod:`prereview.training.reading`):
    from the cache, else by ``engine`` or, without one, by ``workers`` processes."""
    labels = read_dataset_labels(folder)
    readings = read_dataset(folder, labels, engine, workers=workers, progress=progress)  # type: ignore[arg-type]
    return [
        Document(label, folder / label.file, readings[label.id].lines, readings[label.id]) for label in labels
    ]


def classifier_target(document: Document) -> str:
    """The type to learn: the labelled one, or ``other`` when OCR found (almost) no text."""
    chars = sum(len(line.text.strip()) for page in document.ocr for line in page)
    return document.label.material_type if chars >= MIN_CHARS else OTHER


def random_pages(rng: random.Random, count: int) -> list[list[list[TextLine]]]:
    """``count`` pages of random common characters in random lines: examples of ``other``."""
    chars = common_cjk() + list("0123456789年月日：:,.()")
    pages = []
    for _ in range(count):
        lines = []
        for row in range(rng.randint(1, 30)):
            text = "".join(rng.choice(chars) for _ in range(rng.randint(2, 30)))
            x = rng.uniform(0, 400)
            y = row * rng.uniform(20, 60)
            lines.append(TextLine(text, (x, y, x + 20 * len(text), y + 20), 0.9))
        pages.append([lines])
    return pages


def field_values(label: SampleLabel) -> list[tuple[str, str, int, Box | None]]:
    """The visible, printed, textual fields of a label: ``(key, value, page, box)``.

    A correction may lack a box (a person typed the value): it is then found by its text alone.
    """
    out: list[tuple[str, str, int, Box | None]] = []
    for key, item in label.fields.items():
        boxed = item.box is not None or label.capture == CORRECTION_CAPTURE
        if item.visible and boxed and isinstance(item.value, str) and item.value.strip():
            box = None if item.box is None else (item.box[0], item.box[1], item.box[2], item.box[3])
            out.append((key, item.value, item.page, box))
    return out


def tag_document(document: Document, label_ids: dict[str, int], report: AlignReport) -> TaggedDocument | None:
    """BIO ids for every character; ``None`` (counted in ``report``) when a visible field is not found."""
    tokens = tokenize(document.ocr)
    if not tokens:
        report.dropped["<no text>"] += 1
        return None
    tags = [0] * len(tokens)
    pages = [i for i, t in enumerate(tokens)]
    for key, value, page, box in field_values(document.label):
        on_page = [i for i in pages if tokens[i].page == page]
        upright = None if box is None else document.upright_box(page, box)
        found = align_value([tokens[i] for i in on_page], value, upright) if on_page else None
        if found is None or f"B-{key}" not in label_ids:
            report.dropped[key] += 1
            return None
        start, end = on_page[found[0]], on_page[found[1] - 1] + 1
        tags[start] = label_ids[f"B-{key}"]
        for i in range(start + 1, end):
            tags[i] = label_ids[f"I-{key}"]
    report.kept += 1
    return TaggedDocument(tokens, tags, document.label.material_type)


def keys_by_type(documents: list[Document]) -> dict[str, list[str]]:
    """The printed textual keys seen per material type."""
    seen: dict[str, set[str]] = {}
    for document in documents:
        keys = seen.setdefault(document.label.material_type, set())
        keys.update(key for key, item in document.label.fields.items() if isinstance(item.value, str))
    return {t: sorted(k) for t, k in sorted(seen.items())}


def split(items: list, share: float, seed: int) -> tuple[list, list]:
    """A shuffled ``(train, validation)`` split with ``share`` of the items for validation.

    >>> split(list(range(10)), 0.2, 1)[1]
    [6, 8]
    """
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    cut = max(1, int(len(items) * share)) if len(items) > 1 else 0
    held = set(order[:cut])
    return [x for i, x in enumerate(items) if i not in held], [x for i, x in enumerate(items) if i in held]


def torch_threads() -> int:
    return int(os.environ.get("PREREVIEW_TRAIN_THREADS", "2"))


def ocr_progress(done: int, total: int) -> None:
    """Progress of reading a dataset, on standard error (every 20 files and at the end)."""
    if done == total or done % 20 == 0:
        print(f"\r读取 OCR {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)
