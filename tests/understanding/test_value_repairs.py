"""Values the anchors restore after OCR misread a character: a business scope's standard clauses and
the division names at the head of an address (scripted OCR lines)."""

from __future__ import annotations

import pytest

from prereview.document import Field, TextLine
from prereview.understanding import build_extractor
from prereview.understanding.places import correct_place_prefix
from prereview.understanding.scope_clauses import CLAUSES, restore_clauses


def line(text: str, x0: float, y0: float, x1: float, y1: float) -> TextLine:
    return TextLine(text, (x0, y0, x1, y1), 0.98)


def extract(material_type: str, lines: list[TextLine]) -> dict[str, Field]:
    return build_extractor("anchors").extract(material_type, [lines])


HEAD = "一般项目：食品销售；餐饮服务。"


def license_lines(scope_lines: list[str]) -> list[TextLine]:
    lines = [
        line("营业执照", 508, 300, 967, 380),
        line("名称", 100, 420, 200, 460),
        line("某某市某某餐饮有限公司", 240, 420, 600, 460),
        line("经营范围", 100, 640, 205, 675),
    ]
    return lines + [line(text, 240, 640 + 38 * i, 590, 675 + 38 * i) for i, text in enumerate(scope_lines)]


def test_a_scope_whose_clause_lost_a_comma_and_its_closing_bracket_is_restored_and_marked() -> None:
    found = extract(
        "business_license",
        license_lines(
            ["一般项目：食品销售；餐饮服务。", "（除依法须经批准的项目外凭营", "业执照依法自主开展经营活动"]
        ),
    )
    scope = found["business_scope"]
    assert scope.value == "一般项目：食品销售；餐饮服务。" + CLAUSES[0]
    assert scope.repaired
    assert scope.confidence < 0.98


def test_a_scope_read_right_is_kept_as_read_and_not_marked() -> None:
    found = extract(
        "business_license",
        license_lines(
            [
                "一般项目：食品销售；餐饮服务。",
                "（除依法须经批准的项目外，凭营",
                "业执照依法自主开展经营活动）",
            ]
        ),
    )
    assert found["business_scope"].value == "一般项目：食品销售；餐饮服务。" + CLAUSES[0]
    assert not found["business_scope"].repaired


def test_a_clause_half_washed_out_is_not_made_up() -> None:
    read = "一般项目：小餐饮。外，凭营业执照依法自主开展经营活动）"
    assert restore_clauses(read) == (read, False)


def test_both_clauses_of_a_scope_with_licensed_items_are_restored() -> None:
    read = (
        "一般项目：日用百货销售。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）许可项目：食品经营。"
        "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为难）"
    )
    restored, repaired = restore_clauses(read)
    assert repaired
    assert restored.endswith(CLAUSES[1])
    assert CLAUSES[0] in restored


def test_a_misread_county_in_a_household_address_is_spelt_as_in_the_division_table() -> None:
    lines = [
        line("常住人口登记卡", 300, 60, 700, 110),
        line("姓名", 60, 160, 140, 200),
        line("李琪", 180, 160, 280, 200),
        line("出生地", 60, 230, 160, 270),
        line("四川省甘孜藏族自治州道平县", 180, 230, 600, 270),
    ]
    birthplace = extract("household_register", lines)["birthplace"]
    assert birthplace.value == "四川省甘孜藏族自治州道孚县"
    assert birthplace.repaired


@pytest.mark.parametrize(
    "address",
    [
        "南京市玄武区中山路1号",  # a real city is not taken for a misread 北京市
        "北京市朝阳区建国路88号",
        "某某省某某县东风街411号",  # not a real division: nothing to correct against
        "吉林省吉林市昌邑区解放路1号",
    ],
)
def test_real_or_unknown_names_are_left_as_read(address: str) -> None:
    assert correct_place_prefix(address) == (address, False)


def test_a_name_one_character_from_two_real_names_is_left_as_read() -> None:
    # 康定县 (before 2015) and 康定市 (after) are both in the table: a misread suffix is ambiguous
    assert correct_place_prefix("四川省甘孜藏族自治州康定具")[1] is False


def test_a_seal_ring_read_as_a_line_beside_a_name_label_is_not_its_value() -> None:
    """Marriage certificate: a piece of the registry's seal, read as one thick line, lies right of
    the second spouse's 姓名 row; the name printed beside the label is still the value."""
    arc = ((798.0, 105.0), (1083.0, 105.0), (1083.0, 342.0), (798.0, 342.0))
    lines = [
        line("结婚证", 500, 20, 700, 60),
        line("姓名", 74, 290, 194, 326),
        line("黄瑞欣", 219, 292, 309, 327),
        TextLine("郴州市龙公司", (798, 105, 1083, 342), 0.54, polygon=arc),
        line("姓名", 599, 291, 748, 331),
        line("郭燕乐", 746, 294, 836, 330),
    ]
    found = extract("marriage_certificate", lines)
    assert found["spouse_1_name"].value == "黄瑞欣"
    assert found["spouse_2_name"].value == "郭燕乐"


def test_a_label_read_one_character_off_still_finds_its_value_for_a_person_to_check() -> None:
    lines = [
        line("高龄津贴申请表", 134, 28, 225, 45),
        line("姓名", 59, 55, 78, 71),
        line("黄丹", 111, 56, 130, 71),
        line("户辖地址", 52, 173, 85, 188),  # 户籍地址 on a small photo
        line("天津市河西区湖滨北路513号和谐公寓18栋4单元1805室", 112, 175, 271, 188),
    ]
    address = extract("application_form", lines)["address"]
    assert address.value == "天津市河西区湖滨北路513号和谐公寓18栋4单元1805室"
    assert address.confidence < 0.8


def test_a_two_line_value_with_its_label_centred_between_the_lines_keeps_its_first_line() -> None:
    lines = [
        line("授权委托书", 432, 103, 761, 163),
        line("委托人", 154, 228, 246, 274),
        line("黎诗", 288, 225, 361, 273),
        line("代为办理个体工商户设立登记，签署、提交相关申请材料，领取营业", 295, 359, 1054, 398),
        line("委托事项", 143, 379, 261, 423),
        line("执照", 293, 395, 359, 436),
        line("委托期限", 145, 466, 259, 508),
        line("自2025年06月23日至2025年07月23日止", 296, 462, 730, 501),
    ]
    found = extract("power_of_attorney", lines)
    assert found["matters"].value == "代为办理个体工商户设立登记，签署、提交相关申请材料，领取营业执照"
    assert found["principal_name"].value == "黎诗"


def test_the_line_above_is_not_taken_when_the_value_ends_on_the_label_row() -> None:
    """A one-line value beside its label: the previous row's value above it stays its own."""
    lines = [
        line("授权委托书", 432, 103, 761, 163),
        line("委托人", 154, 228, 246, 274),
        line("黎诗", 288, 225, 361, 273),
        line("委托事项", 143, 300, 261, 344),
        line("代为办理个体工商户设立登记", 293, 302, 700, 342),
    ]
    assert extract("power_of_attorney", lines)["matters"].value == "代为办理个体工商户设立登记"
