"""The anchor extractor on scripted OCR lines of tilted photos and wrapped values: where a multi-line
value goes on and where it stops, labels spelled with OCR's stray marks, values that begin with a
label's word, and labels printed twice."""

from __future__ import annotations

from prereview.document import TextLine
from prereview.understanding import build_extractor


def line(text: str, x0: float, y0: float, x1: float, y1: float) -> TextLine:
    return TextLine(text, (x0, y0, x1, y1), 0.98)


def values(material_type: str, lines: list[TextLine]) -> dict[str, str]:
    fields = build_extractor("anchors").extract(material_type, [lines])
    return {k: str(f.value) for k, f in fields.items()}


SCOPE = (
    "一般项目：食品销售（仅销售预包装食品）；外卖递送服务；餐饮服务。"
    "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
)


def test_scope_wrapped_over_the_tall_overlapping_boxes_of_a_tilted_photo() -> None:
    """Tilted 4°, each long line's box is twice as tall as the 35 px between two lines: every line
    of the scope is still read, in order."""
    lines = [
        line("营业执照", 508, 458, 967, 614),
        line("类型", 235, 714, 357, 770),
        line("个体工商户", 381, 730, 513, 777),
        line("经营者", 238, 779, 339, 828),
        line("毛海丹", 379, 791, 467, 837),
        line("经营范围", 236, 900, 345, 950),
        line("一般项目：食品销售（仅销售预", 375, 913, 721, 979),
        line("包装食品）；外卖递送服务；餐", 375, 944, 721, 1017),
        line("饮服务。（除依法须经批准的项", 375, 983, 717, 1051),
        line("目外，凭营业执照依法自主开展", 373, 1017, 717, 1086),
        line("经营活动）", 369, 1054, 492, 1102),
    ]
    found = values("business_license", lines)
    assert found["business_scope"] == SCOPE
    assert found["entity_type"] == "个体工商户"


def test_tilted_form_scope_keeps_its_second_line_from_the_address_above() -> None:
    """The scope's second line starts inside the tall box of its first (tilted photo): it continues
    the scope, and the address above stops at its own line."""
    lines = [
        line("个体工商户名称", 292, 615, 481, 679),
        line("某某县某某宾馆", 546, 637, 726, 698),
        line("经营场所", 322, 696, 443, 755),
        line("某某省某某县东风街411号2层201", 544, 718, 1143, 802),
        line("经营范围", 320, 786, 441, 847),
        line("一般项目：餐饮服务；洗染服务。（除依法须经批准的项目外，凭营业执照", 553, 794, 1340, 890),
        line("依法自主开展经营活动）", 539, 827, 802, 885),
        line("资金数额", 318, 867, 438, 923),
        line("20万元", 529, 885, 631, 941),
    ]
    found = values("application_form", lines)
    assert found["premises"] == "某某省某某县东风街411号2层201"
    assert found["business_scope"] == (
        "一般项目：餐饮服务；洗染服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
    )
    assert found["capital"] == "20万元"


def test_a_wider_line_under_a_tilted_address_is_the_next_row_not_its_continuation() -> None:
    """Tilted the other way: the scope's long first line overlaps the address's row. It is wider
    than the address line above it, so it is the next row's value, not the address's second line;
    a label complete by itself is not joined with its value into one line either (经营场所 is
    also the start of 经营场所地址)."""
    lines = [
        line("个体工商户名称", 248, 619, 416, 673),
        line("某某区某某茶饮店", 472, 603, 656, 657),
        line("经营场所", 278, 675, 388, 729),
        line("北京市某某区育才南路502号一楼门面", 476, 641, 848, 709),
        line("一般项目：食品销售；茶具销售。（除依法须经批准的项目外，", 488, 671, 1083, 765),
        line("经营范围", 282, 741, 391, 792),
        line("凭营业执照依法自主开展经营活动）", 478, 733, 716, 790),
    ]
    found = values("application_form", lines)
    assert found["business_name"] == "某某区某某茶饮店"
    assert found["premises"] == "北京市某某区育才南路502号一楼门面"


def test_matters_stop_at_the_next_rows_value_not_the_paragraph_after_it() -> None:
    """The term's line, owned by 委托期限, lies between the matters and the closing paragraph (which a
    tilted photo brings within reach of the matters' tall box): the matters stop at their own line."""
    lines = [
        line("授权委托书", 599, 227, 1002, 355),
        line("委托人", 302, 444, 407, 504),
        line("陶某", 452, 431, 535, 491),
        line("受托人", 302, 513, 410, 575),
        line("周某某", 453, 498, 563, 562),
        line("代为办理公共场所卫生许可申请，提交材料并领取许可证", 459, 524, 1164, 651),
        line("委托事项", 290, 604, 424, 670),
        line("自2025年06月23日至2025年12月20日止", 461, 636, 980, 743),
        line("委托期限", 293, 695, 424, 759),
        line(
            "本人对受托人在上述权限内所签署的文件和处理的事务均予以承认，由此产生的法律后果由",
            244,
            684,
            1362,
            858,
        ),
        line("本人承担。", 244, 835, 385, 895),
    ]
    found = values("power_of_attorney", lines)
    assert found["matters"] == "代为办理公共场所卫生许可申请，提交材料并领取许可证"
    assert found["valid_to"] == "2025-12-20"


