"""End to end: labelled application packages through the real pipeline and the review points.

One module-scoped run generates ≥100 packages (every defect kind in every item, fixed seed) and reviews
them all once with the real extraction pipeline (RapidOCR, quality, understanding, marks) and the
review points, the code path of ``prereview review``; the tests share that run. Everything lives in this
one module so that pytest-xdist ``--dist loadfile`` keeps it on one worker.

Golden files under ``tests/data/golden/`` are rewritten only with ``PREREVIEW_REGENERATE_GOLDEN=1``.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from prereview.review.packages_eval import (
    PackageOutcome,
    _Reviewer,
    evaluate_packages,
    format_table,
    summary,
)
from prereview.settings import Settings
from prereview.synth.package_writer import coverage, missing_coverage, write_packages

PACKAGES = 100
SEED = 20260
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
REGENERATE = os.environ.get("PREREVIEW_REGENERATE_GOLDEN") == "1"
QUALITY_CODES = {"glare", "cut_off", "blurry", "too_small"}
AGE_ITEMS = {"unemployment_registration", "resident_pension_enrollment", "elderly_allowance"}


class Run:
    def __init__(
        self, directory: Path, records: list[dict[str, Any]], outcomes: list[PackageOutcome]
    ) -> None:
        self.directory = directory
        self.records = {r["id"]: r for r in records}
        self.outcomes = outcomes

    def of(self, defect: str, item: str | None = None) -> list[PackageOutcome]:
        """Reviewed packages (an extraction fault is reported by the first test) of ``defect``."""
        return [o for o in self.outcomes if o.defect == defect and item in (None, o.item) and not o.error]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    directory = tmp_path_factory.mktemp("packages")
    start = time.perf_counter()
    records = write_packages(directory, PACKAGES, SEED)
    written = time.perf_counter() - start
    outcomes = evaluate_packages(directory, Settings(), workers=2)
    counts = summary(outcomes)
    print(f"\n{format_table(outcomes)}\n{counts}")
    print(f"written in {written:.0f} s, reviewed in {time.perf_counter() - start - written:.0f} s")
    return Run(directory, records, outcomes)


def _failing(outcome: PackageOutcome) -> list[dict[str, Any]]:
    return [p for p in outcome.review["points"] if p["status"] == "fail"]


def _file(run: Run, outcome: PackageOutcome, slot: str, material_type: str) -> str:
    entries = run.records[outcome.package]["files"]
    return next(e["file"] for e in entries if e["slot"] == slot and e["material_type"] == material_type)


def test_every_defect_of_every_item_is_reviewed(run: Run) -> None:
    assert len(run.outcomes) >= 100
    assert missing_coverage(coverage(list(run.records.values()))) == []
    errors = [(o.package, o.error) for o in run.outcomes if o.error]
    assert errors == []
    assert all(o.review["item"] == o.item for o in run.outcomes)


def test_packages_are_read_by_the_default_models_through_onnx_runtime(run: Run) -> None:
    """The default classifier is the consensus of the anchors and the learned ONNX model."""
    versions = {o.review["models"].get("extract", "") for o in run.outcomes}
    assert versions and all("understanding consensus+auto" in v for v in versions), versions


def test_no_defective_package_passes(run: Run) -> None:
    false_passes = [(o.package, o.item, o.defect) for o in run.outcomes if o.false_pass]
    print(f"false passes: {len(false_passes)} {false_passes}")
    assert len(false_passes) == 0


def _quality_false_alarm(run: Run, outcome: PackageOutcome) -> bool:
    """The only failures are image-quality findings on files the generator rendered usable."""
    usable = {e["file"] for e in run.records[outcome.package]["files"] if e["usable"]}
    failing = _failing(outcome)
    return bool(failing) and all(
        e["file"] in usable and e["box"] is None and e["field"] in QUALITY_CODES
        for p in failing
        for e in p["evidence"]
    )


def test_clean_packages_pass(run: Run) -> None:
    clean = run.of("clean")
    assert {o.item for o in clean} == {o.item for o in run.outcomes}
    passed = [o for o in clean if o.verdict == "pass"]
    alarms = [o for o in clean if o.verdict == "needs_correction" and _quality_false_alarm(run, o)]
    print(f"clean: {len(passed)} pass, quality false alarms: {[o.package for o in alarms]}")
    wrong = [(o.package, o.item, o.verdict) for o in clean if o not in passed and o not in alarms]
    assert wrong == []
    assert len(passed) >= len(clean) / 2
    for o in passed:
        assert o.review["missing_materials"] == []


def test_expired_id_card_names_the_id_card_point_with_its_box(run: Run) -> None:
    checked = 0
    for o in run.of("expired_id"):
        assert o.verdict == "needs_correction", o.package
        if _quality_false_alarm_on_any(o):
            continue  # an unusable-looking file stops its slot's field checks (reported by the clean test)
        checked += 1
        slot = run.records[o.package]["expected_findings"][0]["slot"]
        back = _file(run, o, slot, "id_card_back")
        evidence = [
            e for p in _failing(o) for e in p["evidence"] if e["file"] == back and e["field"] == "valid_to"
        ]
        assert evidence and all(e["box"] and e["box"][2] > e["box"][0] for e in evidence), o.package
        assert any("过期" in p["message"] for p in _failing(o))
    assert checked >= 3


def _quality_false_alarm_on_any(outcome: PackageOutcome) -> bool:
    return any(
        e["box"] is None and e["field"] in QUALITY_CODES for p in _failing(outcome) for e in p["evidence"]
    )


def test_unsigned_form_needs_correction(run: Run) -> None:
    for o in run.of("unsigned_form"):
        assert o.verdict == "needs_correction", o.package
        assert any("未签名" in p["message"] for p in _failing(o)), o.package


def test_name_mismatch_names_both_documents(run: Run) -> None:
    for o in run.of("name_mismatch"):
        assert o.verdict == "needs_correction", o.package
        form = _file(run, o, "application_form", "application_form")
        both = [
            p
            for p in _failing(o)
            if form in {e["file"] for e in p["evidence"]} and len({e["file"] for e in p["evidence"]}) >= 2
        ]
        assert both, o.package


def test_missing_material_is_listed(run: Run) -> None:
    for o in run.of("missing_material"):
        assert o.verdict == "needs_correction", o.package
        assert set(o.expected_missing) <= set(o.missing) and o.expected_missing, o.package


def test_age_condition_failure_is_a_reject(run: Run) -> None:
    failing = run.of("age_condition")
    assert {o.item for o in failing} == AGE_ITEMS
    for o in failing:
        assert o.verdict == "reject", o.package
        assert any(p["kind"] == "condition" for p in _failing(o))


def test_hygiene_license_lists_site_inspection_and_is_never_instant(run: Run) -> None:
    hygiene = [o for o in run.outcomes if o.item == "public_place_hygiene_license" and not o.error]
    assert hygiene
    for o in hygiene:
        assert {"id": "P1", "name": "现场审查"} in o.review["special_procedures"]
        assert o.review["instant_approval"]["eligible"] is False


def test_other_defects_never_pass(run: Run) -> None:
    for defect in ("wrong_material", "wrong_check_char", "sex_birth_mismatch", "unusable_photo"):
        for o in run.of(defect):
            assert o.verdict in ("needs_correction", "manual_review"), (o.package, defect, o.verdict)


# --- golden files -------------------------------------------------------------------------------------


def _golden_view(outcome: PackageOutcome) -> dict[str, Any]:
    """What a golden file pins: verdict, missing materials and every point's id and status."""
    review = outcome.review
    return {
        "item": outcome.item,
        "defect": outcome.defect,
        "verdict": review["verdict"],
        "missing_materials": review["missing_materials"],
        "special_procedures": review["special_procedures"],
        "points": {p["id"]: p["status"] for p in review["points"]},
    }


