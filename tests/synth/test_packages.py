"""Labelled application packages: coverage of every defect in every item, and files that carry the defect."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from stdnum.cn import ric

from prereview.synth.cli import add_synth_parser, run_synth
from prereview.synth.content.dates import age_on
from prereview.synth.labels import SampleLabel
from prereview.synth.package_builder import plan_package
from prereview.synth.package_writer import (
    coverage,
    format_coverage,
    missing_coverage,
    plan_packages,
    read_packages,
    write_package,
)
from prereview.synth.packages import (
    DEFECT_KINDS,
    EXPECTED_VERDICT,
    ITEMS,
    PackagePlan,
    applicable_defects,
)

CONTRACT_ITEMS = {
    "individual_business_registration",
    "food_license_cancellation",
    "unemployment_registration",
    "resident_pension_enrollment",
    "elderly_allowance",
    "public_place_hygiene_license",
    "birth_registration",
}


@pytest.fixture(scope="module")
def plans() -> list[PackagePlan]:
    return plan_packages(120, seed=1)


def test_at_least_100_packages_cover_every_defect_in_every_item(plans: list[PackagePlan]) -> None:
    assert set(ITEMS) == CONTRACT_ITEMS
    records = [{"item": p.item, "defects": [] if p.defect == "clean" else [p.defect]} for p in plans]
    table = coverage(records)
    assert missing_coverage(table) == []
    assert sum(sum(c.values()) for c in table.values()) == 120
    for item in ITEMS.values():
        for defect in applicable_defects(item):
            assert table[item.id][defect] >= 1
    # age conditions exist only where CONTRACT.md states one
    assert {i.id for i in ITEMS.values() if "age_condition" in applicable_defects(i)} == {
        "unemployment_registration",
        "resident_pension_enrollment",
        "elderly_allowance",
    }
    text = format_coverage(table)
    assert "elderly_allowance" in text and "age_condition" in text.splitlines()[0]


def test_expected_verdicts_follow_contract_precedence(plans: list[PackagePlan]) -> None:
    assert set(EXPECTED_VERDICT) == set(DEFECT_KINDS)
    for plan in plans:
        assert plan.expected_verdict == EXPECTED_VERDICT[plan.defect]
        assert (plan.missing_materials != []) <= (plan.defect in ("missing_material", "wrong_material"))
        assert (plan.missing_materials != []) >= (plan.defect == "missing_material")
        assert (plan.findings == []) == (plan.defect == "clean")
    verdicts = Counter(p.expected_verdict for p in plans)
    assert set(verdicts) == {"pass", "needs_correction", "manual_review", "reject"}


def _slots(plan: PackagePlan) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for planned in plan.files:
        out.setdefault(planned.slot, []).append(planned.material_type)
    return out


def test_clean_packages_hold_every_required_slot(plans: list[PackagePlan]) -> None:
    for plan in (p for p in plans if p.defect == "clean"):
        slots = _slots(plan)
        by_agent = plan.answers.get("by_agent") == "true"
        for slot in ITEMS[plan.item].slots:
            if slot.agent_only and not by_agent:
                assert slot.id not in slots
                continue
            assert sorted(slots[slot.id]) in [sorted(a) for a in slot.alternatives], (plan.item, slot.id)


def test_missing_and_wrong_materials(plans: list[PackagePlan]) -> None:
    for plan in plans:
        slots = _slots(plan)
        if plan.defect == "missing_material":
            assert plan.missing_materials[0] not in slots
        if plan.defect == "wrong_material":
            slot = next(s for s in ITEMS[plan.item].slots if s.id == plan.findings[0]["slot"])
            assert not set(slots[slot.id]) & slot.material_types
            assert plan.missing_materials in ([], [slot.id])


def test_age_condition_applicants_fail_the_condition(plans: list[PackagePlan]) -> None:
    for plan in plans:
        form = next(f for f in plan.files if f.slot == "application_form")
        age = age_on(form.facts["person"].birth_date, plan.as_of)
        if plan.defect == "age_condition":
            if plan.item == "elderly_allowance":
                assert age < 80
            else:
                assert age < 16 or (plan.item == "unemployment_registration" and age >= 66)
        elif plan.item == "elderly_allowance":
            assert age >= 80
        else:
            assert 16 <= age <= 58


def _labels(folder: Path) -> list[SampleLabel]:
    lines = (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [SampleLabel.from_dict(json.loads(line)) for line in lines]


def _written(tmp_path: Path, item: str, defect: str, seed: int = 11) -> tuple[dict, list[SampleLabel]]:
    record = write_package(tmp_path, plan_package(f"t-{defect}", item, defect, seed))
    folder = tmp_path / record["id"]
    for entry in record["files"]:
        assert (folder / entry["file"]).stat().st_size > 0
    return record, _labels(folder)


def _label(labels: list[SampleLabel], slot_file_prefix: str, material_type: str) -> SampleLabel:
    return next(lab for lab in labels if lab.material_type == material_type and slot_file_prefix in lab.file)


def test_written_package_record(tmp_path: Path) -> None:
    record, labels = _written(tmp_path, "individual_business_registration", "clean")
    assert record["format"] == "prereview-synth-package/1"
    assert record["expected_verdict"] == "pass" and record["defects"] == []
    assert record["expected_missing_materials"] == []
    assert date.fromisoformat(record["as_of"])
    assert len(labels) == len(record["files"])
    assert {e["slot"] for e in record["files"]} >= {"application_form", "operator_id_card", "premises_proof"}
    assert all(e["usable"] for e in record["files"])
    front = _label(labels, "operator_id_card", "id_card_front")
    form = _label(labels, "application_form", "application_form")
    assert form.fields["applicant_name"].value == front.fields["name"].value
    assert form.fields["applicant_id_number"].value == front.fields["id_number"].value
    assert form.fields["signed"].value is True
    assert record["review_args"][:2] == ["--item", "individual_business_registration"]


def test_written_defects_are_in_the_files(tmp_path: Path) -> None:
    item = "resident_pension_enrollment"
    _, labels = _written(tmp_path, item, "expired_id")
    back = _label(labels, "identity_proof", "id_card_back")
    assert back.fields["valid_to"].value < back.as_of

    _, labels = _written(tmp_path, item, "unsigned_form")
    assert _label(labels, "application_form", "application_form").fields["signed"].value is False

    _, labels = _written(tmp_path, item, "name_mismatch")
    form, front = (
        _label(labels, "application_form", "application_form"),
        _label(labels, "identity_proof", "id_card_front"),
    )
    assert form.fields["applicant_name"].value != front.fields["name"].value

    _, labels = _written(tmp_path, item, "wrong_check_char")
    number = _label(labels, "identity_proof", "id_card_front").fields["id_number"].value
    assert not ric.is_valid(number) and ric.is_valid(number[:-1] + ric.calc_check_digit(number))

    _, labels = _written(tmp_path, item, "sex_birth_mismatch")
    front = _label(labels, "identity_proof", "id_card_front")
    number = front.fields["id_number"].value
    assert ric.is_valid(number)
    sex_from_number = "男" if int(number[16]) % 2 else "女"
    birth_from_number = ric.get_birth_date(number).isoformat()
    assert (front.fields["sex"].value, front.fields["birth_date"].value) != (
        sex_from_number,
        birth_from_number,
    )

    record, labels = _written(tmp_path, item, "unusable_photo")
    front_entry = next(e for e in record["files"] if e["material_type"] == "id_card_front")
    assert not front_entry["usable"] and front_entry["quality_issues"] == [
        record["expected_findings"][0]["code"]
    ]


def test_cli_packages_and_coverage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_synth_parser(parser.add_subparsers(dest="command"))
    assert (
        run_synth(parser.parse_args(["synth", "--packages", "2", "--out", str(tmp_path), "--seed", "3"])) == 0
    )
    out = capsys.readouterr()
    assert "individual_business_registration" in out.out and "not covered" in out.err
    assert len(read_packages(tmp_path)) == 2
    assert run_synth(parser.parse_args(["synth", "--coverage", str(tmp_path)])) == 0
    table = capsys.readouterr().out.splitlines()
    row = next(line for line in table if line.startswith("individual_business_registration"))
    assert row.split()[1:3] == ["1", "1"] and row.split()[-1] == "2"
    assert run_synth(parser.parse_args(["synth", "--coverage", str(tmp_path / "none")])) == 2
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert run_synth(parser.parse_args(["synth", "--packages", "1", "--out", str(tmp_path)])) == 2
    assert (tmp_path / "notes.txt").exists() and len(read_packages(tmp_path)) == 2


def test_same_seed_writes_the_same_package(tmp_path: Path) -> None:
    first = write_package(tmp_path / "a", plan_package("p", "birth_registration", "wrong_material", 5))
    second = write_package(tmp_path / "b", plan_package("p", "birth_registration", "wrong_material", 5))
    assert first == second
    for entry in first["files"]:
        assert (tmp_path / "a" / "p" / entry["file"]).read_bytes() == (
            tmp_path / "b" / "p" / entry["file"]
        ).read_bytes()
    slots = {"spouse_1_id_card", "spouse_2_id_card", "marriage_certificate"}
    assert first["expected_findings"][0]["slot"] in slots
