"""Situation guidance: next questions, defaults assumed, the personalised material list."""

from __future__ import annotations

from pathlib import Path

import pytest

from prereview.errors import InvalidAnswer
from prereview.guide import guide
from prereview.review import load_items

REVIEW_POINTS = Path(__file__).resolve().parents[2] / "review_points"


@pytest.fixture(scope="module")
def items():
    return load_items(REVIEW_POINTS)


def test_by_agent_lists_the_power_of_attorney_and_the_agents_id_card(items):
    item = items["individual_business_registration"]
    with_agent = guide(item, {"by_agent": "true"})
    assert {"power_of_attorney", "agent_id_card"} <= set(with_agent.slots())
    alone = guide(item, {"by_agent": "false"})
    assert "power_of_attorney" not in alone.slots() and "agent_id_card" not in alone.slots()
    assert {"application_form", "operator_id_card", "premises_proof"} <= set(alone.slots())


def test_unanswered_questions_are_asked_and_their_defaults_assumed(items):
    item = items["individual_business_registration"]
    first = guide(item, {})
    assert [q.key for q in first.questions] == ["by_agent", "composition"]
    assert first.assumed == {"by_agent": False, "composition": "individual"} and not first.complete
    done = guide(item, {"by_agent": False, "composition": "individual"})
    assert done.complete and done.assumed == {} and done.situation.id == "individual_self"


def test_visible_if_reveals_a_follow_up_question(items):
    item = items["individual_business_registration"]
    family = guide(item, {"by_agent": "false", "composition": "family"})
    assert [q.key for q in family.questions] == ["family_same_household"]
    assert "household_register" in family.slots()
    apart = guide(item, {"by_agent": "false", "composition": "family", "family_same_household": "false"})
    assert (
        apart.complete
        and "family_relation_proof" in apart.slots()
        and "household_register" not in apart.slots()
    )
    deferred = next(m for m in apart.materials if m.slot == "family_relation_proof")
    assert deferred.deferrable and deferred.necessity == "容缺后补"


def test_exempt_materials_carry_their_reason(items):
    materials = {m.slot: m for m in guide(items["food_license_cancellation"], {}).materials}
    assert materials["business_license"].exempt and "免于提交" in materials["business_license"].exempt
    assert materials["application_form"].exempt and "电子印章" in materials["application_form"].exempt
    assert materials["food_business_license"].exempt is None and materials["food_business_license"].required


def test_to_dict_is_the_api_shape(items):
    out = guide(items["public_place_hygiene_license"], {"application_type": "change"}).to_dict()
    assert [q["key"] for q in out["questions"]] == [
        "entity_kind",
        "by_agent",
        "hygiene_commitment",
    ]  # central_ac is hidden
    assert all({"slot", "name", "required", "exempt"} <= set(m) for m in out["materials"])
    assert "site_plans" not in [m["slot"] for m in out["materials"]]


def test_invalid_answer_is_refused(items):
    with pytest.raises(InvalidAnswer):
        guide(items["birth_registration"], {"child_order": "7"})
    assert guide(items["birth_registration"], {"child_order": "2"}).situation.answers["child_order"] == 2
