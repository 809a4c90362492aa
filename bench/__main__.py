"""``python -m bench`` (``make bench``): speed and memory figures, printed.

The service load benchmark takes several minutes and has its own target: ``make bench-load``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bench import extract, stages, understanding
from prereview.review.bench import bench_rules


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    print("== OCR and extract ==", flush=True)
    print(extract.report(extract.run()), flush=True)
    print("\n== Stages around OCR, per page ==", flush=True)
    print(stages.run(), flush=True)
    print("\n== Understanding beyond OCR: classify + extract per page ==", flush=True)
    print(understanding.run(Path("datasets/recipes/tiny.yaml"), Path("models"), repeat=3), flush=True)
    print("\n== Rules: one application, fields already extracted ==", flush=True)
    rules = bench_rules(300)
    print(
        f"  {rules['n']} reviews of a {rules['points']}-point application: median {rules['median_ms']} ms, "
        f"p95 {rules['p95_ms']} ms, CPU {rules['cpu_ms_per_review']} ms per review",
        flush=True,
    )


if __name__ == "__main__":
    main()