def test_entity_type_wraps_in_its_column_and_its_spaced_label_has_a_stray_checkbox() -> None:
    """The two-column license wraps a long 类型 in its column; OCR read the spaced label's second
    character with a checkbox stroke before it ("☑型"). The next row (法定代表人) is not swallowed."""
    lines = [
        line("营业执照", 370, 215, 811, 327),
        line("名称", 96, 423, 205, 460),
        line("某某市某某食品有限公司", 239, 423, 514, 460),
        line("注册资本", 622, 423, 735, 460),
        line("伍佰万元整", 751, 421, 885, 458),
        line("类", 96, 486, 142, 521),
        line("☑型", 124, 484, 205, 523),
        line("有限责任公司（自然人投资或控", 239, 482, 588, 519),
        line("成立日期", 620, 481, 730, 516),
        line("2023年07月05日", 753, 481, 942, 516),
        line("股)", 239, 519, 285, 556),
        line("营业期限", 622, 539, 728, 575),
        line("2023年07月05日至长期", 753, 538, 1036, 575),
        line("法定代表人", 96, 579, 230, 614),
        line("白某某", 239, 575, 321, 612),
    ]
    found = values("business_license", lines)
    assert found["entity_type"] == "有限责任公司（自然人投资或控股）"
    assert found["legal_representative"] == "白某某"
    assert found["valid_to"] == "长期"


def test_entity_type_on_one_line_does_not_take_the_next_rows_value() -> None:
    """A one-line 类型 with the next row's value close under it (its label beside it, OCR merged
    nothing): the value stays the next label's."""
    lines = [
        line("营业执照", 380, 220, 815, 320),
        line("类型", 97, 482, 211, 523),
        line("个体工商户", 248, 481, 420, 516),
        line("经营者", 97, 530, 200, 565),
        line("程某某", 248, 525, 334, 560),
    ]
    found = values("business_license", lines)
    assert found["entity_type"] == "个体工商户"
    assert found["legal_representative"] == "程某某"


def test_a_value_that_begins_with_a_label_word_beside_an_empty_label() -> None:
    """注销原因 "经营场所变更": the line beside the label starts with 经营场所, but it is that label's
    value (no colon after the word, right beside a label with nothing on its own line)."""
    lines = [
        line("食品经营许可证注销申请书", 350, 92, 857, 142),
        line("经营者名称", 166, 186, 293, 228),
        line("某某区兴旺小吃店", 373, 189, 563, 230),
        line("注销原因", 177, 529, 280, 572),
        line("经营场所变更", 373, 537, 518, 574),
        line("申请人签字", 166, 607, 291, 650),
    ]
    found = values("application_form", lines)
    assert found["reason"] == "经营场所变更"
    assert "premises" not in found


def test_a_label_with_a_colon_beside_an_empty_label_stays_a_label() -> None:
    lines = [
        line("注销原因", 177, 529, 280, 572),
        line("经营场所：某某路1号", 373, 537, 640, 574),
    ]
    found = values("application_form", lines)
    assert found["premises"] == "某某路1号"
    assert "reason" not in found


def test_a_contract_label_printed_as_a_heading_and_again_in_its_sentence() -> None:
    lines = [
        line("房屋租赁合同", 455, 87, 757, 147),
        line("出租方(甲方)", 150, 198, 316, 236),
        line("侯某", 362, 200, 427, 243),
        line("租赁期限", 157, 607, 271, 650),
        line("租赁期限自2025年07月03日起至2030年07月02日止。", 161, 657, 741, 698),
    ]
    found = values("lease_contract", lines)
    assert (found["lease_start"], found["lease_end"]) == ("2025-07-03", "2030-07-02")


