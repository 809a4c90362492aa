"""Files made on the fly for the ingest tests: images in every format, PDFs with and without text layers."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pillow_heif
from fpdf import FPDF
from PIL import Image

WQY_ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")  # TrueType: pdfplumber reads it
NOTO_SANS = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # CFF subset + CMap: it does not


def picture(size: tuple[int, int] = (64, 48), mode: str = "RGB") -> Image.Image:
    """A left-red / right-blue picture, so orientation and channel order can be checked."""
    image = Image.new("RGB", size, (255, 0, 0))
    image.paste((0, 0, 255), (size[0] // 2, 0, size[0], size[1]))
    return image.convert(mode)


def image_bytes(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    if fmt == "HEIC":
        pillow_heif.from_pillow(image).save(buffer, quality=90)
    else:
        image.save(buffer, fmt, **params)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width × height`` in its IHDR and holds one tiny IDAT: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def text_pdf(lines: list[tuple[str, float, float]], font: Path, size: float = 24) -> bytes:
    """An A4 PDF (points) with each ``(text, x, baseline_y)`` drawn in ``font``."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=size)
    for text, x, y in lines:
        pdf.text(x, y, text)
    return bytes(pdf.output())


def scanned_pdf(image: Image.Image) -> bytes:
    """A 'scan': one picture filling an A4 page, no text layer."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())
