"""A contact sheet: one thumbnail per material type (rows) and capture variant (columns), boxes drawn.

Green boxes are visible fields, red ones are labelled but unreadable in that file (cut off, under glare).
It shows at a glance that the labels sit on the pixels after every capture transform.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from prereview.synth.capture import VARIANTS
from prereview.synth.content import make_facts
from prereview.synth.dataset import MULTI_PAGE, MULTI_PAGE_VARIANTS, PHOTO_VARIANTS, derive_seed
from prereview.synth.labels import SampleLabel
from prereview.synth.loader import decode_pages
from prereview.synth.recipes import DEFAULT_AS_OF
from prereview.synth.render import LAYOUTS
from prereview.synth.sample import DIGITAL, FileSpec, make_file

CELL = 132
HEADER = 22
ROW_LABEL = 150
GREEN, RED, GREY = (40, 170, 40), (40, 40, 220), (235, 235, 235)


def draw_label(image: np.ndarray, label: SampleLabel, page: int = 0) -> np.ndarray:
    """A copy of ``image`` with the label's field boxes of ``page`` drawn (green visible, red not)."""
    out = image.copy()
    thickness = max(2, round(max(image.shape[:2]) / 300))
    for field in label.fields.values():
        if field.box is not None and field.page == page:
            x0, y0, x1, y1 = field.box
            cv2.rectangle(out, (x0, y0), (x1, y1), GREEN if field.visible else RED, thickness)
    return out


def _thumbnail(image: np.ndarray) -> np.ndarray:
    height, width = image.shape[:2]
    scale = min((CELL - 6) / width, (CELL - 6) / height)
    small = cv2.resize(
        image, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA
    )
    cell = np.full((CELL, CELL, 3), 255, np.uint8)
    y, x = (CELL - small.shape[0]) // 2, (CELL - small.shape[1]) // 2
    cell[y : y + small.shape[0], x : x + small.shape[1]] = small
    return cell


def _cell(material_type: str, capture: str, seed: int, as_of: date) -> np.ndarray | None:
    if material_type in MULTI_PAGE and capture not in (*MULTI_PAGE_VARIANTS, DIGITAL):
        return None
    if material_type not in MULTI_PAGE and capture == DIGITAL:
        return None
    kind = "pdf" if material_type in MULTI_PAGE else "jpeg" if capture in PHOTO_VARIANTS else "png"
    spec_seed = derive_seed(seed, material_type, capture)
    facts = make_facts(material_type, random.Random(derive_seed(spec_seed, "facts")), as_of=as_of)
    layout = LAYOUTS[material_type][0]
    made = make_file(
        FileSpec(material_type, capture, kind, spec_seed, layout), facts, sample_id="preview", as_of=as_of
    )
    page = decode_pages(made.data, made.label)[0]
    return _thumbnail(draw_label(page, made.label))


def contact_sheet(
    *, seed: int = 1, as_of: date = DEFAULT_AS_OF, progress: Callable[[int, int], None] | None = None
) -> np.ndarray:
    """The grid image (BGR): rows are material types, columns capture variants plus ``digital``."""
    types = list(LAYOUTS)
    captures = [*VARIANTS, DIGITAL]
    sheet = np.full((HEADER + CELL * len(types), ROW_LABEL + CELL * len(captures), 3), 255, np.uint8)
    font = cv2.FONT_HERSHEY_SIMPLEX
    for col, capture in enumerate(captures):
        cv2.putText(sheet, capture, (ROW_LABEL + col * CELL + 4, 15), font, 0.4, (0, 0, 0), 1, cv2.LINE_AA)
    total, done = len(types) * len(captures), 0
    for row, material_type in enumerate(types):
        y = HEADER + row * CELL
        cv2.putText(sheet, material_type, (4, y + CELL // 2), font, 0.42, (0, 0, 0), 1, cv2.LINE_AA)
        for col, capture in enumerate(captures):
            cell = _cell(material_type, capture, seed, as_of)
            x = ROW_LABEL + col * CELL
            sheet[y : y + CELL, x : x + CELL] = cell if cell is not None else GREY
            done += 1
            if progress:
                progress(done, total)
    return sheet


def write_contact_sheet(
    path: Path, *, seed: int = 1, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write the contact sheet as a palette PNG (small enough to commit); returns its size in bytes."""
    sheet = contact_sheet(seed=seed, progress=progress)
    image = Image.fromarray(sheet[:, :, ::-1]).quantize(
        colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return len(buffer.getvalue())
