"""Quality stage: is a page image fit to read, and which way up is it?

``assess(image, page_index, settings)`` runs OpenCV measures (no OCR, ~10–50 ms a page) and returns
:class:`~prereview.document.QualityIssue` objects with a Chinese message and fix hint (``messages.py``):

============== =========================================================== ===========================
code           measure (at analysis size: longest side 1000 px)            threshold (QualitySettings)
============== =========================================================== ===========================
low_resolution short side of the input, in pixels                          < ``min_short_side`` (500)
blank_page     share of ink pixels (and of faint, blurred content)         < ``min_ink_fraction``
blurry         blur radius of the strongest edges (``sharpness.py``)       > ``max_blur_px`` (2.5 px)
glare          share of the text area under saturated paper (photos only)  any patch ≥ ``min_glare_area``
cut_off        share of a frame side where the material is cut             > ``max_cut_off_share``
============== =========================================================== ===========================

Thresholds come from pages rendered in ``tests/quality`` (clean A4 and card, blurred, glared, cropped,
photographed on a table); a clean page has no issue. Any blocking issue makes the material unusable
(:func:`usable`).

Orientation (``orientation.py``) reuses the OCR of the page as given: ``orient_and_read(image, engine)``
costs nothing extra for an upright page and returns lines in the input's pixels.
"""

from prereview.quality.assess import assess, usable
from prereview.quality.orientation import (
    Orientation,
    best_rotation,
    detect_orientation,
    looks_upright,
    orient_and_read,
    reading_score,
)
from prereview.quality.rotation import rotate_image, turn_lines, unrotate_box, unrotate_lines

__all__ = [
    "Orientation",
    "assess",
    "best_rotation",
    "detect_orientation",
    "looks_upright",
    "orient_and_read",
    "reading_score",
    "rotate_image",
    "turn_lines",
    "unrotate_box",
    "unrotate_lines",
    "usable",
]
