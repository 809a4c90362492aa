"""Review labelled application packages end to end and compare with what they should get.

A package (``prereview synth --packages N``: ``DIR/<id>/package.json``) knows its expected verdict and
missing materials. :func:`evaluate_packages` reviews every package the way ``prereview review`` does —
each file through the real extraction pipeline (``build_pipeline(settings).extract``), then the item's
review points — and returns one :class:`PackageOutcome` per package. The number that matters most is
the **false passes**: a defective package that got ``pass``.

Extractions are cached by the file's sha256 within a run (a file repeated across packages is read once
per worker); ``workers`` > 1 spreads packages over a process pool whose processes each load the engine
once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prereview.errors import IngestError
from prereview.review.intake import from_extraction
from prereview.review.materials import MaterialResult, unreadable
from prereview.settings import Settings

if TYPE_CHECKING:
    from prereview.pipeline import Extraction

logger = logging.getLogger(__name__)

VERDICT_CODES = {"pass": "P", "needs_correction": "N", "reject": "R", "manual_review": "M", "error": "E"}


@dataclass
class PackageOutcome:
    """What one package should get and what the review gave it."""

    package: str
    item: str
    defect: str  # ``clean`` for a package without one
    expected_verdict: str
    verdict: str
    expected_missing: list[str]
    missing: list[str]
    files: int = 0
    extracted: int = 0  # files actually extracted (the others came from the cache)
    extract_seconds: float = 0.0
    review: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # an internal fault of extraction (verdict ``error``)

    @property
    def false_pass(self) -> bool:
        """A defective package that got ``pass``: the one error the review must never make."""
        return self.defect != "clean" and self.verdict == "pass"

    @property
    def agrees(self) -> bool:
        """Same verdict, and every expected missing slot listed (an unreadable file may add its slot)."""
        return self.verdict == self.expected_verdict and set(self.expected_missing) <= set(self.missing)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(false_pass=self.false_pass, agrees=self.agrees)
        return out


class _Reviewer:
    """One process's engine: the pipeline, the items, and the extraction cache (sha256 → result)."""

    def __init__(self, settings: Settings) -> None:
        from prereview.pipeline import build_pipeline
        from prereview.review import load_items

        self.settings = settings
        self.pipeline = build_pipeline(settings)
        self.items = load_items(settings.review.points_dir)
        self.cache: dict[str, Extraction | str] = {}

    def material(self, path: Path, slot: str | None, outcome: PackageOutcome) -> MaterialResult:
        """The file as ``prereview review`` hands it to the rules (extraction or an unreadable material)."""
        data = path.read_bytes()
        key = hashlib.sha256(data).hexdigest()
        if key not in self.cache:
            start = time.perf_counter()
            try:
                self.cache[key] = self.pipeline.extract(data, name=path.name)
            except IngestError as error:
                self.cache[key] = str(error)
            outcome.extract_seconds += time.perf_counter() - start
            outcome.extracted += 1
        cached = self.cache[key]
        if isinstance(cached, str):
            return unreadable(path.name, cached, slot)
        return from_extraction(cached, slot, name=path.name)

    def review_package(self, folder: Path) -> PackageOutcome:
        from prereview.review import review

        record = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        outcome = PackageOutcome(
            package=record["id"],
            item=record["item"],
            defect=(record.get("defects") or ["clean"])[0],
            expected_verdict=record["expected_verdict"],
            verdict="error",
            expected_missing=list(record.get("expected_missing_materials") or []),
            missing=[],
            files=len(record["files"]),
        )
        item = self.items[record["item"]]
        try:
            materials = [self.material(folder / e["file"], e.get("slot"), outcome) for e in record["files"]]
        except Exception as error:  # an internal fault (``prereview review`` exits 1): recorded, not passed
            logger.warning(
                "package %s: extraction failed: %s: %s", outcome.package, type(error).__name__, error
            )
            outcome.error = f"{type(error).__name__}: {error}"
            return outcome
        result = review(
            item,
            record.get("answers") or {},
            materials,
            as_of=dt.date.fromisoformat(record["as_of"]),
            min_confidence=self.settings.review.min_field_confidence,
        ).to_dict()
        outcome.verdict, outcome.missing, outcome.review = (
            result["verdict"],
            result["missing_materials"],
            result,
        )
        return outcome


