"""Uploaded file names: reduced to a plain base name for display, masked for logs and errors."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

from prereview.logging_setup import mask_identifiers

_CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,}")


def safe_file_name(name: str | None) -> str:
    """The last path component, without control characters, at most 120 characters.

    It is only ever shown, never used as a path: storage paths come from the content hash.

    >>> safe_file_name("../../etc/passwd")
    'passwd'
    >>> safe_file_name("C:\\\\Users\\\\a\\\\身份证.jpg")
    '身份证.jpg'
    >>> safe_file_name("..")
    'upload'
    """
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    if base in ("", ".", ".."):
        return "upload"
    return base[-120:]


def mask_personal(text: str) -> str:
    """Free text fit for a log line, an error message or the audit trail: identifiers and names masked.

    >>> mask_personal("张三丰身份证11010519491231002X.jpg")
    '张*****1101************2X.jpg'
    """
    masked = mask_identifiers(text)
    return _CJK_RUN.sub(lambda m: m.group(0)[0] + "*" * (len(m.group(0)) - 1), masked)


mask_file_name = mask_personal
