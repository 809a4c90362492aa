"""checks stage: validity of extracted fields and marks, one small module per idea.

``identifiers`` (身份号码, 统一社会信用代码 via python-stdnum), ``id_kind`` (which identity paper a number
is), ``dates`` (validity against ``as_of`` in the Asia/Shanghai calendar), ``id_card_term`` (居民身份证法
§5 terms), ``retirement`` (statutory retirement age, simplified), ``consistency`` (normalised names and
identifiers across materials), ``seal`` and ``signature`` (OpenCV presence of red seals and signatures).
"""

from prereview.checks.identifiers import check_credit_code, check_id_number, check_identifiers

__all__ = ["check_credit_code", "check_id_number", "check_identifiers"]
