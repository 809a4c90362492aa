"""The national vocabulary of service-item elements (GB/T 39046-2020 Annex A, platform value sets) and the
material types and field labels of CONTRACT.md. Data, not logic: the schema and the messages use it.
"""

from __future__ import annotations

from typing import Literal

TaskType = Literal["00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "20", "21"]
TASK_TYPES: dict[str, str] = {
    "00": "行政权力事项",
    "01": "行政许可",
    "02": "行政处罚",
    "03": "行政强制",
    "04": "行政征收",
    "05": "行政给付",
    "06": "行政检查",
    "07": "行政确认",
    "08": "行政奖励",
    "09": "行政裁决",
    "10": "其他类别事项",
    "11": "其他行政权力（可扩展）",
    "20": "公共服务事项",
    "21": "其他公共服务（可扩展）",
}  # GB/T 39046-2020 A.1
ProjectType = Literal["即办件", "承诺件", "其他"]  # A.6
ServiceObject = Literal["自然人", "企业法人", "事业法人", "社会组织法人", "行政机关", "其他组织"]  # A.4
Measure = Literal["秒批", "好办快办", "一证通办", "免申即享"]
LimitUnit = Literal["工作日", "自然日", "日"]
Necessity = Literal["必要", "非必要", "容缺后补", "信息免交"]
MaterialForm = Literal["原件", "复印件", "原件和复印件", "原件或复印件"]
Medium = Literal["纸质", "电子"]
MaterialSource = Literal["申请人自备", "政府部门核发", "其他"]
Exemption = Literal["gov_issued", "e_license", "e_seal", "e_signature"]  # 四个免于提交
Delivery = Literal["窗口领取", "邮寄送达", "电子证照"]
SpecialProcedureType = Literal["1", "2"]  # A.7: 1 延长审批, 2 除延长审批之外的情况

EXEMPTION_REASONS: dict[str, str] = {
    "gov_issued": "政府部门核发的材料，通过数据共享获取，免于提交",
    "e_license": "可调用电子证照，免于提交实体证照",
    "e_seal": "可使用电子印章，免于加盖实物印章",
    "e_signature": "可使用电子签名，免于手写签名",
}
# Exemptions that spare the applicant the whole upload (the others only spare a wet seal or signature).
UPLOAD_EXEMPTIONS = frozenset({"gov_issued", "e_license"})

MaterialType = Literal[
    "id_card_front",
    "id_card_back",
    "business_license",
    "household_register",
    "marriage_certificate",
    "application_form",
    "power_of_attorney",
    "lease_contract",
    "property_certificate",
    "food_business_license",
    "other",
]
MATERIAL_NAMES: dict[str, str] = {
    "id_card_front": "居民身份证（人像面）",
    "id_card_back": "居民身份证（国徽面）",
    "business_license": "营业执照",
    "household_register": "户口簿",
    "marriage_certificate": "结婚证",
    "application_form": "申请表",
    "power_of_attorney": "授权委托书",
    "lease_contract": "房屋租赁合同",
    "property_certificate": "不动产权证书",
    "food_business_license": "食品经营许可证",
    "other": "其他材料",
}
FIELD_LABELS: dict[str, dict[str, str]] = {
    "id_card_front": {
        "name": "姓名",
        "sex": "性别",
        "ethnicity": "民族",
        "birth_date": "出生",
        "address": "住址",
        "id_number": "公民身份号码",
    },
    "id_card_back": {
        "issuing_authority": "签发机关",
        "valid_from": "有效期限起始日期",
        "valid_to": "有效期限截止日期",
    },
    "business_license": {
        "credit_code": "统一社会信用代码",
        "name": "名称",
        "entity_type": "类型",
        "legal_representative": "法定代表人/经营者",
        "registered_capital": "注册资本",
        "established_date": "成立日期",
        "valid_to": "营业期限",
        "address": "住所/经营场所",
        "business_scope": "经营范围",
        "registration_authority": "登记机关",
        "issue_date": "发照日期",
    },
    "household_register": {
        "name": "姓名",
        "relation_to_head": "与户主关系",
        "sex": "性别",
        "ethnicity": "民族",
        "birth_date": "出生日期",
        "birthplace": "出生地",
        "id_number": "公民身份号码",
        "address": "住址",
    },
    "marriage_certificate": {
        "holder_name": "持证人",
        "registration_date": "登记日期",
        "certificate_number": "结婚证字号",
        "spouse_1_name": "一方姓名",
        "spouse_1_id_number": "一方身份证件号",
        "spouse_2_name": "另一方姓名",
        "spouse_2_id_number": "另一方身份证件号",
    },
    "application_form": {
        "applicant_name": "申请人姓名",
        "applicant_id_number": "申请人身份证件号码",
        "credit_code": "统一社会信用代码",
        "phone": "联系电话",
        "signed": "签名",
        "sign_date": "签署日期",
    },
    "power_of_attorney": {
        "principal_name": "委托人姓名",
        "principal_id_number": "委托人身份证件号码",
        "agent_name": "受托人姓名",
        "agent_id_number": "受托人身份证件号码",
        "matters": "委托事项",
        "valid_to": "委托期限",
        "signed": "签名",
        "sign_date": "签署日期",
    },
    "lease_contract": {
        "lessor": "出租方",
        "lessee": "承租方",
        "property_address": "房屋坐落",
        "lease_start": "租赁起始日期",
        "lease_end": "租赁截止日期",
        "signed": "签名",
    },
    "property_certificate": {
        "certificate_number": "不动产权证书号",
        "holder": "权利人",
        "property_address": "坐落",
        "usage": "用途",
        "area": "面积",
    },
    "food_business_license": {
        "license_number": "许可证编号",
        "operator_name": "经营者名称",
        "credit_code": "统一社会信用代码",
        "legal_representative": "法定代表人（负责人）",
        "address": "经营场所",
        "valid_to": "有效期至",
    },
    "other": {},
}

# Facts a condition may read about a person (`person.<fact>`); see prereview.review.facts.
PERSON_FACTS: dict[str, str] = {
    "age": "年龄（周岁，由校验通过的公民身份号码计算）",
    "sex": "性别（由公民身份号码顺序码判断）",
    "birth_date": "出生日期（ISO 字符串）",
    "below_retirement_age": "是否未达法定退休年龄（过渡期内无法判断）",
    "id_kind": "证件号码类型：resident, residence_permit, permanent_residence, legacy_15, passport, invalid…",
}
