"""Capture variants: how a clean page becomes the file an applicant uploads.

Each variant is a pure function of a page image, its labelled boxes and a random generator. It returns the
new image and the 3×3 homography that carried the page into it; every box goes through the same matrix
(its four corners, then the axis-aligned hull, clipped to the image), so labels always match the pixels.

Variants that make a file unusable name the quality issue code the pipeline must report:

============== ======== =================
variant        usable   quality issue
============== ======== =================
clean_scan     yes
phone_photo    yes
photocopy      yes
rotated_90     yes
rotated_180    yes
low_resolution no       ``low_resolution``
heavy_blur     no       ``blurry``
glare          no       ``glare`` (over the key field)
cut_off        no       ``cut_off``
blank_page     no       ``blank_page``
============== ======== =================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import cv2
import numpy as np

from prereview.synth import surfaces
from prereview.synth.types import Box

Matrix = np.ndarray  # 3×3 float64 homography, in pixel-edge coordinates (a box corner is an edge)


@dataclass
class Shot:
    """What a variant's camera returns: the image, the page→image matrix and how to encode it."""

    image: np.ndarray
    matrix: Matrix | None  # None: the page is not in the picture (blank page)
    encoding: str = "png"  # png | jpeg
    jpeg_quality: int = 88
    occluded: list[Box] = field(default_factory=list)  # areas washed out (glare), in image pixels


Camera = Callable[[np.ndarray, np.random.Generator, Box | None], Shot]


@dataclass(frozen=True)
class CaptureVariant:
    name: str
    camera: Camera
    usable: bool
    issue: str | None = None  # the quality issue code the pipeline must report when not usable
    legible: bool = True  # False: no field can be read (heavy blur), so none is ``visible``


@dataclass
class Captured:
    """A captured page: image, every box mapped into it, and whether the file can be used."""

    variant: str
    image: np.ndarray
    boxes: dict[str, Box | None]  # None: the box left the picture
    visible: dict[str, bool]  # False: cut off, washed out by glare, or not in the picture
    usable: bool
    issues: tuple[str, ...]
    matrix: Matrix | None
    encoding: str
    jpeg_quality: int


def translation(dx: float, dy: float) -> Matrix:
    return np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], dtype=np.float64)


def map_box(box: Box, matrix: Matrix, width: int, height: int) -> tuple[Box | None, float]:
    """The box's corners through ``matrix``, hulled and clipped to the image; and the kept fraction.

    >>> map_box((10, 10, 20, 30), translation(5, 0), 100, 100)
    ((15.0, 10.0, 25.0, 30.0), 1.0)
    >>> map_box((10, 10, 20, 30), translation(-15, 0), 100, 100)
    ((0.0, 10.0, 5.0, 30.0), 0.5)
    >>> map_box((10, 10, 20, 30), translation(-50, 0), 100, 100)
    (None, 0.0)
    """
    x0, y0, x1, y1 = box
    corners = np.array([[[x0, y0]], [[x1, y0]], [[x1, y1]], [[x0, y1]]], dtype=np.float64)
    points = cv2.perspectiveTransform(corners, matrix).reshape(-1, 2)
    hx0, hy0 = points.min(axis=0)
    hx1, hy1 = points.max(axis=0)
    full = max((hx1 - hx0) * (hy1 - hy0), 1e-9)
    cx0, cy0 = max(hx0, 0.0), max(hy0, 0.0)
    cx1, cy1 = min(hx1, float(width)), min(hy1, float(height))
    if cx1 <= cx0 or cy1 <= cy0:
        return None, 0.0
    kept = (cx1 - cx0) * (cy1 - cy0) / full
    return (float(cx0), float(cy0), float(cx1), float(cy1)), round(float(kept), 6)


def overlap_fraction(box: Box, other: Box) -> float:
    """Share of ``box``'s area inside ``other``.

    >>> overlap_fraction((0, 0, 10, 10), (5, 0, 20, 20))
    0.5
    """
    ix = max(0.0, min(box[2], other[2]) - max(box[0], other[0]))
    iy = max(0.0, min(box[3], other[3]) - max(box[1], other[1]))
    area = max((box[2] - box[0]) * (box[3] - box[1]), 1e-9)
    return float(ix * iy / area)


def warp(
    image: np.ndarray, matrix: Matrix, size: tuple[int, int], background: np.ndarray | None
) -> np.ndarray:
    """Warp with an edge-coordinate matrix (OpenCV works on pixel centres: shift by half a pixel)."""
    centred = translation(-0.5, -0.5) @ matrix @ translation(0.5, 0.5)
    if background is None:
        return cv2.warpPerspective(
            image, centred, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )
    out = background.copy()
    cv2.warpPerspective(
        image, centred, size, dst=out, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_TRANSPARENT
    )
    return out


