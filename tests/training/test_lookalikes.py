"""Look-alike ``other`` pages: papers the service does not take, never one the anchors recognise."""

from __future__ import annotations

import random

from prereview.training.lookalikes import PAPERS, lookalike_pages
from prereview.understanding import build_classifier


def test_lookalike_pages_are_other_to_the_anchors_and_repeat_with_their_seed() -> None:
    pages = lookalike_pages(random.Random(7), 60)
    anchors = build_classifier("anchors")
    assert all(anchors.classify(page).material_type == "other" for page in pages)
    titles = {page[0][0].text for page in pages}
    assert titles <= set(PAPERS) and len(titles) >= 8  # many kinds of paper, each titled
    again = lookalike_pages(random.Random(7), 60)
    assert [[line.text for line in page[0]] for page in again] == [
        [line.text for line in page[0]] for page in pages
    ]


def test_a_driving_licence_page_prints_its_own_labels_with_the_holders_values() -> None:
    rng = random.Random(3)
    licences = [p for p in lookalike_pages(rng, 200) if p[0][0].text == "中华人民共和国机动车驾驶证"]
    assert licences
    text = "".join(line.text for line in licences[0][0])
    assert any(label in text for label in ("准驾车型", "初次领证日期", "国籍", "证号"))
