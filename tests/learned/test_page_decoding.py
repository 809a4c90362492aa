"""The learned decoding corrected by the page: wrapped tails, people in printing order, seal rings, runs
into the next value. The tagger is scripted, so each test isolates one rule of the decoding."""

from __future__ import annotations

from prereview.document import TextLine
from tests.learned.scripted import ScriptedTags


def _square(box: tuple[float, float, float, float]) -> tuple[tuple[float, float], ...]:
    x0, y0, x1, y1 = box
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def test_an_address_tail_the_tagger_left_out_is_taken_unless_another_label_owns_it() -> None:
    """An address's last character alone under it ("室"), beside the address's own label centred on
    both lines, is part of it; an untagged "无" under the next address, beside 宗教信仰, is that label's
    value."""
    lines = [
        TextLine(
            "新疆维吾尔自治区和田地区策勒县南京大道436号碧水佳园19栋2单元1803", (232, 356, 978, 400), 0.99
        ),
        TextLine("住址", (118, 376, 184, 424), 0.99),
        TextLine("室", (231, 391, 267, 433), 0.99),
        TextLine("宗教信仰", (98, 444, 205, 487), 0.99),
        TextLine("无", (229, 442, 267, 483), 0.99),
    ]
    tagger = ScriptedTags({"新疆维吾尔自治区和田地区策勒县南京大道436号碧水佳园19栋2单元1803": "address"})
    assert tagger.extract("household_register", [lines])["address"].value.endswith("1803室")

    lines = [
        TextLine("住址", (225, 484, 299, 540), 0.99),
        TextLine("北京市海淀区滨江南路337号锦绣佳园30栋6单元2708室", (341, 504, 931, 556), 0.99),
        TextLine("宗教信仰", (200, 552, 315, 604), 0.99),
        TextLine("无", (337, 569, 380, 613), 0.99),
    ]
    tagger = ScriptedTags({"北京市海淀区滨江南路337号锦绣佳园30栋6单元2708室": "address"})
    assert tagger.extract("household_register", [lines])["address"].value.endswith("2708室")


def test_a_tail_line_mostly_tagged_with_the_value_is_joined_whole() -> None:
    """ "49号底商" under a license's address, its "4" given to the scope beside it, ends the address."""
    lines = [
        TextLine("住所", (800, 834, 900, 880), 0.99),
        TextLine("吉林省吉林市昌邑区南京北路6", (945, 834, 1316, 880), 0.99),
        TextLine("49号底商", (949, 882, 1074, 928), 0.99),
    ]
    tagger = ScriptedTags(
        {"吉林省吉林市昌邑区南京北路6": "address", "4": "business_scope", "9号底商": "address"}
    )
    assert (
        tagger.extract("business_license", [lines])["address"].value == "吉林省吉林市昌邑区南京北路649号底商"
    )


def test_the_two_spouses_are_named_in_printing_order_whatever_the_tagger_said() -> None:
    """Both names tagged as the second spouse, and the ID numbers swapped: the left column is the first
    spouse, as the anchors read it (the n-th 姓名 fills the n-th key)."""
    lines = [
        TextLine("姓名", (170, 395, 290, 440), 0.99),
        TextLine("王峰宁", (322, 393, 417, 440), 0.99),
        TextLine("姓名", (735, 392, 860, 438), 0.99),
        TextLine("曹宏云", (885, 390, 979, 436), 0.99),
        TextLine("身份证件号", (170, 600, 330, 640), 0.99),
        TextLine("410603200002043552", (340, 600, 640, 640), 0.99),
        TextLine("身份证件号", (700, 600, 860, 640), 0.99),
        TextLine("410603199709254868", (870, 600, 1170, 640), 0.99),
    ]
    tagger = ScriptedTags(
        {
            "王峰宁": "spouse_2_name",
            "曹宏云": "spouse_2_name",
            "410603200002043552": "spouse_2_id_number",
            "410603199709254868": "spouse_1_id_number",
        }
    )
    fields = tagger.extract("marriage_certificate", [lines])
    assert (fields["spouse_1_name"].value, fields["spouse_2_name"].value) == ("王峰宁", "曹宏云")
    assert fields["spouse_1_id_number"].value == "410603200002043552"
    assert fields["spouse_2_id_number"].value == "410603199709254868"


