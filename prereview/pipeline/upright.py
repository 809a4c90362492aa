"""Understanding reads upright pages; the contract reports boxes in the input's pixels.

OCR of a page that came in sideways or upside down is mapped back to the input's pixels
(:func:`prereview.quality.orient_and_read`), which is what evidence boxes need but not what layout
reasoning needs: "the value right of its label" only holds on the upright page. So the understander is
given every page's lines turned upright (:func:`upright_lines`), and the boxes of what it found are
turned back (:func:`to_input_frame`).
"""

from __future__ import annotations

from dataclasses import replace

from prereview.document import Box, Page, TextLine
from prereview.quality import turn_lines, unrotate_box
from prereview.understanding.understand import Understanding


def upright_lines(pages: list[Page], lines: list[list[TextLine]]) -> list[list[TextLine]]:
    """Each page's lines (input pixels) in the pixels of the page turned upright."""
    out = []
    for page, page_lines in zip(pages, lines, strict=True):
        height, width = page.image.shape[:2]
        out.append(turn_lines(page_lines, page.rotation, width, height) if page.rotation else page_lines)
    return out


def _back(box: Box, page: Page) -> Box:
    if not page.rotation:
        return box
    height, width = page.image.shape[:2]
    return unrotate_box(box, page.rotation, width, height)


def to_input_frame(understood: Understanding, pages: list[Page]) -> Understanding:
    """``understood`` (read on upright pages) with every field and part box in the input's pixels."""
    if not any(page.rotation for page in pages):
        return understood

    def fields(found: dict) -> dict:
        return {key: replace(f, box=_back(f.box, pages[f.page])) for key, f in found.items()}

    parts = [replace(p, fields=fields(p.fields), box=_back(p.box, pages[p.page])) for p in understood.parts]
    return replace(understood, fields=fields(understood.fields), parts=parts)