def _tilt(image: np.ndarray, degrees: float) -> tuple[np.ndarray, Matrix]:
    """Rotate about the centre, same size, white paper at the corners (a sheet slightly askew)."""
    height, width = image.shape[:2]
    affine = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    matrix = np.vstack([affine, [0, 0, 1]])
    paper = np.full_like(image, 250)
    return warp(image, matrix, (width, height), paper), matrix


def clean_scan(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    tilted, matrix = _tilt(page, float(rng.uniform(-0.6, 0.6)))
    return Shot(tilted, matrix)  # a flatbed scan: no sensor noise worth the PNG bytes


def _photo(page: np.ndarray, rng: np.random.Generator, jitter: float = 0.04) -> Shot:
    """The page on a desk, seen by a phone at a slight angle; not yet blurred or compressed."""
    height, width = page.shape[:2]
    out_w, out_h = int(width * rng.uniform(1.15, 1.35)), int(height * rng.uniform(1.15, 1.35))
    scale = min(out_w / width, out_h / height) * float(rng.uniform(0.8, 0.9))
    angle = np.deg2rad(float(rng.uniform(-4, 4)))
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
    centred = (corners - [width / 2, height / 2]) * scale @ rot.T
    shake = rng.uniform(-jitter, jitter, (4, 2)) * [width * scale, height * scale]
    dst = _inside(centred + shake, out_w, out_h)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), dst.astype(np.float32)).astype(
        np.float64
    )
    desk = surfaces.desk_texture(rng, out_w, out_h)
    image = warp(page, matrix, (out_w, out_h), desk)
    image = surfaces.uneven_light(image, rng, float(rng.uniform(0.1, 0.3)))
    return Shot(image, matrix, encoding="jpeg", jpeg_quality=int(rng.integers(72, 92)))


def _inside(offsets: np.ndarray, out_w: int, out_h: int) -> np.ndarray:
    """Corner offsets from the frame centre, shrunk until the whole page lies inside the frame.

    A usable photo shows the entire document with a margin (3 % of the short side) on every edge.

    >>> _inside(np.array([[-60.0, -10], [60, -10], [60, 10], [-60, 10]]), 100, 100).round(1).tolist()[0]
    [3.0, 42.2]
    """
    margin = 0.03 * min(out_w, out_h)
    half = np.array([out_w / 2 - margin, out_h / 2 - margin])
    reach = np.abs(offsets).max(axis=0)
    factor = min(1.0, *(half / np.maximum(reach, 1e-9)))
    return offsets * factor + [out_w / 2, out_h / 2]


