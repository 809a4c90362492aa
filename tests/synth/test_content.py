"""Synthetic content: identifiers pass their national checks, dates and authorities are consistent."""

from __future__ import annotations

import random
from datetime import date

import pytest
from stdnum.cn import ric, uscc

from prereview.synth.content import ITEM_IDS, make_company, make_facts, make_marriage, make_person
from prereview.synth.content.dates import add_years, age_on
from prereview.synth.content.facts import LONG_TERM, expired_id_card_dates, id_card_term
from prereview.synth.content.identifiers import org_code_check, wrong_credit_check, wrong_id_check
from prereview.synth.content.records import make_food_license, make_property
from prereview.synth.content.regions import all_regions, police_authority

AS_OF = date(2025, 6, 1)


def test_regions_are_current_county_codes_that_stdnum_knows() -> None:
    regions = all_regions()
    assert len(regions) > 2000
    for region in regions[::50]:
        assert len(region.code) == 6 and region.code.isdigit()
        number = region.code + "20240101001"  # born this year: any current code is in use
        assert ric.get_birth_place(number + ric.calc_check_digit(number + "0"))


def test_people_hold_valid_consistent_id_numbers() -> None:
    rng = random.Random(11)
    for _ in range(400):
        person = make_person(rng, as_of=AS_OF, age_range=(16, 90))
        assert ric.is_valid(person.id_number), person.id_number
        assert ric.get_birth_date(person.id_number) == person.birth_date
        assert int(person.id_number[16]) % 2 == (1 if person.sex == "男" else 0)
        assert 16 <= age_on(person.birth_date, AS_OF) <= 90
        assert person.region is not None
        assert person.issuing_authority == police_authority(person.region)
        assert person.address.startswith(person.region.full_name)
        assert len(person.phone) == 11 and person.phone.startswith("1")


def test_id_card_terms_follow_the_age_at_issue() -> None:
    rng = random.Random(12)
    for _ in range(400):
        person = make_person(rng, as_of=AS_OF, age_range=(1, 90))
        term = id_card_term(age_on(person.birth_date, person.id_valid_from))
        assert person.id_valid_from <= AS_OF
        if term is None:
            assert person.id_valid_to == LONG_TERM
        else:
            assert person.id_valid_to == add_years(person.id_valid_from, term)
            assert person.id_valid_to >= AS_OF


def test_expired_card_dates_lie_in_the_past_with_a_lawful_term() -> None:
    rng = random.Random(13)
    for _ in range(200):
        person = make_person(rng, as_of=AS_OF, age_range=(8, 90))
        start, end = expired_id_card_dates(rng, person.birth_date, AS_OF)
        assert end < AS_OF
        assert end == add_years(start, id_card_term(age_on(person.birth_date, start)) or 0)


@pytest.mark.parametrize("individual", [True, False])
def test_credit_codes_pass_gb32100_and_the_embedded_gb11714_check(individual: bool) -> None:
    rng = random.Random(14)
    for _ in range(200):
        owner = make_person(rng, as_of=AS_OF)
        company = make_company(rng, owner, individual=individual, as_of=AS_OF)
        code = company.credit_code
        assert uscc.is_valid(code)
        assert org_code_check(code[8:16]) == code[16]
        assert code[:2] == ("92" if individual else "91")
        assert code[2:8] == owner.region_code or (owner.region is not None and code[2:8] == owner.region.code)
        assert company.established_date <= company.issue_date < AS_OF
        assert (company.valid_to is None) == individual


def test_wrong_check_characters_fail_the_checks() -> None:
    rng = random.Random(15)
    person = make_person(rng, as_of=AS_OF)
    company = make_company(rng, person, individual=False, as_of=AS_OF)
    for _ in range(20):
        wrong = wrong_id_check(rng, person.id_number)
        assert wrong[:17] == person.id_number[:17] and not ric.is_valid(wrong)
        bad_code = wrong_credit_check(rng, company.credit_code)
        assert bad_code[:17] == company.credit_code[:17] and not uscc.is_valid(bad_code)


def test_marriage_property_and_food_license_records() -> None:
    rng = random.Random(16)
    marriage = make_marriage(rng, as_of=AS_OF)
    assert marriage.spouse_1.sex == "男" and marriage.spouse_2.sex == "女"
    assert marriage.registration_date < AS_OF
    assert age_on(marriage.spouse_1.birth_date, marriage.registration_date) >= 22
    assert marriage.certificate_number.startswith("J") and str(marriage.registration_date.year) in (
        marriage.certificate_number
    )
    prop = make_property(rng, marriage.spouse_1, as_of=AS_OF)
    assert "不动产权第" in prop.certificate_number and float(prop.area) > 0
    license_ = make_food_license(rng, make_company(rng, marriage.spouse_2, as_of=AS_OF), as_of=AS_OF)
    assert license_.license_number.startswith("JY") and len(license_.license_number) == 16
    assert license_.license_number[2:].isdigit() and license_.valid_to >= AS_OF


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_application_facts_fit_the_item(item_id: str) -> None:
    facts = make_facts("application_form", random.Random(17), as_of=AS_OF, item_id=item_id)
    assert facts["item_id"] == item_id and facts["sign_date"] <= AS_OF
    if item_id == "elderly_allowance":
        assert age_on(facts["person"].birth_date, AS_OF) >= 80
    if item_id == "birth_registration":
        assert facts["person"] in (facts["marriage"].spouse_1, facts["marriage"].spouse_2)


def test_facts_are_reproducible_from_the_seed() -> None:
    one = make_facts("lease_contract", random.Random(5), as_of=AS_OF)
    two = make_facts("lease_contract", random.Random(5), as_of=AS_OF)
    assert one == two
