"""Measure a classifier and an extractor on labelled documents.

Classification is scored against the labelled type (``other`` when OCR found no text). Extraction is
scored with the true type given, so its numbers do not mix in classification errors: per field,
precision (right values among those returned), recall (labelled fields returned) and exact match
(labelled fields returned with the exact value). Only fields visible in the file are expected.

Every returned field that was expected also gives a (confidence, exactly right) pair: the field
calibration, with the confidence threshold above which fields are right 99% of the time.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from prereview.synth.labels import json_value
from prereview.training.calibrate import confidence_threshold, expected_calibration_error, reliability
from prereview.training.data import Document, classifier_target, field_values
from prereview.understanding.base import Classifier, Extractor
from prereview.understanding.seal_fields import seal_fields


@dataclass
class FieldScore:
    expected: int = 0
    returned: int = 0
    found: int = 0
    exact: int = 0
    correct_returned: int = 0

    def to_dict(self) -> dict[str, float]:
        return {
            "expected": self.expected,
            "precision": round(self.correct_returned / self.returned, 4) if self.returned else 0.0,
            "recall": round(self.found / self.expected, 4) if self.expected else 0.0,
            "exact_match": round(self.exact / self.expected, 4) if self.expected else 0.0,
        }


@dataclass
class Report:
    """Everything measured on one dataset by one classifier/extractor pair."""

    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    usable_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # files fit to read
    fields: dict[str, FieldScore] = field(default_factory=lambda: defaultdict(FieldScore))
    clean_fields: dict[str, FieldScore] = field(default_factory=lambda: defaultdict(FieldScore))
    usable_fields: dict[str, FieldScore] = field(default_factory=lambda: defaultdict(FieldScore))
    errors: list[dict[str, Any]] = field(default_factory=list)
    field_confidence: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, exactly right)
    seconds: float = 0.0
    pages: int = 0

    def type_accuracy(self, usable_only: bool = False) -> dict[str, float]:
        """Share right per true type and overall; ``usable_only``: on files fit to read only (the
        service sends the others back with a quality hint, whatever their type)."""
        totals: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for (truth, guess), n in (self.usable_confusion if usable_only else self.confusion).items():
            totals[truth] += n
            right[truth] += n if truth == guess else 0
        out = {t: round(right[t] / totals[t], 4) for t in sorted(totals)}
        out["overall"] = round(sum(right.values()) / max(sum(totals.values()), 1), 4)
        return out

    @staticmethod
    def overall(scores: dict[str, FieldScore]) -> dict[str, float]:
        total = FieldScore()
        for s in scores.values():
            total.expected += s.expected
            total.returned += s.returned
            total.found += s.found
            total.exact += s.exact
            total.correct_returned += s.correct_returned
        return total.to_dict()

    def field_calibration(self, target: float = 0.99) -> dict[str, Any]:
        """Reliability points, ECE and the ``target`` threshold of the returned, expected fields.

        >>> report = Report(field_confidence=[(0.95, True), (0.9, True), (0.5, False)])
        >>> calibration = report.field_calibration()
        >>> calibration["n"], calibration["threshold"], calibration["coverage"], calibration["reached"]
        (3, 0.9, 0.6667, True)
        """
        confidences = np.array([c for c, _ in self.field_confidence], dtype=float)
        correct = np.array([ok for _, ok in self.field_confidence], dtype=float)
        points = reliability(confidences, correct)
        return {
            "n": len(self.field_confidence),
            "ece": expected_calibration_error(points),
            **confidence_threshold(confidences, correct, target),
            "reliability": points,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "type_accuracy": self.type_accuracy(),
            "type_accuracy_usable": self.type_accuracy(usable_only=True),
            "fields": {k: v.to_dict() for k, v in sorted(self.fields.items())},
            "fields_overall": self.overall(self.fields),
            "clean_scan_fields": {k: v.to_dict() for k, v in sorted(self.clean_fields.items())},
            "clean_scan_overall": self.overall(self.clean_fields),
            "usable_fields": {k: v.to_dict() for k, v in sorted(self.usable_fields.items())},
            "usable_overall": self.overall(self.usable_fields),
            "ms_per_page": round(1000 * self.seconds / max(self.pages, 1), 2),
            "field_calibration": self.field_calibration(),
        }


def score_fields(report: Report, document: Document, predicted: dict[str, Any]) -> None:
    """Add one document's extraction to the per-field scores (keys as ``type.key``)."""
    expected = {key: value for key, value, _, _ in field_values(document.label)}
    mt = document.label.material_type
    targets = [report.fields] + ([report.clean_fields] if document.label.capture == "clean_scan" else [])
    targets += [report.usable_fields] if document.label.usable else []
    for key in set(expected) | set(predicted):
        got = predicted.get(key)
        want = expected.get(key)
        value = None if got is None else str(json_value(got.value))
        for scores in targets:
            s = scores[f"{mt}.{key}"]
            s.expected += want is not None
            s.returned += got is not None
            s.found += want is not None and got is not None
            s.exact += want is not None and value == want
            s.correct_returned += got is not None and want is not None and value == want
        if got is not None and want is not None:
            report.field_confidence.append((float(got.confidence), value == want))
        if want is not None and value != want:
            report.errors.append(
                {
                    "id": document.label.id,
                    "key": f"{mt}.{key}",
                    "want": want,
                    "got": value,
                    "capture": document.label.capture,
                }
            )


def measure(documents: list[Document], classifier: Classifier, extractor: Extractor) -> Report:
    """Run both components on every document and score them."""
    report = Report()
    for document in documents:
        started = time.perf_counter()
        guess = classifier.classify(document.ocr)
        fields = extractor.extract(document.label.material_type, document.ocr)
        if document.reading is not None:  # what the pipeline adds from the seals, as the service does
            fields = seal_fields(document.label.material_type, fields, document.reading.seals)
        report.seconds += time.perf_counter() - started
        report.pages += len(document.ocr)
        report.confusion[(classifier_target(document), guess.material_type)] += 1
        if document.label.usable:
            report.usable_confusion[(classifier_target(document), guess.material_type)] += 1
        if classifier_target(document) != "other":
            score_fields(report, document, fields)
    return report


def confusion_png(report: Report, path: Any, title: str = "material type") -> None:
    """The confusion matrix (rows: truth, columns: prediction) as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = sorted({t for pair in report.confusion for t in pair})
    grid = [[report.confusion[(t, g)] for g in names] for t in names]
    fig, ax = plt.subplots(figsize=(8, 7))
    ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(names)), names, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(names)), names, fontsize=7)
    for i, row in enumerate(grid):
        for j, n in enumerate(row):
            if n:
                ax.text(j, i, str(n), ha="center", va="center", fontsize=7)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def reliability_png(
    points: list[dict[str, float]], path: Any, title: str = "classifier reliability (validation)"
) -> None:
    """Confidence vs accuracy per bin, with the diagonal of perfect calibration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], "--", color="grey")
    ax.plot([p["confidence"] for p in points], [p["accuracy"] for p in points], "o-")
    for p in points:
        ax.annotate(str(p["count"]), (p["confidence"], p["accuracy"]), fontsize=7)
    ax.set_xlabel("confidence")
    ax.set_ylabel("accuracy")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
