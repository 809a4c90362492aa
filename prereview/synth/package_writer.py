"""Write labelled application packages to disk and report their coverage (item × defect).

``DIR/<package id>/package.json`` holds the item, answers, files with their slots, the defect, the
expected verdict and missing materials, and the ``as_of`` date; ``labels.jsonl`` next to it labels every
file in the dataset format (``prereview-synth/1``). ``DIR/index.jsonl`` lists all packages.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prereview.synth.dataset import PHOTO_VARIANTS, derive_seed
from prereview.synth.labels import LABELS_FILE, SampleLabel, dumps
from prereview.synth.package_builder import plan_package
from prereview.synth.packages import (
    DEFECT_KINDS,
    ITEMS,
    PackagePlan,
    PlannedFile,
    coverage_plan,
)
from prereview.synth.sample import DIGITAL, FileSpec, make_file

PACKAGE_FORMAT = "prereview-synth-package/1"
PACKAGE_FILE = "package.json"
INDEX_FILE = "index.jsonl"


def plan_packages(n: int, seed: int) -> list[PackagePlan]:
    """``n`` packages cycling through every applicable (item, defect) pair (``n`` ≥ 66 covers them all)."""
    pairs = coverage_plan()
    plans = []
    for index in range(n):
        item, defect = pairs[index % len(pairs)]
        plans.append(plan_package(f"pkg-{index:04d}", item, defect, derive_seed(seed, index, "package")))
    return plans


def _file_spec(planned: PlannedFile, seed: int) -> FileSpec:
    capture, kind = planned.capture, "png" if seed % 10 < 3 else "jpeg"  # scans: mostly JPEG, some PNG
    if planned.material_type == "lease_contract":
        capture, kind = (DIGITAL if seed % 2 else "clean_scan"), "pdf"
    elif planned.material_type == "application_form" and capture == "clean_scan" and seed % 3 == 0:
        capture, kind = DIGITAL, "pdf"  # a form filled in online and printed to PDF
    elif capture in PHOTO_VARIANTS:
        kind = "jpeg"
    return FileSpec(planned.material_type, capture, kind, seed, defects=planned.defects)


def _review_args(plan: PackagePlan, entries: list[dict[str, Any]]) -> list[str]:
    """The ``prereview review`` arguments that review this package from inside its folder."""
    args = ["--item", plan.item, "--as-of", plan.as_of.isoformat()]
    for key, value in plan.answers.items():
        args += ["--answer", f"{key}={value}"]
    return args + [f"{e['slot']}={e['file']}" for e in entries]


def write_package(out_dir: Path, plan: PackagePlan) -> dict[str, Any]:
    """Render the package's files into ``out_dir/<id>/`` with ``package.json``; returns the package record."""
    folder = out_dir / plan.package_id
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    entries, labels = [], []
    for number, planned in enumerate(plan.files):
        spec = _file_spec(planned, derive_seed(plan.seed, number, "file"))
        sample_id = f"{plan.package_id}/{number:02d}"
        made = make_file(spec, planned.facts, sample_id=sample_id, as_of=plan.as_of)
        name = f"{number:02d}_{planned.slot}_{planned.material_type}.{made.extension}"
        (folder / name).write_bytes(made.data)
        made.label.file = name
        labels.append(made.label)
        entries.append(_entry(name, planned, made.label))
    record = {
        "format": PACKAGE_FORMAT,
        "id": plan.package_id,
        "item": plan.item,
        "as_of": plan.as_of.isoformat(),
        "answers": plan.answers,
        "defects": [] if plan.defect == "clean" else [plan.defect],
        "expected_verdict": plan.expected_verdict,
        "expected_missing_materials": plan.missing_materials,
        "expected_findings": plan.findings,
        "files": entries,
        "review_args": _review_args(plan, entries),
        "seed": plan.seed,
    }
    text = json.dumps(record, ensure_ascii=False, indent=2)
    (folder / PACKAGE_FILE).write_text(text + "\n", encoding="utf-8")
    (folder / LABELS_FILE).write_text("".join(dumps(label) + "\n" for label in labels), encoding="utf-8")
    return record


def _entry(name: str, planned: PlannedFile, label: SampleLabel) -> dict[str, Any]:
    return {
        "file": name,
        "slot": planned.slot,
        "material_type": planned.material_type,
        "role": planned.role,
        "capture": label.capture,
        "usable": label.usable,
        "quality_issues": label.quality_issues,
        "defects": label.defects,
    }


def write_packages(
    out_dir: Path, n: int, seed: int, *, progress: Callable[[int, int], None] | None = None
) -> list[dict[str, Any]]:
    """Write ``n`` packages and ``index.jsonl``; returns the package records."""
    out_dir.mkdir(parents=True, exist_ok=True)
    others = [p.name for p in out_dir.iterdir() if not p.name.startswith("pkg-") and p.name != INDEX_FILE]
    if others:
        raise ValueError(
            f"{out_dir} 中有其他文件（holds other things: {', '.join(sorted(others)[:5])}）：请换一个空文件夹"
        )
    for old in out_dir.glob("pkg-*"):  # an earlier, larger run must not linger in the coverage
        shutil.rmtree(old)
    records = []
    for done, plan in enumerate(plan_packages(n, seed), start=1):
        records.append(write_package(out_dir, plan))
        if progress:
            progress(done, n)
    index = [
        {k: r[k] for k in ("id", "item", "defects", "expected_verdict", "expected_missing_materials")}
        for r in records
    ]
    (out_dir / INDEX_FILE).write_text(
        "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in index), "utf-8"
    )
    return records


def read_packages(out_dir: Path) -> list[dict[str, Any]]:
    """Every ``package.json`` under ``out_dir``, sorted by package id."""
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out_dir.glob(f"*/{PACKAGE_FILE}"))]
    if not records:
        raise ValueError(
            f"{out_dir}: no */{PACKAGE_FILE} found; generate with `prereview synth --packages N`"
        )
    return records


def coverage(records: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Package counts per item and defect (``clean`` for a package without one)."""
    table: dict[str, Counter[str]] = {item: Counter() for item in ITEMS}
    for record in records:
        table.setdefault(record["item"], Counter())[(record["defects"] or ["clean"])[0]] += 1
    return table


def format_coverage(table: dict[str, Counter[str]]) -> str:
    """A plain-text table: one row per item, one column per defect kind, ``-`` where it does not apply.

    >>> print(format_coverage({"x": Counter({"clean": 2})}).splitlines()[1].split()[:3])
    ['x', '2', '0']
    """
    width = max(len(item) for item in table) + 2
    header = "item".ljust(width) + " ".join(DEFECT_KINDS) + "  total"
    lines = [header]
    for item, counts in table.items():
        spec = ITEMS.get(item)
        cells = [
            ("-" if spec and d == "age_condition" and not spec.failing_ages else str(counts[d])).rjust(len(d))
            for d in DEFECT_KINDS
        ]
        lines.append(item.ljust(width) + " ".join(cells) + f"{sum(counts.values()):>7}")
    return "\n".join(lines)


def missing_coverage(table: dict[str, Counter[str]]) -> list[tuple[str, str]]:
    """The applicable (item, defect) pairs no package covers."""
    return [(item, defect) for item, defect in coverage_plan() if table.get(item, Counter())[defect] == 0]
