"""Real labelled folders (``cards_samples``, ``xfund_zh_subset``): measurement only, never training.

Every image goes through the whole pipeline (ingest, orientation, OCR) once; the upright lines are then
read by each understander (anchors, learned, and the service's default). Their Chinese keys map to ours
by document kind (:data:`CARD_KEYS`, :data:`FORM_KEYS`); values are compared after the same
normalisation the extractors apply (ISO dates, compact text, upper-case identifiers).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from prereview.understanding.learned.decode import normalize_value
from prereview.understanding.normalize import compact

CARD_KEYS = {
    "id_card_front": {
        "姓名": "name",
        "性别": "sex",
        "民族": "ethnicity",
        "出生": "birth_date",
        "住址": "address",
        "公民身份号码": "id_number",
    },
    "id_card_back": {"签发机关": "issuing_authority", "有效期限": "valid_to"},
    "business_license": {
        "统一社会信用代码": "credit_code",
        "名称": "name",
        "类型": "entity_type",
        "住所": "address",
        "法定代表人": "legal_representative",
        "注册资本": "registered_capital",
        "成立日期": "established_date",
        "营业期限": "valid_to",
    },
}
FORM_KEYS = {"姓名": "applicant_name", "姓名（拼音）": "applicant_name", "联系电话": "phone"}


def expected_types(doc_type: str) -> list[str]:
    """Our material types for a label's free-text ``doc_type``.

    >>> expected_types("居民身份证 front+back (generator output)")
    ['id_card_front', 'id_card_back']
    >>> expected_types("营业执照（副本）"), expected_types("机动车驾驶证 front")
    (['business_license'], ['other'])
    """
    if "居民身份证" in doc_type:
        return [t for t, word in (("id_card_front", "front"), ("id_card_back", "back")) if word in doc_type]
    if "营业执照" in doc_type:
        return ["business_license"]
    if doc_type.startswith("application_form"):
        return ["application_form"]
    return ["other"]


def truth_value(key: str, text: str) -> str | None:
    """A label's value in our form; for ``valid_to`` the end of a ``from-to`` range.

    >>> truth_value("valid_to", "2015.06.09-2035.06.09"), truth_value("birth_date", "1990年3月5日")
    ('2035-06-09', '1990-03-05')
    """
    if key == "valid_to":
        for separator in ("-", "至", "—"):
            if separator in text:
                text = text.split(separator)[-1]
    value, _ = normalize_value(key, text)
    return value if value is not None else (compact(text) or None)


def _expected(item: dict[str, Any]) -> dict[str, str]:
    types = expected_types(str(item.get("doc_type", "")))
    fields = item.get("fields") or item.get("kv") or {}
    if not isinstance(fields, dict):
        return {}
    out: dict[str, str] = {}
    for material_type in types:
        mapping = CARD_KEYS.get(material_type, FORM_KEYS if material_type == "application_form" else {})
        for zh, key in mapping.items():
            raw = fields.get(zh)
            if isinstance(raw, str) and raw.strip():
                value = truth_value(key, raw)
                if value:
                    out[f"{material_type}.{key}"] = value
    return out


def _items(folder: Path) -> list[dict[str, Any]]:
    data = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    items = data.get("items") or data.get("documents") or []
    return [i for i in items if isinstance(i, dict) and "file" in i]


def _predicted(understanding: Any) -> tuple[list[str], dict[str, str]]:
    parts = understanding.parts or []
    types = [p.material_type for p in parts] or [understanding.material_type]
    fields: dict[str, str] = {}
    for part in parts or [understanding]:
        for key, field in part.fields.items():
            fields.setdefault(f"{part.material_type}.{key}", str(field.value))
    return types, fields


def measure_real(root: Path, understanders: dict[str, Any]) -> dict[str, Any]:
    """Per system: type hits, field exact matches, and each file's misses.

    Each file goes through the pipeline once (ingest, quality, orientation, OCR); every understander
    then reads the same upright lines, as it would inside the pipeline."""
    from prereview.pipeline.core import build_pipeline
    from prereview.pipeline.upright import upright_lines
    from prereview.settings import Settings
    from prereview.understanding.seal_fields import with_seal_fields

    pipeline = build_pipeline(Settings())
    results: dict[str, Any] = {
        name: {"types": Counter(), "fields": Counter(), "misses": []} for name in understanders
    }
    for folder in ("cards_samples", "xfund_zh_subset"):
        for item in _items(root / folder):
            path = root / folder / item["file"]
            want_types = expected_types(str(item.get("doc_type", "")))
            want = _expected(item)
            try:
                extraction = pipeline.extract(path.read_bytes(), name=path.name)
                lines: list | None = upright_lines(extraction.document.pages, extraction.lines)
            except Exception as error:  # a file that cannot be read is a miss for every system
                lines, reason = None, repr(error)
            for name, understander in understanders.items():
                r = results[name]
                types: list[str] = []
                got: dict[str, str] = {}
                if lines is None:
                    r["misses"].append({"file": item["file"], "key": "*", "want": "", "got": reason})
                else:
                    understood = with_seal_fields(understander.understand(lines), extraction.seals)
                    types, got = _predicted(understood)
                r["types"]["files"] += 1
                right = set(want_types) <= set(types)
                r["types"]["right"] += right
                if not right and lines is not None:
                    miss = {"file": item["file"], "key": "type", "want": want_types, "got": types}
                    r["misses"].append(miss)
                for key, value in want.items():
                    same = compact(got.get(key) or "") == compact(value)  # full/half width alike
                    r["fields"]["expected"] += 1
                    r["fields"]["exact"] += same
                    if not same:
                        r["misses"].append(
                            {"file": item["file"], "key": key, "want": value, "got": got.get(key)}
                        )
    return results


def run_real(args: argparse.Namespace) -> int:
    from prereview.settings import get_settings
    from prereview.training.components import active_versions
    from prereview.understanding import Understander, build_understander
    from prereview.understanding.base import build_classifier, build_extractor
    from prereview.understanding.learned import ConsensusClassifier, LearnedClassifier, LearnedExtractor

    models = active_versions(args.model)  # the versions PREREVIEW_MODELS__* make active, under --model
    service = get_settings().models
    understanders = {
        "anchors": Understander(build_classifier("anchors"), build_extractor("anchors")),
        "learned": Understander(LearnedClassifier(models), LearnedExtractor(models)),
        # the learned KIE on the types the service would give it: its own numbers, apart from the classifier's
        "kie": Understander(ConsensusClassifier(models), LearnedExtractor(models)),
        "default": build_understander(service.classifier, service.extractor),  # what the service runs
    }
    results = measure_real(args.real, understanders)
    summary = {
        name: {
            "type_accuracy": round(r["types"]["right"] / max(r["types"]["files"], 1), 4),
            "files": r["types"]["files"],
            "field_exact_match": round(r["fields"]["exact"] / max(r["fields"]["expected"], 1), 4),
            "fields_expected": r["fields"]["expected"],
            "misses": r["misses"],
        }
        for name, r in results.items()
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    for name, s in summary.items():
        print(
            f"{name:<8} type accuracy {s['type_accuracy']} ({s['files']} files)   field exact match "
            f"{s['field_exact_match']} ({s['fields_expected']} fields)"
        )
    for name, s in summary.items():
        for miss in s["misses"]:
            print(f"  {name}: {miss['file']} {miss['key']}: want {miss['want']!r} got {miss['got']!r}")
    return 0
