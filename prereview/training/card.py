"""The model card: what a model was trained on, with which seed, how it measured, which thresholds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

Scores = dict[str, dict[str, float]]


def _table(rows: Scores, anchors: Scores | None = None) -> list[str]:
    """Per-field scores, with the anchors' exact match beside them when they were measured."""
    extra = " anchors exact match |" if anchors is not None else ""
    lines = [f"| field | expected | precision | recall | exact match |{extra}", "|---|---|---|---|---|"]
    lines[1] += "---|" if anchors is not None else ""
    for key, s in rows.items():
        line = f"| {key} | {s['expected']} | {s['precision']} | {s['recall']} | {s['exact_match']} |"
        if anchors is not None:
            line += f" {anchors.get(key, {}).get('exact_match', '-')} |"
        lines.append(line)
    return lines


def _field_calibration(metrics: dict[str, Any]) -> list[str]:
    """The KIE card's field-confidence section: the threshold for ``review.min_field_confidence``."""
    systems = {"learned": metrics.get("test", {}), "anchors": metrics.get("test_anchors", {})}
    measured = {name: m["field_calibration"] for name, m in systems.items() if "field_calibration" in m}
    if not measured:
        return []
    target = next(iter(measured.values()))["target"]
    lines = [
        "",
        "## Field confidence (test)",
        "",
        f"- threshold: the smallest confidence with >= {target:.0%} of the returned fields at or above it",
        "  exactly right; set `review.min_field_confidence` (`PREREVIEW_REVIEW__MIN_FIELD_CONFIDENCE`)",
        "  from the learned extractor's threshold",
        "- reliability plot (learned): field_reliability.png",
        "",
        "| system | threshold | reached | coverage | precision | ECE | n |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, c in measured.items():
        lines.append(
            f"| {name} | {c['threshold']:.4f} | {c['reached']} | {c['coverage']} | {c['precision']} "
            f"| {c['ece']} | {c['n']} |"
        )
    return lines


def write_card(folder: Path, name: str, data: str, metrics: dict[str, Any]) -> None:
    """``model_card.md`` and ``metrics.json`` from the training summary and any test measurement."""
    (folder / "metrics.json").write_text(
        json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    history = metrics.get("training", {}).get("history", {})
    lines = [
        f"# {name} ({folder.name})",
        "",
        f"- kind: {config['kind']} — LayoutLM from config (no pretrained weights), size {config['size']}",
        f"- data recipe: {data}",
        f"- seed: {config['seed']}",
        f"- trained: {config['trained']}",
        f"- best epoch: {history.get('best_epoch')} of {len(history.get('epochs', []))}",
    ]
    if config["kind"] == "classifier":
        lines += [
            f"- temperature (fitted on the validation split): {config['temperature']}",
            f"- threshold: below min_confidence {config['min_confidence']} the answer is `other`",
            f"- validation ECE after scaling: {metrics.get('training', {}).get('validation', {}).get('ece')}",
            "- reliability plot: reliability.png",
        ]
    else:
        lines += [
            f"- alignment: {metrics.get('training', {}).get('alignment')}",
            f"- window {config['max_len']}, stride {config['stride']}",
        ]
    test = metrics.get("test")
    if test:
        lines += [
            "",
            f"## Test ({test.get('data')})",
            "",
            f"- material-type accuracy: {test['type_accuracy']}",
        ]
        anchors = metrics.get("test_anchors")
        lines += [
            f"- fields overall: {test['fields_overall']}",
            f"- usable files overall: {test.get('usable_overall')}",
            f"- clean scans overall: {test['clean_scan_overall']}",
        ]
        if anchors:
            lines += [
                f"- anchors, same data: type accuracy {anchors['type_accuracy']['overall']}, fields overall "
                f"{anchors['fields_overall']}, usable {anchors.get('usable_overall')}, clean scans "
                f"{anchors['clean_scan_overall']}",
            ]
        lines += [""]
        lines += _table(test["fields"], anchors["fields"] if anchors else None)
    if config["kind"] == "kie":
        lines += _field_calibration(metrics)
    if metrics.get("notes"):
        lines += ["", "## Notes", "", *metrics["notes"]]
    (folder / "model_card.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
