"""The anchor classifier and extractor on rendered materials of every type, with the real OCR engine.

``python -m bench.anchors [--per-type N] [--cache DIR]`` renders ``N`` clean samples per material type
(layouts and value fonts in turn, fixed seeds), runs OCR once per page (cached as JSON under ``--cache``
so the understanding can be re-measured quickly), and prints per-type classification accuracy and
per-field exact match.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from prereview.document import TextLine
from prereview.ocr import get_engine
from prereview.settings import OcrSettings
from prereview.synth.content import make_facts
from prereview.synth.fonts import VALUE_FONTS
from prereview.synth.render import LAYOUTS, render_material
from prereview.understanding import understand

AS_OF = date(2026, 12, 1)


@dataclass
class Sample:
    """One rendered material: what was drawn and what OCR read on each page."""

    key: str
    material_type: str
    layout: str
    font: str
    expected: dict[str, str]
    pages: list[list[TextLine]]


def _expected(fields: dict[str, Any]) -> dict[str, str]:
    return {k: str(f.value) for k, f in fields.items() if f.box is not None}


def samples(per_type: int, cache: Path, seed: int = 4242) -> list[Sample]:
    """``per_type`` samples of every type, OCR read once and cached."""
    cache.mkdir(parents=True, exist_ok=True)
    engine = None
    out = []
    for material_type, layouts in LAYOUTS.items():
        for n in range(per_type):
            layout = layouts[n % len(layouts)]
            font = VALUE_FONTS[(n // len(layouts)) % len(VALUE_FONTS)]
            key = f"{material_type}-{n}-{seed}"
            path = cache / f"{key}.json"
            rng = random.Random(f"{seed}-{key}")
            facts = make_facts(material_type, rng, as_of=AS_OF)
            material = render_material(material_type, facts, rng=rng, layout=layout, font=font)
            if path.exists():
                pages = [[TextLine.from_dict(d) for d in page] for page in json.loads(path.read_text())]
            else:
                engine = engine or get_engine(OcrSettings())
                pages = [engine.recognize(page.image) for page in material.pages]
                path.write_text(json.dumps([[line.to_dict() for line in page] for page in pages]))
            out.append(Sample(key, material_type, layout, font, _expected(material.fields), pages))
    return out


def measure(items: list[Sample], verbose: bool = False) -> str:
    """Per-type accuracy and per-field exact match, as a printable table."""
    typed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_field: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for sample in items:
        result = understand(sample.pages)
        typed[sample.material_type][0] += result.material_type == sample.material_type
        typed[sample.material_type][1] += 1
        for key, value in sample.expected.items():
            got = result.fields.get(key)
            ok = got is not None and str(got.value) == value
            per_field[(sample.material_type, key)][0] += ok
            per_field[(sample.material_type, key)][1] += 1
            if not ok:
                misses.append(
                    f"  {sample.key} {sample.layout} {sample.font} {key}: {value!r} → "
                    f"{got.value if got else None!r}"
                )
    lines = ["type                      accuracy   fields (exact match)"]
    for material_type, (ok, total) in typed.items():
        keys = sorted(k for t, k in per_field if t == material_type)
        cells = ", ".join(
            f"{k} {per_field[(material_type, k)][0]}/{per_field[(material_type, k)][1]}" for k in keys
        )
        lines.append(f"{material_type:24s}  {ok:2d}/{total:<2d}      {cells}")
    if verbose:
        lines += ["misses:", *misses]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-type", type=int, default=10)
    parser.add_argument("--cache", type=Path, default=Path("var/bench-anchors"))
    parser.add_argument("--only", default=None, help="one material type")
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    items = samples(args.per_type, args.cache, args.seed)
    if args.only:
        items = [s for s in items if s.material_type == args.only]
    print(measure(items, args.verbose))


if __name__ == "__main__":
    main()
