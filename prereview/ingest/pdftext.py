"""Read a PDF page's text layer: pdfplumber first, pypdfium2 when pdfplumber's reading is untrusted.

``read_text_lines`` returns ``None`` when the page should be OCR'd instead: no trustworthy layer, or a page
that shows more than its text layer holds — mostly a picture (a scan, perhaps with a scanner's invisible OCR
text on top), or with filled form fields and free-text annotations, whose values live outside the text layer.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.page import Page as PlumberPage

from prereview.document import TextLine, TextSource
from prereview.ingest.geometry import PageGeometry
from prereview.ingest.textlayer import Glyph, group_lines, why_untrusted

logger = logging.getLogger(__name__)

MAX_IMAGE_COVERAGE = 0.5  # pictures over half the page: a scan, OCR it
MAX_TILT_DEGREES = 10.0
MIN_UPRIGHT_SHARE = 0.9
_OVERLAY_ANNOTATIONS = {pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_FREETEXT}


def read_text_lines(
    page: pdfium.PdfPage, plumber_page: PlumberPage | None, geometry: PageGeometry, min_cjk_ratio: float
) -> tuple[list[TextLine], TextSource] | None:
    """The page's trusted text lines (boxes in image pixels) and where they came from, or ``None``."""
    textpage = page.get_textpage()
    try:
        reason = _shows_more_than_text(page, geometry) or _not_upright(textpage, geometry.rotation)
        if reason:
            logger.debug("page text layer skipped: %s", reason)
            return None
        readers: list[tuple[TextSource, Callable[[], list[Glyph]]]] = [
            ("pdf_text", lambda: plumber_glyphs(plumber_page, geometry) if plumber_page else []),
            ("pdfium_text", lambda: pdfium_glyphs(textpage, geometry)),
        ]
        return _first_trusted(readers, min_cjk_ratio)
    finally:
        textpage.close()


def _first_trusted(
    readers: list[tuple[TextSource, Callable[[], list[Glyph]]]], min_cjk_ratio: float
) -> tuple[list[TextLine], TextSource] | None:
    for source, read in readers:
        try:
            glyphs = read()
        except Exception as error:  # a text layer that cannot be parsed is just not used
            logger.debug("%s failed: %r", source, error)
            continue
        reason = why_untrusted("".join(g.text for g in glyphs), min_cjk_ratio)
        if reason is None:
            return group_lines(glyphs, source), source
        logger.debug("%s not trusted: %s", source, reason)
    return None


def plumber_glyphs(page: PlumberPage, geometry: PageGeometry) -> list[Glyph]:
    """pdfplumber's characters. Its coordinates are points from the top left of the media box turned by
    ``/Rotate``; its own crop box is not reliable on turned pages, so the visible box is placed here."""
    x0, y0, x1, y1 = (float(v) for v in page.page_obj.mediabox)
    media = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    left, top, right, bottom = PageGeometry(crop=media, rotation=geometry.rotation, scale=1.0).to_pixels(
        geometry.crop
    )
    dx, dy = float(page.mediabox[0]), float(page.mediabox[1])
    left, top, right, bottom = left + dx, top + dy, right + dx, bottom + dy
    scale = geometry.scale
    glyphs = []
    for char in page.dedupe_chars().chars:
        cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        if not (left <= cx <= right and top <= cy <= bottom):
            continue  # outside the visible page
        box = (
            (char["x0"] - left) * scale,
            (char["top"] - top) * scale,
            (char["x1"] - left) * scale,
            (char["bottom"] - top) * scale,
        )
        glyphs.append(Glyph(text=char["text"], box=box))
    return glyphs


def pdfium_glyphs(textpage: pdfium.PdfTextPage, geometry: PageGeometry) -> list[Glyph]:
    """pypdfium2's characters, mapped from user space to pixels; a failed Unicode mapping reads U+FFFD."""
    glyphs = []
    count = textpage.count_chars()
    index = 0
    while index < count:
        text, used = _char_at(textpage, index, count)
        if not pdfium_c.FPDFText_IsGenerated(textpage, index):  # pdfium's inferred spaces/newlines
            box = textpage.get_charbox(index, loose=True)
            glyphs.append(Glyph(text=text, box=geometry.to_pixels(box)))
        index += used
    return glyphs


def _not_upright(textpage: pdfium.PdfTextPage, rotation: int) -> str | None:
    """Text that reads sideways or upside down on the displayed page is left to OCR, which turns pages.

    pdfium gives each character's angle in user space (clockwise); ``/Rotate`` turns it further.
    """
    angles = [
        (math.degrees(pdfium_c.FPDFText_GetCharAngle(textpage, i)) + rotation) % 360
        for i in range(textpage.count_chars())
        if not pdfium_c.FPDFText_IsGenerated(textpage, i)
    ]
    upright = sum(1 for angle in angles if min(angle, 360 - angle) <= MAX_TILT_DEGREES)
    if angles and upright < MIN_UPRIGHT_SHARE * len(angles):
        return f"only {upright} of {len(angles)} characters upright"
    return None


def _char_at(textpage: pdfium.PdfTextPage, index: int, count: int) -> tuple[str, int]:
    """The character at ``index`` and how many UTF-16 units it takes (2 for a surrogate pair: 𠮷)."""
    if pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) == 1:
        return "\ufffd", 1
    code = pdfium_c.FPDFText_GetUnicode(textpage, index)
    if 0xD800 <= code < 0xDC00 and index + 1 < count:
        low = pdfium_c.FPDFText_GetUnicode(textpage, index + 1)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 2
    if 0xD800 <= code < 0xE000:
        return "\ufffd", 1
    return chr(code), 1


def _shows_more_than_text(page: pdfium.PdfPage, geometry: PageGeometry) -> str | None:
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page, index)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annotation) in _OVERLAY_ANNOTATIONS:
                return "form fields or free-text annotations"
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    coverage = image_coverage(page, geometry)
    if coverage > MAX_IMAGE_COVERAGE:
        return f"images cover {coverage:.0%} of the page"
    return None


def image_coverage(page: pdfium.PdfPage, geometry: PageGeometry) -> float:
    """Share of the visible page covered by image objects (overlaps counted twice, capped at 1)."""
    left, bottom, right, top = geometry.crop
    page_area = max((right - left) * (top - bottom), 1e-6)
    covered = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        x0, y0, x1, y1 = image.get_bounds()
        width, height = min(x1, right) - max(x0, left), min(y1, top) - max(y0, bottom)
        covered += max(width, 0.0) * max(height, 0.0)
    return min(covered / page_area, 1.0)
