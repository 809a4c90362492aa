"""Any decoded PIL image → the pipeline's pixel format: BGR, uint8, three channels.

Grayscale, palette, 1-bit, CMYK and 16-bit images are converted; anything transparent is laid on white
paper first (a transparent PNG's "empty" pixels are often black underneath).
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

_ALPHA_MODES = {"RGBA", "RGBa", "LA", "La", "PA"}
_WIDE_MODES = {"I;16", "I;16L", "I;16B", "I;16N", "I", "F"}
WHITE = (255, 255, 255, 255)


def to_bgr(image: Image.Image) -> np.ndarray:
    """A contiguous ``(height, width, 3)`` uint8 BGR array.

    >>> to_bgr(Image.new("RGB", (2, 1), (255, 0, 0)))[0, 0].tolist()  # red is B=0, G=0, R=255
    [0, 0, 255]
    >>> to_bgr(Image.new("RGBA", (1, 1), (0, 0, 0, 0)))[0, 0].tolist()  # transparent → white
    [255, 255, 255]
    >>> to_bgr(Image.new("I;16", (1, 1), 65535))[0, 0].tolist()
    [255, 255, 255]
    >>> to_bgr(Image.new("CMYK", (1, 1), (0, 255, 255, 0)))[0, 0].tolist()
    [0, 0, 255]
    """
    if image.mode in _WIDE_MODES:
        gray = wide_to_uint8(np.asarray(image))
        return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    if image.mode in _ALPHA_MODES or "transparency" in image.info:
        paper = Image.new("RGBA", image.size, WHITE)
        image = Image.alpha_composite(paper, image.convert("RGBA"))
    if image.mode in ("1", "L"):
        return cv2.cvtColor(np.asarray(image.convert("L")), cv2.COLOR_GRAY2BGR)
    rgb = np.asarray(image.convert("RGB"))
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)


def wide_to_uint8(values: np.ndarray) -> np.ndarray:
    """16-bit, 32-bit or float samples scaled to 0–255.

    Floats in 0–1 are scaled by 255; integers above 255 are taken as 16-bit (top byte kept).

    >>> wide_to_uint8(np.array([0, 257, 65535], dtype=np.uint16)).tolist()
    [0, 1, 255]
    >>> wide_to_uint8(np.array([0, 200], dtype=np.int32)).tolist()  # 8-bit values in a wide mode
    [0, 200]
    >>> wide_to_uint8(np.array([0.0, 0.5, 1.0], dtype=np.float32)).tolist()
    [0, 128, 255]
    """
    if values.dtype.kind == "f":
        top = float(values.max()) if values.size else 0.0
        scaled = values * 255.0 if top <= 1.0 else values
        return np.clip(np.rint(scaled), 0, 255).astype(np.uint8)
    if values.size and int(values.max()) > 255:
        return (np.clip(values, 0, 65535).astype(np.uint16) >> 8).astype(np.uint8)
    return np.clip(values, 0, 255).astype(np.uint8)