def test_two_id_numbers_one_under_the_other_are_two_values() -> None:
    """A power of attorney's principal and agent ID numbers, stacked in one column and both tagged as the
    principal's: an 18-character number never wraps, so the second is the agent's."""
    lines = [
        TextLine("身份证号码", (500, 243, 700, 278), 0.99),
        TextLine("370104198603183821", (712, 243, 968, 278), 0.99),
        TextLine("身份证号码", (500, 305, 700, 340), 0.99),
        TextLine("370104198608025697", (714, 305, 975, 340), 0.99),
    ]
    tagger = ScriptedTags(
        {"370104198603183821": "principal_id_number", "370104198608025697": "principal_id_number"}
    )
    fields = tagger.extract("power_of_attorney", [lines])
    assert fields["principal_id_number"].value == "370104198603183821"
    assert fields["agent_id_number"].value == "370104198608025697"


def test_a_speck_on_the_label_line_above_an_id_number_is_left_out() -> None:
    """ "公民身份号码1": the tagger runs the stray "1" into the number under it; the number is the one line
    of 18 characters (here its checksum fails, so no checksum window could find it)."""
    lines = [
        TextLine("公民身份号码1", (64, 501, 323, 542), 0.99),
        TextLine("120102195111287483", (299, 502, 710, 545), 0.99),
    ]
    tagger = ScriptedTags({"1120102195111287483": "id_number"})
    assert tagger.extract("id_card_front", [lines])["id_number"].value == "120102195111287483"


def test_a_seal_ring_read_as_a_line_is_never_a_value() -> None:
    """A seal's ring framed as one thick line ("海阳苗族自") near the name is not the name, however the
    tagger tags it."""
    lines = [
        TextLine("海阳苗族自", (806, 106, 1027, 314), 0.9, polygon=_square((806, 106, 1027, 314))),
        TextLine("姓名", (74, 277, 179, 310), 0.99),
        TextLine("彭心", (204, 275, 268, 310), 0.99),
    ]
    tagger = ScriptedTags({"海阳苗族自": "spouse_1_name", "彭心": "spouse_1_name"})
    assert tagger.extract("marriage_certificate", [lines])["spouse_1_name"].value == "彭心"


def test_an_address_does_not_run_into_the_date_beside_it() -> None:
    """OCR ends the address line just before the birth date on its row; the tagger runs on into "198"."""
    lines = [
        TextLine("住址", (200, 424, 300, 470), 0.99),
        TextLine("青海省海南藏族自治州贵德县振兴路938号", (345, 424, 789, 470), 0.99),
        TextLine("1982年01月25日", (800, 421, 1019, 470), 0.99),
    ]
    tagger = ScriptedTags({"振兴路938号198": "address"})
    assert (
        tagger.extract("household_register", [lines])["address"].value
        == "青海省海南藏族自治州贵德县振兴路938号"
    )


def test_one_weak_character_does_not_cut_a_certificate_number() -> None:
    """ "不动产权第": 权 left untagged between two parts of the number on one line."""
    lines = [TextLine("甘（2023）积石山县不动产权第9124191号", (95, 70, 816, 106), 0.99)]
    tagger = ScriptedTags(
        {"甘（2023）积石山县不动产": "certificate_number", "第9124191号": "certificate_number"}
    )
    value = tagger.extract("property_certificate", [lines])["certificate_number"].value
    assert value == "甘（2023）积石山县不动产权第9124191号"


def test_a_tail_line_given_to_a_field_whose_value_is_elsewhere_is_the_value_above_it() -> None:
    """ "1层" under a license's address, tagged as the scope whose lines are in the other column: the
    scope's value is over there, so the tail is untagged, and it ends the address above it."""
    lines = [
        TextLine("经营范围", (100, 640, 220, 675), 0.99),
        TextLine("一般项目：文具用品零售；食品", (250, 640, 600, 675), 0.99),
        TextLine("住所", (680, 640, 740, 675), 0.99),
        TextLine("贵州省黔南布依族苗族自", (769, 637, 1052, 672), 0.99),
        TextLine("销售。（除依法须经批准的项目外，", (250, 676, 600, 711), 0.99),
        TextLine("治州平塘县团结西路211号", (770, 672, 1064, 707), 0.99),
        TextLine("1层", (767, 708, 820, 743), 0.99),
    ]
    tagger = ScriptedTags(
        {
            "一般项目：文具用品零售；食品": "business_scope",
            "销售。（除依法须经批准的项目外，": "business_scope",
            "贵州省黔南布依族苗族自": "address",
            "治州平塘县团结西路211号": "address",
            "1层": "business_scope",
        }
    )
    fields = tagger.extract("business_license", [lines])
    assert fields["address"].value == "贵州省黔南布依族苗族自治州平塘县团结西路211号1层"
    assert fields["business_scope"].value.startswith("一般项目：文具用品零售；食品销售。")
