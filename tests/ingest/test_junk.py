"""Bad input of every sort gives an IngestError with a code and a one-line Chinese + English reason."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image

from prereview.errors import IngestError
from prereview.ingest import load_document, load_path
from prereview.settings import IngestSettings

from .samples import WQY_ZENHEI, image_bytes, picture, png_header, text_pdf

CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]{4,}")


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "secret")
    pdf.set_encryption(owner_password="owner", user_password="user")
    return bytes(pdf.output())


@cache
def a_pdf() -> bytes:
    return text_pdf([("申请表", 72, 100)], WQY_ZENHEI)


JUNK: dict[str, tuple[Callable[[], bytes], str, str]] = {
    # name: (bytes, uploaded as, expected code)
    "empty": (lambda: b"", "id.jpg", "empty_file"),
    "truncated-pdf-half": (lambda: a_pdf()[: len(a_pdf()) // 2], "form.pdf", "corrupt"),
    "truncated-pdf-tail": (lambda: a_pdf()[:-12], "form.pdf", "corrupt"),
    "pdf-header-only": (lambda: b"%PDF-1.7\n%%EOF\n", "form.pdf", "corrupt"),
    "encrypted-pdf": (encrypted_pdf, "form.pdf", "encrypted_pdf"),
    "bomb-png": (lambda: png_header(50_000, 50_000), "id.png", "too_many_pixels"),
    "random-bytes": (lambda: random.Random(7).randbytes(4096), "id.jpg", "unsupported_type"),
    "text-as-jpg": ("姓名：张三\n公民身份号码：11010519491231002X\n".encode, "id.jpg", "unsupported_type"),
    "exe-as-pdf": (lambda: b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200), "form.pdf", "unsupported_type"),
    "truncated-jpeg": (lambda: image_bytes(picture((200, 200)), "JPEG")[:400], "id.jpg", "corrupt"),
    "truncated-png": (lambda: image_bytes(picture((200, 200)), "PNG")[:60], "id.png", "corrupt"),
    "gif": (lambda: image_bytes(Image.new("P", (8, 8)), "GIF"), "id.gif", "unsupported_type"),
    "zip": (lambda: b"PK\x03\x04" + bytes(26) + b"word/document.xml", "form.docx", "unsupported_type"),
}


@pytest.mark.parametrize("case", list(JUNK))
def test_junk_gives_a_clear_ingest_error(case: str) -> None:
    make, name, code = JUNK[case]
    with pytest.raises(IngestError) as caught:
        load_document(make(), name, IngestSettings())
    error = caught.value
    assert error.code == code
    assert CHINESE.search(error.reason_zh) and ENGLISH.search(error.reason_en)
    assert "\n" not in str(error) and str(error).startswith(error.reason_zh)
    assert error.context["name"] == name


def test_unsupported_type_names_what_it_is() -> None:
    exe = load_error(b"MZ\x90\x00" + bytes(100), "scan.pdf")
    assert "可执行程序" in exe.reason_zh and "executable" in exe.reason_en
    text = load_error("这是一份文本".encode(), "photo.jpg")
    assert "文本" in text.reason_zh and "text" in text.reason_en
    assert "PDF" in text.reason_zh  # and what to upload instead


def test_file_size_limit() -> None:
    data = image_bytes(picture((300, 300)), "PNG")
    error = load_error(data, "big.png", IngestSettings(max_file_mb=len(data) / 2**20 / 2))
    assert error.code == "too_large"


def test_load_path_reads_a_file_and_names_a_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "身份证.jpg"
    path.write_bytes(image_bytes(picture(), "JPEG"))
    document = load_path(path, IngestSettings())
    assert document.name == "身份证.jpg" and document.kind == "jpeg"
    with pytest.raises(IngestError) as caught:
        load_path(tmp_path / "missing.pdf", IngestSettings())
    assert caught.value.code == "not_found"
    with pytest.raises(IngestError) as caught:
        load_path(tmp_path, IngestSettings())
    assert caught.value.code == "unreadable"


def load_error(data: bytes, name: str, settings: IngestSettings | None = None) -> IngestError:
    with pytest.raises(IngestError) as caught:
        load_document(data, name, settings or IngestSettings())
    return caught.value
