"""Every review-points file loads; a broken file is refused with the file, the point and the expectation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from prereview.errors import ReviewPointsError
from prereview.review import items_json, load_item, load_items
from prereview.review.expressions import CelExpression
from prereview.review.point_schema import POINT_KINDS
from prereview.review.schema import SCHEMA_PATH, json_schema

REVIEW_POINTS = Path(__file__).resolve().parents[2] / "review_points"
CONTRACT_ITEMS = {
    "individual_business_registration",
    "food_license_cancellation",
    "unemployment_registration",
    "resident_pension_enrollment",
    "elderly_allowance",
    "public_place_hygiene_license",
    "birth_registration",
}


def test_the_contract_items_load(items):
    assert set(items) >= CONTRACT_ITEMS
    for item in items.values():
        assert item.sha256 and len(item.sha256) == 64
        assert item.source.endswith(f"{item.id}.yaml")


def test_every_item_compiles_its_expressions_at_load(items):
    expressions = [q.visible_if for i in items.values() for q in i.questions if q.visible_if]
    expressions += [s.when for i in items.values() for s in i.materials if s.when]
    assert expressions and all(isinstance(e, CelExpression) for e in expressions)


def test_the_items_use_every_point_kind(items):
    kinds = {p.kind for i in items.values() for p in i.points}
    assert kinds == set(POINT_KINDS)


def test_schema_json_is_current():
    on_disk = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(json_schema(), ensure_ascii=False)), (
        "review_points/schema.json is stale: run python -c 'from prereview.review import write_json_schema; "
        "write_json_schema()'"
    )


def test_items_json_has_the_contract_shape(items):
    out = items_json(items)
    entry = next(i for i in out["items"] if i["id"] == "individual_business_registration")
    assert {"id", "name", "measures", "questions", "slots"} <= set(entry)
    question = next(q for q in entry["questions"] if q["key"] == "by_agent")
    assert question["default"] is False and {o["value"] for o in question["options"]} == {True, False}
    slot = next(s for s in entry["slots"] if s["id"] == "power_of_attorney")
    assert slot["when"] == "answers.by_agent" and slot["material_types"] == ["power_of_attorney"]
    assert slot["required"] is True
    json.dumps(out, ensure_ascii=False)  # serialisable


def _broken(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((REVIEW_POINTS / "food_license_cancellation.yaml").read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "food_license_cancellation.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _point(data, point_id):
    return next(p for p in data["points"] if p["id"] == point_id)


def test_unknown_kind_names_file_point_and_known_kinds(tmp_path):
    path = _broken(tmp_path, lambda d: _point(d, "M3").update(kind="feild_present"))
    with pytest.raises(ReviewPointsError) as caught:
        load_item(path)
    text = str(caught.value)
    assert f"{path}: point M3 has unknown kind 'feild_present'; known kinds:" in text
    assert "condition" in text and "special_procedure" in text


def test_cel_syntax_error_is_refused_with_the_point(tmp_path):
    path = _broken(
        tmp_path, lambda d: _point(d, "M2")["checks"][1].update(expr="fields.license_number.matches(")
    )
    with pytest.raises(ReviewPointsError, match=r"point M2 .*invalid CEL expression"):
        load_item(path)


def test_unknown_answer_in_an_expression_is_refused(tmp_path):
    path = _broken(tmp_path, lambda d: d["materials"][3].update(when="answers.by_agnt"))
    with pytest.raises(ReviewPointsError, match=r"unknown answer 'by_agnt'; known: by_agent"):
        load_item(path)


def test_unknown_check_and_unknown_key_and_missing_key(tmp_path):
    path = _broken(tmp_path, lambda d: _point(d, "F1")["checks"].append({"check": "is_pretty"}))
    with pytest.raises(
        ReviewPointsError, match=r"point F1 check 9 has unknown check 'is_pretty'; known checks:"
    ):
        load_item(path)
    path = _broken(tmp_path, lambda d: _point(d, "M3").update(slott="x"))
    with pytest.raises(ReviewPointsError, match=r"point M3: unknown key 'slott'"):
        load_item(path)
    path = _broken(tmp_path, lambda d: _point(d, "M3").pop("slot"))
    with pytest.raises(ReviewPointsError, match=r"point M3: missing 'slot'"):
        load_item(path)


def test_cross_references_are_checked(tmp_path):
    path = _broken(tmp_path, lambda d: _point(d, "M3").update(slot="nowhere"))
    with pytest.raises(ReviewPointsError, match=r"point M3 refers to unknown slot 'nowhere'"):
        load_item(path)
    path = _broken(tmp_path, lambda d: _point(d, "F1")["checks"][0]["fields"].append("favourite_colour"))
    with pytest.raises(ReviewPointsError, match=r"unknown field 'favourite_colour'"):
        load_item(path)
    path = _broken(tmp_path, lambda d: d["questions"][0].update(default="maybe"))
    with pytest.raises(ReviewPointsError, match=r"question by_agent: default 'maybe' is not one of"):
        load_item(path)


def test_yaml_syntax_error_and_wrong_file_name(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("id: x\npoints: [\n", encoding="utf-8")
    with pytest.raises(ReviewPointsError, match=r"x\.yaml: YAML syntax error"):
        load_item(bad)
    renamed = tmp_path / "other.yaml"
    renamed.write_text(
        (REVIEW_POINTS / "food_license_cancellation.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(ReviewPointsError, match="must equal the file name 'other'"):
        load_item(renamed)


def test_missing_directory_is_refused(tmp_path):
    with pytest.raises(ReviewPointsError, match="not found"):
        load_items(tmp_path / "nope")
