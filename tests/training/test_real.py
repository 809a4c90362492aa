"""``measure_real`` on a folder shaped like the real evaluation folders (made here, never the real ones)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import cv2

from prereview.training.real import measure_real
from prereview.understanding import Understander
from prereview.understanding.base import build_classifier, build_extractor
from tests.understanding import cards


def test_each_file_is_read_once_upright_and_scored_for_every_system(tmp_path: Path, cjk_font: Path) -> None:
    drawn = cards.id_card_front(cards.person(random.Random(4)), cjk_font, random.Random(4))
    images = tmp_path / "cards_samples" / "images"
    images.mkdir(parents=True)
    cv2.imwrite(str(images / "card.jpg"), cv2.rotate(drawn.image, cv2.ROTATE_180))  # upside down
    labels = {
        "items": [
            {
                "file": "images/card.jpg",
                "doc_type": "居民身份证 front",
                "fields": {"姓名": drawn.values["name"], "公民身份号码": drawn.values["id_number"]},
            }
        ]
    }
    (tmp_path / "cards_samples" / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    (tmp_path / "xfund_zh_subset").mkdir()
    (tmp_path / "xfund_zh_subset" / "labels.json").write_text('{"items": []}', encoding="utf-8")

    anchors = Understander(build_classifier("anchors"), build_extractor("anchors"))
    silent = Understander(build_classifier("anchors"), _NoFields())
    results = measure_real(tmp_path, {"anchors": anchors, "silent": silent})
    assert results["anchors"]["types"] == {"files": 1, "right": 1}
    assert results["anchors"]["fields"] == {"expected": 2, "exact": 2}
    assert results["silent"]["fields"] == {"expected": 2, "exact": 0}
    assert {m["key"] for m in results["silent"]["misses"]} == {
        "id_card_front.name",
        "id_card_front.id_number",
    }


class _NoFields:
    """An extractor that finds nothing (isolates the scoring of misses)."""

    name = "none"

    def extract(self, material_type: str, pages: list) -> dict:
        return {}
