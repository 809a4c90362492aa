"""The persistent job table: enqueue, claim with a lease, report progress, finish, retry, fail.

A job is never lost and never stuck ``running``: a worker holds a lease it renews while it works; a job
whose lease has expired (its process crashed or was killed) is claimable again. Each claim counts an
attempt; after ``max_attempts`` the job is marked ``failed`` with its reason. Claiming is a conditional
``UPDATE`` (``WHERE status = ...``), so two workers never take the same job, on SQLite or PostgreSQL.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from prereview.store.context import Store
from prereview.store.models import Job, utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClaimedJob:
    id: int
    kind: str
    material_id: str | None
    attempts: int
    max_attempts: int


class JobQueue:
    def __init__(self, store: Store, *, lease_seconds: float, max_attempts: int) -> None:
        self.store = store
        self.lease = timedelta(seconds=lease_seconds)
        self.max_attempts = max_attempts

    def enqueue(self, session: Session, *, kind: str, material_id: str | None) -> Job:
        """Add a job in the caller's transaction (it exists exactly when the upload does)."""
        job = Job(kind=kind, material_id=material_id, max_attempts=self.max_attempts)
        session.add(job)
        return job

    def _claimable(self, now: datetime) -> ColumnElement[bool]:
        return or_(
            and_(Job.status == "queued", Job.available_at <= now),
            and_(Job.status == "running", Job.lease_expires_at < now, Job.attempts < Job.max_attempts),
        )

    def claim(self, worker: str, kinds: Collection[str]) -> ClaimedJob | None:
        """Take the oldest claimable job of one of ``kinds`` for ``worker``, or None."""
        now = utcnow()
        with self.store.session() as session:
            candidates = session.scalars(
                select(Job.id).where(self._claimable(now), Job.kind.in_(kinds)).order_by(Job.id).limit(8)
            ).all()
            for job_id in candidates:
                taken = session.execute(
                    update(Job)
                    .where(Job.id == job_id, self._claimable(now))
                    .values(
                        status="running",
                        lease_owner=worker,
                        lease_expires_at=now + self.lease,
                        attempts=Job.attempts + 1,
                        started_at=now,
                        stage="started",
                        percent=0,
                    )
                    .execution_options(synchronize_session=False)
                )
                if taken.rowcount == 1:  # type: ignore[attr-defined]
                    session.commit()
                    job = session.get(Job, job_id, populate_existing=True)
                    assert job is not None
                    return ClaimedJob(job.id, job.kind, job.material_id, job.attempts, job.max_attempts)
        return None

    def renew(self, worker: str) -> None:
        """Extend the leases ``worker`` holds (the heartbeat)."""
        with self.store.session() as session:
            session.execute(
                update(Job)
                .where(Job.status == "running", Job.lease_owner == worker)
                .values(lease_expires_at=utcnow() + self.lease)
                .execution_options(synchronize_session=False)
            )

    def progress(self, job_id: int, worker: str, *, stage: str, percent: int) -> None:
        with self.store.session() as session:
            session.execute(
                update(Job)
                .where(Job.id == job_id, Job.lease_owner == worker)
                .values(stage=stage, percent=percent, lease_expires_at=utcnow() + self.lease)
                .execution_options(synchronize_session=False)
            )

    def complete(self, job_id: int, worker: str) -> None:
        with self.store.session() as session:
            session.execute(
                update(Job)
                .where(Job.id == job_id, Job.lease_owner == worker)
                .values(
                    status="done",
                    stage="done",
                    percent=100,
                    finished_at=utcnow(),
                    lease_owner=None,
                    lease_expires_at=None,
                    error=None,
                )
                .execution_options(synchronize_session=False)
            )

    def fail(self, job_id: int, worker: str, reason: str) -> bool:
        """Record a failed attempt. Returns True when the job is finally ``failed`` (no tries left)."""
        with self.store.session() as session:
            job = session.get(Job, job_id)
            if job is None or job.lease_owner != worker:
                return False
            final = job.attempts >= job.max_attempts
            job.error = reason[:2000]
            job.lease_owner, job.lease_expires_at = None, None
            if final:
                job.status, job.finished_at = "failed", utcnow()
            else:
                job.status = "queued"
                job.available_at = utcnow() + timedelta(seconds=min(30.0, 0.5 * 2**job.attempts))
            return final

    def exhausted_stale(self, kinds: Collection[str]) -> list[ClaimedJob]:
        """Jobs interrupted (lease expired) with no attempts left: marked failed and returned."""
        now = utcnow()
        with self.store.session() as session:
            jobs = session.scalars(
                select(Job).where(
                    Job.status == "running",
                    Job.lease_expires_at < now,
                    Job.attempts >= Job.max_attempts,
                    Job.kind.in_(kinds),
                )
            ).all()
            for job in jobs:
                job.status, job.finished_at, job.lease_owner = "failed", now, None
                job.error = "任务多次中断，已停止重试 (interrupted too many times)"
            return [ClaimedJob(j.id, j.kind, j.material_id, j.attempts, j.max_attempts) for j in jobs]

    def requeue_stale(self, kinds: Collection[str]) -> int:
        """Put jobs whose lease expired back in the queue (run at start-up). Returns how many."""
        now = utcnow()
        with self.store.session() as session:
            result = session.execute(
                update(Job)
                .where(
                    Job.status == "running",
                    Job.lease_expires_at < now,
                    Job.attempts < Job.max_attempts,
                    Job.kind.in_(kinds),
                )
                .values(status="queued", lease_owner=None, lease_expires_at=None, available_at=now)
                .execution_options(synchronize_session=False)
            )
            count = int(result.rowcount or 0)  # type: ignore[attr-defined]
        if count:
            logger.warning("requeued %d interrupted job(s)", count)
        return count

    def depth(self) -> dict[str, int]:
        """How many jobs per status."""
        with self.store.sessions() as session:
            rows = session.execute(select(Job.status, func.count()).group_by(Job.status)).all()
        return {status: int(count) for status, count in rows}
