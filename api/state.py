"""Process-wide service state: settings and the shared, once-loaded pipeline."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from prereview.ocr import OcrEngine, get_engine
from prereview.settings import Settings

logger = logging.getLogger(__name__)


@dataclass
class ServiceState:
    settings: Settings
    engine: OcrEngine | None = None
    engine_error: str | None = None
    _loaded: threading.Event = field(default_factory=threading.Event)

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
