"""Photos and scans (JPEG, PNG, BMP, TIFF, WebP, HEIC) → pages.

The decoder is chosen from the sniffed kind, not guessed again by Pillow, and the image size is read from the
header and checked against the limits before a single pixel is decoded. Pillow's own decompression-bomb
guard (``Image.MAX_IMAGE_PIXELS``, global to the process) is not touched: constructing the format's image
class directly reads the header without that guard, and our limits, from settings, take its place.

A TIFF may hold many pages (a multi-page fax or scan); every other kind gives one page (the primary image of
a HEIC, the first frame of an animated WebP). EXIF orientation is applied, as a phone's gallery does.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import IO

import numpy as np
from PIL import (
    BmpImagePlugin,
    ExifTags,
    Image,
    ImageFile,
    ImageOps,
    JpegImagePlugin,
    PngImagePlugin,
    TiffImagePlugin,
    WebPImagePlugin,
)
from pillow_heif import HeifImageFile

from prereview.document import Page
from prereview.errors import IngestError
from prereview.ingest.limits import check_page_count, check_page_pixels, check_total_pixels
from prereview.ingest.pixels import to_bgr
from prereview.ingest.sniff import ImageKind
from prereview.settings import IngestSettings

logger = logging.getLogger(__name__)

Opener = Callable[[IO[bytes]], ImageFile.ImageFile]
_OPENERS: dict[ImageKind, Opener] = {
    "jpeg": JpegImagePlugin.jpeg_factory,
    "png": PngImagePlugin.PngImageFile,
    "bmp": BmpImagePlugin.BmpImageFile,
    "tiff": TiffImagePlugin.TiffImageFile,
    "webp": WebPImagePlugin.WebPImageFile,
    "heic": HeifImageFile,
}
_UPRIGHT = (None, 1)


def load_image_pages(data: bytes, kind: ImageKind, settings: IngestSettings) -> list[Page]:
    """Decode every page of an image file, after checking sizes from the headers."""
    image = open_header(data, kind)
    try:
        frames = int(getattr(image, "n_frames", 1)) if kind == "tiff" else 1
        check_page_count(frames, settings)
        sizes = [_frame_size(image, frame) for frame in range(frames)]
        for index, size in enumerate(sizes):
            check_page_pixels(size, index, settings)
        check_total_pixels(sizes, settings)
        return [Page(index=frame, image=_decode_frame(image, frame, kind)) for frame in range(frames)]
    finally:
        image.close()


def open_header(data: bytes, kind: ImageKind) -> ImageFile.ImageFile:
    """Parse the header only (size, mode, EXIF); no pixel data is decoded yet."""
    try:
        return _OPENERS[kind](io.BytesIO(data))
    except Image.DecompressionBombError as error:  # a plugin's own guard, beyond any sane limit
        raise _bomb(error) from error
    except Exception as error:  # PIL raises SyntaxError, OSError, ValueError... for a bad header
        raise _corrupt(kind, error) from error


def _frame_size(image: ImageFile.ImageFile, frame: int) -> tuple[int, int]:
    try:
        image.seek(frame)
    except Exception as error:
        raise _corrupt("tiff", error, page=frame) from error
    return image.size


def _decode_frame(image: ImageFile.ImageFile, frame: int, kind: ImageKind) -> np.ndarray:
    try:
        image.seek(frame)
        image.load()
        return to_bgr(_upright(image))
    except IngestError:
        raise
    except Image.DecompressionBombError as error:
        raise _bomb(error) from error
    except MemoryError as error:
        raise IngestError(
            "图像过大，内存不足以解码，请缩小后重新上传",
            "not enough memory to decode the image; upload a smaller one",
            code="too_many_pixels",
            page=frame,
        ) from error
    except Exception as error:
        raise _corrupt(kind, error, page=frame) from error


def _upright(image: Image.Image) -> Image.Image:
    """The image as it should be viewed: EXIF orientation applied (a no-op without one)."""
    orientation = image.getexif().get(ExifTags.Base.Orientation)
    if orientation in _UPRIGHT:
        return image
    transposed = ImageOps.exif_transpose(image)
    return transposed if transposed is not None else image


def _corrupt(kind: str, error: BaseException, page: int | None = None) -> IngestError:
    logger.debug("cannot decode %s: %r", kind, error)
    where_zh, where_en = (f"第 {page + 1} 页", f" (page {page + 1})") if page else ("", "")
    detail = " ".join(str(error).split())[:200]
    return IngestError(
        f"{kind.upper()} 图片{where_zh}已损坏或不完整，无法读取，请重新拍摄或重新导出后上传",
        f"the {kind.upper()} image{where_en} is damaged or truncated: {detail}",
        code="corrupt",
        page=page,
    )


def _bomb(error: BaseException) -> IngestError:
    return IngestError(
        "图像尺寸过大（疑似恶意构造的文件），请缩小图片后重新上传",
        f"the image is far too large (possible decompression bomb): {error}",
        code="too_many_pixels",
    )
