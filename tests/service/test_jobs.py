"""The job table: claim once, retry a bounded number of times, requeue an interrupted job, never lose one."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from prereview.jobs import ClaimedJob, JobQueue, WorkerPool
from prereview.jobs.pool import ProgressReport
from prereview.settings import Settings
from prereview.store.context import Store, open_store
from prereview.store.models import Job, utcnow


@pytest.fixture
def store(database_url: str, tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    store = open_store(Settings(data_dir=tmp_path, service={"database_url": database_url}))
    with store.session() as session:  # each test starts with an empty job table
        session.execute(update(Job).where(Job.status != "done").values(status="done"))
    yield store
    store.close()


class FlakyTask:
    """Fails ``failures`` times, then succeeds; records what it saw."""

    kind = "flaky"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.runs: list[int] = []
        self.final: list[tuple[int, str]] = []

    def run(self, job: ClaimedJob, report: ProgressReport) -> None:
        self.runs.append(job.id)
        report("working", 50)
        if len(self.runs) <= self.failures:
            raise RuntimeError(f"boom {len(self.runs)}")

    def failed(self, job: ClaimedJob, reason: str) -> None:
        self.final.append((job.id, reason))


def _job(store: Store, queue: JobQueue, kind: str = "flaky") -> int:
    with store.session() as session:
        job = queue.enqueue(session, kind=kind, material_id=None)
        session.flush()
        return job.id


def _wait(store: Store, job_id: int, statuses: set[str], timeout: float = 20) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with store.sessions() as session:
            job = session.get(Job, job_id)
            assert job is not None
            if job.status in statuses:
                return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} not in {statuses}")


def _run_pool(store: Store, task: FlakyTask, **queue_args: float) -> tuple[JobQueue, WorkerPool]:
    queue = JobQueue(
        store, lease_seconds=queue_args.get("lease", 30), max_attempts=int(queue_args.get("attempts", 3))
    )
    pool = WorkerPool(queue, [task], workers=2, poll_seconds=0.05)
    return queue, pool


def test_a_failing_job_is_retried_then_succeeds(store: Store) -> None:
    task = FlakyTask(failures=1)
    queue, pool = _run_pool(store, task)
    job_id = _job(store, queue)
    pool.start()
    try:
        job = _wait(store, job_id, {"done", "failed"})
    finally:
        pool.stop()
    assert job.status == "done" and job.attempts == 2
    assert task.runs == [job_id, job_id] and task.final == []


def test_a_job_that_keeps_failing_is_marked_failed_with_its_reason(store: Store) -> None:
    task = FlakyTask(failures=99)
    queue, pool = _run_pool(store, task, attempts=2)
    job_id = _job(store, queue)
    pool.start()
    try:
        job = _wait(store, job_id, {"failed"})
    finally:
        pool.stop()
    assert job.attempts == 2 and job.lease_owner is None
    assert job.error is not None and "boom 2" in job.error
    assert task.final == [(job_id, job.error)]


def test_an_interrupted_job_is_requeued_and_finished(store: Store) -> None:
    queue = JobQueue(store, lease_seconds=30, max_attempts=3)
    job_id = _job(store, queue)
    claimed = queue.claim("dead-process:0", ["flaky"])
    assert claimed is not None and claimed.id == job_id
    with store.session() as session:  # the process died: its lease runs out
        session.execute(
            update(Job).where(Job.id == job_id).values(lease_expires_at=utcnow() - timedelta(seconds=1))
        )
    task = FlakyTask(failures=0)
    pool = WorkerPool(queue, [task], workers=1, poll_seconds=0.05)
    pool.start()
    try:
        job = _wait(store, job_id, {"done", "failed"})
    finally:
        pool.stop()
    assert job.status == "done" and job.attempts == 2 and task.runs == [job_id]


def test_an_interrupted_job_without_tries_left_fails_instead_of_staying_running(store: Store) -> None:
    queue = JobQueue(store, lease_seconds=30, max_attempts=1)
    job_id = _job(store, queue)
    assert queue.claim("dead-process:0", ["flaky"]) is not None
    with store.session() as session:
        session.execute(
            update(Job).where(Job.id == job_id).values(lease_expires_at=utcnow() - timedelta(seconds=1))
        )
    task = FlakyTask(failures=0)
    pool = WorkerPool(queue, [task], workers=1, poll_seconds=0.05)
    pool.start()
    try:
        job = _wait(store, job_id, {"done", "failed"})
    finally:
        pool.stop()
    assert job.status == "failed" and "interrupted" in (job.error or "")
    assert task.runs == [] and [j for j, _ in task.final] == [job_id]


def test_concurrent_workers_never_take_the_same_job(store: Store) -> None:
    queue = JobQueue(store, lease_seconds=30, max_attempts=3)
    ids = {_job(store, queue) for _ in range(12)}
    taken: list[int] = []
    lock = threading.Lock()

    def grab(worker: str) -> None:
        while (job := queue.claim(worker, ["flaky"])) is not None:
            with lock:
                taken.append(job.id)

    threads = [threading.Thread(target=grab, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(taken) == sorted(ids)
    with store.sessions() as session:
        owners = session.scalars(select(Job.lease_owner).where(Job.id.in_(ids))).all()
    assert all(owner is not None for owner in owners)
