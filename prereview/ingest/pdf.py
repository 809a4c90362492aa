"""PDF → pages: each page rendered with pypdfium2 at ``settings.pdf_dpi``, with its text layer when trusted.

Checked before any page is rendered: the file is complete (a truncated download still opens in pdfium,
with pages missing), it opens without a password, the page count, and each page's pixel size at the dpi.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.page import Page as PlumberPage

from prereview.document import Page
from prereview.errors import IngestError
from prereview.ingest.geometry import PageGeometry
from prereview.ingest.limits import (
    POINTS_PER_INCH,
    check_page_count,
    check_page_pixels,
    check_total_pixels,
    rendered_size,
)
from prereview.ingest.pdftext import read_text_lines
from prereview.settings import IngestSettings

logger = logging.getLogger(__name__)

EOF_WINDOW = 1024  # readers look for %%EOF in the last KiB
_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}


def load_pdf_pages(data: bytes, settings: IngestSettings) -> list[Page]:
    """Render every page and attach its trusted text layer (``None`` means: OCR this page)."""
    check_complete(data)
    document = open_pdf(data)
    try:
        count = len(document)
        check_page_count(count, settings)
        sizes = [_page_pixels(document, i, settings.pdf_dpi) for i in range(count)]
        for index, size in enumerate(sizes):
            check_page_pixels(size, index, settings)
        check_total_pixels(sizes, settings)
        with _text_reader(data, settings) as plumber_pages:
            return [_load_page(document, i, plumber_pages, settings) for i in range(count)]
    finally:
        document.close()


def check_complete(data: bytes) -> None:
    """Refuse a PDF without its end marker: the upload or the download was cut short.

    >>> check_complete(b"%PDF-1.7 ... startxref 123 %%EOF\\n")
    >>> check_complete(b"%PDF-1.7 ... 12 0 obj <<")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    prereview.errors.IngestError: PDF 文件不完整（...），... (the PDF is truncated: no %%EOF marker ...)
    """
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise IngestError(
            "PDF 文件不完整（缺少文件结束标记，可能上传或下载中断），请重新导出或重新下载后上传",
            "the PDF is truncated: no %%EOF marker at its end",
            code="corrupt",
        )


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open with pypdfium2; a password or damage becomes an :class:`IngestError`."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in _PASSWORD_ERRORS:
            raise IngestError(
                "PDF 文件已加密（需要密码才能打开），请去除密码后重新上传",
                "the PDF is encrypted (it needs a password to open); remove the password and upload again",
                code="encrypted_pdf",
            ) from error
        if error.err_code == pdfium_c.FPDF_ERR_SUCCESS:  # it parsed, but holds no page
            raise IngestError("PDF 文件中没有任何页面", "the PDF has no pages", code="no_pages") from error
        raise _damaged(error) from error
    document.init_forms()  # so filled form fields are drawn into the page image
    return document


def _page_pixels(document: pdfium.PdfDocument, index: int, dpi: int) -> tuple[int, int]:
    """The rendered size of a page, read from the page tree without loading the page."""
    try:
        width, height = document.get_page_size(index)
    except pdfium.PdfiumError as error:
        raise _damaged(error, index) from error
    return rendered_size(width, height, dpi)


def _load_page(
    document: pdfium.PdfDocument, index: int, plumber_pages: list[PlumberPage], settings: IngestSettings
) -> Page:
    try:
        page = document[index]
    except pdfium.PdfiumError as error:
        raise _damaged(error, index) from error
    try:
        scale = settings.pdf_dpi / POINTS_PER_INCH
        # get_bbox() is crop box ∩ media box, inherited from the page tree (get_cropbox() is not)
        geometry = PageGeometry(crop=page.get_bbox(), rotation=page.get_rotation(), scale=scale)
        image = render(page, scale, index)
        text = None
        if settings.use_text_layer:
            plumber_page = plumber_pages[index] if index < len(plumber_pages) else None
            text = read_text_lines(page, plumber_page, geometry, settings.min_cjk_ratio)
            if plumber_page is not None:
                plumber_page.close()  # drop its parsed layout; pages are read once
        return Page(
            index=index,
            image=image,
            dpi=settings.pdf_dpi,
            text_lines=text[0] if text else None,
            text_source=text[1] if text else None,
        )
    finally:
        page.close()


def render(page: pdfium.PdfPage, scale: float, index: int) -> np.ndarray:
    """The page as a BGR uint8 image on white paper, ``/Rotate`` applied."""
    try:
        bitmap = page.render(scale=scale, force_bitmap_format=pdfium_c.FPDFBitmap_BGR)
        try:
            return np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
        finally:
            bitmap.close()
    except (pdfium.PdfiumError, ValueError) as error:
        raise _damaged(error, index) from error


@contextmanager
def _text_reader(data: bytes, settings: IngestSettings) -> Iterator[list[PlumberPage]]:
    """pdfplumber's pages, or none when it is not wanted or cannot parse the file (pdfium still can)."""
    if not settings.use_text_layer:
        yield []
        return
    try:
        plumber = pdfplumber.open(io.BytesIO(data))
    except Exception as error:
        logger.debug("pdfplumber cannot open the PDF: %r", error)
        yield []
        return
    try:
        try:
            pages = list(plumber.pages)
        except Exception as error:
            logger.debug("pdfplumber cannot list the pages: %r", error)
            pages = []
        yield pages
    finally:
        plumber.close()


def _damaged(error: BaseException, page: int | None = None) -> IngestError:
    where_zh, where_en = (f"第 {page + 1} 页", f" (page {page + 1})") if page is not None else ("", "")
    detail = " ".join(str(error).split())[:200]
    return IngestError(
        f"PDF 文件{where_zh}已损坏，无法读取，请重新导出或重新扫描后上传",
        f"the PDF{where_en} is damaged: {detail}",
        code="corrupt",
        page=page,
    )
