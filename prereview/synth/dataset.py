"""Generate a labelled dataset folder from a recipe: ``files/``, ``labels.jsonl``, ``manifest.json``.

Deterministic: every sample's choices and content come from ``derive_seed(seed, index, ...)``, so the same
seed gives byte-identical labels and files, whatever the number of worker processes.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from prereview.synth.capture import VARIANTS
from prereview.synth.content import make_facts
from prereview.synth.fonts import VALUE_FONTS
from prereview.synth.labels import LABELS_FILE, MANIFEST_FILE, SampleLabel, dumps, write_manifest
from prereview.synth.recipes import Recipe
from prereview.synth.render import LAYOUTS, applicable_defects
from prereview.synth.sample import DIGITAL, FileSpec, make_file

GENERATOR = "prereview-synth 1"
MULTI_PAGE = frozenset({"lease_contract"})
# Variants whose output is a photo (saved as JPEG) and variants that make sense for every page of a PDF.
PHOTO_VARIANTS = frozenset({"phone_photo", "glare", "cut_off", "low_resolution", "heavy_blur"})
MULTI_PAGE_VARIANTS = ("clean_scan", "photocopy", "rotated_90", "rotated_180", "heavy_blur")

Progress = Callable[[int, int], None]


def derive_seed(*parts: object) -> int:
    """A 63-bit seed from any parts (stable across runs and machines, unlike ``hash``).

    >>> derive_seed(1, 0) == derive_seed(1, 0) != derive_seed(1, 1)
    True
    """
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@dataclass(frozen=True)
class PlannedSample:
    """One row of the plan: the file spec, plus whether to print a material defect (chosen per facts)."""

    sample_id: str
    spec: FileSpec
    with_defect: bool


def _weighted(rng: random.Random, weights: dict[str, float], default: list[str]) -> str:
    if not weights:
        return rng.choice(default)
    names = sorted(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def _capture_and_kind(rng: random.Random, recipe: Recipe, material_type: str) -> tuple[str, str]:
    if material_type in MULTI_PAGE:
        if rng.random() < recipe.text_pdf_share:
            return DIGITAL, "pdf"
        allowed = {k: w for k, w in recipe.captures.items() if k in MULTI_PAGE_VARIANTS}
        return _weighted(rng, allowed, list(MULTI_PAGE_VARIANTS)), "pdf"
    capture = _weighted(rng, recipe.captures, sorted(VARIANTS))
    if capture in PHOTO_VARIANTS:
        return capture, "jpeg"
    if rng.random() < recipe.pdf_share:
        return capture, "pdf"
    return capture, "png" if rng.random() < recipe.png_share else "jpeg"


def plan_dataset(recipe: Recipe, *, n: int, seed: int, types: list[str] | None = None) -> list[PlannedSample]:
    """The ``n`` samples a recipe makes with ``seed``; ``types`` narrows the material types."""
    weights = {
        t: w for t, w in (recipe.types or dict.fromkeys(LAYOUTS, 1.0)).items() if not types or t in types
    }
    if not weights:
        raise ValueError(f"no material type left: --types {types} ∩ recipe {sorted(recipe.types)} is empty")
    plan = []
    for index in range(n):
        rng = random.Random(derive_seed(seed, index, "plan"))
        material_type = _weighted(rng, weights, [])
        layout = rng.choice(recipe.layouts.get(material_type) or LAYOUTS[material_type])
        font = rng.choice(recipe.fonts or list(VALUE_FONTS))
        capture, kind = _capture_and_kind(rng, recipe, material_type)
        spec = FileSpec(material_type, capture, kind, derive_seed(seed, index), layout, font)
        plan.append(PlannedSample(f"{index:06d}", spec, rng.random() < recipe.defect_share))
    return plan


def make_sample(planned: PlannedSample, recipe: Recipe) -> tuple[str, bytes, SampleLabel]:
    """Make one planned sample: its file name (under ``files/``), bytes and label."""
    spec = planned.spec
    facts = make_facts(spec.material_type, random.Random(derive_seed(spec.seed, "facts")), as_of=recipe.as_of)
    if planned.with_defect:
        defects = applicable_defects(spec.material_type, facts)
        if defects:
            chosen = random.Random(derive_seed(spec.seed, "defect")).choice(sorted(defects))
            spec = replace(spec, defects=(chosen,))
    made = make_file(spec, facts, sample_id=planned.sample_id, as_of=recipe.as_of)
    name = f"{planned.sample_id}_{spec.material_type}_{spec.capture}.{made.extension}"
    made.label.file = f"files/{name}"
    return name, made.data, made.label


def _make_for_pool(job: tuple[PlannedSample, Recipe]) -> tuple[str, bytes, SampleLabel]:
    return make_sample(*job)


def _results(
    plan: list[PlannedSample], recipe: Recipe, workers: int
) -> Iterator[tuple[str, bytes, SampleLabel]]:
    if workers <= 1:
        for planned in plan:
            yield make_sample(planned, recipe)
        return
    with get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(_make_for_pool, [(p, recipe) for p in plan], chunksize=2)


def _prepare(out_dir: Path) -> Path:
    """An empty ``files/`` folder in ``out_dir``; refuses to overwrite a folder that is not a dataset."""
    out_dir.mkdir(parents=True, exist_ok=True)
    leftovers = [
        p.name for p in out_dir.iterdir() if p.name not in {"files", ".ocr_cache", LABELS_FILE, MANIFEST_FILE}
    ]
    if leftovers:
        raise ValueError(
            f"{out_dir} holds other things ({', '.join(sorted(leftovers)[:5])}): "
            "choose an empty or dataset folder"
        )
    files_dir = out_dir / "files"
    if files_dir.exists():
        shutil.rmtree(files_dir)
    files_dir.mkdir()
    return files_dir


def generate_dataset(
    out_dir: Path,
    recipe: Recipe,
    *,
    n: int | None = None,
    seed: int | None = None,
    types: list[str] | None = None,
    workers: int = 1,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Write the dataset and return its manifest (also written as ``manifest.json``)."""
    n = recipe.n if n is None else n
    seed = recipe.seed if seed is None else seed
    plan = plan_dataset(recipe, n=n, seed=seed, types=types)
    files_dir = _prepare(out_dir)
    counts: dict[str, Counter[str]] = {
        "material_type": Counter(),
        "capture": Counter(),
        "file_kind": Counter(),
        "usable": Counter(),
        "defects": Counter(),
    }
    with (out_dir / LABELS_FILE).open("w", encoding="utf-8", newline="\n") as labels:
        for done, (name, data, label) in enumerate(_results(plan, recipe, workers), start=1):
            (files_dir / name).write_bytes(data)
            labels.write(dumps(label) + "\n")
            _count(counts, label)
            if progress:
                progress(done, n)
    manifest = {
        "generator": GENERATOR,
        "recipe": recipe.name,
        "seed": seed,
        "n": n,
        "types": types or [],
        "as_of": recipe.as_of.isoformat(),
        "counts": {k: dict(sorted(c.items())) for k, c in counts.items()},
    }
    write_manifest(out_dir, manifest)
    return manifest


def _count(counts: dict[str, Counter[str]], label: SampleLabel) -> None:
    counts["material_type"][label.material_type] += 1
    counts["capture"][label.capture] += 1
    counts["file_kind"][label.file_kind] += 1
    counts["usable"][str(label.usable).lower()] += 1
    for defect in label.defects:
        counts["defects"][defect] += 1
