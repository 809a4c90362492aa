"""Prometheus metrics of the background work (the API adds its request latency in ``api/``)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

JOB_STAGE_SECONDS = Histogram(
    "prereview_job_stage_seconds",
    "Time spent per pre-review job stage",
    ["stage"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120),
)
JOB_SECONDS = Histogram(
    "prereview_job_seconds",
    "Wall time of one pre-review job attempt",
    ["outcome"],
    buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300),
)
JOBS_FINISHED = Counter("prereview_jobs_finished_total", "Jobs finished", ["status"])
QUEUE_DEPTH = Gauge("prereview_queue_depth", "Jobs per status in the job table", ["status"])
