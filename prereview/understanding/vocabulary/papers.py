"""Documents people fill in and sign: 申请表/申请书, 授权委托书, 房屋租赁合同.

The application forms of all service items share one vocabulary: the keys every form carries
(``applicant_name``, ``applicant_id_number`` or ``credit_code``, ``phone``, ``sign_date``) and the
item-specific ones (:data:`FORM_ITEM_KEYS` adds the key a review-points form definition uses).
``signed`` is never read from text: OCR reads a handwritten name like a typed one, so whether ink is on
the line is the signature detector's call.
"""

from __future__ import annotations

from prereview.understanding.vocabulary.base import FieldSpec, Vocabulary, stop

_ID_LABELS = ("公民身份号码", "身份证件号码", "身份证号码", "身份证件号", "身份证号")
_APPLICANT_LABELS = (
    "申请人姓名",
    "经营者姓名",
    "参保人姓名",
    "老年人姓名",
    "姓名",
    "申请人",
    "法定代表人(负责人)",
    "法定代表人",
)
_SIGNATURE_LABELS = ("签字", "签名", "签章", "盖章", "(签字)", "(签名)", "(签章)", "(盖章)")


def _signature_stops(*roles: str) -> FieldSpec:
    """The captions of signature lines ("委托人（签字）", "申请人签名"): they end values, fill nothing."""
    return stop(*(role + mark for role in roles for mark in _SIGNATURE_LABELS), *_SIGNATURE_LABELS)


APPLICATION_FORM = Vocabulary(
    "application_form",
    fields=(
        FieldSpec("applicant_name", _APPLICANT_LABELS, "name"),
        FieldSpec(
            "applicant_id_number",
            ("申请人身份证件号码", "经营者身份证件号码", "法定代表人(负责人)身份证件号码", *_ID_LABELS),
            "id_number",
        ),
        FieldSpec("credit_code", ("统一社会信用代码", "社会信用代码"), "credit_code"),
        FieldSpec("phone", ("联系电话", "手机号码", "联系方式", "电话"), "phone"),
        FieldSpec("sign_date", ("申请日期", "填表日期", "签署日期", "日期"), "date"),
        FieldSpec("sex", ("性别", "性別"), "sex"),
        FieldSpec("ethnicity", ("民族",), "name"),
        FieldSpec("birth_date", ("出生日期",), "date"),
        FieldSpec("age", ("年龄",), "text"),
        FieldSpec("employees", ("从业人数",), "text"),
        FieldSpec("business_name", ("个体工商户名称", "单位名称"), "name", multiline=True),
        FieldSpec("operator_name", ("食品经营者名称", "经营者名称"), "name", multiline=True),
        FieldSpec("premises", ("经营场所地址", "经营场所", "经营地址"), "text", multiline=True),
        FieldSpec("business_scope", ("经营范围",), "scope", multiline=True),
        FieldSpec("capital", ("资金数额",), "text"),
        FieldSpec("organization_form", ("组成形式",), "text"),
        FieldSpec("license_number", ("许可证编号",), "license_number"),
        FieldSpec("reason", ("注销原因", "失业原因"), "text", multiline=True),
        FieldSpec("education", ("文化程度",), "text"),
        FieldSpec("address", ("户籍地址", "户籍所在地", "现居住地址", "住址"), "place", multiline=True),
        FieldSpec("student", ("是否在校学生",), "text"),
        FieldSpec("contribution_level", ("缴费档次",), "text"),
        FieldSpec("bank", ("开户银行",), "text"),
        FieldSpec("bank_account", ("社保卡或银行账号", "银行账号"), "account"),
        FieldSpec("category", ("经营项目",), "text"),
        FieldSpec("spouse_name", ("配偶姓名",), "name"),
        FieldSpec("spouse_id_number", ("配偶身份证件号码", "配偶身份号码", "配偶公民身份号码"), "id_number"),
        FieldSpec("marriage_registration_date", ("结婚登记日期",), "date"),
        FieldSpec("child_order", ("生育孩次",), "text"),
        _signature_stops("申请人", "经营者", "参保人", "本人", "法定代表人", "法定代表人(负责人)", "代办人"),
        stop("申请人(代办人)签字", "申请人(代办人)签名"),
    ),
    anchors=(
        (("申请书", "申请表", "登记表"), 3.0),
        (("申请人", "参保人", "经营者"), 1.0),
        (("申请日期", "填表日期", "签署日期"), 1.5),
        (("联系电话", "手机号码", "联系方式"), 1.0),
        (("签字", "签名"), 1.0),
        (("承诺",), 0.5),
    ),
    foreign=(
        "常住人口登记卡",
        "结婚证字号",
        "持证人",
        "受托人",
        "委托事项",
        "出租方",
        "承租方",
        "不动产单元号",
        "主体业态",
        "日常监督管理机构",
        "签发机关",
    ),
)

