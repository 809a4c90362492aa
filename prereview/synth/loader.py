"""Read a generated dataset back for training: page images, labels, and OCR lines cached on disk.

OCR is the slow part of a training epoch, so its results are stored as JSON under ``cache_dir``, keyed by
the SHA-256 of the file's bytes and the engine's name and version: a second pass over the same files
never calls the engine again, and a new engine (or engine version) never reads another's results.

    for sample in iter_samples(Path("datasets/out/train"), ocr_engine=get_engine(OcrSettings())):
        sample.label.fields["id_number"].box, sample.ocr[0][:3]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import cv2
import numpy as np
import pypdfium2

from prereview.document import TextLine
from prereview.ingest.pdf import render
from prereview.ocr.base import OcrEngine
from prereview.synth.labels import SampleLabel, read_labels

CACHE_FORMAT = 2  # 2: PDF pages in BGR (1 read them with red and blue swapped)
_ENGINE_PACKAGES = {"rapid": "rapidocr", "paddle": "paddleocr"}


@dataclass
class Sample:
    """One dataset file: its label, its pages (BGR, in the labels' pixels) and OCR lines per page."""

    label: SampleLabel
    path: Path
    pages: list[np.ndarray]
    ocr: list[list[TextLine]] | None = None


def engine_key(engine: OcrEngine) -> str:
    """``name-version`` of an engine: its ``version`` attribute, else its package's version.

    >>> from prereview.ocr.fake import FakeOcrEngine
    >>> engine_key(FakeOcrEngine())
    'fake-0'
    """
    return named_engine_key(engine.name, getattr(engine, "version", None))


def named_engine_key(name: str, version: str | None = None) -> str:
    """``name-version`` for an engine by its name, without loading it (see :func:`engine_key`).

    >>> named_engine_key("fake", "0")
    'fake-0'
    """
    if version is None:
        package = _ENGINE_PACKAGES.get(name)
        try:
            version = metadata.version(package) if package else "0"
        except metadata.PackageNotFoundError:
            version = "unknown"
    return f"{name}-{version}"


def load_pages(path: Path, label: SampleLabel) -> list[np.ndarray]:
    """The file's pages as BGR images: an image decoded as is, a PDF rendered at each page's labelled dpi."""
    try:
        return decode_pages(path.read_bytes(), label)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from error


def decode_pages(data: bytes, label: SampleLabel) -> list[np.ndarray]:
    """:func:`load_pages` on bytes already read."""
    if label.file_kind != "pdf":
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            raise ValueError("cannot decode the image")
        return [image]
    pdf = pypdfium2.PdfDocument(data)
    try:
        pages = []
        for page_label in label.pages:
            dpi = page_label.dpi or 150
            image = render(pdf[page_label.index], dpi / 72, page_label.index)  # BGR, as ingest renders
            pages.append(_exact_size(image, page_label.width, page_label.height))
        return pages
    finally:
        pdf.close()


def _exact_size(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Trim (or pad by replicating the edge) the pixel that PDF size rounding may add or lose.

    >>> _exact_size(np.zeros((11, 9, 3), np.uint8), 10, 10).shape
    (10, 10, 3)
    """
    out = image[:height, :width]
    pad_y, pad_x = height - out.shape[0], width - out.shape[1]
    if pad_y or pad_x:
        out = cv2.copyMakeBorder(np.ascontiguousarray(out), 0, pad_y, 0, pad_x, cv2.BORDER_REPLICATE)
    return np.ascontiguousarray(out)


class OcrCache:
    """OCR lines per file on disk: ``<cache_dir>/<engine key>/<sha256>.json``."""

    def __init__(self, cache_dir: Path, engine: OcrEngine) -> None:
        self.engine = engine
        self.folder = cache_dir / engine_key(engine)
        self.folder.mkdir(parents=True, exist_ok=True)

    def lines(self, data: bytes, pages: list[np.ndarray]) -> list[list[TextLine]]:
        """OCR of ``pages`` (the decoded ``data``): from the cache, or from the engine and then cached."""
        path = self.folder / f"{hashlib.sha256(data).hexdigest()}.json"
        if path.exists():
            cached = json.loads(path.read_text(encoding="utf-8"))
            if cached.get("format") == CACHE_FORMAT and len(cached["pages"]) == len(pages):
                return [[TextLine.from_dict(line) for line in page] for page in cached["pages"]]
        result = [self.engine.recognize(page) for page in pages]
        payload = {
            "format": CACHE_FORMAT,
            "engine": engine_key(self.engine),
            "pages": [[line.to_dict() for line in page] for page in result],
        }
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash never leaves half a cache entry
        return result


def iter_samples(
    dataset_dir: Path, *, ocr_engine: OcrEngine | None = None, cache_dir: Path | None = None
) -> Iterator[Sample]:
    """The samples of a dataset folder in label order; with ``ocr_engine``, their OCR lines (cached).

    ``cache_dir`` defaults to ``<dataset_dir>/.ocr_cache``.
    """
    dataset_dir = Path(dataset_dir)
    cache = OcrCache(cache_dir or dataset_dir / ".ocr_cache", ocr_engine) if ocr_engine is not None else None
    for label in read_labels(dataset_dir):
        path = dataset_dir / label.file
        pages = load_pages(path, label)
        ocr = cache.lines(path.read_bytes(), pages) if cache else None
        yield Sample(label, path, pages, ocr)
