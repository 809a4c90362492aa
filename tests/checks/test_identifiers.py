from __future__ import annotations

import pytest
from stdnum.cn import ric, uscc
from stdnum.iso7064 import mod_11_2

from prereview.checks import check_credit_code, check_id_number, check_identifiers
from prereview.document import Field


def with_check(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


def wrong_check(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


def test_valid_numbers_pass() -> None:
    for body in ("11010519900315233", "50010120150609002"):
        check = check_id_number(with_check(body))
        assert (check.code, check.status, check.field) == ("id_number_checksum", "pass", "id_number")


def test_reasons_map_stdnum_errors() -> None:
    good = with_check("11010519900315233")
    assert check_id_number(wrong_check(good)).code == "id_number_checksum"
    assert check_id_number(good[:-1]).code == "id_number_length"
    assert check_id_number("1101A5199003152338").code == "id_number_format"
    bad_date = with_check("11010519901345233")
    assert (check_id_number(bad_date).code, check_id_number(bad_date).status) == (
        "id_number_birth_date",
        "fail",
    )
    for number in (wrong_check(good), good[:-1], bad_date):
        assert check_id_number(number).status == "fail"
        assert "公民身份号码" in check_id_number(number).message


@pytest.mark.parametrize(
    "body",
    ["81000019900315233", "82000019850101123", "83000020000229456", "93156019900315233", "11019919900315233"],
)
def test_where_stdnum_is_too_strict_a_valid_mod_11_2_number_warns(body: str) -> None:
    number = with_check(body)
    assert mod_11_2.is_valid(number)  # (ric.is_valid itself raises KeyError on 110199 in stdnum 2.2)
    check = check_id_number(number)
    assert check.status == "warn" and check.code == "id_number_region"
    # ...but a wrong check character there is still a failure
    assert check_id_number(wrong_check(number)).status == "fail"


def test_credit_codes() -> None:
    good = "91350100M000100Y43"
    assert check_credit_code(good).status == "pass"
    bad = good[:-1] + "4"
    assert (check_credit_code(bad).code, check_credit_code(bad).status) == ("credit_code_checksum", "fail")
    assert "统一社会信用代码" in check_credit_code(bad).message
    assert check_credit_code(good[:-1]).code == "credit_code_length"
    assert check_credit_code("91350100M0001O0Y43").code == "credit_code_format"
    # a letter department code (N: 农业) is legal in GB 32100 but stdnum wants digits: warn
    body = "N2110105MA01YX3Q"
    letter = body + "5" + uscc.calc_check_digit(body + "50")
    assert check_credit_code(letter).status == "warn"


def test_check_identifiers_picks_identifier_fields() -> None:
    box = (0.0, 0.0, 1.0, 1.0)
    fields = {
        "name": Field("张三", 0.9, 0, box),
        "id_number": Field(with_check("11010519900315233"), 0.9, 0, box),
        "agent_id_number": Field("123", 0.9, 0, box),
        "credit_code": Field("91350100M000100Y43", 0.9, 0, box),
    }
    assert [(c.field, c.status) for c in check_identifiers(fields)] == [
        ("id_number", "pass"),
        ("agent_id_number", "fail"),
        ("credit_code", "pass"),
    ]
