"""How training and evaluation read a dataset file: the way the service reads it, cached on disk.

Each page is read by :func:`prereview.quality.orient_and_read` (a page that came in sideways or upside
down is turned) and its lines are kept in the pixels of the page turned upright, which is what the
pipeline gives the understanders (:mod:`prereview.pipeline.upright`). A labelled box is turned the same
way (:meth:`Reading.upright_box`) so labels and lines share one frame.

Red seals are found on colour pages as the pipeline finds them (ring text read on its own), since
some fields are printed only in a seal (:mod:`prereview.understanding.seal_fields`).

Results are cached per file under ``<dataset>/.ocr_cache/<engine>-upright/<sha256>.json``; files are
read by ``workers`` processes (one OCR engine each) and progress is reported as files finish.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from prereview.checks.grey_seal import read_grey_rings
from prereview.checks.seal import find_seals, shows_colour
from prereview.document import Box, Mark, TextLine
from prereview.ocr.base import OcrEngine
from prereview.quality import orient_and_read, turn_lines
from prereview.synth.labels import SampleLabel
from prereview.synth.loader import engine_key, load_pages, named_engine_key
from prereview.understanding.seal_fields import SEAL_FIELDS

READING_FORMAT = 9
Progress = Callable[[int, int], None]


@dataclass
class Reading:
    """One file's pages as read: the turn that made each upright, its size, its upright lines, and
    the red seals found (boxes in the input page's pixels, as the pipeline reports them); on a grey
    page of a material that prints a field only in its seal, the ink rings read for that field."""

    rotations: list[int]
    sizes: list[tuple[int, int]]  # (width, height) of each input page
    lines: list[list[TextLine]]
    seals: list[Mark] = field(default_factory=list)

    def upright_box(self, page: int, box: Box) -> Box:
        """A box in the input page's pixels, in the pixels of the page turned upright."""
        rotation = self.rotations[page]
        if not rotation:
            return box
        width, height = self.sizes[page]
        return turn_lines([TextLine("", box, 1.0)], rotation, width, height)[0].box

    def to_dict(self) -> dict[str, object]:
        return {
            "format": READING_FORMAT,
            "rotations": self.rotations,
            "sizes": self.sizes,
            "pages": [[_line_dict(line) for line in page] for page in self.lines],
            "seals": [seal.to_dict() for seal in self.seals],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Reading:
        return cls(
            list(data["rotations"]),
            [(int(w), int(h)) for w, h in data["sizes"]],
            [[_line(line) for line in page] for page in data["pages"]],
            [
                Mark(int(s["page"]), tuple(s["box"]), s.get("text"), float(s["confidence"]))
                for s in data.get("seals", [])
            ],
        )


def _line_dict(line: TextLine) -> dict[str, object]:
    """A line as cached: the service's JSON form and its polygon (the anchors level a tilted page by it)."""
    out = line.to_dict()
    if line.polygon is not None:
        out["polygon"] = [[round(x, 1), round(y, 1)] for x, y in line.polygon]
    return out


def _line(data: dict) -> TextLine:
    line = TextLine.from_dict(data)
    polygon = data.get("polygon")
    return replace(line, polygon=tuple((float(x), float(y)) for x, y in polygon)) if polygon else line


def read_file(path: Path, label: SampleLabel, engine: OcrEngine) -> Reading:
    """Read every page of a dataset file as the service would: a PDF page's trusted text layer as
    ingest finds it (scaled to the labels' pixels), else OCR with orientation found and corrected."""
    rotations, sizes, lines, seals = [], [], [], []
    layers = _text_layers(path) if label.file_kind == "pdf" else {}
    for index, image in enumerate(load_pages(path, label)):
        height, width = image.shape[:2]
        layer = layers.get(label.pages[index].index)
        if layer is not None:
            rotation, found = 0, _scaled(*layer, width)
        else:
            rotation, found = orient_and_read(image, engine)
            if shows_colour(image):
                seals += find_seals(image, page=index, lines=found, engine=engine, rotation=rotation)
            elif label.material_type in SEAL_FIELDS:  # as the pipeline reads a grey copy's rings
                seals += read_grey_rings(image, engine, page=index, rotation=rotation)
        rotations.append(rotation)
        sizes.append((width, height))
        lines.append(turn_lines(found, rotation, width, height) if rotation else found)
    return Reading(rotations, sizes, lines, seals)


def _text_layers(path: Path) -> dict[int, tuple[list[TextLine], int]]:
    """The pages whose text layer ingest trusts: their lines and the width of ingest's page image."""
    from prereview.ingest import load_document
    from prereview.settings import IngestSettings

    document = load_document(path.read_bytes(), path.name, IngestSettings())
    return {
        page.index: (page.text_lines, page.image.shape[1])
        for page in document.pages
        if page.text_lines is not None
    }


def _scaled(lines: list[TextLine], from_width: int, to_width: int) -> list[TextLine]:
    factor = to_width / max(from_width, 1)
    return [
        TextLine(line.text, tuple(v * factor for v in line.box), line.confidence, source=line.source)  # type: ignore[arg-type]
        for line in lines
    ]


class ReadingCache:
    """Readings on disk, keyed by the file's SHA-256 and the engine's name and version."""

    def __init__(self, dataset: Path, engine_name: str) -> None:
        self.folder = dataset / ".ocr_cache" / f"{engine_name}-upright"
        self.folder.mkdir(parents=True, exist_ok=True)

    def path(self, data: bytes) -> Path:
        return self.folder / f"{hashlib.sha256(data).hexdigest()}.json"

    def get(self, data: bytes, pages: int) -> Reading | None:
        path = self.path(data)
        if not path.exists():
            return None
        payload = json.loads(path.read_text(encoding="utf-8"))
        if payload.get("format") != READING_FORMAT or len(payload["pages"]) != pages:
            return None
        return Reading.from_dict(payload)

    def put(self, data: bytes, reading: Reading) -> Reading:
        """Store ``reading``; returns it as it will be read back (so a first run and a cached one agree)."""
        path = self.path(data)
        payload = reading.to_dict()
        tmp = path.with_suffix(f".{multiprocessing.current_process().pid}.tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash never leaves half an entry
        return Reading.from_dict(json.loads(json.dumps(payload)))


_worker_engine: OcrEngine | None = None


def _read_in_worker(job: tuple[Path, SampleLabel, Path, str]) -> tuple[str, Reading]:
    global _worker_engine
    path, label, dataset, key = job
    if _worker_engine is None:
        from prereview.ocr import get_engine
        from prereview.settings import get_settings

        _worker_engine = get_engine(get_settings().ocr)
    reading = read_file(path, label, _worker_engine)
    return label.id, ReadingCache(dataset, key).put(path.read_bytes(), reading)


def read_dataset(
    dataset: Path,
    labels: list[SampleLabel],
    engine: OcrEngine | None = None,
    *,
    workers: int = 1,
    progress: Progress | None = None,
) -> dict[str, Reading]:
    """Every labelled file's reading by id: from the cache, else read (by ``workers`` processes when
    no ``engine`` is given; ``engine`` itself reads in this process)."""
    if engine is None and workers <= 1:
        from prereview.ocr import get_engine
        from prereview.settings import get_settings

        engine = get_engine(get_settings().ocr)
    key = engine_key(engine) if engine is not None else _default_engine_key()
    cache = ReadingCache(dataset, key)
    found: dict[str, Reading] = {}
    missing = []
    for label in labels:
        reading = cache.get((dataset / label.file).read_bytes(), len(label.pages))
        if reading is None:
            missing.append(label)
        else:
            found[label.id] = reading
    done = len(found)
    if progress:
        progress(done, len(labels))
    if engine is not None:
        for label in missing:
            path = dataset / label.file
            found[label.id] = cache.put(path.read_bytes(), read_file(path, label, engine))
            done += 1
            if progress:
                progress(done, len(labels))
        return found
    jobs = [(dataset / label.file, label, dataset, key) for label in missing]
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        for label_id, reading in pool.imap_unordered(_read_in_worker, jobs, chunksize=4):
            found[label_id] = reading
            done += 1
            if progress:
                progress(done, len(labels))
    return found


def _default_engine_key() -> str:
    """The key of the engine the workers will load, without loading it here."""
    from prereview.settings import get_settings

    return named_engine_key(get_settings().ocr.engine)
