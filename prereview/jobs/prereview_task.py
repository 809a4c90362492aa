"""The ``prereview`` job: read one uploaded material, then review its application when all are read.

Stages reported: ``ingest`` (10 %) → ``recognize`` (30 %) → ``review`` (90 %) → ``done`` (100 %).
A result already cached for the same content and pipeline version is reused. When it was computed for
somebody else's upload, the result is held back (``release_at``) for as long as computing it took, so that
the applicant sees the same progress and timing as for a fresh file and cannot learn that another
person uploaded it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from prereview.audit import record
from prereview.errors import IngestError
from prereview.jobs.metrics import JOB_STAGE_SECONDS
from prereview.jobs.pool import ProgressReport
from prereview.jobs.queue import ClaimedJob
from prereview.jobs.rules import Rules, refresh_review
from prereview.logging_setup import mask_identifiers
from prereview.pipeline import Pipeline
from prereview.store import cache
from prereview.store.context import Store
from prereview.store.models import Application, Material, utcnow

logger = logging.getLogger(__name__)


class PrereviewTask:
    kind = "prereview"

    def __init__(self, store: Store, pipeline: Callable[[], Pipeline], rules: Callable[[], Rules]) -> None:
        self.store = store
        self.pipeline = pipeline
        self.rules = rules

    def run(self, job: ClaimedJob, report: ProgressReport) -> None:
        with self.store.session() as session:
            material = self._material(session, job)
            if material is None or material.status == "superseded":
                return
            material.status, material.stage, material.percent = "running", "ingest", 10
            material.started_at = material.started_at or utcnow()
            sha256, name = material.sha256, material.file_name
            seen_before = self._owner_saw(session, material)
        report("ingest", 10)
        pipeline = self.pipeline()
        data = self.store.storage.get(sha256)
        self._set_stage(job, "recognize", 30)
        report("recognize", 30)
        result, error, delay = self._extract(pipeline, data, sha256, name, seen_before)
        report("review", 90)
        start = time.perf_counter()
        with self.store.session() as session:
            material = self._material(session, job)
            if material is None:
                return
            material.extraction, material.error = result, error
            material.stage, material.percent = "done", 100
            if material.status != "superseded":
                material.status = "done"
            material.release_at = utcnow() + timedelta(seconds=delay) if delay > 0 else None
            application_id = material.application_id
        self._refresh(application_id)
        JOB_STAGE_SECONDS.labels("review").observe(time.perf_counter() - start)

    def failed(self, job: ClaimedJob, reason: str) -> None:
        with self.store.session() as session:
            material = self._material(session, job)
            if material is None:
                return
            before = {"status": material.status}
            material.status, material.stage, material.error = "failed", "failed", reason
            record(
                session,
                actor=None,
                action="material.failed",
                target_type="material",
                target_id=material.id,
                before=before,
                after={"status": "failed", "reason": reason},
            )
            application_id = material.application_id
        self._refresh(application_id)

    def _refresh(self, application_id: str) -> None:
        """Recompute the application's review, one refresher at a time per application.

        Locking the application row first (an UPDATE) makes concurrent refreshers wait for each other,
        so the last material to finish always sees all the others finished.
        """
        with self.store.session() as session:
            session.execute(
                update(Application).where(Application.id == application_id).values(updated_at=utcnow())
            )
            application = session.get(Application, application_id, populate_existing=True)
            if application is None:
                return
            session.refresh(application, ["materials"])
            try:
                rules = self.rules()
            except Exception as error:
                logger.error("rules unavailable: %s", error)
                rules = None
            refresh_review(session, application, rules)

    def _extract(
        self, pipeline: Pipeline, data: bytes, sha256: str, name: str, seen_before: bool
    ) -> tuple[dict[str, Any] | None, str | None, float]:
        """(extraction dict, unreadable reason, seconds to hold the result back)."""
        with self.store.sessions() as session:
            hit = cache.lookup(session, sha256=sha256, version=pipeline.version)
            if hit is not None:
                delay = 0.0 if seen_before else hit.compute_seconds
                return cache.for_material(hit.result, name), None, delay
        start = time.perf_counter()
        try:
            extraction = pipeline.extract(data, name=name)
        except IngestError as error:
            return None, mask_identifiers(str(error)), 0.0
        seconds = time.perf_counter() - start
        for stage, value in extraction.timings.items():
            JOB_STAGE_SECONDS.labels(stage).observe(value)
        result = extraction.to_dict()
        with self.store.session() as session:
            cache.remember(session, sha256=sha256, version=pipeline.version, result=result, seconds=seconds)
        return result, None, 0.0

    def _set_stage(self, job: ClaimedJob, stage: str, percent: int) -> None:
        with self.store.session() as session:
            material = self._material(session, job)
            if material is not None:
                material.stage, material.percent = stage, percent

    @staticmethod
    def _material(session: Session, job: ClaimedJob) -> Material | None:
        return session.get(Material, job.material_id) if job.material_id else None

    @staticmethod
    def _owner_saw(session: Session, material: Material) -> bool:
        """Whether this owner already has a finished result for the same content."""
        owner = material.application.owner_id
        earlier = session.scalar(
            select(Material.id)
            .join(Application)
            .where(
                Application.owner_id == owner,
                Material.sha256 == material.sha256,
                Material.id != material.id,
                Material.status.in_(("done", "superseded")),
                Material.extraction.is_not(None),
            )
            .limit(1)
        )
        return earlier is not None
