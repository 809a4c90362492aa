"""Logging for the CLI and the service (the library itself only creates loggers).

Personal data never reaches a log line unmasked: :class:`MaskingFilter` masks ID numbers and credit
codes in every record, whatever the caller wrote.
"""

from __future__ import annotations

import logging
import re
import sys

_ID_LIKE = re.compile(r"(?<![0-9A-Z])([0-9A-Z]{4})([0-9A-Z]{10,13})([0-9A-Z]{1}[0-9Xx])(?![0-9A-Z])")


def mask_identifiers(text: str) -> str:
    """Mask 15–18 character identifiers (ID numbers, credit codes) in free text.

    >>> mask_identifiers("身份证 11010519491231002X 已读取")
    '身份证 1101************2X 已读取'
    >>> mask_identifiers("no ids here 2024")
    'no ids here 2024'
    """
    return _ID_LIKE.sub(lambda m: m.group(1) + "*" * len(m.group(2)) + m.group(3), text)


def mask_name(name: str) -> str:
    """Keep the surname, mask the rest.

    >>> mask_name("张三丰")
    '张**'
    >>> mask_name("")
    ''
    """
    return name[:1] + "*" * (len(name) - 1) if name else name


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_identifiers(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def configure_logging(level: str = "INFO") -> None:
    """Log to standard error (standard output is reserved for ``--json`` results)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
