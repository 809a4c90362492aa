"""Encode generated pages as the files applicants upload: PNG, JPEG, scanned PDF, PDF with a text layer.

Every writer is deterministic: the same pages give the same bytes. PNG and JPEG carry no metadata;
PDFs get a fixed creation date and file id (fpdf2 would otherwise stamp the current time).

A PDF page is sized so that rendering it at ``dpi`` gives back the image's exact pixel size, which is
the ``dpi`` the labels state for it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from io import BytesIO

import cv2
import numpy as np
from fpdf import FPDF
from fpdf.enums import TextMode
from PIL import Image

from prereview.synth.types import Box

PDF_DATE = datetime(2024, 1, 1, tzinfo=UTC)
TEXT_LAYER_FONT = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)  # TrueType outlines: small, fast subset


def encode_png(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 3])
    if not ok:
        raise RuntimeError("PNG encoding failed")
    return data.tobytes()


def encode_jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return data.tobytes()


def _pdf() -> FPDF:
    pdf = FPDF(unit="pt")
    pdf.set_creation_date(PDF_DATE)
    pdf.set_producer("prereview synth")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    return pdf


def _finish(pdf: FPDF) -> bytes:
    """The PDF's bytes; its /ID hashes the content and the fixed creation date, so it is stable too."""
    return bytes(pdf.output())


def _page_image(pdf: FPDF, image: np.ndarray, dpi: int, jpeg_quality: int | None) -> float:
    """Add a page of the image's size at ``dpi``; returns the points-per-pixel scale."""
    height, width = image.shape[:2]
    scale = 72.0 / dpi
    pdf.add_page(format=(width * scale, height * scale))
    rgb = Image.fromarray(np.ascontiguousarray(image[:, :, ::-1]))
    if jpeg_quality is not None:  # scanners store pages as JPEG; keep it for photos and copies
        buffer = BytesIO()
        rgb.save(buffer, format="JPEG", quality=jpeg_quality, optimize=False)
        buffer.seek(0)
        pdf.image(buffer, x=0, y=0, w=width * scale, h=height * scale)
    else:
        pdf.image(rgb, x=0, y=0, w=width * scale, h=height * scale)
    return scale


def scanned_pdf(images: Sequence[np.ndarray], dpi: int, jpeg_quality: int | None = 85) -> bytes:
    """A PDF whose pages are images only (a scan): no text layer."""
    pdf = _pdf()
    for image in images:
        _page_image(pdf, image, dpi, jpeg_quality)
    return _finish(pdf)


def text_pdf(
    images: Sequence[np.ndarray], text_layer: Sequence[Sequence[tuple[str, Box]]], dpi: int
) -> bytes:
    """A PDF with the page images and every string as (invisible) text at its drawn position.

    The text is fitted to each string's ink box: its width by horizontal stretching, its baseline at the
    bottom of the box, so a PDF reader's text boxes match the pixels the labels describe.
    """
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "BDF NOT subset": bitmaps we do not need
    pdf = _pdf()
    path, index = TEXT_LAYER_FONT
    pdf.add_font("layer", fname=path, collection_font_number=index)
    for image, strings in zip(images, text_layer, strict=True):
        scale = _page_image(pdf, image, dpi, 85)
        pdf.text_mode = TextMode.INVISIBLE
        for text, box in strings:
            _place_text(pdf, text, box, scale)
        pdf.text_mode = TextMode.FILL
    return _finish(pdf)


def _place_text(pdf: FPDF, text: str, box: Box, scale: float) -> None:
    if not text.strip():
        return
    x0, y0, x1, y1 = (v * scale for v in box)
    size = max((y1 - y0) * 1.05, 2.0)
    pdf.set_font("layer", size=size)
    natural = pdf.get_string_width(text)
    if natural > 0:
        pdf.set_stretching(max(10.0, min(300.0, 100.0 * (x1 - x0) / natural)))
    pdf.text(x0, y1 - 0.1 * size, text)
    pdf.set_stretching(100.0)
