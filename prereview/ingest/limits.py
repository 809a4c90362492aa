"""Size limits checked *before* anything is decoded or rendered.

A decompression bomb is a small file whose header claims a huge image (a PNG of 50000x50000 is
a few kilobytes and 7.5 GB once decoded). Every limit is checked from headers and page sizes alone, so a
refused file costs nothing. The limits come from :class:`~prereview.settings.IngestSettings`.
"""

from __future__ import annotations

import math

from prereview.errors import IngestError
from prereview.settings import IngestSettings

MIB = 1024 * 1024
POINTS_PER_INCH = 72


def check_file_size(size: int, settings: IngestSettings) -> None:
    """Refuse a file larger than ``settings.max_file_mb``.

    >>> check_file_size(10 * MIB, IngestSettings(max_file_mb=5))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    prereview.errors.IngestError: 文件过大（10.0 MB），单个文件不能超过 5 MB，... (file too large: ...)
    """
    if size > settings.max_file_mb * MIB:
        mb, limit = size / MIB, f"{settings.max_file_mb:g}"
        raise IngestError(
            f"文件过大（{mb:.1f} MB），单个文件不能超过 {limit} MB，请压缩或拆分后重新上传",
            f"file too large: {mb:.1f} MiB, limit {limit} MiB",
            code="too_large",
        )


def check_page_count(count: int, settings: IngestSettings) -> None:
    """Refuse a file with more pages (or TIFF frames) than ``settings.max_pages``.

    >>> check_page_count(50, IngestSettings(max_pages=50))
    >>> check_page_count(51, IngestSettings(max_pages=50))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    prereview.errors.IngestError: 页数过多（共 51 页），一份材料最多 50 页，... (too many pages: 51, limit 50)
    """
    if count > settings.max_pages:
        raise IngestError(
            f"页数过多（共 {count} 页），一份材料最多 {settings.max_pages} 页，请拆分后分别上传",
            f"too many pages: {count}, limit {settings.max_pages}",
            code="too_many_pages",
        )


def check_page_pixels(size: tuple[int, int], page: int, settings: IngestSettings) -> None:
    """Refuse one page whose ``(width, height)`` exceeds ``settings.max_pixels``.

    >>> check_page_pixels((8160, 6144), 0, IngestSettings())  # a 50-megapixel phone photo
    >>> check_page_pixels((50000, 50000), 0, IngestSettings())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    prereview.errors.IngestError: 第 1 页图像尺寸过大（50000×50000 像素，...），... (page 1 is too large: ...)
    """
    width, height = size
    pixels = width * height
    if pixels > settings.max_pixels:
        raise IngestError(
            f"第 {page + 1} 页图像尺寸过大（{width}×{height} 像素，共 {pixels // 10_000} 万像素），"
            f"超过 {settings.max_pixels // 10_000} 万像素的上限，请缩小图片或降低扫描分辨率后重新上传",
            f"page {page + 1} is too large: {width}x{height} = {pixels / 1e6:.1f} megapixels, "
            f"limit {settings.max_pixels / 1e6:.1f}",
            code="too_many_pixels",
            page=page,
        )


def check_total_pixels(sizes: list[tuple[int, int]], settings: IngestSettings) -> None:
    """Refuse a file whose pages together exceed ``settings.max_total_pixels``.

    >>> check_total_pixels([(2000, 3000)] * 10, IngestSettings(max_total_pixels=50_000_000))
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    prereview.errors.IngestError: 文件内图像总量过大（10 页共 6000 万像素，... (pages too large in total: ...)
    """
    total = sum(w * h for w, h in sizes)
    if total > settings.max_total_pixels:
        raise IngestError(
            f"文件内图像总量过大（{len(sizes)} 页共 {total // 10_000} 万像素，"
            f"上限 {settings.max_total_pixels // 10_000} 万像素），请拆分后分别上传或降低分辨率",
            f"pages too large in total: {total / 1e6:.1f} megapixels over {len(sizes)} pages, "
            f"limit {settings.max_total_pixels / 1e6:.1f}",
            code="too_many_pixels",
        )


def rendered_size(width_pt: float, height_pt: float, dpi: int) -> tuple[int, int]:
    """Pixel size of a PDF page of ``width_pt × height_pt`` points rendered at ``dpi``.

    >>> rendered_size(595.28, 841.89, 150)  # A4
    (1241, 1754)
    """
    scale = dpi / POINTS_PER_INCH
    return math.ceil(width_pt * scale), math.ceil(height_pt * scale)
