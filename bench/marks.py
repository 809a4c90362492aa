"""Signature and seal detection on rendered materials, with the real OCR engine: a confusion table.

``python -m bench.marks [--per-type N] [--captures clean_scan,phone_photo,photocopy] [--cache DIR]``
renders ``N`` samples per material type, layout, capture and signed/unsigned (sealed/unsealed) with
fixed seeds, OCRs every page (lines cached as JSON under ``--cache``), runs ``find_signatures`` and
``find_seals`` as the pipeline does and prints TP/FP/FN/TN per capture, the unclear signature results,
and the time per page of each detector without OCR.

A photocopy is grey: it cannot show a red seal, so its sealed samples count as FN by design.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import cv2
import numpy as np

from prereview.checks.seal import find_seals
from prereview.checks.signature import SIGNED, find_signatures
from prereview.document import TextLine
from prereview.ocr import OcrEngine, get_engine
from prereview.settings import OcrSettings
from prereview.synth.capture import capture
from prereview.synth.content import make_facts
from prereview.synth.render import LAYOUTS, render_material
from prereview.synth.render.forms import FORMS

AS_OF = date(2025, 6, 1)
SIGNED_TYPES = ("application_form", "power_of_attorney", "lease_contract")
SEALED_TYPES = ("business_license", "food_business_license", "marriage_certificate", "household_register")


@dataclass(frozen=True)
class Case:
    material_type: str
    layout: str
    seed: int
    defect: str | None  # missing_signature / missing_seal, or None
    capture: str
    item_id: str | None = None

    @property
    def key(self) -> str:
        return f"{self.layout.replace('/', '-')}_{self.seed}_{self.defect or 'ok'}_{self.capture}"


def cases(per_type: int, captures: list[str]) -> Iterator[Case]:
    items = sorted(FORMS)
    for capture_name in captures:
        for k in range(per_type):
            for material_type in SIGNED_TYPES + SEALED_TYPES:
                defect = "missing_signature" if material_type in SIGNED_TYPES else "missing_seal"
                for n, layout in enumerate(LAYOUTS[material_type]):
                    item = items[(2 * k + n) % len(items)] if material_type == "application_form" else None
                    for d in (None, defect):
                        yield Case(material_type, layout, 1000 + k, d, capture_name, item)


def pages(case: Case) -> tuple[list[np.ndarray], bool]:
    """The captured page images (decoded as the pipeline would) and whether the mark was drawn."""
    rng = random.Random(case.seed)
    overrides = {"item_id": case.item_id} if case.item_id else {}
    facts = make_facts(case.material_type, rng, as_of=AS_OF, **overrides)
    material = render_material(
        case.material_type, facts, rng=rng, layout=case.layout, defects=(case.defect,) if case.defect else ()
    )
    drawn = bool(material.signature_boxes if case.material_type in SIGNED_TYPES else material.seal_boxes)
    images = []
    for page in material.pages:
        shot = capture(case.capture, page.image, {}, np.random.default_rng(case.seed))
        image = shot.image
        if shot.encoding == "jpeg":
            _, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, shot.jpeg_quality])
            image = cv2.imdecode(data, cv2.IMREAD_COLOR)
        images.append(image)
    return images, drawn


def read(engine: OcrEngine, image: np.ndarray, cache: Path | None, key: str) -> list[TextLine]:
    path = cache / f"{key}.json" if cache else None
    if path and path.exists():
        return [TextLine.from_dict(d) for d in json.loads(path.read_text("utf-8"))]
    lines = engine.recognize(image)
    if path:
        path.write_text(json.dumps([ln.to_dict() for ln in lines], ensure_ascii=False), "utf-8")
    return lines


def run(
    per_type: int, captures: list[str], cache: Path | None
) -> tuple[Counter[tuple[str, ...]], list[float]]:
    engine = get_engine(OcrSettings())
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    table: Counter[tuple[str, ...]] = Counter()
    timings: list[float] = []
    for case in cases(per_type, captures):
        images, drawn = pages(case)
        found, unclear = False, False
        for i, image in enumerate(images):
            lines = read(engine, image, cache, f"{case.key}_p{i}")
            start = time.perf_counter()
            if case.material_type in SIGNED_TYPES:
                marks = find_signatures(image, lines, page=i, with_unclear=True)
                found = found or any(m.confidence >= SIGNED for m in marks)
                unclear = unclear or any(m.confidence < SIGNED for m in marks)
            else:
                found = found or bool(find_seals(image, page=i, lines=lines))
            timings.append(time.perf_counter() - start)
        kind = "signature" if case.material_type in SIGNED_TYPES else "seal"
        outcome = ("TP" if found else "FN") if drawn else ("FP" if found else "TN")
        table[(kind, case.capture, outcome)] += 1
        if unclear and not found:
            table[(kind, case.capture, "unclear")] += 1
        if outcome in ("FP", "FN"):
            print(f"  {outcome} {kind} {case.key} {case.item_id or ''}", flush=True)
    return table, timings


def report(table: Counter[tuple[str, ...]], timings: list[float]) -> str:
    rows = ["kind       capture        TP   FP   FN   TN   unclear(no signature found)"]
    for kind, capture_name in sorted({(k, c) for k, c, _ in table}):
        counts = [table[(kind, capture_name, o)] for o in ("TP", "FP", "FN", "TN", "unclear")]
        rows.append(f"{kind:<10} {capture_name:<13}" + "".join(f"{n:>5}" for n in counts))
    if timings:
        ms = np.array(timings) * 1000
        rows.append(f"detector time per page (no OCR): median {np.median(ms):.1f} ms, max {ms.max():.1f} ms")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-type", type=int, default=3)
    parser.add_argument("--captures", default="clean_scan,phone_photo,photocopy")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    table, timings = run(args.per_type, args.captures.split(","), args.cache)
    print(report(table, timings))


if __name__ == "__main__":
    main()
