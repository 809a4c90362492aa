"""Background pre-review: a persistent job table and an in-process worker pool."""

from prereview.jobs.pool import WorkerPool
from prereview.jobs.prereview_task import PrereviewTask
from prereview.jobs.queue import ClaimedJob, JobQueue
from prereview.jobs.rules import MaterialInput, Rules, load_rules, refresh_review

__all__ = [
    "ClaimedJob",
    "JobQueue",
    "MaterialInput",
    "PrereviewTask",
    "Rules",
    "WorkerPool",
    "load_rules",
    "refresh_review",
]
