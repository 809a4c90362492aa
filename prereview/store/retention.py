"""``purge(...)``: delete applications, their files and cached results older than the retention period.

Audit events stay (they are append-only and hold no file contents). A file is deleted only when no
remaining material uses it; its cached extraction goes with it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from prereview.audit import record
from prereview.store.models import Application, Blob, BlobRef, CachedExtraction, Job, Material
from prereview.store.storage import Storage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeReport:
    applications: int
    files: int
    cached_results: int


def purge(session: Session, storage: Storage, *, before: datetime) -> PurgeReport:
    """Delete everything created before ``before`` that no newer application still needs."""
    old = list(session.scalars(select(Application).where(Application.created_at < before)))
    for application in old:
        for material in application.materials:
            session.execute(delete(Job).where(Job.material_id == material.id))
        session.delete(application)
    session.flush()
    unused = list(
        session.scalars(
            select(Blob.sha256).where(
                Blob.created_at < before, ~exists().where(Material.sha256 == Blob.sha256)
            )
        )
    )
    cached = 0
    for sha256 in unused:
        gone = session.execute(delete(CachedExtraction).where(CachedExtraction.sha256 == sha256))
        cached += int(getattr(gone, "rowcount", 0) or 0)
        session.execute(delete(BlobRef).where(BlobRef.sha256 == sha256))
        session.execute(delete(Blob).where(Blob.sha256 == sha256))
    session.flush()
    for sha256 in unused:
        storage.delete(sha256)
    report = PurgeReport(applications=len(old), files=len(unused), cached_results=cached)
    record(
        session,
        actor=None,
        action="retention.purge",
        target_type="store",
        after={
            "before": before.isoformat(),
            "applications": report.applications,
            "files": report.files,
            "cached_results": report.cached_results,
        },
    )
    logger.info("purged %s", report)
    return report
