"""The worked example in review_points/README.md loads and behaves as the README says."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from prereview.errors import ReviewPointsError
from prereview.guide import guide
from prereview.review import load_item, review
from tests.review.factories import fld, form, id_back, id_front

README = Path(__file__).resolve().parents[2] / "review_points" / "README.md"


@pytest.fixture(scope="module")
def example_text() -> str:
    return re.search(
        r"```yaml\n(id: certificate_reissue.*?)```", README.read_text(encoding="utf-8"), re.S
    ).group(1)


@pytest.fixture
def example(tmp_path, example_text):
    path = tmp_path / "certificate_reissue.yaml"
    path.write_text(example_text, encoding="utf-8")
    return load_item(path)


def test_guide_as_described(example):
    assert guide(example, {}).slots() == ["application_form", "id_card"]
    assert guide(example, {"by_agent": "true"}).slots() == [
        "application_form",
        "id_card",
        "power_of_attorney",
        "agent_id_card",
    ]


def test_verdicts_as_described(example):
    day = dt.date(2026, 1, 10)
    adult = ("张三", "110105199003152338")
    expired = review(
        example,
        {},
        [form("f.jpg", *adult), id_front("a.jpg", *adult), id_back("b.jpg", "2014-05-01", "2024-05-01")],
        day,
    )
    assert expired.verdict == "needs_correction" and expired.point("M2").status == "fail"
    assert "已过期（有效期限截止日期：2024-05-01）" in expired.point("M2").message
    minor = ("李小", "110105201001010037")
    rejected = review(example, {}, [form("f.jpg", *minor), id_front("a.jpg", *minor), id_back("b.jpg")], day)
    assert rejected.point("C1").status == "fail" and rejected.verdict == "reject"
    doubtful = review(
        example,
        {},
        [form("f.jpg", *minor), id_front("a.jpg", *minor, id_number=fld(minor[1], 0.6)), id_back("b.jpg")],
        day,
    )
    assert doubtful.point("C1").status == "manual"
    good = [form("f.jpg", *adult), id_front("a.jpg", *adult), id_back("b.jpg", "2016-05-01", "2036-05-01")]
    assert review(example, {}, good, day).verdict == "pass"
    verified = review(example, {}, good, day, verified_by={"applicant_identity": "公安人口库"})
    assert verified.instant_approval.eligible


def test_the_error_messages_shown_are_real(tmp_path, example_text):
    for wrong, shown in [
        ("  - {id: M1, kind: material,", "  - {id: M1, kind: feild_present,"),
    ]:
        path = tmp_path / "certificate_reissue.yaml"
        path.write_text(example_text.replace(wrong, shown), encoding="utf-8")
        with pytest.raises(
            ReviewPointsError,
            match="point M1 has unknown kind 'feild_present'; known kinds: "
            "condition, form, material, situation, special_procedure",
        ):
            load_item(path)
    path.write_text(
        example_text.replace('fields.matters.matches("补发")', "fields.matters.matches("), "utf-8"
    )
    with pytest.raises(ReviewPointsError, match=r"point M3 check 3 expr: invalid CEL expression"):
        load_item(path)
    path.write_text(
        example_text.replace(
            "when: answers.by_agent\n  - id: agent_id_card", "when: answers.by_agnt\n  - id: agent_id_card"
        ),
        "utf-8",
    )
    with pytest.raises(
        ReviewPointsError,
        match=r"material power_of_attorney: expression 'answers\.by_agnt' uses "
        r"unknown answer 'by_agnt'; known: by_agent",
    ):
        load_item(path)