GOLDEN_CASES = (
    ("individual_business_registration", "expired_id"),
    ("unemployment_registration", "age_condition"),
    ("birth_registration", "missing_material"),
    ("public_place_hygiene_license", "unsigned_form"),
)


@pytest.mark.parametrize(("item", "defect"), GOLDEN_CASES)
def test_golden_verdicts(run: Run, item: str, defect: str) -> None:
    outcome = run.of(defect, item)[0]
    path = GOLDEN / f"{item}__{defect}.json"
    view = _golden_view(outcome)
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(view, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"{path} missing: run once with PREREVIEW_REGENERATE_GOLDEN=1"
    assert view == json.loads(path.read_text(encoding="utf-8"))


def test_golden_regeneration_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not REGENERATE, "PREREVIEW_REGENERATE_GOLDEN must not be set in CI"
    assert (os.environ.get("PREREVIEW_REGENERATE_GOLDEN") == "1") is REGENERATE


# --- perturbations: a clean package whose key field is made unreadable never passes -------------------


@pytest.fixture(scope="module")
def reviewer() -> _Reviewer:
    return _Reviewer(Settings())


def _clean_passing(run: Run, item: str | None = None) -> PackageOutcome:
    candidates = [o for o in run.of("clean", item) if o.verdict == "pass"] or [
        o for o in run.of("clean") if o.verdict == "pass"
    ]
    assert candidates, "no clean package passed: see test_clean_packages_pass"
    return candidates[0]


def _front_label(folder: Path) -> tuple[str, dict[str, Any]]:
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        if label["material_type"] == "id_card_front":
            return label["file"], label
    raise AssertionError(f"{folder}: no id_card_front")


def test_low_confidence_id_number_goes_to_manual(run: Run, reviewer: _Reviewer) -> None:
    outcome = _clean_passing(run, "unemployment_registration")
    folder = run.directory / outcome.package
    assert reviewer.review_package(folder).verdict == "pass"
    front, _ = _front_label(folder)
    key = next(k for k, v in reviewer.cache.items() if not isinstance(v, str) and v.document.name == front)
    original = reviewer.cache[key]
    assert not isinstance(original, str)
    fields = dict(original.fields)
    fields["id_number"] = replace(fields["id_number"], confidence=0.5)
    reviewer.cache[key] = replace(original, fields=fields)
    try:
        perturbed = reviewer.review_package(folder)
    finally:
        reviewer.cache[key] = original
    assert perturbed.verdict == "manual_review", [(p["id"], p["status"]) for p in perturbed.review["points"]]


@pytest.mark.parametrize("how", ["occlude", "blur"])
def test_hidden_id_number_never_passes(run: Run, reviewer: _Reviewer, tmp_path: Path, how: str) -> None:
    outcome = _clean_passing(run, "resident_pension_enrollment")
    source = run.directory / outcome.package
    folder = tmp_path / outcome.package
    folder.mkdir()
    for path in source.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    front, label = _front_label(folder)
    page = label["pages"][0]
    box = label["fields"]["id_number"]["box"]
    image = cv2.imread(str(folder / front))
    scale_x, scale_y = image.shape[1] / page["width"], image.shape[0] / page["height"]
    x0, y0, x1, y1 = (
        int(box[0] * scale_x),
        int(box[1] * scale_y),
        int(box[2] * scale_x),
        int(box[3] * scale_y),
    )
    region = image[max(0, y0 - 4) : y1 + 4, max(0, x0 - 4) : x1 + 4]
    if how == "occlude":
        region[:] = np.median(image.reshape(-1, 3), axis=0).astype(np.uint8)
    else:
        region[:] = cv2.GaussianBlur(region, (0, 0), sigmaX=9)
    assert cv2.imwrite(str(folder / front), image)
    perturbed = reviewer.review_package(folder)
    assert perturbed.verdict in ("manual_review", "needs_correction"), perturbed.verdict
    assert perturbed.verdict != "pass"
    statuses = {p["id"]: p["status"] for p in perturbed.review["points"]}
    assert statuses["M2"] != "pass" or statuses["F1"] != "pass", statuses


def test_outcome_replace_keeps_false_pass_definition() -> None:
    base = PackageOutcome("p", "x", "expired_id", "needs_correction", "pass", [], [])
    assert base.false_pass and not base.agrees
    assert not replace(base, defect="clean", expected_verdict="pass").false_pass
