"""Pages rendered for the quality tests: a clean A4 form, an ID-card-sized card, and the ways photos go
wrong (blur, glare, cropping, a card pushed past the frame on a table, turned pages)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from tests.render import render_lines

PARAGRAPH = [
    "根据《中华人民共和国行政许可法》有关规定，申请人应当如实提交材料",
    "并对其申请材料实质内容的真实性负责。本表一式两份，经办人签字确认",
    "经营场所：北京市朝阳区建国路八十八号院三号楼十二层一二零六室",
    "统一社会信用代码：91110105MA01ABCD2X 法定代表人：张伟",
]
PAPER_PHOTO = "#dcd8d0"  # paper as a phone photographs it: never pure white
CARD_LINES = [
    ("姓名 王小明", (60, 60), 36),
    ("性别 男   民族 汉", (60, 130), 34),
    ("出生 1990年3月8日", (60, 200), 34),
    ("住址 北京市海淀区中关村大街", (60, 270), 34),
    ("二十七号院五号楼", (150, 320), 34),
    ("公民身份号码 110108199003081234", (60, 480), 38),
]


def a4_page(font: Path, background: str = "white") -> np.ndarray:
    """A 1240×1754 (A4 at 150 dpi) form: a title and 28 lines of ~30 px text inside wide margins."""
    lines = [("个体工商户设立登记申请书", (380, 150), 44)]
    lines += [(PARAGRAPH[i % 4], (120, 260 + 48 * i), 30) for i in range(28)]
    return render_lines(lines, (1240, 1754), font, background=background)


def card(font: Path, background: str = "white", lines: list | None = None) -> np.ndarray:
    """A 1000×630 card laid out like an ID card's portrait side, with a portrait block."""
    image = render_lines(CARD_LINES if lines is None else lines, (1000, 630), font, background=background)
    cv2.rectangle(image, (700, 60), (940, 380), (120, 120, 120), -1)
    return image


def add_noise(image: np.ndarray, sigma: float = 4.0, seed: int = 0) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(0, sigma, image.shape)
    return np.clip(image.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def vignette(image: np.ndarray, strength: float = 0.5) -> np.ndarray:
    """Darker towards the corners, as a phone photo in room light."""
    height, width = image.shape[:2]
    yy, xx = np.mgrid[0:height, 0:width]
    radius = np.hypot((xx - width / 2) / width, (yy - height / 2) / height)
    shaded = image.astype(np.float32) * (1 - strength * radius[..., None] ** 2)
    return np.clip(shaded, 0, 255).astype(np.uint8)


def photo(image: np.ndarray) -> np.ndarray:
    """A rendered page made to look photographed: shading and sensor noise."""
    return add_noise(vignette(image))


def with_glare(
    image: np.ndarray, center: tuple[int, int], axes: tuple[int, int], feather: float = 0
) -> np.ndarray:
    """A white ellipse (a reflection) over the page, with a soft rim when ``feather`` > 0."""
    mask = np.zeros(image.shape[:2], np.float32)
    cv2.ellipse(mask, center, axes, 0, 0, 360, 1.0, -1)
    if feather:
        mask = np.clip(cv2.GaussianBlur(mask, (0, 0), feather) * 1.6, 0, 1)
    glared = image.astype(np.float32) * (1 - mask[..., None]) + 255 * mask[..., None]
    return glared.astype(np.uint8)


def on_table(document: np.ndarray, at: tuple[int, int], size: tuple[int, int] = (1400, 1000)) -> np.ndarray:
    """A photo of ``document`` lying on a dark table, its top-left corner at ``at`` (may be off-frame)."""
    width, height = size
    scene = add_noise(np.full((height, width, 3), (70, 80, 90), np.uint8), 6, seed=1)
    x, y = at
    doc_h, doc_w = document.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + doc_w, width), min(y + doc_h, height)
    scene[y0:y1, x0:x1] = document[y0 - y : y1 - y, x0 - x : x1 - x]
    return scene


def ink_box(image: np.ndarray) -> tuple[int, int, int, int]:
    """Bounding box ``(x0, y0, x1, y1)`` of the black text of an image (the grey portrait is left out)."""
    ys, xs = np.nonzero(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) < 100)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def rounded_crop(card_image: np.ndarray, radius: int = 40, corner: int = 0) -> np.ndarray:
    """A card cropped exactly to its edges by a scanner app: the corners outside the rounded rectangle are
    ``corner`` grey (black where the app filled them, as a JPEG of a transparent PNG shows)."""
    height, width = card_image.shape[:2]
    mask = np.zeros((height, width), np.uint8)
    cv2.rectangle(mask, (radius, 0), (width - 1 - radius, height - 1), 1, -1)
    cv2.rectangle(mask, (0, radius), (width - 1, height - 1 - radius), 1, -1)
    for cx, cy in ((radius, radius), (width - 1 - radius, radius), (radius, height - 1 - radius)):
        cv2.circle(mask, (cx, cy), radius, 1, -1)
    cv2.circle(mask, (width - 1 - radius, height - 1 - radius), radius, 1, -1)
    out = card_image.copy()
    out[mask == 0] = corner
    return out


def tinted_card(font: Path, tint: tuple[int, int, int] = (228, 232, 214)) -> np.ndarray:
    """An ID-card-like front on pale tinted stock: text on the left, a near-white portrait panel holding a
    grey silhouette on the right (the panel is lighter than the card, as on a real card)."""
    image = render_lines(CARD_LINES, (1000, 630), font, background="#{:02x}{:02x}{:02x}".format(*tint[::-1]))
    cv2.rectangle(image, (600, 50), (950, 400), (250, 252, 252), -1)
    cv2.ellipse(image, (820, 170), (60, 80), 0, 0, 360, (140, 140, 140), -1)
    cv2.ellipse(image, (820, 400), (110, 130), 0, 180, 360, (140, 140, 140), -1)
    return image


def striped_desk(size: tuple[int, int], seed: int = 2) -> np.ndarray:
    """A light desk with blurred stripes of light and shade (blinds, wood grain)."""
    width, height = size
    rows = 175 + 45 * np.sin(np.arange(height) / 14.0)
    desk = np.repeat(rows[:, None], width, axis=1).astype(np.float32)
    return add_noise(np.repeat(desk[..., None], 3, axis=2).astype(np.uint8), 3, seed=seed)


def on_desk(document: np.ndarray, desk: np.ndarray, at: tuple[int, int]) -> np.ndarray:
    """``document`` lying fully inside ``desk`` with its top-left corner at ``at``."""
    scene = desk.copy()
    x, y = at
    scene[y : y + document.shape[0], x : x + document.shape[1]] = document
    return scene