_WORKER: _Reviewer | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = _Reviewer(settings)


def _review_in_worker(folder: str) -> PackageOutcome:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.review_package(Path(folder))


def package_folders(directory: Path) -> list[Path]:
    """The package folders under ``directory`` (those holding ``package.json``), sorted by id."""
    folders = sorted(p.parent for p in directory.glob("*/package.json"))
    if not folders:
        raise ValueError(
            f"{directory}: no */package.json found; generate with `prereview synth --packages N`"
        )
    return folders


def evaluate_packages(
    directory: Path,
    settings: Settings,
    *,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> list[PackageOutcome]:
    """Review every package under ``directory``; outcomes in package order."""
    folders = package_folders(directory)
    outcomes: list[PackageOutcome] = []
    if workers <= 1:
        reviewer = _Reviewer(settings)
        for done, folder in enumerate(folders, start=1):
            outcomes.append(reviewer.review_package(folder))
            if progress:
                progress(done, len(folders))
        return outcomes
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold ONNX sessions
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        for done, outcome in enumerate(pool.map(_review_in_worker, map(str, folders)), start=1):
            outcomes.append(outcome)
            if progress:
                progress(done, len(folders))
    return outcomes


def verdict_table(outcomes: Sequence[PackageOutcome]) -> dict[str, dict[str, Counter[str]]]:
    """item → defect → Counter of verdicts got."""
    table: dict[str, dict[str, Counter[str]]] = {}
    for o in outcomes:
        table.setdefault(o.item, {}).setdefault(o.defect, Counter())[o.verdict] += 1
    return table


def format_table(outcomes: Sequence[PackageOutcome]) -> str:
    """Item × defect, each cell the verdicts got (P pass, N needs_correction, R reject, M manual_review),
    ``!`` after a cell where some package disagrees with its expected verdict.

    >>> o = PackageOutcome("p", "x", "clean", "pass", "pass", [], [])
    >>> print(format_table([o]).splitlines()[1])
    x     P
    """
    from prereview.synth.packages import DEFECT_KINDS

    table = verdict_table(outcomes)
    wrong = {(o.item, o.defect) for o in outcomes if o.verdict != o.expected_verdict}
    defects = [d for d in DEFECT_KINDS if any(d in row for row in table.values())]
    width = max(len(i) for i in [*table, "item"]) + 2
    cells = {
        (item, d): "".join(VERDICT_CODES.get(v, "?") * n for v, n in sorted(row[d].items()))
        + ("!" if (item, d) in wrong else "")
        for item, row in table.items()
        for d in row
    }
    widths = {d: max([len(d)] + [len(c) for (_, dd), c in cells.items() if dd == d]) for d in defects}
    lines = ["item".ljust(width) + " ".join(d.ljust(widths[d]) for d in defects)]
    for item in table:
        lines.append(
            item.ljust(width) + " ".join(cells.get((item, d), "-").ljust(widths[d]) for d in defects)
        )
    return "\n".join(line.rstrip() for line in lines)


def summary(outcomes: Sequence[PackageOutcome]) -> dict[str, Any]:
    """Counts: packages, agreements, false passes, other disagreements, extraction time per file."""
    extracted = sum(o.extracted for o in outcomes)
    seconds = sum(o.extract_seconds for o in outcomes)
    return {
        "packages": len(outcomes),
        "files": sum(o.files for o in outcomes),
        "agree": sum(o.agrees for o in outcomes),
        "errors": sum(o.error is not None for o in outcomes),
        "false_pass": sum(o.false_pass for o in outcomes),
        "verdict_disagreements": sum(o.verdict != o.expected_verdict for o in outcomes),
        "missing_disagreements": sum(not set(o.expected_missing) <= set(o.missing) for o in outcomes),
        "extracted_files": extracted,
        "seconds_per_extracted_file": round(seconds / extracted, 3) if extracted else None,
    }
