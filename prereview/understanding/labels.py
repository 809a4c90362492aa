"""The printed vocabulary of the fixed national layouts: field labels and classification anchors.

Labels are matched on compacted text (no whitespace), so "姓 名" and "住　址" match ``姓名`` and ``住址``.
A label usually starts an OCR line; ``inline`` labels may also start in the middle of one, because
they share a row with another field and OCR merges the row ("性别女民族土家", a business license's
right column merged onto the left one).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    """One labelled field of a layout: the words printed as its label and how its value is read."""

    key: str
    words: tuple[str, ...]
    parser: str  # a key of understanding.fields.PARSERS
    inline: bool = False
    multiline: bool = False  # the value may continue on the lines below (addresses, business scope)


ID_CARD_FRONT = (
    FieldSpec("name", ("姓名",), "name"),
    FieldSpec("sex", ("性别",), "sex", inline=True),
    FieldSpec("ethnicity", ("民族",), "name", inline=True),
    FieldSpec("birth_date", ("出生日期", "出生"), "date"),
    FieldSpec("address", ("住址",), "text", multiline=True),
    FieldSpec("id_number", ("公民身份号码", "公民身份号", "身份号码"), "id_number"),
)

ID_CARD_BACK = (
    FieldSpec("issuing_authority", ("签发机关",), "text", multiline=True),
    FieldSpec("valid_to", ("有效期限",), "validity"),
)

BUSINESS_LICENSE = (
    FieldSpec("credit_code", ("统一社会信用代码",), "credit_code"),
    FieldSpec("name", ("名称",), "name", multiline=True),
    FieldSpec("entity_type", ("类型",), "text"),
    FieldSpec("legal_representative", ("法定代表人", "执行事务合伙人", "经营者", "负责人", "投资人"), "name"),
    FieldSpec("registered_capital", ("注册资本", "出资额"), "text", inline=True),
    FieldSpec("established_date", ("成立日期", "注册日期"), "date", inline=True),
    FieldSpec("valid_to", ("营业期限", "合伙期限"), "period_end", inline=True),
    FieldSpec("address", ("主要经营场所", "经营场所", "住所"), "text", inline=True, multiline=True),
    FieldSpec("business_scope", ("经营范围",), "text", multiline=True),
    FieldSpec("registration_authority", ("登记机关",), "text", inline=True),
)

LAYOUTS: dict[str, tuple[FieldSpec, ...]] = {
    "id_card_front": ID_CARD_FRONT,
    "id_card_back": ID_CARD_BACK,
    "business_license": BUSINESS_LICENSE,
}

# Words whose presence anywhere on a page points at a material type, with their weight.
ANCHORS: dict[str, tuple[tuple[tuple[str, ...], float], ...]] = {
    "id_card_front": (
        (("姓名",), 1.0),
        (("性别",), 1.0),
        (("民族",), 1.0),
        (("出生",), 1.0),
        (("住址",), 1.0),
        (("公民身份号码", "公民身份号"), 2.0),
    ),
    "id_card_back": (
        (("中华人民共和国",), 0.5),
        (("居民身份证",), 1.5),
        (("签发机关",), 2.0),
        (("有效期限",), 2.0),
    ),
    "business_license": (
        (("营业执照",), 2.0),
        (("统一社会信用代码",), 2.0),
        (("名称",), 0.5),
        (("类型",), 0.5),
        (("法定代表人", "经营者", "负责人", "执行事务合伙人", "投资人"), 1.0),
        (("注册资本", "出资额"), 1.0),
        (("成立日期", "注册日期"), 1.0),
        (("营业期限", "合伙期限"), 1.0),
        (("住所", "经营场所"), 0.5),
        (("经营范围",), 1.5),
        (("登记机关",), 1.0),
    ),
}

# Words that belong to other materials; each one found lowers every anchor score.
FOREIGN_WORDS = (
    "户主",
    "与户主关系",
    "常住人口登记卡",
    "户口簿",
    "申请书",
    "申请表",
    "申请人",
    "委托",
    "甲方",
    "乙方",
    "合同",
    "结婚证",
    "持证人",
    "许可证编号",
    "食品经营许可证",
    "不动产权",
    "签字",
    "盖章",
)

# The anchors that only one type prints: they decide which region of a page holds which material.
EXCLUSIVE_ANCHORS: dict[str, tuple[str, ...]] = {
    "id_card_front": ("姓名", "性别", "民族", "住址", "公民身份号码"),
    "id_card_back": ("居民身份证", "签发机关", "有效期限"),
    "business_license": ("营业执照", "统一社会信用代码", "注册资本", "营业期限", "经营范围", "成立日期"),
}
