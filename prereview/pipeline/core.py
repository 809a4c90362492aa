"""``Pipeline.extract``: bytes → pages → quality → OCR (or trusted text layer) → understanding.

Stages are built once by :func:`build_pipeline` and injected; the pipeline itself adds little around
the OCR engine (``make bench`` measures it: end to end ≤ 1.15× the raw engine time).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from prereview import __version__
from prereview.checks.grey_seal import read_grey_rings
from prereview.checks.seal import find_seals, shows_colour
from prereview.checks.signature import find_signatures
from prereview.document import Document, Mark, Page, TextLine
from prereview.ingest import load_document
from prereview.ocr import OcrEngine, get_engine
from prereview.pipeline.result import Extraction
from prereview.pipeline.upright import to_input_frame, upright_lines
from prereview.quality import assess, orient_and_read
from prereview.settings import Settings
from prereview.understanding import Understander, build_understander
from prereview.understanding.seal_fields import wants_seal_text, with_seal_fields

logger = logging.getLogger(__name__)


@dataclass
class Pipeline:
    settings: Settings
    engine: OcrEngine
    understander: Understander

    @property
    def version(self) -> str:
        return f"prereview {__version__}, ocr {self.engine.name}, understanding {self.understander.name}"

    def read_page(self, page: Page) -> list[TextLine]:
        """Text of one page: the trusted PDF text layer, else OCR with orientation correction."""
        if page.text_lines is not None:
            return page.text_lines
        rotation, lines = orient_and_read(page.image, self.engine)
        page.rotation = rotation
        return lines

    def extract(self, data: bytes, name: str) -> Extraction:
        timings: dict[str, float] = {}
        start = time.perf_counter()
        document = load_document(data, name, self.settings.ingest)
        timings["ingest"] = time.perf_counter() - start
        return self.extract_document(document, timings)

    def extract_document(self, document: Document, timings: dict[str, float] | None = None) -> Extraction:
        timings = {} if timings is None else timings
        issues = []
        lines: list[list[TextLine]] = []
        seals: list[Mark] | None = None  # None: no page can show a red seal (a grey copy)
        signatures: list[Mark] = []
        for page in document.pages:
            t0 = time.perf_counter()
            issues.extend(assess(page.image, page.index, self.settings.quality, dpi=page.dpi))
            t1 = time.perf_counter()
            page_lines = self.read_page(page)
            lines.append(page_lines)
            t2 = time.perf_counter()
            if shows_colour(page.image):
                found = find_seals(
                    page.image,
                    page=page.index,
                    lines=page_lines,
                    engine=self.engine,
                    rotation=page.rotation or 0,
                )
                seals = (seals or []) + found
            signatures += find_signatures(
                page.image, page_lines, page=page.index, rotation=page.rotation, with_unclear=True
            )
            t3 = time.perf_counter()
            for stage, seconds in (("quality", t1 - t0), ("ocr", t2 - t1), ("marks", t3 - t2)):
                timings[stage] = timings.get(stage, 0.0) + seconds
        t3 = time.perf_counter()
        understood = to_input_frame(
            self.understander.understand(upright_lines(document.pages, lines)), document.pages
        )
        understood = with_seal_fields(understood, seals)
        if seals is None and wants_seal_text(understood):  # a grey copy: its seals' rings, read for text
            rings = [
                ring
                for page in document.pages
                for ring in read_grey_rings(
                    page.image, self.engine, page=page.index, rotation=page.rotation or 0
                )
            ]
            understood = with_seal_fields(understood, rings)
        timings["understanding"] = time.perf_counter() - t3
        logger.info(
            "extracted %s: %s (%.2f) in %s",
            document.sha256[:12],
            understood.material_type,
            understood.confidence,
            {k: round(v, 3) for k, v in timings.items()},
        )
        return Extraction(
            version=self.version,
            document=document,
            material_type=understood.material_type,
            confidence=understood.confidence,
            fields=understood.fields,
            checks=understood.checks,
            quality_issues=issues,
            lines=lines,
            seals=seals,
            signatures=signatures,
            parts=understood.parts,
            timings=timings,
        )


def build_pipeline(settings: Settings) -> Pipeline:
    """Compose the stages named by ``settings``; the OCR engine is shared process-wide."""
    return Pipeline(
        settings=settings,
        engine=get_engine(settings.ocr),
        understander=build_understander(settings.models.classifier, settings.models.extractor),
    )
