"""Typed extraction results for rule tests — what extraction would hand the review, built by hand."""

from __future__ import annotations

from typing import Any

from prereview.document import Field, Mark, QualityIssue
from prereview.review import MaterialResult

ZHANG_SAN = ("张三", "110105199003152338")  # born 1990-03-15, male, valid checksum
LI_SI = ("李四", "110105199207200629")  # born 1992-07-20, female
ALICE = ("王芳", "110105199208120022")


def fld(value: Any, confidence: float = 0.97, repaired: bool = False, y: float = 10.0) -> Field:
    return Field(value=value, confidence=confidence, page=0, box=(10.0, y, 200.0, y + 20), repaired=repaired)


def fields(**values: Any) -> dict[str, Field]:
    return {
        k: v if isinstance(v, Field) else fld(v, y=10.0 + 30 * i) for i, (k, v) in enumerate(values.items())
    }


def id_front(
    file: str, name: str, number: str, birth: str | None = None, slot: str | None = None, **overrides: Any
) -> MaterialResult:
    birth = birth or f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
    return MaterialResult(
        file,
        "id_card_front",
        0.99,
        fields(
            **{
                "name": name,
                "sex": "男" if number[16:17] in "13579" else "女",
                "birth_date": birth,
                "id_number": number,
                **overrides,
            }
        ),
        slot=slot,
    )


def id_back(
    file: str,
    valid_from: str = "2016-05-01",
    valid_to: str = "2036-05-01",
    slot: str | None = None,
    **overrides: Any,
) -> MaterialResult:
    return MaterialResult(
        file,
        "id_card_back",
        0.99,
        fields(
            issuing_authority="北京市公安局朝阳分局", valid_from=valid_from, valid_to=valid_to, **overrides
        ),
        slot=slot,
    )


def form(
    file: str, name: str, number: str, slot: str | None = None, signed: bool = True, **extra: Any
) -> MaterialResult:
    values = dict(
        applicant_name=name,
        applicant_id_number=number,
        phone="13812345678",
        signed=signed,
        sign_date="2026-01-05",
    )
    values.update(extra)
    return MaterialResult(
        file,
        "application_form",
        0.95,
        fields(**values),
        slot=slot,
        signatures=[Mark(0, (300, 800, 420, 850))] if signed else [],
    )


def lease(
    file: str, lessee: str, address: str = "北京市朝阳区建国路88号1层101室", end: str = "2028-12-31"
) -> MaterialResult:
    return MaterialResult(
        file,
        "lease_contract",
        0.93,
        fields(
            lessor="北京某物业有限公司",
            lessee=lessee,
            property_address=address,
            lease_start="2025-01-01",
            lease_end=end,
            signed=True,
        ),
    )


def blurry(material: MaterialResult) -> MaterialResult:
    material.quality_usable = False
    material.quality_issues = [
        QualityIssue("blurry", 0, "照片模糊，无法识别文字", "请在光线充足处对焦后重新拍摄")
    ]
    return material
