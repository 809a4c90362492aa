"""Extraction results cached by content hash and pipeline version, so nothing is computed twice.

Cached results are stored without the file name (``"file": ""``): the name is the uploader's own and is
put back per material by :func:`for_material`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from prereview.store.models import CachedExtraction


def lookup(session: Session, *, sha256: str, version: str) -> CachedExtraction | None:
    return session.scalar(
        select(CachedExtraction).where(
            CachedExtraction.sha256 == sha256, CachedExtraction.pipeline_version == version
        )
    )


def remember(session: Session, *, sha256: str, version: str, result: dict[str, Any], seconds: float) -> None:
    """Cache one result (a concurrent identical insert is harmless)."""
    anonymous = {**result, "file": ""}
    try:
        with session.begin_nested():
            session.add(
                CachedExtraction(
                    sha256=sha256, pipeline_version=version, result=anonymous, compute_seconds=seconds
                )
            )
    except IntegrityError:
        pass


def for_material(result: dict[str, Any], file_name: str) -> dict[str, Any]:
    """A cached result as this material's own.

    >>> for_material({"file": "", "material_type": "other"}, "a.png")
    {'file': 'a.png', 'material_type': 'other'}
    """
    return {**result, "file": file_name}
