"""What kind of file the bytes are, decided by their magic bytes — never by the name.

A ``.txt`` renamed ``.jpg`` is text, a photo saved as ``scan.pdf`` is a photo. Files of a kind we do not
read (an executable, a Word document, an OFD) are named in the error, so the applicant knows what to do.

>>> sniff_kind(b"%PDF-1.7\\n...")
'pdf'
>>> sniff_kind(b"\\xff\\xd8\\xff\\xe0\\x00\\x10JFIF")
'jpeg'
>>> sniff_kind(b"MZ\\x90\\x00") is None
True
"""

from __future__ import annotations

from typing import Literal, get_args

from prereview.errors import IngestError

FileKind = Literal["pdf", "jpeg", "png", "bmp", "tiff", "webp", "heic"]
ImageKind = Literal["jpeg", "png", "bmp", "tiff", "webp", "heic"]
FILE_KINDS: tuple[str, ...] = get_args(FileKind)

SUPPORTED_ZH = "PDF、JPG、PNG、BMP、TIFF、WebP 或 HEIC"
SUPPORTED_EN = "PDF, JPEG, PNG, BMP, TIFF, WebP or HEIC"

_PDF_SEARCH = 1024  # readers accept a PDF header anywhere in the first KiB
_BMP_DIB_SIZES = {12, 40, 52, 56, 64, 108, 124}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_HEIF_GENERIC_BRANDS = {b"mif1", b"msf1"}

# (prefix, Chinese name, English name) of kinds we recognise but do not read.
_FOREIGN: tuple[tuple[bytes, str, str], ...] = (
    (b"MZ", "Windows 可执行程序", "Windows executable"),
    (b"\x7fELF", "Linux 可执行程序", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文档（doc/xls）", "legacy Office document"),
    (b"GIF87a", "GIF 图片", "GIF image"),
    (b"GIF89a", "GIF 图片", "GIF image"),
    (b"Rar!", "RAR 压缩包", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包", "7z archive"),
    (b"\x1f\x8b", "gzip 压缩包", "gzip archive"),
    (b"{\\rtf", "RTF 文档", "RTF document"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000 图片", "JPEG 2000 image"),
)
# Inside a ZIP container: the entry name that tells what the container is.
_ZIP_MEMBERS: tuple[tuple[bytes, str, str], ...] = (
    (b"OFD.xml", "OFD 版式文件（请转换为 PDF）", "OFD document (convert it to PDF)"),
    (b"word/", "Word 文档（请另存为 PDF）", "Word document (save it as PDF)"),
    (b"xl/", "Excel 表格（请另存为 PDF）", "Excel workbook (save it as PDF)"),
    (b"ppt/", "PowerPoint 演示文稿（请另存为 PDF）", "PowerPoint file (save it as PDF)"),
)


def sniff_kind(data: bytes) -> FileKind | None:
    """The supported kind the bytes start like, or ``None``.

    >>> sniff_kind(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(8))
    'png'
    >>> sniff_kind(b"II*\\x00" + bytes(8)), sniff_kind(b"MM\\x00*" + bytes(8))
    ('tiff', 'tiff')
    >>> sniff_kind(b"RIFF\\x00\\x00\\x00\\x00WEBPVP8 ")
    'webp'
    >>> sniff_kind(b"BM" + bytes(12) + (40).to_bytes(4, "little"))
    'bmp'
    >>> sniff_kind(b"BMW is a car") is None
    True
    >>> sniff_kind(b"\\x00\\x00\\x00\\x18ftypheic\\x00\\x00\\x00\\x00mif1heic")
    'heic'
    >>> sniff_kind(b"\\x00\\x00\\x00\\x1cftypavif\\x00\\x00\\x00\\x00avifmif1miaf") is None
    True
    >>> sniff_kind(b"garbage then %PDF-1.4")
    'pdf'
    >>> sniff_kind(b"") is None
    True
    """
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if _is_bmp(data):
        return "bmp"
    if _is_heif(data):
        return "heic"
    if b"%PDF-" in data[:_PDF_SEARCH]:
        return "pdf"
    return None


def _is_bmp(data: bytes) -> bool:
    return data[:2] == b"BM" and len(data) >= 18 and int.from_bytes(data[14:18], "little") in _BMP_DIB_SIZES


def _is_heif(data: bytes) -> bool:
    if data[4:8] != b"ftyp":
        return False
    major = data[8:12]
    if major in _HEIF_BRANDS:
        return True
    box_end = min(int.from_bytes(data[0:4], "big"), len(data), 256)
    compatible = {data[i : i + 4] for i in range(16, box_end - 3, 4)}
    return major in _HEIF_GENERIC_BRANDS and bool(compatible & _HEIF_BRANDS)


def describe_foreign(data: bytes) -> tuple[str, str] | None:
    """Chinese and English names of a recognised but unsupported kind, or ``None`` when unknown.

    >>> describe_foreign(b"MZ\\x90\\x00\\x03")
    ('Windows 可执行程序', 'Windows executable')
    >>> describe_foreign("身份证号码：110101".encode())
    ('文本文件', 'text file')
    >>> describe_foreign(b"PK\\x03\\x04" + bytes(26) + b"OFD.xml")[1]
    'OFD document (convert it to PDF)'
    >>> describe_foreign(bytes([0x00, 0xFF, 0x13, 0x37])) is None
    True
    """
    for prefix, zh, en in _FOREIGN:
        if data.startswith(prefix):
            return zh, en
    if data.startswith(b"PK\x03\x04"):
        head = data[:65536]
        for member, zh, en in _ZIP_MEMBERS:
            if member in head:
                return zh, en
        return "ZIP 压缩包", "ZIP archive"
    if data[4:8] == b"ftyp":
        return "不支持的 ISO 媒体文件（如 AVIF、MP4）", "unsupported ISO media file (AVIF, MP4...)"
    if _looks_like_text(data[:4096]):
        return "文本文件", "text file"
    return None


def _looks_like_text(sample: bytes) -> bool:
    """UTF-8 without NUL bytes or other control characters.

    >>> _looks_like_text(b"hello\\r\\n"), _looks_like_text(b"\\x00\\x01\\x02")
    (True, False)
    """
    if not sample or b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 3:  # a character cut at the end of the sample is fine
            return False
        text = sample[: error.start].decode("utf-8")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= len(text) // 100


def identify(data: bytes) -> FileKind:
    """The kind to read the bytes as; an :class:`IngestError` when empty or unsupported."""
    if not data:
        raise IngestError(
            "文件为空（0 字节），请重新上传",
            "the file is empty (0 bytes); upload it again",
            code="empty_file",
        )
    kind = sniff_kind(data)
    if kind is not None:
        return kind
    foreign = describe_foreign(data)
    what_zh, what_en = foreign if foreign else ("无法识别的文件类型", "unrecognised content")
    raise IngestError(
        f"不支持的文件类型：{what_zh}。请上传 {SUPPORTED_ZH} 格式的材料",
        f"unsupported file type: {what_en}; upload {SUPPORTED_EN}",
        code="unsupported_type",
    )
