"""checks stage: validity of extracted fields (identifiers now; dates, seals and consistency later)."""

from prereview.checks.identifiers import check_credit_code, check_id_number, check_identifiers

__all__ = ["check_credit_code", "check_id_number", "check_identifiers"]
