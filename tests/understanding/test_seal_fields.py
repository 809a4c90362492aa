"""Fields printed only in a seal: taken from the ring text, never over what the page prints."""

from __future__ import annotations

from prereview.document import Field, Mark
from prereview.understanding.seal_fields import seal_fields

SEAL = Mark(page=0, box=(700, 1500, 900, 1700), text="上海市杨浦区市场监督管理局", confidence=0.99)


def test_the_seal_fills_a_blank_authority_with_the_seal_as_its_box() -> None:
    found = seal_fields("business_license", {}, [SEAL])["registration_authority"]
    assert (found.value, found.page, found.box) == ("上海市杨浦区市场监督管理局", 0, SEAL.box)
    assert found.confidence >= 0.8


def test_a_printed_authority_is_kept_and_other_types_take_nothing() -> None:
    printed = Field("北京市朝阳区市场监督管理局", 0.97, 0, (10, 10, 300, 40))
    assert seal_fields("business_license", {"registration_authority": printed}, [SEAL]) == {
        "registration_authority": printed
    }
    assert seal_fields("lease_contract", {}, [SEAL]) == {}
    assert seal_fields("business_license", {}, None) == {}


def test_a_misread_place_goes_to_a_person_and_other_seals_give_nothing() -> None:
    misread = Mark(page=0, box=SEAL.box, text="某某县沙清区市场监督管理局", confidence=0.99)
    found = seal_fields("business_license", {}, [misread])["registration_authority"]
    assert found.value == "某某县沙清区市场监督管理局" and found.confidence < 0.8
    contract = Mark(page=0, box=SEAL.box, text="某某商贸有限公司合同专用章", confidence=0.99)
    assert seal_fields("business_license", {}, [contract]) == {}


def test_misread_ring_characters_are_restored_and_the_value_marked_repaired() -> None:
    """A curved ring's characters are often misread: one off a unique real place, up to one in three
    of the body's fixed name. The repaired name keeps less confidence than one read whole."""
    whole = seal_fields("business_license", {}, [SEAL])["registration_authority"]
    for ring, name in (
        ("乐山市沙清区市场监急管理局", "乐山市沙湾区市场监督管理局"),
        ("吉林市義邑区市场监鈺號理局", "吉林市昌邑区市场监督管理局"),
        ("东海昙市场监督管理局", "东海县市场监督管理局"),
    ):
        misread = Mark(page=0, box=SEAL.box, text=ring, confidence=0.99)
        found = seal_fields("business_license", {}, [misread])["registration_authority"]
        assert (found.value, found.repaired) == (name, True)
        assert found.confidence < whole.confidence and not whole.repaired
    for ring in ("乐山市沙清区市场部", "上海新区管局"):  # no body's name, or no real place before it
        assert seal_fields("business_license", {}, [Mark(0, SEAL.box, ring, 0.99)]) == {}


def test_a_piece_of_the_ring_read_as_the_printed_value_gives_way_to_the_seal() -> None:
    piece = Field("管理局", 0.96, 0, (720, 1520, 800, 1550))
    found = seal_fields("business_license", {"registration_authority": piece}, [SEAL])[
        "registration_authority"
    ]
    assert found.value == "上海市杨浦区市场监督管理局"
    alone = seal_fields("business_license", {"registration_authority": piece}, [])["registration_authority"]
    assert alone.value == "管理局" and alone.confidence < 0.8  # no seal read: a person checks it
