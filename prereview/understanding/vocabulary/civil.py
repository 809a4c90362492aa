"""Civil records: 户口簿 (常住人口登记卡), 结婚证 (the page with both spouses), 不动产权证书."""

from __future__ import annotations

from prereview.understanding.vocabulary.base import FieldSpec, Vocabulary, stop

_ID_LABELS = ("公民身份号码", "公民身份证件编号", "身份证件号码", "身份证件号", "身份证号码", "身份证号")
_NOT_A_RECORD = ("申请书", "申请表", "申请人", "委托", "甲方", "乙方", "合同", "许可证", "营业执照")

HOUSEHOLD_REGISTER = Vocabulary(
    "household_register",
    fields=(
        FieldSpec("name", ("姓名",), "name"),
        FieldSpec("relation_to_head", ("户主或与户主关系", "与户主关系"), "name"),
        FieldSpec("sex", ("性别", "性別"), "sex"),
        FieldSpec("ethnicity", ("民族",), "name"),
        FieldSpec("birth_date", ("出生日期",), "date"),
        FieldSpec("birthplace", ("出生地",), "place", multiline=True),  # a long county name wraps in its cell
        FieldSpec("id_number", _ID_LABELS, "id_number"),
        FieldSpec("address", ("住址",), "place", multiline=True),
        stop("户别", "户主姓名", "户号", "曾用名", "籍贯", "宗教信仰", "文化程度", "婚姻状况", "服务处所"),
        stop("职业", "何时由何地迁来本址", "何时由何地迁来", "本址", "登记日期", "兵役状况", "身高", "血型"),
        stop("本市(县)其他住址", "承办人签章"),
    ),
    anchors=(
        (("常住人口登记卡", "户口簿"), 3.0),
        (("户主或与户主关系", "与户主关系"), 2.0),
        (("出生地",), 1.0),
        (("籍贯",), 1.0),
        (("曾用名",), 1.0),
        (("宗教信仰",), 1.0),
        (("服务处所",), 1.0),
        (("何时由何地迁来",), 1.0),
        (("户别", "户主姓名"), 1.0),
        (("姓名",), 0.5),
        (("公民身份号码", "公民身份证件编号"), 0.5),
    ),
    foreign=(*_NOT_A_RECORD, "结婚证字号", "持证人", "不动产", "联系电话", "签字"),
    shape="id_number",
)

MARRIAGE_CERTIFICATE = Vocabulary(
    "marriage_certificate",
    fields=(
        FieldSpec("holder_name", ("持证人",), "name"),
        FieldSpec("registration_date", ("登记日期",), "date"),
        FieldSpec("certificate_number", ("结婚证字号", "证字号"), "marriage_number"),
        FieldSpec("spouse_1_name", ("姓名",), "name", keys=("spouse_1_name", "spouse_2_name")),
        FieldSpec(
            "spouse_1_id_number", _ID_LABELS, "id_number", keys=("spouse_1_id_number", "spouse_2_id_number")
        ),
        stop("性别", "国籍", "出生日期", "备注", "登记机关"),
    ),
    anchors=(
        (("结婚证",), 2.0),
        (("持证人",), 2.0),
        (("结婚证字号",), 2.0),
        (("登记日期",), 1.0),
        (("婚姻登记",), 1.0),
        (("国籍",), 1.0),
        (("身份证件号",), 1.0),
        (("备注",), 0.5),
    ),
    foreign=(*_NOT_A_RECORD, "户主", "常住人口登记卡", "不动产", "联系电话", "签字", "配偶"),
)

PROPERTY_CERTIFICATE = Vocabulary(
    "property_certificate",
    fields=(
        FieldSpec("holder", ("权利人",), "name"),
        FieldSpec("property_address", ("坐落", "座落"), "place", multiline=True),
        FieldSpec("usage", ("用途",), "name"),
        FieldSpec("area", ("面积",), "area"),
        stop("共有情况", "不动产单元号", "权利类型", "权利性质", "使用期限", "权利其他状况", "附记"),
    ),
    anchors=(
        (("不动产权",), 3.0),
        (("权利人",), 2.0),
        (("不动产单元号",), 2.0),
        (("坐落",), 1.0),
        (("共有情况",), 1.0),
        (("权利类型",), 1.0),
        (("权利性质",), 1.0),
        (("用途",), 1.0),
        (("面积",), 1.0),
        (("使用期限",), 1.0),
    ),
    foreign=(*_NOT_A_RECORD, "租赁", "出租", "承租", "户主", "结婚证", "签字"),
    shape="property_number",
)
