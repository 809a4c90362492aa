"""``prereview review`` and ``prereview items`` on the committed sample package (real OCR)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from prereview.cli.main import main

SAMPLE = next((Path(__file__).resolve().parents[2] / "datasets" / "samples" / "packages").iterdir())


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    folder = tmp_path / "package"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.chdir(folder)
    return json.loads((folder / "package.json").read_text(encoding="utf-8"))


def test_review_json_follows_the_contract(package: dict, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", *package["review_args"], "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {
        "version",
        "as_of",
        "item",
        "situation",
        "verdict",
        "instant_approval",
        "special_procedures",
        "materials",
        "points",
        "missing_materials",
    }
    assert result["item"] == package["item"] and result["as_of"] == package["as_of"]
    assert result["verdict"] == package["expected_verdict"]
    assert result["instant_approval"]["eligible"] is False  # no authoritative source is connected
    assert {m["slot"] for m in result["materials"]} == {f["slot"] for f in package["files"]}


def test_review_table_for_people(package: dict, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", *package["review_args"]]) == 0
    out = capsys.readouterr().out
    assert "审查要点" in out and "结论" in out and "not_applicable" in out


def test_unreadable_file_is_a_failed_material(
    package: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not an image at all")
    args = [a for a in package["review_args"] if not a.startswith("premises_proof=")]
    assert main(["review", *args, f"premises_proof={junk}", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    failed = [m for m in result["materials"] if m["file"] == "junk.jpg"]
    assert failed and failed[0]["status"] == "fail"
    assert result["verdict"] == "needs_correction"


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--item", "no_such_item", "x.jpg"], "未知事项"),
        (["--item", "unemployment_registration", "--answer", "colour=blue", "x.jpg"], "colour"),
    ],
)
def test_bad_usage_exits_2(args: list[str], reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("prereview:") and reason in err and len(err.strip().splitlines()) == 1


def test_items_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["items", "--json"]) == 0
    items = {item["id"]: item for item in json.loads(capsys.readouterr().out)["items"]}
    assert {
        "individual_business_registration",
        "food_license_cancellation",
        "unemployment_registration",
        "resident_pension_enrollment",
        "elderly_allowance",
        "public_place_hygiene_license",
        "birth_registration",
    } <= set(items)
    for item in items.values():
        assert {"id", "name", "measures", "questions", "slots"} <= set(item)
        for slot in item["slots"]:
            assert {"id", "name", "material_types", "required", "when"} <= set(slot)