def test_a_tilted_address_line_taller_than_its_label_is_beside_it() -> None:
    """The long address line of a tilted photo: its box is twice the label's height and its middle
    well below the label's, but its top is level with the label's: it is the value, not only its
    wrapped tail."""
    lines = [
        line("新(2020)某某县不动产权第8097675号", 272, 146, 820, 236),
        line("权利人", 262, 213, 394, 269),
        line("韦某", 447, 233, 514, 280),
        line("坐", 252, 345, 294, 386),
        line("落", 376, 359, 414, 393),
        line("新疆维吾尔自治区昌吉回族自治州某某县青年中路570号紫荆雅居9栋6", 434, 361, 1231, 471),
        line("单元2408室", 434, 396, 577, 446),
        line("不动产单元号", 243, 441, 406, 493),
    ]
    found = values("property_certificate", lines)
    assert (
        found["property_address"] == "新疆维吾尔自治区昌吉回族自治州某某县青年中路570号紫荆雅居9栋6单元2408室"
    )
    assert found["holder"] == "韦某"


def test_a_title_in_a_larger_print_grazing_the_first_row_is_not_its_value() -> None:
    """A tilted photo's title reaches down into the first row: its bottom is level with the label's,
    but its print is much larger than the label's, so it is not the row's value."""
    lines = [
        line("个体工商户登记（备案）申请书", 491, 227, 1119, 360),
        line("经营者姓名", 332, 315, 473, 377),
        line("王某某", 554, 336, 649, 394),
    ]
    assert values("application_form", lines)["applicant_name"] == "王某某"


def test_area_whose_unit_lost_its_superscript() -> None:
    lines = [
        line("面", 83, 569, 117, 604),
        line("积", 201, 573, 235, 599),
        line("共有宗地面积/房屋建筑面积176.72m", 252, 571, 650, 600),
    ]
    assert values("property_certificate", lines)["area"] == "176.72"


def test_certificate_number_of_a_long_autonomous_county() -> None:
    lines = [
        line("甘(2023)积石山保安族东乡族撒拉族自治县不动产权第9124191号", 86, 84, 700, 113),
        line("权利人", 84, 151, 200, 182),
        line("陈某", 252, 150, 309, 183),
    ]
    found = values("property_certificate", lines)
    assert found["certificate_number"] == "甘（2023）积石山保安族东乡族撒拉族自治县不动产权第9124191号"


def test_birthplace_wrapped_in_its_cell() -> None:
    lines = [
        line("常住人口登记卡", 359, 51, 690, 105),
        line("姓名", 121, 151, 184, 195),
        line("高某", 231, 151, 297, 199),
        line("出生地", 110, 204, 196, 248),
        line("青海省海北藏族自治州门源回族自治", 239, 204, 540, 236),
        line("县", 239, 236, 270, 266),
        line("民族", 600, 203, 662, 247),
        line("汉族", 719, 205, 783, 250),
        line("曾用名", 112, 281, 195, 326),
        line("籍贯", 123, 336, 185, 380),
        line("青海省西宁市", 240, 342, 384, 380),
    ]
    found = values("household_register", lines)
    assert found["birthplace"] == "青海省海北藏族自治州门源回族自治县"
    assert found["ethnicity"] == "汉族"


def test_sex_and_ethnicity_read_as_one_line_beside_the_sex_label() -> None:
    """An ID card prints 性别 and 民族 on one row; OCR may read "男民族汉" as one line right of 性别.
    The line starts with a value, so 民族 inside it is still a label with its own value."""
    lines = [
        line("姓名", 68, 53, 150, 104),
        line("尹晓海", 155, 47, 278, 98),
        line("性别", 67, 115, 152, 169),
        line("男民族汉", 139, 107, 401, 177),
        line("出生", 66, 183, 148, 232),
        line("1978年9月5日", 153, 175, 425, 236),
    ]
    found = values("id_card_front", lines)
    assert (found["sex"], found["ethnicity"]) == ("男", "汉")


def test_an_address_stops_above_the_next_values_centred_first_line() -> None:
    """经营范围 printed centred on its two-line value: the value's first line lies just under the premises
    line above, reaching into 经营范围's row. It opens the scope and does not end the premises."""
    lines = [
        line("经营场所", 331, 681, 440, 722),
        line("福建省漳州市芗城区湖滨北路407号一楼门面", 547, 673, 997, 716),
        line("一般项目：外卖递送服务；食品销售（仅销售预包装食品）；餐饮服务。（除", 566, 724, 1309, 770),
        line("经营范围", 333, 752, 442, 794),
        line("依法须经批准的项目外，凭营业执照依法自主开展经营活动)", 549, 757, 1150, 800),
        line("资金数额", 338, 824, 447, 865),
        line("2万元", 552, 817, 627, 860),
    ]
    found = values("application_form", lines)
    assert found["premises"] == "福建省漳州市芗城区湖滨北路407号一楼门面"
    assert found["business_scope"] == SCOPE.replace(
        "食品销售（仅销售预包装食品）；外卖递送服务", "外卖递送服务；食品销售（仅销售预包装食品）"
    )
