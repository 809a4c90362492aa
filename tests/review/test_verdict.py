"""The rules unit suite: typed extraction results in, verdicts out, precedence as CONTRACT.md says."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from prereview.document import Check, QualityIssue
from prereview.errors import InvalidAnswer
from prereview.review import MaterialPart, MaterialResult, review
from tests.review.factories import (
    ALICE,
    LI_SI,
    ZHANG_SAN,
    blurry,
    fields,
    fld,
    form,
    id_back,
    id_front,
    lease,
)

AS_OF = dt.date(2026, 1, 10)
ALL_FACTS = {"applicant_identity": "公安人口库", "premises": "不动产登记信息"}


def business_application(name=ZHANG_SAN[0], number=ZHANG_SAN[1], **front):
    return [
        form(
            "form.jpg",
            name,
            number,
            business_scope="餐饮服务",
            business_address="北京市朝阳区建国路88号1层101室",
        ),
        id_front("front.jpg", name, number, **front),
        id_back("back.jpg", "2016-05-01", "2036-05-01"),
        lease("lease.pdf", name),
    ]


def statuses(verdict):
    return {p.id: p.status for p in verdict.points}


def test_complete_application_passes_but_is_not_instant_without_a_source(items):
    verdict = review(items["individual_business_registration"], {}, business_application(), AS_OF)
    assert verdict.verdict == "pass", [
        (p.id, p.status, p.message) for p in verdict.points if p.status != "pass"
    ]
    assert verdict.missing_materials == []
    assert {m.slot for m in verdict.materials} == {"application_form", "operator_id_card", "premises_proof"}
    assert all(m.status == "pass" for m in verdict.materials)
    assert verdict.instant_approval.eligible is False
    assert any("权威数据源" in r for r in verdict.instant_approval.reasons)
    assert verdict.situation == {
        "answers": {"by_agent": False, "composition": "individual"},
        "assumed": {"by_agent": False, "composition": "individual"},
        "id": "individual_self",
    }


def test_instant_approval_needs_every_fact_verified(items):
    item = items["individual_business_registration"]
    partial = review(
        item, {}, business_application(), AS_OF, verified_by={"applicant_identity": "公安人口库"}
    )
    assert not partial.instant_approval.eligible
    assert any("经营场所信息" in r for r in partial.instant_approval.reasons)
    full = review(item, {}, business_application(), AS_OF, verified_by=ALL_FACTS)
    assert full.instant_approval.eligible and full.instant_approval.reasons == []
    assert full.instant_approval.verified_by == ALL_FACTS


def test_a_warn_keeps_pass_but_stops_instant_approval(items):
    materials = business_application()
    materials[2] = id_back("back.jpg", "2016-05-01", "2036-05-01")  # 26 at issue → 20 years: regular
    materials[0] = form(
        "form.jpg", *ZHANG_SAN, business_scope="餐饮服务", business_address="北京市朝阳区建国路"
    )
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF, verified_by=ALL_FACTS)
    assert verdict.verdict == "pass"
    assert statuses(verdict)["F1"] == "warn"
    assert "门牌号" in verdict.point("F1").message
    assert not verdict.instant_approval.eligible


def test_irregular_id_card_term_is_warn(items):
    materials = business_application()
    materials[2] = id_back("back.jpg", "2010-05-01", "2030-05-01")  # 20 at issue → 10 years expected
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    point = verdict.point("M2")
    assert point.status == "warn" and "2020-05-01" in point.message
    assert verdict.verdict == "pass"


def test_low_confidence_is_manual_never_pass(items):
    materials = business_application(id_number=fld(ZHANG_SAN[1], confidence=0.55, y=100))
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    assert statuses(verdict)["C1"] == "manual"
    assert statuses(verdict)["M2"] == "manual"
    assert "置信度" in verdict.point("M2").message
    assert verdict.verdict == "manual_review"


def test_a_lower_threshold_from_settings_lets_the_same_field_decide(items):
    materials = business_application(id_number=fld(ZHANG_SAN[1], confidence=0.55, y=100))
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF, min_confidence=0.5)
    assert statuses(verdict)["C1"] == "pass"


def test_repaired_field_is_manual(items):
    materials = business_application(id_number=fld(ZHANG_SAN[1], repaired=True, y=100))
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    assert statuses(verdict)["C1"] == "manual" and "修正" in verdict.point("C1").message
    assert verdict.verdict == "manual_review"


def unemployment(number, name="赵小明", back=("2022-03-01", "2027-03-01")):
    return [form("form.jpg", name, number), id_front("front.jpg", name, number), id_back("back.jpg", *back)]


def test_under_age_on_a_valid_confident_number_rejects(items):
    verdict = review(items["unemployment_registration"], {}, unemployment("110105201206010014"), AS_OF)
    condition = verdict.point("C1")
    assert condition.status == "fail" and "未满16周岁" in condition.message
    assert condition.evidence[0].field == "id_number" and condition.evidence[0].file == "front.jpg"
    assert verdict.verdict == "reject"


def test_under_age_on_a_failing_checksum_is_manual(items):
    verdict = review(items["unemployment_registration"], {}, unemployment("110105201206010015"), AS_OF)
    assert verdict.point("C1").status == "manual"
    assert verdict.verdict != "reject"


def test_retirement_transition_is_manual_and_clear_cases_decide(items):
    item = items["unemployment_registration"]
    in_window = review(item, {}, unemployment("110105196506010012", back=("2010-01-01", "长期")), AS_OF)
    assert in_window.point("C1").status == "manual" and "过渡期" in in_window.point("C1").message
    retired = review(item, {}, unemployment("110105194001010034", back=("2000-01-01", "长期")), AS_OF)
    assert retired.point("C1").status == "fail" and retired.verdict == "reject"
    working = review(item, {}, unemployment("110105197201010024", back=("2020-01-01", "长期")), AS_OF)
    assert working.point("C1").status == "manual"  # a woman of 54: job category decides 50 or 55


def test_expired_id_card_needs_correction_with_its_evidence_box(items):
    materials = business_application()
    materials[2] = id_back("back.jpg", "2006-05-01", "2016-05-01")
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    assert verdict.verdict == "needs_correction"
    point = verdict.point("M2")
    assert point.status == "fail" and "已过期" in point.message and "2016-05-01" in point.message
    evidence = point.to_dict()["evidence"][0]
    assert evidence["file"] == "back.jpg" and evidence["field"] == "valid_to" and len(evidence["box"]) == 4
    assert next(m for m in verdict.materials if m.file == "back.jpg").status == "fail"


def test_missing_material_is_listed(items):
    materials = business_application()[:3]
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    assert verdict.missing_materials == ["premises_proof"]
    assert verdict.point("M3").status == "fail" and "缺少" in verdict.point("M3").message
    assert verdict.verdict == "needs_correction"


def test_missing_back_side_is_incomplete(items):
    materials = [m for m in business_application() if m.file != "back.jpg"]
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    assert "operator_id_card" in verdict.missing_materials
    assert "国徽面" in verdict.point("M2").message


def test_hygiene_license_lists_its_special_procedure_and_is_never_instant(items):
    item = items["public_place_hygiene_license"]
    verified = {f.id: "源" for f in item.verification}
    verdict = review(item, {}, [], AS_OF, verified_by=verified)
    assert verdict.special_procedures == [{"id": "P1", "name": "现场审查"}]
    assert verdict.point("P1").status == "not_applicable"
    assert not verdict.instant_approval.eligible
    assert any("特别程序" in r for r in verdict.instant_approval.reasons)
    assert not item.allows_instant_approval


def test_declared_condition_passes_on_the_declaration(items):
    item = items["resident_pension_enrollment"]
    materials = [form("form.jpg", *ZHANG_SAN), id_front("front.jpg", *ZHANG_SAN), id_back("back.jpg")]
    verdict = review(item, {"not_student": "true"}, materials, AS_OF)
    point = verdict.point("C2")
    assert point.status == "pass" and point.evidence[0].value == "申请人承诺"
    assert "not_student" not in verdict.situation["assumed"]
    student = review(item, {"not_student": "false"}, materials, AS_OF)
    assert student.point("C2").status == "fail" and student.verdict == "reject"


def test_rare_character_and_dot_names_go_to_a_person(items):
    for name in ("王堃", "阿依古丽·买买提"):
        verdict = review(
            items["individual_business_registration"], {}, business_application(name=name), AS_OF
        )
        assert statuses(verdict)["F1"] == "manual", name
        assert verdict.verdict == "manual_review"


def test_mismatched_name_on_the_form_is_a_fixable_fail(items):
    materials = business_application()
    materials[0] = form(
        "form.jpg", "张山", ZHANG_SAN[1], business_scope="餐饮", business_address="建国路88号"
    )
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    point = verdict.point("F1")
    assert point.status == "fail" and "张山" in point.message and "张三" in point.message
    assert verdict.verdict == "needs_correction"


def test_residence_permit_and_15_digit_numbers_are_manual(items):
    for number in ("810000199003152336", "110105900315233"):
        verdict = review(items["unemployment_registration"], {}, unemployment(number), AS_OF)
        assert verdict.point("C1").status == "manual", number
        assert verdict.verdict in ("manual_review", "needs_correction")


def test_material_in_the_wrong_slot_fails(items):
    materials = business_application()
    materials[3] = MaterialResult(
        "lease.pdf", "lease_contract", 0.95, materials[3].fields, slot="operator_id_card"
    )
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    assert "被识别为房屋租赁合同" in verdict.point("M2").message
    assert verdict.point("M2").status == "fail"
    assert next(m for m in verdict.materials if m.file == "lease.pdf").slot == "operator_id_card"


def test_right_type_read_without_certainty_goes_to_a_person(items):
    sure = review(items["individual_business_registration"], {}, business_application(), AS_OF)
    materials = business_application()
    materials[3] = replace(materials[3], type_confidence=0.3)  # the classifiers disagreed on it
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    point = verdict.point("M3")
    assert sure.point("M3").status == "pass"
    assert point.status == "manual" and "lease.pdf" in point.message and "0.30" in point.message
    assert verdict.verdict == "manual_review" and not verdict.instant_approval.eligible


def test_blurry_photo_is_a_failing_material_with_the_fix(items):
    materials = business_application()
    materials[3] = blurry(materials[3])
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    point = verdict.point("M3")
    assert point.status == "fail" and "重新拍摄" in point.message
    assert next(m for m in verdict.materials if m.file == "lease.pdf").status == "fail"


def test_non_blocking_quality_issue_and_extraction_warning_are_warns(items):
    materials = business_application()
    materials[3].quality_issues = [QualityIssue("glare", 0, "照片有反光", "请避开强光", blocking=False)]
    materials[1].checks = [Check("name_layer_mismatch", "name", "warn", "PDF文字层与图像不一致")]
    verdict = review(items["individual_business_registration"], {}, materials, AS_OF)
    assert verdict.point("M3").status == "warn" and verdict.point("M2").status == "warn"
    assert verdict.verdict == "pass" and not verdict.instant_approval.eligible


def test_agent_documents_are_matched_to_persons_whatever_the_order(items):
    agent_name, agent_number = LI_SI
    poa = MaterialResult(
        "poa.jpg",
        "power_of_attorney",
        0.95,
        fields(
            principal_name=ZHANG_SAN[0],
            principal_id_number=ZHANG_SAN[1],
            agent_name=agent_name,
            agent_id_number=agent_number,
            matters="代为办理个体工商户设立登记",
            signed=True,
        ),
    )
    materials = [
        id_front("agent_front.jpg", agent_name, agent_number),
        id_back("agent_back.jpg", "2018-01-01", "2028-01-01"),
        *business_application(),
        poa,
    ]
    verdict = review(items["individual_business_registration"], {"by_agent": "true"}, materials, AS_OF)
    slots = {m.file: m.slot for m in verdict.materials}
    assert slots["agent_front.jpg"] == slots["agent_back.jpg"] == "agent_id_card"
    assert slots["front.jpg"] == slots["back.jpg"] == "operator_id_card"
    assert verdict.verdict == "pass", [(p.id, p.message) for p in verdict.points if p.status != "pass"]


def test_stray_material_is_reported_by_the_situation_point(items):
    poa = MaterialResult(
        "poa.jpg", "power_of_attorney", 0.95, fields(principal_name="张三", agent_name="李四")
    )
    verdict = review(
        items["individual_business_registration"],
        {"by_agent": "false"},
        [*business_application(), poa],
        AS_OF,
    )
    assert verdict.point("S1").status == "warn" and "poa.jpg" in verdict.point("S1").message
    assert next(m for m in verdict.materials if m.file == "poa.jpg").to_dict() == {
        "file": "poa.jpg",
        "material_type": "power_of_attorney",
        "slot": None,
        "status": "warn",
    }


def birth_materials(order=("h", "w")):
    husband, wife = ZHANG_SAN, ALICE
    cert = MaterialResult(
        "marriage.jpg",
        "marriage_certificate",
        0.96,
        fields(
            holder_name=husband[0],
            registration_date="2020-10-01",
            certificate_number="J110105-2020-001234",
            spouse_1_name=husband[0],
            spouse_1_id_number=husband[1],
            spouse_2_name=wife[0],
            spouse_2_id_number=wife[1],
        ),
    )
    cards = {
        "h": [id_front("h_front.jpg", *husband), id_back("h_back.jpg")],
        "w": [id_front("w_front.jpg", *wife), id_back("w_back.jpg", "2015-01-01", "2025-12-31")],
    }
    application = form("form.jpg", wife[0], wife[1], spouse_name=husband[0], spouse_id_number=husband[1])
    return [application, *cards[order[0]], *cards[order[1]], cert]


def test_spouses_are_matched_to_the_marriage_certificate(items):
    item = items["birth_registration"]
    verdict = review(item, {}, birth_materials(("w", "h")), AS_OF)
    slots = {m.file: m.slot for m in verdict.materials}
    assert slots["h_front.jpg"] == slots["h_back.jpg"] == "spouse_1_id_card"
    assert slots["w_front.jpg"] == slots["w_back.jpg"] == "spouse_2_id_card"
    assert verdict.point("M3").status == "fail" and "已过期" in verdict.point("M3").message  # wife's card
    assert verdict.point("F1").status == "pass"


def test_applicant_who_is_not_a_spouse_fails_the_cross_field_rule(items):
    materials = birth_materials()
    materials[0] = form("form.jpg", *LI_SI, spouse_name=ZHANG_SAN[0], spouse_id_number=ZHANG_SAN[1])
    verdict = review(items["birth_registration"], {}, materials, AS_OF)
    assert verdict.point("F1").status == "fail" and "结婚证" in verdict.point("F1").message


def test_elderly_allowance_by_household_register(items):
    old = ("钱老先生", "110105194001010034")
    register = MaterialResult(
        "hukou.jpg",
        "household_register",
        0.95,
        fields(name=old[0], relation_to_head="户主", sex="男", birth_date="1940-01-01", id_number=old[1]),
    )
    verdict = review(items["elderly_allowance"], {}, [form("form.jpg", *old), register], AS_OF)
    assert verdict.point("C1").status == "pass" and verdict.point("M2").status == "pass"
    assert verdict.missing_materials == []
    young = review(items["elderly_allowance"], {}, unemployment("110105197201010024"), AS_OF)
    assert young.point("C1").status == "fail" and young.verdict == "reject"


def test_deferred_material_is_a_warn_and_listed(items):
    agent = MaterialResult("agent.jpg", "id_card_front", 0.99, fields(name="李四", id_number=LI_SI[1]))
    old = ("钱老先生", "110105194001010034")
    register = MaterialResult("hukou.jpg", "household_register", 0.95, fields(name=old[0], id_number=old[1]))
    verdict = review(
        items["elderly_allowance"],
        {"by_agent": True},
        [form("form.jpg", *old), register, agent, id_back("agent_back.jpg")],
        AS_OF,
    )
    assert verdict.point("M3").status == "warn" and "容缺" in verdict.point("M3").message
    assert "power_of_attorney" in verdict.missing_materials


def test_bad_answers_raise(items):
    item = items["individual_business_registration"]
    with pytest.raises(InvalidAnswer, match="by_agent"):
        review(item, {"by_agent": "perhaps"}, [], AS_OF)
    with pytest.raises(InvalidAnswer, match="no question 'colour'"):
        review(item, {"colour": "red"}, [], AS_OF)


def test_the_document_records_rules_and_models_and_is_json(items):
    materials = business_application()
    materials[0].versions = {"ocr": "PP-OCRv6 small"}
    out = review(items["individual_business_registration"], {}, materials, AS_OF).to_dict()
    assert set(out) >= {
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
    assert (
        out["as_of"] == "2026-01-10"
        and out["rules"]["version"] == "2026.1"
        and len(out["rules"]["sha256"]) == 64
    )
    assert out["models"] == {"ocr": "PP-OCRv6 small"}
    assert "individual_business_registration@2026.1" in out["version"]
    for point in out["points"]:
        assert point["kind"] in ("condition", "form", "situation", "material", "special_procedure")
        assert point["message"]
    json.dumps(out, ensure_ascii=False)


def test_an_unreadable_file_that_fits_no_slot_still_needs_correction(items):
    broken = blurry(MaterialResult("scan.pdf", "other", 0.0, {}))
    verdict = review(items["individual_business_registration"], {}, [*business_application(), broken], AS_OF)
    assert verdict.point("S1").status == "fail" and "scan.pdf" in verdict.point("S1").message
    assert verdict.verdict == "needs_correction"
    assert next(m for m in verdict.materials if m.file == "scan.pdf").to_dict()["status"] == "fail"


def test_one_file_with_both_sides_of_the_id_card_fills_the_slot(items):
    materials = business_application()
    front, back = materials[1], materials[2]
    both = MaterialResult(
        "a4_copy.pdf",
        "id_card_front",
        0.97,
        front.fields,
        parts=[MaterialPart("id_card_front", front.fields, 0), MaterialPart("id_card_back", back.fields, 0)],
    )
    verdict = review(items["individual_business_registration"], {}, [materials[0], both, materials[3]], AS_OF)
    assert verdict.verdict == "pass", [(p.id, p.message) for p in verdict.points if p.status != "pass"]
    assert [m.to_dict() for m in verdict.materials if m.file == "a4_copy.pdf"] == [
        {
            "file": "a4_copy.pdf",
            "material_type": "id_card_front",
            "slot": "operator_id_card",
            "status": "pass",
        }
    ]


def test_someone_elses_card_does_not_reject_the_applicant(items):
    child = "110105201206010014"
    materials = [
        form("form.jpg", "赵小明", "110105199003152338"),
        id_front("front.jpg", "赵小明", child),
        id_back("back.jpg", "2022-03-01", "2027-03-01"),
    ]
    verdict = review(items["unemployment_registration"], {}, materials, AS_OF)
    assert verdict.point("C1").status == "manual" and "不一致" in verdict.point("C1").message
    assert verdict.point("F1").status == "fail"
    assert verdict.verdict == "needs_correction"


def test_printed_sex_that_contradicts_the_number_is_manual(items):
    materials = unemployment("110105197001010011")  # a man of 56
    materials[1].fields["sex"] = fld("女", y=40)
    verdict = review(items["unemployment_registration"], {}, materials, AS_OF)
    assert verdict.point("C1").status == "manual" and "性别" in verdict.point("C1").message