# The key a service item's form definition (review_points/<item>.yaml) uses for a value the shared
# vocabulary reads under another name; both keys are reported.
FORM_ITEM_KEYS: dict[str, dict[str, str]] = {
    "individual_business_registration": {"premises": "business_address"},
    "public_place_hygiene_license": {"premises": "premises_address", "business_name": "unit_name"},
}

# Words of a form's title that name its service item (CONTRACT.md item ids).
FORM_TITLES: tuple[tuple[str, str], ...] = (
    ("个体工商户", "individual_business_registration"),
    ("食品经营许可证注销", "food_license_cancellation"),
    ("就业失业登记", "unemployment_registration"),
    ("失业登记", "unemployment_registration"),
    ("养老保险", "resident_pension_enrollment"),
    ("高龄津贴", "elderly_allowance"),
    ("高龄", "elderly_allowance"),
    ("公共场所卫生许可", "public_place_hygiene_license"),
    ("生育登记", "birth_registration"),
)
FORM_TITLE_WORDS = ("申请书", "申请表", "登记表", "申请")

POWER_OF_ATTORNEY = Vocabulary(
    "power_of_attorney",
    fields=(
        FieldSpec("principal_name", ("委托人姓名", "委托人", "授权人"), "name"),
        FieldSpec("agent_name", ("受托人姓名", "受托人", "被委托人", "代理人"), "name"),
        FieldSpec(
            "principal_id_number", _ID_LABELS, "id_number", keys=("principal_id_number", "agent_id_number")
        ),
        FieldSpec(
            "matters", ("委托事项", "委托权限", "授权事项", "代理事项", "委托内容"), "text", multiline=True
        ),
        FieldSpec("valid_to", ("委托期限", "授权期限", "代理期限", "有效期限", "有效期至"), "end_date"),
        FieldSpec("sign_date", ("委托日期", "签署日期", "签字日期", "日期"), "date"),
        _signature_stops("委托人", "受托人", "授权人", "代理人"),
        stop("联系电话", "住址"),
    ),
    anchors=(
        (("授权委托书", "委托书"), 3.0),
        (("委托人", "授权人"), 2.0),
        (("受托人", "被委托人", "代理人"), 2.0),
        (("委托事项", "委托权限", "授权事项", "代理事项"), 2.0),
        (("委托期限", "授权期限", "代理期限"), 1.0),
        (("签字", "签名"), 0.5),
    ),
    foreign=(
        "常住人口登记卡",
        "结婚证字号",
        "出租方",
        "承租方",
        "甲方",
        "乙方",
        "租赁",
        "主体业态",
        "申请日期",
        "申请人签字",
        "填表日期",
    ),
)

_LESSOR = ("出租方(甲方)", "出租人(甲方)", "甲方(出租方)", "甲方(出租人)", "出租方", "出租人", "甲方")
_LESSEE = ("承租方(乙方)", "承租人(乙方)", "乙方(承租方)", "乙方(承租人)", "承租方", "承租人", "乙方")

LEASE_CONTRACT = Vocabulary(
    "lease_contract",
    fields=(
        FieldSpec("lessor", _LESSOR, "name"),
        FieldSpec("lessee", _LESSEE, "name"),
        FieldSpec(
            "property_address", ("房屋坐落", "房屋座落", "房屋地址", "坐落", "座落"), "place", multiline=True
        ),
        FieldSpec("lease_start", ("租赁期限", "租期"), "lease_term"),
        _signature_stops("甲方", "乙方", "出租方", "承租方", "出租人", "承租人"),
        stop(*_ID_LABELS, "联系电话", "日期", "建筑面积", "面积", "不动产权证书号", "房屋所有权证号"),
    ),
    anchors=(
        (("租赁合同", "租房合同"), 3.0),
        (("出租方", "出租人"), 1.5),
        (("承租方", "承租人"), 1.5),
        (("甲方",), 0.5),
        (("乙方",), 0.5),
        (("租赁期限", "租期"), 1.5),
        (("坐落", "座落", "房屋地址"), 1.0),
        (("租金",), 1.0),
        (("押金",), 0.5),
    ),
    foreign=(
        "常住人口登记卡",
        "结婚证字号",
        "受托人",
        "委托事项",
        "申请日期",
        "申请人签字",
        "主体业态",
        "不动产单元号",
        "权利人",
    ),
)
