"""Uploaded bytes → one stored blob per content, one reference per owner."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from prereview.store.models import Blob, BlobRef
from prereview.store.storage import Storage


def save_blob(session: Session, storage: Storage, *, owner_id: int, data: bytes) -> tuple[str, bool]:
    """Store ``data`` and reference it for ``owner_id``.

    Returns ``(sha256, owner_had_it)``: whether this owner had already uploaded the same content. Whether
    *another* owner had is deliberately not returned: nothing the caller does may depend on it.
    """
    sha256 = storage.put(data)
    if session.get(Blob, sha256) is None:
        session.add(Blob(sha256=sha256, size=len(data)))
        session.flush()
    ref = session.scalar(select(BlobRef).where(BlobRef.owner_id == owner_id, BlobRef.sha256 == sha256))
    if ref is None:
        session.add(BlobRef(owner_id=owner_id, sha256=sha256))
        session.flush()
        return sha256, False
    return sha256, True
