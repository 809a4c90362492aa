"""Identifiers that pass (or, for a defect, deliberately fail) their national check algorithms.

- 公民身份号码, GB 11643: region (6) + birth date (8) + sequence (3, odd for men) + check; the check
  character comes from ``stdnum.cn.ric``.
- 统一社会信用代码, GB 32100: authority (1) + entity type (1) + region (6) + organisation code (9, itself
  GB 11714 with its own check character) + check; the outer check comes from ``stdnum.cn.uscc``.
"""

from __future__ import annotations

import random
from datetime import date

from stdnum.cn import ric, uscc

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def make_id_number(rng: random.Random, region_code: str, birth_date: date, sex: str) -> str:
    """A GB 11643 number for a person of ``sex`` born on ``birth_date`` and registered in ``region_code``.

    >>> number = make_id_number(random.Random(3), "110105", date(1990, 5, 17), "女")
    >>> number[:14], int(number[16]) % 2, ric.is_valid(number)
    ('11010519900517', 0, True)
    """
    sequence = rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
    body = f"{region_code}{birth_date:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum drops the last character


def org_code_check(body: str) -> str:
    """The GB 11714 check character of an eight-character organisation code body.

    >>> org_code_check("60003734")  # from the real code 91110000600037341L
    '1'
    """
    total = sum(int(ch, 36) * w for ch, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def make_credit_code(rng: random.Random, region_code: str, *, individual: bool) -> str:
    """A GB 32100 code: "91…" for a company, "92…" for an individual business (个体工商户).

    >>> code = make_credit_code(random.Random(5), "440305", individual=True)
    >>> code[:8], uscc.is_valid(code), org_code_check(code[8:16]) == code[16]
    ('92440305', True, True)
    """
    kind = "92" if individual else "91"
    if rng.random() < 0.7:  # codes issued since 2015 mostly start with "MA"
        body = "MA" + "".join(rng.choice(USCC_ALPHABET[:-1]) for _ in range(6))
    else:
        first = "L" if individual else rng.choice("0123456789")
        body = first + "".join(rng.choice("0123456789") for _ in range(7))
    prefix = f"{kind}{region_code}{body}{org_code_check(body)}"
    return prefix + uscc.calc_check_digit(prefix)


def with_wrong_check_char(rng: random.Random, number: str, alphabet: str) -> str:
    """``number`` with its last character replaced by a different one from ``alphabet``.

    >>> with_wrong_check_char(random.Random(0), "11010519900517002X", "0123456789X")[-1] != "X"
    True
    """
    wrong = rng.choice([ch for ch in alphabet if ch != number[-1]])
    return number[:-1] + wrong


def wrong_id_check(rng: random.Random, number: str) -> str:
    """An ID number whose check character no longer matches."""
    return with_wrong_check_char(rng, number, "0123456789X")


def wrong_credit_check(rng: random.Random, code: str) -> str:
    """A credit code whose GB 32100 check character no longer matches."""
    return with_wrong_check_char(rng, code, USCC_ALPHABET)
