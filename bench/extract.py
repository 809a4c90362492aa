"""Raw OCR engine vs ``extract`` end to end, on the same rendered card-size and A4 pages.

The raw engine is RapidOCR built with exactly the parameters the pipeline's engine uses
(:func:`prereview.ocr.rapid.rapid_params`), fed the decoded image; ``extract`` gets the encoded file
bytes and does everything (decode, quality, orientation, OCR, understanding, checks).
"""

from __future__ import annotations

import random
import resource
import statistics
import time
from datetime import date

import cv2
import numpy as np

from prereview.pipeline import build_pipeline
from prereview.settings import Settings
from prereview.synth.content import make_facts
from prereview.synth.render import render_material

CARD_TYPES = ("id_card_front", "id_card_back")
A4_TYPES = ("business_license", "application_form")


def rendered_pages(per_type: int = 3, seed: int = 20261204) -> list[tuple[str, np.ndarray]]:
    """A fixed set of clean pages: ``per_type`` of each card and A4 material type."""
    rng = random.Random(seed)
    pages = []
    for material_type in CARD_TYPES + A4_TYPES:
        for _ in range(per_type):
            facts = make_facts(material_type, rng, as_of=date(2026, 12, 1))
            material = render_material(material_type, facts, rng=rng)
            pages.append((material_type, material.pages[0].image))
    return pages


def _median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def run(per_type: int = 3, repeats: int = 2) -> dict[str, float]:
    from rapidocr import RapidOCR

    from prereview.ocr.rapid import rapid_params

    settings = Settings()
    pipeline = build_pipeline(settings)
    raw = RapidOCR(params=rapid_params(settings.ocr))
    pages = rendered_pages(per_type)
    encoded = [cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])[1].tobytes() for _, image in pages]
    raw(pages[0][1])  # warm both paths once
    pipeline.extract(encoded[0], "warm.jpg")
    results: dict[str, dict[str, list[float]]] = {
        "card": {"raw": [], "extract": []},
        "a4": {"raw": [], "extract": []},
    }
    for _ in range(repeats):
        for (material_type, image), data in zip(pages, encoded, strict=True):
            group = results["card" if material_type in CARD_TYPES else "a4"]
            t0 = time.perf_counter()
            raw(image)
            t1 = time.perf_counter()
            pipeline.extract(data, f"{material_type}.jpg")
            t2 = time.perf_counter()
            group["raw"].append(t1 - t0)
            group["extract"].append(t2 - t1)
    figures: dict[str, float] = {}
    for group, times in results.items():
        figures[f"{group}_raw_ms"] = _median_ms(times["raw"])
        figures[f"{group}_extract_ms"] = _median_ms(times["extract"])
        figures[f"{group}_ratio"] = figures[f"{group}_extract_ms"] / figures[f"{group}_raw_ms"]
    all_raw = results["card"]["raw"] + results["a4"]["raw"]
    all_extract = results["card"]["extract"] + results["a4"]["extract"]
    figures["all_raw_ms"] = _median_ms(all_raw)
    figures["all_extract_ms"] = _median_ms(all_extract)
    figures["all_ratio"] = figures["all_extract_ms"] / figures["all_raw_ms"]
    figures["total_ratio"] = sum(all_extract) / sum(all_raw)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["pages"] = len(pages) * repeats
    return figures


def report(figures: dict[str, float]) -> str:
    lines = [f"extract vs raw OCR over {int(figures['pages'])} page runs (median per page, seconds):"]
    for group, label in (("card", "card-size"), ("a4", "A4"), ("all", "all pages")):
        lines.append(
            f"  {label:10s} raw {figures[f'{group}_raw_ms'] / 1000:6.3f} s   extract "
            f"{figures[f'{group}_extract_ms'] / 1000:6.3f} s   ratio {figures[f'{group}_ratio']:.3f}"
        )
    lines.append(f"  total time ratio (sum extract / sum raw): {figures['total_ratio']:.3f}")
    lines.append(f"  peak memory (max RSS): {figures['peak_rss_mb']:.0f} MB")
    return "\n".join(lines)
