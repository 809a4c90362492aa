"""The in-process worker pool: threads that claim jobs from the table and run their task.

One OCR engine is shared by all threads (``get_engine`` caches it). A heartbeat thread renews the leases
the pool holds, so a long job is not taken for a crashed one; a crashed process stops renewing, and its
jobs are claimed again once their lease expires.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from typing import Protocol

from prereview.jobs.metrics import JOB_SECONDS, JOBS_FINISHED
from prereview.jobs.queue import ClaimedJob, JobQueue
from prereview.logging_setup import mask_identifiers

logger = logging.getLogger(__name__)


class Task(Protocol):
    """What a job kind runs. ``run`` raises to ask for a retry; ``failed`` records the final failure."""

    kind: str

    def run(self, job: ClaimedJob, report: ProgressReport) -> None: ...

    def failed(self, job: ClaimedJob, reason: str) -> None: ...


class ProgressReport:
    def __init__(self, queue: JobQueue, job_id: int, worker: str) -> None:
        self.queue, self.job_id, self.worker = queue, job_id, worker

    def __call__(self, stage: str, percent: int) -> None:
        self.queue.progress(self.job_id, self.worker, stage=stage, percent=percent)


class WorkerPool:
    def __init__(self, queue: JobQueue, tasks: list[Task], *, workers: int, poll_seconds: float) -> None:
        self.queue = queue
        self.tasks = {task.kind: task for task in tasks}
        self.poll = poll_seconds
        self.prefix = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.names = [f"{self.prefix}:{i}" for i in range(workers)]
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for job in self.queue.exhausted_stale(list(self.tasks)):
            self._give_up(job, "任务多次中断，已停止重试 (interrupted too many times)")
        self.queue.requeue_stale(list(self.tasks))
        for name in self.names:
            thread = threading.Thread(target=self._work, args=(name,), name=f"worker-{name[-1]}", daemon=True)
            thread.start()
            self._threads.append(thread)
        beat = threading.Thread(target=self._heartbeat, name="worker-heartbeat", daemon=True)
        beat.start()
        self._threads.append(beat)

    def wake(self) -> None:
        """A job was enqueued: stop waiting."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def _heartbeat(self) -> None:
        interval = max(0.2, self.queue.lease.total_seconds() / 3)
        while not self._stop.wait(interval):
            for name in self.names:
                try:
                    self.queue.renew(name)
                except Exception:
                    logger.exception("lease renewal failed")
            try:
                for job in self.queue.exhausted_stale(list(self.tasks)):
                    self._give_up(job, "任务多次中断，已停止重试 (interrupted too many times)")
            except Exception:
                logger.exception("stale job sweep failed")

    def _work(self, name: str) -> None:
        while not self._stop.is_set():
            try:
                job = self.queue.claim(name, list(self.tasks))
            except Exception:
                logger.exception("claiming a job failed")
                job = None
            if job is None:
                self._wake.wait(self.poll)
                self._wake.clear()
                continue
            self._run(job, name)

    def _run(self, job: ClaimedJob, name: str) -> None:
        task = self.tasks[job.kind]
        start = time.perf_counter()
        try:
            task.run(job, ProgressReport(self.queue, job.id, name))
        except Exception as error:
            reason = mask_identifiers(f"{type(error).__name__}: {error}")
            logger.warning("job %s attempt %d failed: %s", job.id, job.attempts, reason)
            JOB_SECONDS.labels("error").observe(time.perf_counter() - start)
            if self.queue.fail(job.id, name, reason):
                self._give_up(job, reason)
            return
        self.queue.complete(job.id, name)
        JOB_SECONDS.labels("done").observe(time.perf_counter() - start)
        JOBS_FINISHED.labels("done").inc()

    def _give_up(self, job: ClaimedJob, reason: str) -> None:
        JOBS_FINISHED.labels("failed").inc()
        try:
            self.tasks[job.kind].failed(job, reason)
        except Exception:
            logger.exception("recording the failure of job %s failed", job.id)
