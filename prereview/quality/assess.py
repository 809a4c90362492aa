"""``assess(image, page_index, settings)``: the fast (no OCR) quality verdict on one page image.

Checks run from the most to the least fundamental, and a page that fails a fundamental check is not
judged further: a 300×200 thumbnail is only ``low_resolution``, a blank page only ``blank_page``.
"""

from __future__ import annotations

import numpy as np

from prereview.document import QualityIssue
from prereview.quality.framing import cut_off_share
from prereview.quality.glare import glare_fraction
from prereview.quality.messages import wording
from prereview.quality.sharpness import blur_radius
from prereview.quality.view import PageView, faint_ink_fraction, page_view
from prereview.settings import QualitySettings


def issue(code: str, page: int, measure: float, blocking: bool = True, **values: object) -> QualityIssue:
    """A :class:`QualityIssue` with the message and hint of ``code``."""
    text = wording(code, **values)
    return QualityIssue(
        code=code,
        page=page,
        message=text.message,
        hint=text.hint,
        blocking=blocking,
        measure=round(measure, 4),
    )


def assess(
    image: np.ndarray, page_index: int, settings: QualitySettings, dpi: int | None = None
) -> list[QualityIssue]:
    """Quality issues of one BGR page image; an empty list means the page is fit to read.

    ``dpi`` is set for a page rendered from a PDF: its pixel size is then the renderer's choice (an ID
    card page at 150 dpi is 319 px high), not the resolution of what was uploaded, so it is not judged
    ``low_resolution``; a scan embedded at too low a resolution still shows as ``blurry``.
    """
    height, width = image.shape[:2] if image.ndim >= 2 else (0, 0)
    if min(height, width) < (1 if dpi else settings.min_short_side):
        return [
            issue(
                "low_resolution",
                page_index,
                float(min(height, width)),
                min_short_side=settings.min_short_side,
            )
        ]
    view = page_view(image, settings.analysis_side)
    if view.ink_fraction < settings.min_ink_fraction and faint_ink_fraction(view) < settings.min_ink_fraction:
        return [issue("blank_page", page_index, view.ink_fraction)]
    return measure_view(view, page_index, settings)


def measure_view(view: PageView, page_index: int, settings: QualitySettings) -> list[QualityIssue]:
    """The checks that need content on the page: blur, glare and cut-off.

    A blurred page is not judged for glare: blur spreads every light area into a soft bright blob, and the
    applicant has to retake the photo anyway.
    """
    issues = []
    blur = blur_radius(view)
    if blur > settings.max_blur_px:
        issues.append(issue("blurry", page_index, blur))
    else:
        glare = glare_fraction(view, settings.min_glare_area)
        if glare > 0:
            issues.append(issue("glare", page_index, glare))
    cut = cut_off_share(view)
    if cut > settings.max_cut_off_share:
        issues.append(issue("cut_off", page_index, cut))
    return issues


def usable(issues: list[QualityIssue]) -> bool:
    """A material is usable when none of its issues is blocking.

    >>> usable([]), usable([issue("glare", 0, 0.1, blocking=False)]), usable([issue("blurry", 0, 4.0)])
    (True, True, False)
    """
    return not any(i.blocking for i in issues)
