"""``prereview review-packages DIR [--json] [--workers N]``: review labelled packages and compare.

Every package under ``DIR`` (``prereview synth --packages N --out DIR``) is reviewed exactly as
``prereview review`` would (real extraction pipeline, then the review points); the verdict and the
missing materials are compared with the expected ones. Prints the item × defect table of verdicts got,
the false-pass count (a defective package that got ``pass``) and the other disagreements. Exit 0
whenever it ran.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from prereview.cli.main import UsageError
from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "review-packages",
        help="review labelled application packages and compare with their expected verdicts",
    )
    parser.add_argument(
        "directory", type=Path, metavar="DIR", help="folder written by `prereview synth --packages`"
    )
    parser.add_argument("--json", action="store_true", help="one JSON document on standard output")
    parser.add_argument("--workers", type=int, default=1, help="processes, each loading the engine once")
    parser.set_defaults(run=run)


def _progress(done: int, total: int) -> None:
    print(f"\r[{done}/{total}] 已审查", end="\n" if done == total else "", file=sys.stderr, flush=True)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.review.packages_eval import evaluate_packages, format_table, summary

    if args.workers < 1:
        raise UsageError("--workers 至少为 1", "--workers must be at least 1")
    start = time.perf_counter()
    try:
        outcomes = evaluate_packages(args.directory, settings, workers=args.workers, progress=_progress)
    except ValueError as error:
        raise UsageError(f"没有可审查的申请包：{error}", str(error)) from None
    counts = {**summary(outcomes), "seconds": round(time.perf_counter() - start, 1), "workers": args.workers}
    if args.json:
        packages = [{k: v for k, v in o.to_dict().items() if k != "review"} for o in outcomes]
        json.dump({"summary": counts, "packages": packages}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(format_table(outcomes))
    print("P pass · N needs_correction · R reject · M manual_review · ! 与预期不符 (disagrees)")
    print(f"误通过 false passes (defective → pass): {counts['false_pass']}")
    for o in outcomes:
        if not o.agrees:
            mark = "误通过" if o.false_pass else "不一致"
            print(
                f"  {mark} {o.package} {o.item} {o.defect}: expected {o.expected_verdict} "
                f"{o.expected_missing} got {o.verdict} {o.missing}" + (f" ({o.error})" if o.error else "")
            )
    print(json.dumps(counts, ensure_ascii=False))
    return 0
