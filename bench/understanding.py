"""Time the understanding stage beyond OCR: anchors vs the learned models (ONNX Runtime), per page.

``python -m bench.understanding [--data DIR] [--models DIR] [--repeat R]`` reads a dataset's cached OCR
(default: the tiny recipe, generated and OCR'd once), then times ``classify`` + ``extract`` on every
file with each component pair (the anchors, the learned pair, the service's default) and prints
milliseconds per page (mean and 95th percentile). The target is ≤ 60 ms per page for the learned pair.
``make bench`` prints it too.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from prereview.training.components import anchor_components, default_components, learned_components
from prereview.training.data import Document, dataset_folder, load_documents


def time_pair(documents: list[Document], classifier: object, extractor: object, repeat: int) -> list[float]:
    """Milliseconds per page of classify + extract, one number per file and repeat."""
    timings = []
    for _ in range(repeat):
        for document in documents:
            started = time.perf_counter()
            guess = classifier.classify(document.ocr)  # type: ignore[attr-defined]
            extractor.extract(guess.material_type, document.ocr)  # type: ignore[attr-defined]
            timings.append(1000 * (time.perf_counter() - started) / max(len(document.ocr), 1))
    return timings


def report(name: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (
        f"{name:<10} mean {statistics.mean(ordered):7.1f} ms/page   p95 {p95:7.1f} ms/page   n={len(ordered)}"
    )


def run(data: Path, models: Path, repeat: int) -> str:
    """The per-page figures of the anchors, the learned pair and the service's default, as text."""
    documents = load_documents(dataset_folder(data))
    learned, default = learned_components(models), default_components(models)
    time_pair(documents[:2], *learned, 1)  # warm up the sessions
    time_pair(documents[:2], *default, 1)
    return "\n".join(
        [
            f"  {len(documents)} files, {sum(len(d.ocr) for d in documents)} pages (OCR excluded)",
            "  " + report("anchors", time_pair(documents, *anchor_components(), repeat)),
            "  " + report("learned", time_pair(documents, *learned, repeat)),
            "  " + report("default", time_pair(documents, *default, repeat)),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("datasets/recipes/tiny.yaml"))
    parser.add_argument("--models", type=Path, default=Path("models"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    print(run(args.data, args.models, args.repeat))


if __name__ == "__main__":
    main()
