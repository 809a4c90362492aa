"""Checking an upload before it is stored: size, kind by magic bytes, slot."""

from __future__ import annotations

from api.errors import ApiError
from prereview.errors import IngestError
from prereview.ingest.sniff import identify

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "bmp": "image/bmp",
    "tiff": "image/tiff",
    "webp": "image/webp",
    "heic": "image/heic",
}


def check_size(size: int, max_mb: float) -> None:
    if size == 0:
        raise ApiError(422, "empty_file", "文件是空的，请重新选择文件上传 (the file is empty)")
    if size > max_mb * 1024 * 1024:
        raise ApiError(
            413,
            "too_large",
            f"文件超过 {max_mb:g} MB，请压缩或分页后重新上传 (file larger than {max_mb:g} MiB)",
        )


def content_type(data: bytes) -> str:
    """The MIME type the bytes really are, or 415 naming what is accepted.

    >>> content_type(b"%PDF-1.7 ...")
    'application/pdf'
    """
    try:
        kind = identify(data)
    except IngestError as error:
        raise ApiError(415, "unsupported_type", str(error)) from None
    return CONTENT_TYPES[kind]


def check_slot(slot: str | None, slots: list[str]) -> None:
    if slot is not None and slot not in slots:
        known = ", ".join(slots)
        raise ApiError(
            422,
            "unknown_slot",
            f"材料位置“{slot}”不属于该事项，可选：{known} (unknown slot '{slot}'; known: {known})",
        )
