"""居民身份证, both sides: the portrait side's labels and the national-emblem side's two fields."""

from __future__ import annotations

from prereview.understanding.vocabulary.base import FieldSpec, Vocabulary

# Words an ID card never prints; each one found on a page lowers the card's score.
_NOT_ON_A_CARD = (
    "户主",
    "常住人口登记卡",
    "户口簿",
    "出生地",
    "籍贯",
    "申请书",
    "申请表",
    "申请人",
    "委托",
    "甲方",
    "乙方",
    "合同",
    "结婚证",
    "持证人",
    "许可证",
    "不动产权",
    "营业执照",
    "联系电话",
    "签字",
    "盖章",
    # other identity papers applicants upload instead: they print the card's labels and the ID number
    "驾驶证",
    "准驾车型",
    "行驶证",
    "居住证",
    "护照",
    "通行证",
    "社会保障卡",
)

ID_CARD_FRONT = Vocabulary(
    "id_card_front",
    fields=(
        FieldSpec("name", ("姓名",), "name"),
        FieldSpec("sex", ("性别", "性別"), "sex", inline=True),
        FieldSpec("ethnicity", ("民族",), "name", inline=True),
        FieldSpec("birth_date", ("出生日期", "出生"), "date"),
        FieldSpec("address", ("住址",), "place", multiline=True),
        FieldSpec("id_number", ("公民身份号码", "公民身份号", "身份号码"), "id_number"),
    ),
    anchors=(
        (("姓名",), 1.0),
        (("性别", "性別"), 1.0),
        (("民族",), 1.0),
        (("出生",), 1.0),
        (("住址",), 1.0),
        (("公民身份号码", "公民身份号"), 2.0),
    ),
    foreign=_NOT_ON_A_CARD,
    exclusive=("姓名", "性别", "民族", "住址", "公民身份号码"),
    shape="id_number",
)

ID_CARD_BACK = Vocabulary(
    "id_card_back",
    fields=(
        FieldSpec("issuing_authority", ("签发机关",), "authority", multiline=True),
        FieldSpec("valid_to", ("有效期限",), "validity"),
    ),
    anchors=(
        (("中华人民共和国",), 0.5),
        (("居民身份证",), 1.5),
        (("签发机关",), 2.0),
        (("有效期限",), 2.0),
    ),
    foreign=_NOT_ON_A_CARD,
    exclusive=("居民身份证", "签发机关", "有效期限"),
)
