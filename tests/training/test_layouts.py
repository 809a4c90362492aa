"""Random layouts in token space: tags that follow tokenize, values as printed, pages that hold together."""

from __future__ import annotations

import random

import pytest

from prereview.synth.labels import FieldLabel
from prereview.training.align import printed_forms
from prereview.training.data import Document, TaggedDocument, keys_by_type
from prereview.training.layouts import _shifted, random_layout, random_tagged, value_pool
from prereview.understanding.learned.decode import bio_labels
from prereview.understanding.learned.tokens import Token
from tests.training.labelled import labelled_document

FIELDS: dict[str, list[dict[str, str]]] = {
    "id_card_front": [
        {
            "name": "张三",
            "sex": "男",
            "ethnicity": "维吾尔",
            "birth_date": "1990-03-05",
            "address": "北京市朝阳区建国路88号院3号楼2单元1001室",
            "id_number": "110105199003052338",
        },
        {"name": "欧阳明月", "sex": "女", "birth_date": "2001-12-30", "id_number": "11010520011230002X"},
    ],
    "id_card_back": [
        {"issuing_authority": "北京市公安局朝阳分局", "valid_from": "2015-06-01", "valid_to": "2025-06-01"},
        {"issuing_authority": "乡城县公安局", "valid_from": "2020-01-02", "valid_to": "长期"},
    ],
    "marriage_certificate": [
        {
            "holder_name": "王小明",
            "registration_date": "2014-09-05",
            "certificate_number": "J450305-2014-010785",
            "spouse_1_name": "王小明",
            "spouse_2_name": "赵丽",
            "spouse_1_id_number": "450321198201234195",
            "spouse_2_id_number": "130105198812151203",
        }
    ],
    "business_license": [
        {
            "name": "渭南市永盛烘焙坊",
            "credit_code": "92610581MACA7BXL80",
            "valid_to": "2036-05-20",
            "issue_date": "1999-12-31",  # no label prints it: it must never be shown
            "business_scope": "一般项目：食品生产；食品销售；餐饮服务。"
            "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
            "registration_authority": "韩城市市场监督管理局",
        },
        {"name": "共和县新锐便利店", "credit_code": "92632521MABH4R8J4G", "valid_to": "长期"},
    ],
}


def _document(material_type: str, fields: dict[str, str], number: int) -> Document:
    """A labelled document with visible, boxed fields and no OCR (the pool reads labels only)."""
    labels = {k: FieldLabel(value=v, page=0, box=[0, 0, 10, 10], visible=True) for k, v in fields.items()}
    labels["hidden"] = FieldLabel(value="不可见的值", page=0, box=None, visible=False)
    labels["signed"] = FieldLabel(value=True, page=0, box=None, visible=True)
    return labelled_document(f"{material_type}-{number}", material_type, labels)


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [_document(t, f, i) for t, items in FIELDS.items() for i, f in enumerate(items)]


@pytest.fixture(scope="module")
def labels(documents: list[Document]) -> list[str]:
    """The BIO labels of every key seen, as train_kie makes them, without ``ethnicity``."""
    keys = sorted({k for ks in keys_by_type(documents).values() for k in ks} - {"ethnicity"})
    return bio_labels(keys)


@pytest.fixture(scope="module")
def generated(documents: list[Document], labels: list[str]) -> list[TaggedDocument]:
    label_ids = {label: i for i, label in enumerate(labels)}
    return random_tagged(value_pool(documents), label_ids, 120, seed=7)


def _spans(doc: TaggedDocument, labels: list[str]) -> list[tuple[str, str, int]]:
    """``(key, printed text, first token)`` of every tagged value: its ``B-`` token and the ``I-`` tokens
    of its key up to the next ``B-`` of that key (a wrapped value may be interrupted by the next column)."""
    tags = [labels[t] for t in doc.tags]
    out = []
    for start, tag in enumerate(tags):
        if tag.startswith("B-"):
            key = tag[2:]
            end = next((i for i in range(start + 1, len(tags)) if tags[i] == tag), len(tags))
            chars = [doc.tokens[start].char] + [
                doc.tokens[i].char for i in range(start + 1, end) if tags[i] == f"I-{key}"
            ]
            out.append((key, "".join(chars), start))
    return out


def _lines(doc: TaggedDocument) -> dict[int, list[int]]:
    """Token indices by OCR line."""
    by_line: dict[int, list[int]] = {}
    for i, token in enumerate(doc.tokens):
        by_line.setdefault(token.line, []).append(i)
    return by_line


def test_value_pool_keeps_distinct_visible_strings_per_type(documents: list[Document]) -> None:
    pool = value_pool(documents)
    assert sorted(pool) == sorted(FIELDS)
    assert pool["id_card_back"]["valid_to"] == ["2025-06-01", "长期"]
    assert pool["id_card_front"]["name"] == ["张三", "欧阳明月"]
    assert "hidden" not in pool["id_card_front"] and "signed" not in pool["id_card_front"]


def test_every_tagged_span_is_a_printed_form_of_a_pool_value_of_its_type(
    documents: list[Document], labels: list[str], generated: list[TaggedDocument]
) -> None:
    pool = value_pool(documents)
    assert len(generated) == 120 and {d.material_type for d in generated} == set(FIELDS)
    for doc in generated:
        assert len(doc.tags) == len(doc.tokens) > 0
        spans = _spans(doc, labels)
        assert spans, "every document prints a field"
        assert {labels[t][2:] for t in doc.tags if t} == {key for key, _, _ in spans}  # no stray I
        for key, text, start in spans:
            assert labels[doc.tags[start]] == f"B-{key}"  # a span starts with B, never a stray I
            values = pool[doc.material_type][key]
            moved = {_shifted(v, years) for v in values for years in range(-45, 26)}  # dates over decades
            forms = {form for value in moved for form in printed_forms(value)}
            assert text in forms, (doc.material_type, key, text)


