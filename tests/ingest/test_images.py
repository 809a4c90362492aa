"""Images of every supported format decode to upright BGR pages; limits hold before decoding."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from PIL import Image

from prereview.errors import IngestError
from prereview.ingest import load_document
from prereview.settings import IngestSettings

from .samples import image_bytes, picture, png_header

RED_BGR = np.array([0, 0, 255])
BLUE_BGR = np.array([255, 0, 0])


def near(pixel: np.ndarray, colour: np.ndarray, tolerance: int = 40) -> bool:
    return bool(np.all(np.abs(pixel.astype(int) - colour) <= tolerance))


@pytest.mark.parametrize(
    ("fmt", "kind"),
    [("JPEG", "jpeg"), ("PNG", "png"), ("BMP", "bmp"), ("WEBP", "webp"), ("TIFF", "tiff"), ("HEIC", "heic")],
)
def test_each_format_decodes_to_bgr(fmt: str, kind: str) -> None:
    data = image_bytes(picture((64, 48)), fmt)
    document = load_document(data, f"photo.{fmt.lower()}", IngestSettings())
    assert document.kind == kind
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    [page] = document.pages
    assert page.image.dtype == np.uint8 and page.image.shape == (48, 64, 3)
    assert near(page.image[24, 8], RED_BGR) and near(page.image[24, 56], BLUE_BGR)
    assert page.dpi is None and page.text_lines is None


def test_multi_page_tiff_gives_one_page_per_frame() -> None:
    frames = [picture((40, 30)), picture((50, 20), "L"), picture((30, 60))]
    data = image_bytes(frames[0], "TIFF", save_all=True, append_images=frames[1:])
    document = load_document(data, "fax.tif", IngestSettings())
    assert [page.index for page in document.pages] == [0, 1, 2]
    assert [page.image.shape for page in document.pages] == [(30, 40, 3), (20, 50, 3), (60, 30, 3)]


def test_tiff_with_more_frames_than_allowed_is_refused() -> None:
    frames = [picture((20, 20)) for _ in range(3)]
    data = image_bytes(frames[0], "TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(IngestError) as caught:
        load_document(data, "fax.tif", IngestSettings(max_pages=2))
    assert caught.value.code == "too_many_pages"


def test_magic_bytes_decide_the_kind_not_the_name() -> None:
    png = image_bytes(picture(), "PNG")
    jpeg = image_bytes(picture(), "JPEG")
    assert load_document(png, "photo.jpg", IngestSettings()).kind == "png"
    assert load_document(jpeg, "scan.pdf", IngestSettings()).kind == "jpeg"
    assert load_document(jpeg, "no-extension", IngestSettings()).kind == "jpeg"


def test_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view": what a phone held upright writes
    data = image_bytes(picture((64, 48)), "JPEG", exif=exif.tobytes())
    [page] = load_document(data, "phone.jpg", IngestSettings()).pages
    assert page.image.shape == (64, 48, 3)  # turned upright: taller than wide
    assert near(page.image[8, 24], RED_BGR)  # the left (red) half is now on top
    assert near(page.image[56, 24], BLUE_BGR)


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        (Image.new("L", (8, 8), 100), [100, 100, 100]),
        (Image.new("P", (8, 8), 0), [0, 0, 0]),
        (Image.new("1", (8, 8), 1), [255, 255, 255]),
        (Image.new("RGBA", (8, 8), (0, 0, 0, 0)), [255, 255, 255]),  # transparent → white paper
        (Image.new("LA", (8, 8), (0, 128)), [127, 127, 127]),  # half-transparent black on white
        (Image.new("I;16", (8, 8), 51400), [200, 200, 200]),  # 16-bit grey
        (Image.new("RGBA", (8, 8), (255, 0, 0, 255)), [0, 0, 255]),
    ],
    ids=["gray", "palette", "1bit", "transparent", "gray-alpha", "16bit", "opaque-rgba"],
)
def test_png_modes_become_bgr_uint8(image: Image.Image, expected: list[int]) -> None:
    [page] = load_document(image_bytes(image, "PNG"), "x.png", IngestSettings()).pages
    assert page.image.dtype == np.uint8 and page.image.shape == (8, 8, 3)
    assert np.abs(page.image[4, 4].astype(int) - expected).max() <= 1


def test_cmyk_jpeg_becomes_bgr() -> None:
    data = image_bytes(Image.new("CMYK", (16, 16), (0, 255, 255, 0)), "JPEG", quality=95)  # red ink
    [page] = load_document(data, "print.jpg", IngestSettings()).pages
    assert near(page.image[8, 8], RED_BGR)


def test_fifty_megapixel_phone_photo_is_accepted() -> None:
    data = image_bytes(Image.new("RGB", (8160, 6144), (200, 180, 160)), "JPEG", quality=60)
    [page] = load_document(data, "IMG_0001.jpg", IngestSettings()).pages
    assert page.image.shape == (6144, 8160, 3)


@pytest.mark.parametrize("side", [50_000, 10_000])  # 2.5 G pixels; 100 M (where Pillow would only warn)
def test_bomb_header_is_refused_before_decoding(side: int) -> None:
    data = png_header(side, side)
    assert len(data) < 200  # the pixel data it holds could never fill the claimed size
    with pytest.raises(IngestError) as caught:
        load_document(data, "bomb.png", IngestSettings())
    assert caught.value.code == "too_many_pixels"  # not "corrupt": nothing was decoded
    assert f"{side}×{side}" in caught.value.reason_zh


def test_pixel_limit_comes_from_settings() -> None:
    data = image_bytes(picture((100, 100)), "PNG")
    with pytest.raises(IngestError) as caught:
        load_document(data, "x.png", IngestSettings(max_pixels=5000))
    assert caught.value.code == "too_many_pixels"
    assert load_document(data, "x.png", IngestSettings(max_pixels=10_000)).pages[0].width == 100
