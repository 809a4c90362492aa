"""ingest: uploaded bytes → a :class:`~prereview.document.Document` of pages.

One entry point, :func:`load_document` (and :func:`load_path` for a file on disk)::

    bytes ─► sniff (magic bytes) ─► limits (size, pages, pixels: from headers, before decoding)
          ─► pdf.py    pypdfium2 render at settings.pdf_dpi + trusted text layer (pdftext.py, textlayer.py)
          ─► images.py Pillow / pillow-heif decode, EXIF orientation, any mode → BGR uint8 (pixels.py)

Every failure is an :class:`~prereview.errors.IngestError` whose ``code`` says why:
``empty_file``, ``unsupported_type``, ``too_large``, ``too_many_pages``, ``too_many_pixels``,
``encrypted_pdf``, ``no_pages``, ``corrupt``, ``not_found``, ``unreadable``. No other exception escapes.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from prereview.document import Document, Page
from prereview.errors import IngestError
from prereview.ingest.images import load_image_pages
from prereview.ingest.limits import check_file_size
from prereview.ingest.pdf import load_pdf_pages
from prereview.ingest.sniff import FileKind, identify
from prereview.settings import IngestSettings

__all__ = ["load_document", "load_path"]

logger = logging.getLogger(__name__)


def load_document(data: bytes, name: str, settings: IngestSettings) -> Document:
    """Decode an upload. ``name`` is only for display: the kind comes from the bytes themselves."""
    started = time.perf_counter()
    kind: str = "unknown"
    try:
        check_file_size(len(data), settings)
        kind = identify(data)
        pages = _load_pages(data, kind, settings)
    except IngestError as error:
        error.context.setdefault("name", name)
        raise
    except Exception as error:  # a library failing in a way we did not foresee: still the file's fault
        logger.warning("unexpected failure reading a %s file", kind, exc_info=True)
        detail = " ".join(str(error).split())[:200]
        raise IngestError(
            "文件已损坏或格式异常，无法读取，请重新导出或重新拍摄后上传",
            f"the {kind} file cannot be read: {type(error).__name__}: {detail}",
            code="corrupt",
            name=name,
        ) from error
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.info("ingested a %s file: %d page(s) in %.0f ms", kind, len(pages), elapsed_ms)
    return Document(name=name, kind=kind, pages=pages, sha256=hashlib.sha256(data).hexdigest())


def load_path(path: str | Path, settings: IngestSettings) -> Document:
    """:func:`load_document` for a file on disk; its size is checked before it is read."""
    path = Path(path)
    try:
        check_file_size(path.stat().st_size, settings)
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise IngestError(
            f"找不到文件：{path.name}", f"file not found: {path}", code="not_found", name=path.name
        ) from error
    except OSError as error:
        raise IngestError(
            f"无法读取文件：{path.name}",
            f"cannot read {path}: {error.strerror}",
            code="unreadable",
            name=path.name,
        ) from error
    return load_document(data, path.name, settings)


def _load_pages(data: bytes, kind: FileKind, settings: IngestSettings) -> list[Page]:
    if kind == "pdf":
        return load_pdf_pages(data, settings)
    return load_image_pages(data, kind, settings)
