"""``prereview evaluate --model DIR --data RECIPE [--baseline anchors]``: measure the learned models.

Prints material-type accuracy per type, per-field precision / recall / exact match (all captures and
clean scans), milliseconds per page, and writes the confusion matrix PNG. ``--baseline anchors`` prints
the anchor components' numbers on the same data beside them. ``--real DIR`` measures extraction on
real labelled folders instead (evaluation only).

Field confidences: a reliability PNG per system next to ``--png`` (``<stem>-fields-<system>.png``) and
the threshold above which 99% of the fields are exactly right, the value for
``review.min_field_confidence``. ``--record`` writes it into the KIE model card with the plot.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("evaluate", help="measure the learned models (and the anchors) on a dataset")
    parser.add_argument(
        "--model", type=Path, default=Path("models"), help="models folder or one model's folder"
    )
    parser.add_argument("--data", type=Path, default=None, help="a recipe YAML or a generated dataset folder")
    parser.add_argument(
        "--n", type=int, default=None, help="generate this many files instead of the recipe's n"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="processes reading (OCR) files not yet in the dataset's cache"
    )
    parser.add_argument("--baseline", choices=["anchors"], default=None, help="also measure these components")
    parser.add_argument("--png", type=Path, default=Path("confusion.png"), help="confusion matrix image")
    parser.add_argument("--json", action="store_true", help="one JSON document on standard output")
    parser.add_argument("--record", action="store_true", help="write the test numbers into the model cards")
    parser.add_argument("--real", type=Path, default=None, help="real labelled folders (evaluation only)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.real is not None:
        from prereview.training.real import run_real

        return run_real(args)
    if args.data is None:
        print("请给出 --data（配方或数据集文件夹）或 --real / give --data or --real", file=sys.stderr)
        return 2
    from prereview.training.components import anchor_components, default_components, learned_components
    from prereview.training.data import dataset_folder, load_documents, ocr_progress
    from prereview.training.metrics import confusion_png, measure

    folder = dataset_folder(args.data, n=args.n)
    documents = load_documents(folder, progress=ocr_progress, workers=args.workers)
    learned = measure(documents, *learned_components(args.model))
    confusion_png(learned, args.png, f"learned — {args.data}")
    results: dict[str, Any] = {
        "data": str(args.data),
        "documents": len(documents),
        "learned": learned.to_dict(),
    }
    if args.baseline:
        results["anchors"] = measure(documents, *anchor_components()).to_dict()
    results["default"] = measure(documents, *default_components(args.model)).to_dict()
    plots = field_plots(results, args.png)
    if args.record:
        _record(args.model, results, plots["learned"])
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_results(results, settings.review.min_field_confidence)
    return 0


def field_png(png: Path, system: str) -> Path:
    """Where a system's field reliability plot goes, beside the confusion matrix ``png``.

    >>> field_png(Path("out/confusion.png"), "anchors").as_posix()
    'out/confusion-fields-anchors.png'
    """
    return png.with_name(f"{png.stem}-fields-{system}.png")


def field_plots(results: dict[str, Any], png: Path) -> dict[str, Path]:
    """One field reliability PNG per measured system (``learned``, ``anchors``); their paths by system."""
    from prereview.training.metrics import reliability_png

    plots: dict[str, Path] = {}
    for system in ("learned", "anchors"):
        if system in results:
            calibration = results[system]["field_calibration"]
            title = f"field reliability — {system} (n={calibration['n']}, ECE {calibration['ece']})"
            reliability_png(calibration["reliability"], field_png(png, system), title)
            plots[system] = field_png(png, system)
    return plots


def _record(model: Path, results: dict[str, Any], field_plot: Path) -> None:
    from prereview.training.card import write_card
    from prereview.training.components import active_folders

    for folder in active_folders(model):
        metrics_path = folder / "metrics.json"
        metrics = json.loads(metrics_path.read_text(encoding="utf-8")) if metrics_path.is_file() else {}
        metrics["test"] = {"data": results["data"], **results["learned"]}
        if "anchors" in results:
            metrics["test_anchors"] = results["anchors"]
        if json.loads((folder / "config.json").read_text(encoding="utf-8")).get("kind") == "kie":
            shutil.copyfile(field_plot, folder / "field_reliability.png")
        write_card(folder, folder.parent.name, str(metrics.get("data", "")), metrics)


def _row(name: str, *cells: Any) -> str:
    return f"{name:<42}" + "".join(f"{c!s:>15}" for c in cells)


def print_results(results: dict[str, Any], min_field_confidence: float | None = None) -> None:
    systems: list[str] = [s for s in ("learned", "anchors", "default") if s in results]
    print(f"data: {results['data']}  documents: {results['documents']}")
    print("\nmaterial-type accuracy (all files | usable files only)")
    print(_row("type", *systems, *(f"{s}:usable" for s in systems)))
    for t in results["learned"]["type_accuracy"]:
        kinds = ("type_accuracy", "type_accuracy_usable")
        cells = [results[s][k].get(t, "-") for k in kinds for s in systems]
        print(_row(t, *cells))
    sections = (
        ("fields", "fields_overall"),
        ("usable_fields", "usable_overall"),
        ("clean_scan_fields", "clean_scan_overall"),
    )
    for section, overall in sections:
        print(f"\n{section}: precision / recall / exact match")
        print(_row("field", *(f"{s}:{m}" for s in systems for m in ("P", "R", "EM"))))
        keys = sorted(set().union(*(results[s][section] for s in systems)))
        for key in [*keys, overall]:
            cells = []
            for s in systems:
                row = results[s][overall] if key == overall else results[s][section].get(key, {})
                cells += [row.get("precision", "-"), row.get("recall", "-"), row.get("exact_match", "-")]
            print(_row(key, *cells))
    print(
        "\nms per page (classify + extract, beyond OCR): "
        + ", ".join(f"{s} {results[s]['ms_per_page']}" for s in systems)
    )

    _print_field_calibration(results, systems, min_field_confidence)


def _print_field_calibration(
    results: dict[str, Any], systems: list[str], min_field_confidence: float | None
) -> None:
    print("\nfield confidence: smallest threshold with >= 99% of the fields at or above it exactly right")
    print(_row("system", "threshold", "reached", "coverage", "precision", "ECE", "n"))
    for s in systems:
        c = results[s]["field_calibration"]
        cells = (f"{c['threshold']:.4f}", c["reached"], c["coverage"], c["precision"], c["ece"], c["n"])
        print(_row(s, *cells))
    if min_field_confidence is not None:
        print(f"review.min_field_confidence now: {min_field_confidence}")
