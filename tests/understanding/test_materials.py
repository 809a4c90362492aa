"""Scripted OCR lines (no OCR) for the materials beyond the ID card: tables, repeated labels, spaced
and clipped labels, values spread along a row, multi-page documents and what is never read from text."""

from __future__ import annotations

from stdnum.cn import ric, uscc

from prereview.document import TextLine
from prereview.understanding import build_classifier, build_extractor, understand


def line(text: str, x0: float, y0: float, x1: float, y1: float) -> TextLine:
    return TextLine(text, (x0, y0, x1, y1), 0.98)


def valid_id(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


def values(material_type: str, lines: list[TextLine]) -> dict[str, str]:
    fields = build_extractor("anchors").extract(material_type, [lines])
    return {k: str(f.value) for k, f in fields.items()}


HUSBAND, WIFE = valid_id("44040219950804661"), valid_id("44040220000420110")
CODE = "91110102MAL7CFH4" + "9" + uscc.calc_check_digit("91110102MAL7CFH49" + "0")


def test_birth_date_printed_with_wide_gaps_is_read_along_the_row() -> None:
    lines = [
        line("姓名", 50, 60, 130, 100),
        line("张三", 180, 60, 260, 100),
        line("出生", 50, 140, 130, 180),
        line("2015", 180, 140, 260, 180),
        line("年", 300, 140, 330, 180),
        line("6", 380, 140, 400, 180),
        line("月", 440, 140, 470, 180),
        line("9", 520, 140, 540, 180),
        line("日", 580, 140, 610, 180),
    ]
    fields = build_extractor("anchors").extract("id_card_front", [lines])
    assert fields["birth_date"].value == "2015-06-09"
    assert fields["birth_date"].box == (180, 140, 610, 180)


def test_business_license_2019_two_column_template() -> None:
    lines = [
        line("统一社会信用代码" + CODE, 100, 120, 630, 160),
        line("营业执照", 380, 220, 815, 320),
        line("称", 163, 423, 209, 458),  # OCR lost the first half of the spaced-out 名 称
        line("丹东市华联餐饮管理有限公司", 246, 421, 581, 456),
        line("注册资本", 620, 423, 735, 460),
        line("贰佰万元整", 758, 421, 896, 458),
        line("类", 97, 482, 142, 519),  # 类 型 spaced out, read as two boxes
        line("型", 124, 479, 211, 523),
        line("有限责任公司(自然人独资)", 248, 481, 567, 516),
        line("成立日期", 623, 482, 735, 519),
        line("2019年12月05日", 761, 482, 962, 512),
        line("法定代表人", 97, 542, 243, 579),
        line("程睿宏", 240, 536, 334, 579),
        line("营业期限", 622, 539, 737, 581),
        line("2019年12月05日至", 760, 539, 999, 574),
        line("2049年12月05日", 763, 577, 962, 607),
        line("经营范围", 92, 596, 209, 643),
        line("一般项目:餐饮服务;食品销售", 255, 602, 604, 631),
        line("住所", 660, 633, 735, 667),
        line("辽宁省丹东市元宝区新华北", 760, 630, 1071, 665),
        line("路174号底商", 761, 667, 912, 696),
        line("登记机关", 715, 1344, 820, 1381),
        line("2022年10月08日", 753, 1440, 935, 1470),
    ]
    assert values("business_license", lines) == {
        "credit_code": CODE,
        "name": "丹东市华联餐饮管理有限公司",
        "entity_type": "有限责任公司（自然人独资）",
        "legal_representative": "程睿宏",
        "registered_capital": "贰佰万元整",
        "established_date": "2019-12-05",
        "valid_to": "2049-12-05",
        "address": "辽宁省丹东市元宝区新华北路174号底商",
        "business_scope": "一般项目：餐饮服务；食品销售",
        "issue_date": "2022-10-08",  # the date by the seal is not the authority
    }


def test_registration_authority_must_look_like_an_organisation() -> None:
    base = [
        line("营业执照", 380, 100, 800, 200),
        line("名称", 100, 300, 200, 340),
        line("某某商店", 300, 300, 500, 340),
    ]
    year = [*base, line("登记机关", 600, 900, 720, 940), line("2016", 760, 900, 840, 940)]
    assert "registration_authority" not in values("business_license", year)
    named = [*base, line("登记机关", 600, 900, 720, 940), line("三穗县市场监督管理局", 600, 960, 900, 1000)]
    assert values("business_license", named)["registration_authority"] == "三穗县市场监督管理局"


def test_marriage_certificate_spouses_side_by_side_with_spaced_labels() -> None:
    lines = [
        line("持证人", 74, 59, 184, 92),
        line("冯文涛", 228, 57, 312, 92),
        line("登记日期", 74, 114, 196, 143),
        line("2024年12月31日", 231, 114, 412, 143),
        line("结婚证字号", 76, 166, 204, 195),
        line("J440402-2024-012573", 230, 167, 479, 195),
        line("姓", 75, 279, 118, 308),
        line("名", 142, 280, 182, 308),
        line("冯文涛", 212, 276, 300, 310),
        line("姓", 604, 279, 640, 308),
        line("名", 665, 279, 710, 308),
        line("王心倩", 740, 276, 826, 310),
        line("身份证件号", 78, 489, 209, 518),
        line(HUSBAND, 215, 489, 464, 517),
        line("身份证件号", 605, 489, 735, 518),
        line(WIFE, 740, 489, 992, 517),
    ]
    assert values("marriage_certificate", lines) == {
        "holder_name": "冯文涛",
        "registration_date": "2024-12-31",
        "certificate_number": "J440402-2024-012573",
        "spouse_1_name": "冯文涛",
        "spouse_2_name": "王心倩",
        "spouse_1_id_number": HUSBAND,
        "spouse_2_id_number": WIFE,
    }


def test_power_of_attorney_roles_and_term_and_no_signed_from_text() -> None:
    lines = [
        line("授权委托书", 450, 111, 790, 174),
        line("委托人：罗玲", 116, 225, 273, 261),
        line("身份证号码：" + HUSBAND, 493, 228, 880, 259),
        line("受托人：谢航伟", 116, 281, 293, 318),
        line("身份证号码：" + WIFE, 493, 287, 880, 316),
        line("委托事项：代为办理个体工商户设立登记,签署、提交相关申请材料", 122, 369, 1013, 398),
        line("委托期限：自2026年11月27日至2027年01月26日止", 122, 437, 675, 468),
        line("委托人（签字）：罗玲", 554, 650, 900, 687),  # a handwritten name OCR merged with its caption
        line("日期：2026年11月27日", 557, 725, 806, 756),
    ]
    result = understand([lines])
    assert result.material_type == "power_of_attorney"
    assert {k: f.value for k, f in result.fields.items()} == {
        "principal_name": "罗玲",
        "principal_id_number": HUSBAND,
        "agent_name": "谢航伟",
        "agent_id_number": WIFE,
        "matters": "代为办理个体工商户设立登记，签署、提交相关申请材料",
        "valid_to": "2027-01-26",
        "sign_date": "2026-11-27",
    }
    assert sorted(c.field for c in result.checks) == ["agent_id_number", "principal_id_number"]


def test_lease_contract_pages_without_a_title_stay_one_document() -> None:
    first = [
        line("房屋租赁合同", 471, 97, 769, 152),
        line("出租方（甲方）：苏英", 122, 201, 358, 232),
        line("身份证号码：" + HUSBAND, 644, 201, 1015, 232),
        line("承租方（乙方)：杜雯英", 122, 250, 380, 281),
        line("第一条房屋基本情况", 120, 428, 341, 457),
        line("房屋坐落:上海市浦东新区新华中路280号世纪小区9栋1单元1804室", 168, 473, 862, 502),
        line("建筑面积115.58平方米，不动产权证书号：沪(2018)上海市不动产权第6375100号", 168, 524, 1024, 554),
        line("租赁期限自2026年09月24日起至2027年09月23日止。", 166, 630, 705, 660),
        line("甲方无息退还。", 168, 769, 792, 800),
    ]
    second = [
        line("第六条费用承担", 118, 141, 293, 172),
        line("本合同自双方签字之日起生效,一式两份,甲乙双方各执一份。", 168, 672, 1011, 702),
        line("甲方（签字）：", 120, 786, 284, 824),
        line("乙方(签字)：杨明浩", 612, 733, 938, 808),
        line("日期：2026年09月21日", 122, 861, 365, 892),
    ]
    result = understand([first, second])
    assert result.material_type == "lease_contract" and len(result.parts) == 1
    assert {k: f.value for k, f in result.fields.items()} == {
        "lessor": "苏英",
        "lessee": "杜雯英",
        "property_address": "上海市浦东新区新华中路280号世纪小区9栋1单元1804室",
        "lease_start": "2026-09-24",
        "lease_end": "2027-09-23",
    }
    assert build_classifier("anchors").classify([[], second]).material_type != "lease_contract"


def test_application_form_title_names_its_item_and_its_keys() -> None:
    lines = [
        line("个体工商户登记（备案）申请书", 309, 97, 896, 143),
        line("经营者姓名", 162, 191, 291, 234),
        line("孙一", 366, 186, 436, 234),
        line("身份证号码", 164, 250, 291, 292),
        line(HUSBAND, 375, 253, 593, 283),
        line("联系电话", 173, 310, 284, 354),
        line("15353415930", 375, 315, 509, 345),
        line("经营场所", 173, 489, 282, 531),
        line("山东省枣庄市市中区光明中路204号1层", 379, 492, 773, 522),
        line("申请人签字", 162, 774, 293, 816),
        line("孙一", 530, 761, 705, 845),
        line("申请日期：2026年11月16日", 651, 869, 947, 920),
    ]
    result = understand([lines])
    assert result.material_type == "application_form"
    fields = {k: f.value for k, f in result.fields.items()}
    assert fields == {
        "applicant_name": "孙一",
        "applicant_id_number": HUSBAND,
        "phone": "15353415930",
        "premises": "山东省枣庄市市中区光明中路204号1层",
        "business_address": "山东省枣庄市市中区光明中路204号1层",
        "sign_date": "2026-11-16",
        "form_title": "个体工商户登记（备案）申请书",
        "item_hint": "individual_business_registration",
    }


def test_food_license_and_its_cancellation_form_are_told_apart() -> None:
    license_lines = [
        line("食品经营许可证", 362, 126, 884, 206),
        line("许可证编号：JY15134334732376", 363, 241, 744, 293),
        line("经营者名称", 121, 325, 270, 373),
        line("冕宁县云帆水果店", 399, 323, 616, 360),
        line("社会信用代码", 125, 393, 292, 431),
        line(CODE, 400, 389, 644, 420),
        line("主体业态", 124, 643, 244, 687),
        line("食品销售经营者", 400, 638, 592, 680),
        line("有效期至", 124, 771, 242, 815),
        line("2031年11月08日", 399, 767, 589, 804),
    ]
    form_lines = [
        line("食品经营许可证注销申请书", 348, 94, 854, 140),
        line("经营者名称", 162, 189, 284, 227),
        line("冕宁县云帆水果店", 370, 193, 555, 228),
        line("许可证编号", 161, 301, 286, 344),
        line("JY15134334732376", 371, 310, 571, 340),
        line("申请人签字", 162, 609, 282, 646),
        line("申请日期：2026年11月28日", 659, 712, 941, 742),
    ]
    licence = understand([license_lines])
    assert licence.material_type == "food_business_license"
    assert {k: f.value for k, f in licence.fields.items()} == {
        "license_number": "JY15134334732376",
        "operator_name": "冕宁县云帆水果店",
        "credit_code": CODE,
        "valid_to": "2031-11-08",
    }
    form = understand([form_lines])
    assert form.material_type == "application_form"
    assert form.fields["item_hint"].value == "food_license_cancellation"


def test_household_register_header_and_stop_labels() -> None:
    number = valid_id("15253019771120752")
    lines = [
        line("常住人口登记卡", 378, 41, 722, 92),
        line("户别 家庭户 户主姓名 叶龙子", 73, 130, 447, 169),
        line("住址 内蒙古自治区锡林郭勒盟正蓝旗光明南路993号", 77, 187, 671, 218),
        line("姓名", 128, 278, 194, 325),
        line("叶悦梅", 245, 284, 335, 327),
        line("户主或与户主关系", 574, 282, 737, 317),
        line("孙女", 749, 283, 818, 329),
        line("曾用名", 115, 338, 206, 386),
        line("性别", 623, 339, 690, 386),
        line("女", 750, 344, 793, 389),
        line("出生地", 116, 400, 205, 444),
        line("内蒙古自治区锡林郭勒盟正蓝旗", 250, 408, 522, 441),
        line("民族", 623, 399, 690, 447),
        line("汉族", 750, 402, 818, 449),
        line("出生日期", 600, 460, 712, 502),
        line("1977年11月20日", 755, 467, 947, 503),
        line("公民身份号码", 578, 522, 735, 559),
        line(number, 756, 528, 1010, 561),
    ]
    result = understand([lines])
    assert result.material_type == "household_register"
    assert {k: f.value for k, f in result.fields.items()} == {
        "name": "叶悦梅",
        "relation_to_head": "孙女",
        "sex": "女",
        "ethnicity": "汉族",
        "birth_date": "1977-11-20",
        "birthplace": "内蒙古自治区锡林郭勒盟正蓝旗",
        "id_number": number,
        "address": "内蒙古自治区锡林郭勒盟正蓝旗光明南路993号",
    }


def test_property_certificate_number_printed_without_a_label() -> None:
    lines = [
        line("粤(2019)深圳市不动产权第0123456号", 100, 70, 700, 110),
        line("权利人", 100, 200, 200, 240),
        line("张三", 300, 200, 380, 240),
        line("坐落", 100, 260, 200, 300),
        line("深圳市南山区科技路1号", 300, 260, 700, 300),
        line("不动产单元号", 100, 320, 260, 360),
        line("440305001001GB00001", 300, 320, 700, 360),
        line("用途", 100, 380, 200, 420),
        line("住宅", 300, 380, 380, 420),
        line("面积", 100, 440, 200, 480),
        line("共有宗地面积/房屋建筑面积89.56㎡", 300, 440, 800, 480),
    ]
    result = understand([lines])
    assert result.material_type == "property_certificate"
    assert {k: f.value for k, f in result.fields.items()} == {
        "certificate_number": "粤（2019）深圳市不动产权第0123456号",
        "holder": "张三",
        "property_address": "深圳市南山区科技路1号",
        "usage": "住宅",
        "area": "89.56",
    }
    assert result.fields["area"].box[0] > 600  # the number's share of the line, not the whole line


def test_a_driving_licence_is_no_id_card() -> None:
    """A driving licence prints the ID card's labels and the holder's ID number as its 证号, but it is
    another paper: recognised as ``other``, so the applicant is asked for the ID card itself."""
    number = valid_id("44040219950804661")
    lines = [
        line("中华人民共和国机动车驾驶证", 100, 40, 700, 90),
        line(f"证号{number}", 100, 110, 600, 150),
        line("姓名李明", 100, 170, 300, 210),
        line("性别男", 400, 170, 520, 210),
        line("国籍中国", 560, 170, 700, 210),
        line("住址广东省珠海市香洲区人民东路12号", 100, 230, 700, 270),
        line("出生日期1995-08-04", 100, 290, 450, 330),
        line("初次领证日期2015-03-02", 100, 350, 450, 390),
        line("准驾车型C1", 100, 410, 300, 450),
        line("有效期限2021-03-02至2031-03-02", 100, 470, 650, 510),
    ]
    assert build_classifier("anchors").classify([lines]).material_type == "other"
