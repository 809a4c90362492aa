"""Process-wide service state: settings, the database and file store, the job pool, the shared pipeline."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from api.ratelimit import RateLimiter
from prereview.jobs import JobQueue, PrereviewTask, Rules, WorkerPool, load_rules
from prereview.ocr import OcrEngine, get_engine
from prereview.pipeline import Pipeline, build_pipeline
from prereview.settings import Settings
from prereview.store.context import Store, open_store

logger = logging.getLogger(__name__)


@dataclass
class ServiceState:
    settings: Settings
    engine: OcrEngine | None = None
    engine_error: str | None = None
    store: Store | None = None
    queue: JobQueue | None = None
    pool: WorkerPool | None = None
    _loaded: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Pipeline | None = None
    _rules: Rules | None = None
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.settings.service.uploads_per_minute)

    def load_engine(self) -> None:
        """Load the OCR engine once (called in a background thread at start-up)."""
        try:
            self.engine = get_engine(self.settings.ocr)
        except Exception as error:  # reported by /api/health, not fatal to the process
            logger.exception("OCR engine failed to load")
            self.engine_error = str(error)
        finally:
            self._loaded.set()

    @property
    def engine_loaded(self) -> bool:
        return self.engine is not None

    def pipeline(self) -> Pipeline:
        """The one pipeline every worker thread shares (built on first use)."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = build_pipeline(self.settings)
            return self._pipeline

    def rules(self) -> Rules:
        """Service items and their review points (loaded on first use)."""
        with self._lock:
            if self._rules is None:
                self._rules = load_rules(self.settings.review)
            return self._rules

    def start(self) -> None:
        """Open and migrate the database, then start the worker pool (which requeues interrupted jobs)."""
        service = self.settings.service
        self.store = open_store(self.settings)
        self.queue = JobQueue(
            self.store, lease_seconds=service.job_lease_seconds, max_attempts=service.job_max_attempts
        )
        task = PrereviewTask(self.store, self.pipeline, self.rules)
        self.pool = WorkerPool(
            self.queue, [task], workers=service.workers, poll_seconds=service.job_poll_seconds
        )
        self.pool.start()

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.stop()
        if self.store is not None:
            self.store.close()