def test_keys_without_a_label_or_a_label_id_are_never_printed(generated: list[TaggedDocument]) -> None:
    texts = {
        t: "".join(tok.char for d in generated if d.material_type == t for tok in d.tokens) for t in FIELDS
    }
    assert not any(form in texts["business_license"] for form in printed_forms("1999-12-31"))  # issue_date
    assert "维吾尔" not in texts["id_card_front"]  # ethnicity has no label id
    assert "民族" not in texts["id_card_front"]  # nor is its label printed


def test_validity_prints_both_ends_on_one_line_in_order(
    labels: list[str], generated: list[TaggedDocument]
) -> None:
    both = 0
    for doc in (d for d in generated if d.material_type == "id_card_back"):
        spans = {key: start for key, _, start in _spans(doc, labels)}
        if "valid_from" in spans and "valid_to" in spans:
            both += 1
            first, second = doc.tokens[spans["valid_from"]], doc.tokens[spans["valid_to"]]
            assert first.line == second.line and spans["valid_from"] < spans["valid_to"]
            assert labels[doc.tags[spans["valid_to"] - 1]] == "O"  # a separator between the two ends
    assert both >= 5


def test_a_label_printed_twice_fills_its_keys_in_reading_order(
    labels: list[str], generated: list[TaggedDocument]
) -> None:
    seen = 0
    for doc in (d for d in generated if d.material_type == "marriage_certificate"):
        spans = {key: start for key, _, start in _spans(doc, labels)}
        for first, second in (
            ("spouse_1_name", "spouse_2_name"),
            ("spouse_1_id_number", "spouse_2_id_number"),
        ):
            if first in spans and second in spans:
                seen += 1
                one, two = doc.tokens[spans[first]], doc.tokens[spans[second]]
                # first in reading order, or below its label in the left cell of a row whose right cell
                # holds the second (label and value merged there, so read first)
                assert spans[first] < spans[second] or one.box[2] <= two.box[0], (one, two)
            else:
                assert second not in spans  # the second key is only filled by a second label
    assert seen >= 5


def _same_row(a: Token, b: Token) -> bool:
    overlap = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    return overlap > 0.5 * min(a.box[3] - a.box[1], b.box[3] - b.box[1])


def test_arrangements_and_columns_vary(labels: list[str], generated: list[TaggedDocument]) -> None:
    """Across 50 documents: values on a line of their own and values after their label on one line,
    and rows holding two fields side by side."""
    separate = merged = side_by_side = 0
    for doc in generated[:50]:
        tags = [labels[t] for t in doc.tags]
        firsts = []
        for indices in _lines(doc).values():
            begins = [i for i in indices if tags[i].startswith("B-")]
            separate += bool(begins) and begins[0] == indices[0]
            merged += bool(begins) and begins[0] != indices[0]
            if begins:
                firsts.append(doc.tokens[begins[0]])
        side_by_side += any(
            _same_row(a, b) and a.line != b.line for i, a in enumerate(firsts) for b in firsts[i + 1 :]
        )
    assert separate >= 20 and merged >= 20 and side_by_side >= 3


def test_lines_lie_inside_the_page_in_reading_order(documents: list[Document], labels: list[str]) -> None:
    pool = value_pool(documents)
    known = {label[2:] for label in labels if label.startswith("B-")}
    rng = random.Random(3)
    for number in range(80):
        material_type = sorted(FIELDS)[number % len(FIELDS)]
        layout = random_layout(rng, material_type, pool[material_type], known)
        width, height = layout.size
        for line in layout.lines:
            x0, y0, x1, y1 = line.box
            assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, line
            assert 0.9 <= line.confidence <= 1.0 and line.text.strip()
        for a, b in zip(layout.lines, layout.lines[1:], strict=False):
            overlap = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
            if overlap > 0.5 * min(a.height, b.height):
                assert b.box[0] > a.box[2], (a, b)  # same row: left to right
            else:
                assert b.center[1] > a.center[1], (a, b)  # else top to bottom


def test_the_same_seed_gives_the_same_documents(documents: list[Document], labels: list[str]) -> None:
    label_ids = {label: i for i, label in enumerate(labels)}
    pool = value_pool(documents)

    def snapshot(seed: int) -> list[tuple[str, list[int], list[tuple[str, tuple[float, ...]]]]]:
        return [
            (d.material_type, d.tags, [(t.char, t.box) for t in d.tokens])
            for d in random_tagged(pool, label_ids, 15, seed)
        ]

    assert snapshot(5) == snapshot(5)
    assert snapshot(5) != snapshot(6)


def test_nothing_is_made_without_a_printable_type(labels: list[str]) -> None:
    label_ids = {label: i for i, label in enumerate(labels)}
    assert random_tagged({"id_card_front": {"ethnicity": ["汉"]}}, label_ids, 5, 0) == []
    assert random_tagged({"unknown_type": {"name": ["张三"]}}, label_ids, 5, 0) == []


def test_dates_are_spread_over_decades_not_only_the_pools_years(
    documents: list[Document], labels: list[str], generated: list[TaggedDocument]
) -> None:
    pool_years = {
        v[:4] for t in value_pool(documents).values() for vs in t.values() for v in vs if v[:4].isdigit()
    }
    printed = set()
    for doc in generated:
        for key, text, _ in _spans(doc, labels):
            if (
                key in ("valid_from", "valid_to", "birth_date", "issue_date", "sign_date")
                and text[:4].isdigit()
            ):
                printed.add(text[:4])
    assert printed - pool_years  # some dates fall in years no training value has