def phone_photo(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    shot = _photo(page, rng)
    shot.image = surfaces.sensor_noise(
        surfaces.gaussian_blur(shot.image, float(rng.uniform(0.4, 0.9))), rng, 2.5
    )
    return shot


def photocopy(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    tilted, matrix = _tilt(page, float(rng.uniform(-1.0, 1.0)))
    return Shot(surfaces.photocopy_tone(tilted, rng), matrix)


def _rotated(page: np.ndarray, rng: np.random.Generator, quarter_turns: int) -> Shot:
    """A clean scan turned by 90° clockwise steps (the pipeline must turn it back)."""
    shot = clean_scan(page, rng, None)
    height, width = shot.image.shape[:2]
    if quarter_turns == 1:
        image, turn = cv2.rotate(shot.image, cv2.ROTATE_90_CLOCKWISE), [[0, -1, height], [1, 0, 0], [0, 0, 1]]
    else:
        image, turn = cv2.rotate(shot.image, cv2.ROTATE_180), [[-1, 0, width], [0, -1, height], [0, 0, 1]]
    assert shot.matrix is not None
    return Shot(image, np.array(turn, dtype=np.float64) @ shot.matrix)


def rotated_90(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    return _rotated(page, rng, 1)


def rotated_180(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    return _rotated(page, rng, 2)


def low_resolution(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    """Shrunk until the short side is 260–420 px (below the 600 px the pipeline asks for)."""
    height, width = page.shape[:2]
    factor = min(float(rng.uniform(260, 420)) / min(width, height), 0.6)
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    image = cv2.resize(page, size, interpolation=cv2.INTER_AREA)
    matrix = np.diag([size[0] / width, size[1] / height, 1.0])
    return Shot(image, matrix, encoding="jpeg", jpeg_quality=int(rng.integers(60, 80)))


def heavy_blur(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    """Out of focus: a Gaussian of 4–6 px per 1000 px of the long side; the text is unreadable."""
    shot = clean_scan(page, rng, None)
    sigma = max(page.shape[:2]) / 1000 * float(rng.uniform(4.0, 6.0))
    return Shot(surfaces.gaussian_blur(shot.image, max(sigma, 3.0)), shot.matrix, "jpeg", 88)


def glare(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    """A phone photo with a lamp's reflection burnt over ``focus`` (the key field), or mid-page."""
    shot = phone_photo(page, rng, None)
    assert shot.matrix is not None
    height, width = page.shape[:2]
    target = focus or (width * 0.3, height * 0.45, width * 0.7, height * 0.55)
    spot, _ = map_box(target, shot.matrix, shot.image.shape[1], shot.image.shape[0])
    if spot is not None:
        shot.image, washed = surfaces.glare_spot(shot.image, rng, spot)
        shot.occluded.append(washed)
    return shot


def cut_off(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    """A phone photo whose frame cuts 20–40 % of the document away at one edge."""
    shot = _photo(page, rng, jitter=0.02)
    assert shot.matrix is not None
    height, width = page.shape[:2]
    corners = np.array([[[0, 0]], [[width, 0]], [[width, height]], [[0, height]]], dtype=np.float64)
    quad = cv2.perspectiveTransform(corners, shot.matrix).reshape(-1, 2)
    (qx0, qy0), (qx1, qy1) = quad.min(axis=0), quad.max(axis=0)
    share = float(rng.uniform(0.2, 0.4))
    edge = int(rng.integers(4))
    out_h, out_w = shot.image.shape[:2]
    x0, y0, x1, y1 = 0, 0, out_w, out_h
    if edge == 0:
        x0 = int(qx0 + share * (qx1 - qx0))
    elif edge == 1:
        x1 = int(qx1 - share * (qx1 - qx0))
    elif edge == 2:
        y0 = int(qy0 + share * (qy1 - qy0))
    else:
        y1 = int(qy1 - share * (qy1 - qy0))
    image = np.ascontiguousarray(shot.image[y0:y1, x0:x1])
    return Shot(image, translation(-x0, -y0) @ shot.matrix, "jpeg", shot.jpeg_quality)


def blank_page(page: np.ndarray, rng: np.random.Generator, focus: Box | None) -> Shot:
    """An empty sheet scanned instead of the document (the wrong side, or nothing fed)."""
    height, width = page.shape[:2]
    return Shot(surfaces.blank_paper(rng, width, height), None)


VARIANTS: dict[str, CaptureVariant] = {
    v.name: v
    for v in [
        CaptureVariant("clean_scan", clean_scan, True),
        CaptureVariant("phone_photo", phone_photo, True),
        CaptureVariant("photocopy", photocopy, True),
        CaptureVariant("rotated_90", rotated_90, True),
        CaptureVariant("rotated_180", rotated_180, True),
        CaptureVariant("low_resolution", low_resolution, False, "low_resolution"),
        CaptureVariant("heavy_blur", heavy_blur, False, "blurry", legible=False),
        CaptureVariant("glare", glare, False, "glare"),
        CaptureVariant("cut_off", cut_off, False, "cut_off"),
        CaptureVariant("blank_page", blank_page, False, "blank_page"),
    ]
}


def variant(name: str) -> CaptureVariant:
    """The variant called ``name``; a wrong name says which exist."""
    try:
        return VARIANTS[name]
    except KeyError:
        raise ValueError(f"unknown capture variant {name!r}; known: {', '.join(sorted(VARIANTS))}") from None


def capture(
    name: str,
    page: np.ndarray,
    boxes: Mapping[str, Box | None],
    rng: np.random.Generator,
    *,
    focus: str | None = None,
) -> Captured:
    """Capture ``page`` with variant ``name`` and map every box; ``focus`` names the key field's box.

    A box whose kept share is under 98 % (cut off), that lies under glare, or that a heavy blur made
    illegible is not ``visible``.
    """
    chosen = variant(name)
    focus_box = boxes.get(focus) if focus else None
    shot = chosen.camera(page, rng, focus_box)
    height, width = shot.image.shape[:2]
    mapped: dict[str, Box | None] = {}
    visible: dict[str, bool] = {}
    for key, box in boxes.items():
        if box is None or shot.matrix is None:
            mapped[key], visible[key] = None, False
            continue
        new_box, kept = map_box(box, shot.matrix, width, height)
        mapped[key] = new_box
        glared = new_box is not None and any(overlap_fraction(new_box, spot) > 0.3 for spot in shot.occluded)
        visible[key] = chosen.legible and new_box is not None and kept >= 0.98 and not glared
    issues = (chosen.issue,) if chosen.issue else ()
    return Captured(
        name,
        shot.image,
        mapped,
        visible,
        chosen.usable,
        issues,
        shot.matrix,
        shot.encoding,
        shot.jpeg_quality,
    )
