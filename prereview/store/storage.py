"""Content-addressed file storage behind the :class:`Storage` protocol.

A file lives at ``<root>/<aa>/<bb>/<sha256>``: the path comes from the content's hash alone, never from
the uploaded file name, so a name like ``../../etc/passwd`` cannot reach outside the root. Writing the
same content again replaces the file with identical bytes, so storing takes the same work whether or not
the content was there before (nobody can time an upload to learn that somebody else sent that file).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def content_hash(data: bytes) -> str:
    """The hex sha256 of ``data``.

    >>> content_hash(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


class Storage(Protocol):
    """Where uploaded files live, keyed by their sha256."""

    def put(self, data: bytes) -> str: ...

    def get(self, sha256: str) -> bytes: ...

    def delete(self, sha256: str) -> None: ...

    def exists(self, sha256: str) -> bool: ...

    def check(self) -> bool: ...


class LocalStorage:
    """Files on the local filesystem under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def path_for(self, sha256: str) -> Path:
        """The file's path; refuses anything that is not a sha256 hex digest.

        >>> LocalStorage(Path("/s")).path_for("a" * 64).as_posix()[-70:-64]
        'aa/aa/'
        >>> LocalStorage(Path("/s")).path_for("../x")
        Traceback (most recent call last):
        ValueError: not a sha256 digest
        """
        if not _SHA256.match(sha256):
            raise ValueError("not a sha256 digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        sha256 = content_hash(data)
        path = self.path_for(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return sha256

    def get(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def delete(self, sha256: str) -> None:
        self.path_for(sha256).unlink(missing_ok=True)

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def check(self) -> bool:
        """The root exists (or can be made) and is writable."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return os.access(self.root, os.W_OK)
