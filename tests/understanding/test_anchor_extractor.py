"""The anchor extractor on scripted OCR lines (no OCR): merged and split lines, repairs, boxes."""

from __future__ import annotations

import pytest
from stdnum.cn import ric, uscc

from prereview.document import TextLine
from prereview.understanding import build_extractor, understand


def line(text: str, x0: float, y0: float, x1: float, y1: float, confidence: float = 0.98) -> TextLine:
    return TextLine(text, (x0, y0, x1, y1), confidence)


def valid_id(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


NUMBER = valid_id("50010120150609002")  # a fictional girl born 2015-06-09


def test_merged_label_value_lines_are_split_at_labels() -> None:
    lines = [
        line("姓名张三性别男", 50, 60, 400, 100),
        line("民族土家", 330, 140, 480, 180),
        line("出生2015年6月9日", 50, 220, 500, 260),
        line("住址重庆市石柱土家族自治县", 50, 300, 600, 340),
        line("公民身份号码" + NUMBER, 50, 520, 800, 560),
    ]
    fields = build_extractor("anchors").extract("id_card_front", [lines])
    assert {k: f.value for k, f in fields.items()} == {
        "name": "张三",
        "sex": "男",
        "ethnicity": "土家",
        "birth_date": "2015-06-09",
        "address": "重庆市石柱土家族自治县",
        "id_number": NUMBER,
    }
    # the name's box is its share of the merged line, not the whole line
    x0, _, x1, _ = fields["name"].box
    assert 100 < x0 < 160 and 200 < x1 < 280
    assert not any(f.repaired for f in fields.values())


def test_sex_and_ethnicity_merged_on_one_row() -> None:
    lines = [line("姓 名 李四", 50, 60, 300, 100), line("性别女民族土家", 50, 140, 400, 180)]
    fields = build_extractor("anchors").extract("id_card_front", [lines])
    assert (fields["name"].value, fields["sex"].value, fields["ethnicity"].value) == ("李四", "女", "土家")


def test_values_beside_and_below_their_labels_and_address_over_lines() -> None:
    lines = [
        line("姓　名", 50, 60, 130, 100),
        line("王五", 180, 58, 280, 102),
        line("性别", 50, 140, 130, 180),
        line("男", 180, 140, 220, 180),
        line("民族", 330, 140, 410, 180),
        line("汉", 440, 140, 480, 180),
        line("出生", 50, 220, 130, 260),
        line("1990 年 3 月 15 日", 180, 220, 520, 260),
        line("住址", 50, 300, 130, 340),
        line("北京市朝阳区建国路", 180, 300, 520, 340),
        line("88号院3号楼2单元", 182, 350, 480, 390),
        line("1001室", 181, 400, 300, 440),
        line("公民身份号码", 50, 520, 250, 560),
        line(valid_id("11010519900315233"), 330, 520, 730, 560),
    ]
    fields = build_extractor("anchors").extract("id_card_front", [lines])
    assert fields["name"].value == "王五"
    assert fields["birth_date"].value == "1990-03-15"
    assert fields["address"].value == "北京市朝阳区建国路88号院3号楼2单元1001室"
    assert fields["address"].box == pytest.approx((180, 300, 520, 440))
    assert fields["id_number"].box == pytest.approx((330, 520, 730, 560))


def test_value_below_its_label() -> None:
    code = "91350100M000100Y43"
    lines = [
        line("营业执照", 400, 100, 700, 180),
        line("统一社会信用代码", 80, 300, 380, 330),
        line(code, 80, 340, 420, 370),
        line("名称", 80, 420, 130, 450),
        line("某某科技有限公司", 200, 420, 400, 450),
    ]
    fields = build_extractor("anchors").extract("business_license", [lines])
    assert fields["credit_code"].value == code
    assert fields["name"].value == "某某科技有限公司"


def test_letter_o_in_a_digit_position_is_repaired_and_marked() -> None:
    assert NUMBER[7] == "0"
    printed = NUMBER[:7] + "O" + NUMBER[8:]
    lines = [line("公民身份号码", 50, 520, 250, 560), line(printed, 330, 520, 730, 560)]
    field = build_extractor("anchors").extract("id_card_front", [lines])["id_number"]
    assert field.value == NUMBER and field.repaired is True and field.raw == printed


def test_a_wrong_check_digit_is_never_changed() -> None:
    wrong = NUMBER[:17] + ("1" if NUMBER[17] != "1" else "2")
    assert not ric.is_valid(wrong)
    lines = [
        line("姓名赵六", 50, 60, 300, 100),
        line("性别男民族汉", 50, 140, 400, 180),
        line("公民身份号码", 50, 520, 250, 560),
        line(wrong, 330, 520, 730, 560),
    ]
    result = understand([lines])
    assert result.material_type == "id_card_front"
    assert result.fields["id_number"].value == wrong
    assert result.fields["id_number"].repaired is False
    check = next(c for c in result.checks if c.field == "id_number")
    assert (check.code, check.status) == ("id_number_checksum", "fail")
    # a wrong check digit together with an impossible letter: nothing is "repaired" into validity
    with_o = wrong[:7] + "O" + wrong[8:]
    lines[-1] = line(with_o, 330, 520, 730, 560)
    field = understand([lines]).fields["id_number"]
    assert field.value == with_o and field.repaired is False


def test_credit_code_letters_outside_the_alphabet_are_mapped_only_when_valid() -> None:
    code = "91110105MA01YX3Q5"
    code += uscc.calc_check_digit(code + "0")
    printed = code.replace("0", "O")
    lines = [line("统一社会信用代码" + printed, 80, 300, 700, 330)]
    field = build_extractor("anchors").extract("business_license", [lines])["credit_code"]
    assert field.value == code and field.repaired is True


def test_business_license_with_merged_columns_and_multiline_scope() -> None:
    lines = [
        line("营业执照", 400, 100, 700, 180),
        line("统一社会信用代码 91350100M000100Y43", 80, 300, 700, 330),
        line("名称", 80, 420, 130, 450),
        line("某某科技有限公司 注册资本 壹佰万元整", 220, 420, 900, 450),
        line("类型 有限责任公司（自然人独资）", 80, 480, 560, 510),
        line("成立日期 2015年06月09日", 680, 480, 1000, 510),
        line("法定代表人张三", 80, 540, 320, 570),
        line("营业期限 2015年06月09日至长期", 680, 540, 1100, 570),
        line("经营范围", 80, 600, 180, 630),
        line("技术开发、技术咨询；销售住所北京市朝阳区", 220, 600, 1000, 630),
        line("电子产品。", 222, 640, 360, 670),
        line("建国路88号", 760, 640, 900, 670),
        line("登记机关 北京市朝阳区市场监督管理局", 560, 1450, 1000, 1480),
        line("2021年05月10日", 740, 1530, 920, 1560),
    ]
    result = understand([lines])
    assert result.material_type == "business_license"
    values = {k: f.value for k, f in result.fields.items()}
    assert values == {
        "credit_code": "91350100M000100Y43",
        "name": "某某科技有限公司",
        "registered_capital": "壹佰万元整",
        "entity_type": "有限责任公司（自然人独资）",
        "established_date": "2015-06-09",
        "legal_representative": "张三",
        "valid_to": "长期",
        "address": "北京市朝阳区建国路88号",
        "business_scope": "技术开发、技术咨询；销售电子产品。",
        "registration_authority": "北京市朝阳区市场监督管理局",
        "issue_date": "2021-05-10",
    }
    assert [c.status for c in result.checks] == ["pass"]


def test_two_column_license_values_wrap_beside_the_left_column_labels() -> None:
    """A right-column value's second line shares its row with a left-column label ("法定代表人",
    "经营范围"): that label is another column's, so the line still continues the value."""
    lines = [
        line("营业执照", 400, 100, 700, 180),
        line("名称", 170, 690, 280, 735),
        line("某某五金机电有限公司", 310, 660, 640, 725),
        line("营业期限", 680, 775, 800, 830),
        line("2019年09月11日至", 816, 758, 1054, 820),
        line("法定代表人王洋", 174, 805, 405, 860),
        line("2039年09月11日", 821, 801, 1018, 849),
        line("经营范围", 181, 875, 291, 920),
        line("一般项目：五金产品零售。", 320, 850, 676, 912),
        line("住所", 689, 874, 802, 915),
        line("上海市杨浦区南京西路711", 827, 850, 1130, 906),
        line("号2层201", 825, 897, 944, 941),
    ]
    fields = build_extractor("anchors").extract("business_license", [lines])
    values = {k: f.value for k, f in fields.items()}
    assert values["valid_to"] == "2039-09-11"
    assert values["address"] == "上海市杨浦区南京西路711号2层201"
    assert values["legal_representative"] == "王洋"
    assert values["business_scope"] == "一般项目：五金产品零售。"


def test_id_number_without_its_label_is_found_by_shape_with_lower_confidence() -> None:
    lines = [
        line("姓名张三", 50, 60, 300, 100),
        line("性别男民族汉", 50, 140, 400, 180),
        line("出生1990年3月15日", 50, 220, 500, 260),
        line(NUMBER, 330, 520, 730, 560, 0.99),
    ]
    field = build_extractor("anchors").extract("id_card_front", [lines])["id_number"]
    assert field.value == NUMBER and field.confidence < 0.9


def test_other_documents_are_other_without_fields() -> None:
    lines = [
        line("房屋租赁合同", 300, 50, 700, 100),
        line("甲方：某某", 50, 150, 400, 190),
        line("乙方：某某", 50, 200, 400, 240),
        line("签字", 50, 900, 200, 940),
    ]
    result = understand([lines])
    assert result.material_type == "other" and result.fields == {} and result.parts == []
    assert max(result.scores.values()) < 0.5
    assert understand([[]]).material_type == "other"
