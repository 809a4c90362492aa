"""Cost of the stages around OCR on one page, without OCR: quality assessment and seal finding.

Printed by ``make bench`` (medians of ``repeat`` runs): the quality checks on an A4 page rendered at
150 dpi and on the same page as a 4000 × 5657 photo (both are analysed at ``quality.analysis_side``),
the red-seal search on the A4 page (ring text read only when an engine is given, not here), and the
ink-ring search on the same page in grey (done on a grey copy of a license with no authority read).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date

import cv2

from prereview.checks.grey_seal import ring_boxes
from prereview.checks.seal import find_seals
from prereview.quality import assess
from prereview.settings import QualitySettings
from prereview.synth.content import make_facts
from prereview.synth.render import render_material


def _median_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def run(repeat: int = 5) -> str:
    rng = random.Random(1)
    facts = make_facts("business_license", rng, as_of=date(2025, 6, 30))
    page = render_material("business_license", facts, rng=rng, layout="business_license/v2").pages[0].image
    big = cv2.resize(page, (4000, 5657), interpolation=cv2.INTER_LINEAR)
    grey = cv2.cvtColor(cv2.cvtColor(page, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)
    settings = QualitySettings()
    rows = [
        (
            f"quality checks, A4 {page.shape[1]}x{page.shape[0]}",
            _median_ms(lambda: assess(page, 0, settings), repeat),
        ),
        ("quality checks, photo 4000x5657", _median_ms(lambda: assess(big, 0, settings), repeat)),
        ("seal search, A4 (no ring OCR)", _median_ms(lambda: find_seals(page), repeat)),
        ("grey ring search, A4 (no ring OCR)", _median_ms(lambda: ring_boxes(grey), repeat)),
    ]
    return "\n".join(f"  {name:<40} median {ms} ms" for name, ms in rows)
