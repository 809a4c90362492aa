"""Dates, ID-card terms, retirement, identity kinds and name comparison — the tables behind the rules."""

from __future__ import annotations

import datetime as dt

import pytest

from prereview.checks.consistency import compare, name_is_doubtful
from prereview.checks.dates import age_on, today_in_shanghai, validity_on
from prereview.checks.id_card_term import check_id_card_term
from prereview.checks.id_kind import read_id_number
from prereview.checks.retirement import retirement_status

D = dt.date


@pytest.mark.parametrize(
    ("valid_to", "as_of", "expected"),
    [
        ("2026-01-10", D(2026, 1, 10), "valid"),  # the last day is still valid
        ("2026-01-09", D(2026, 1, 10), "expired"),
        ("长期", D(2090, 1, 1), "long_term"),
        ("2026-13-01", D(2026, 1, 1), "unreadable"),
        (None, D(2026, 1, 1), "unreadable"),
    ],
)
def test_validity_is_inclusive_of_the_last_day(valid_to, as_of, expected):
    assert validity_on(valid_to, as_of) == expected


def test_today_is_the_date_in_china():
    late_utc = dt.datetime(2026, 1, 10, 20, 30, tzinfo=dt.UTC)
    assert today_in_shanghai(late_utc) == D(2026, 1, 11)
    assert today_in_shanghai(dt.datetime(2026, 1, 10, 15, 59)) == D(2026, 1, 10)  # naive = UTC


@pytest.mark.parametrize(
    ("birth", "start", "end", "status"),
    [
        (D(2012, 6, 1), "2020-01-01", "2025-01-01", "pass"),  # 7 → 5 years
        (D(2000, 6, 1), "2016-06-01", "2026-06-01", "pass"),  # 16 → 10 years
        (D(1990, 6, 1), "2016-06-01", "2036-06-01", "pass"),  # 26 → 20 years
        (D(1970, 6, 1), "2016-06-01", "长期", "pass"),  # 46 → 长期
        (D(1990, 6, 1), "2016-06-01", "长期", "warn"),  # 长期 at 26
        (D(1970, 6, 1), "2016-06-01", "2036-06-01", "warn"),  # 46 with 20 years
        (D(1990, 6, 1), "2016-06-01", "2036-06-02", "warn"),  # one day off
        (D(1960, 6, 1), "1999-01-01", "2019-01-01", "pass"),  # before the law: not checked
        (None, "2016-06-01", "2036-06-01", "manual"),
        (D(1990, 6, 1), "😴", "2036-06-01", "manual"),
    ],
)
def test_id_card_term_rules(birth, start, end, status):
    assert check_id_card_term(start, end, birth).status == status


def test_age_boundary_on_the_birthday():
    assert age_on(D(2010, 1, 10), D(2026, 1, 10)) == 16
    assert age_on(D(2010, 1, 11), D(2026, 1, 10)) == 15


@pytest.mark.parametrize(
    ("birth", "sex", "expected"),
    [
        (D(1967, 1, 1), "男", "below"),
        (D(1965, 12, 1), "男", None),  # turned 60 in 2025: transition window
        (D(1964, 12, 1), "男", "reached"),  # turned 60 in 2024
        (D(1962, 1, 1), "男", "reached"),  # 64
        (D(1977, 1, 1), "女", "below"),
        (D(1974, 1, 1), "女", None),  # 52: worker or cadre unknown
        (D(1968, 1, 1), "女", "reached"),  # 58
        (D(1969, 6, 1), "女", "reached"),  # turned 55 in 2024
        (D(1990, 1, 1), "?", None),
    ],
)
def test_retirement_simplification(birth, sex, expected):
    assert retirement_status(birth, sex, D(2026, 1, 10)) == expected


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("110105199003152338", "resident"),
        ("11010519900315233x", "invalid"),
        ("810000199003152336", "residence_permit"),
        ("E12345678", "passport"),
        ("110105900315233", "legacy_15"),
        ("", "unknown"),
        (None, "unknown"),
    ],
)
def test_identity_kinds(number, kind):
    assert read_id_number(number).kind == kind


def test_names_are_compared_after_normalising_and_doubtful_ones_go_to_a_person():
    assert compare("张三", "张三 ", "name") == "pass"
    assert compare("ＺＨＡＮＧ", "ZHANG", "name") == "pass"
    assert compare("张三", "张叁", "name") == "fail"
    assert name_is_doubtful("买买提·艾力") and name_is_doubtful("王堃") and not name_is_doubtful("王芳")
    assert compare("王堃", "王堃", "name") == "manual"  # even equal: OCR reads rare characters alike
    assert compare("北京某某有限公司", "北京某某有限公司（分公司）", "text") == "fail"
