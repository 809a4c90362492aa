"""Calibration: temperature scaling for the classifier, reliability points, and the field threshold.

Temperature scaling is the one number that makes the classifier's confidence match its accuracy. For
extracted fields, :func:`confidence_threshold` finds the confidence above which a field can be trusted.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy as np


def nll(logits: np.ndarray, targets: np.ndarray, temperature: float) -> float:
    scaled = logits / temperature
    scaled = scaled - scaled.max(axis=1, keepdims=True)
    log_probs = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(targets)), targets].mean())


def fit_temperature(logits: np.ndarray, targets: np.ndarray) -> float:
    """The temperature (0.05–20, log grid) with the least validation negative log-likelihood.

    >>> logits = np.array([[4.0, 0.0], [4.0, 0.0], [0.0, 4.0], [4.0, 0.0]])
    >>> t = fit_temperature(logits, np.array([0, 1, 1, 0]))  # one wrong of four: soften
    >>> t > 1
    True
    """
    if len(targets) == 0:
        return 1.0
    grid = np.exp(np.linspace(np.log(0.05), np.log(20.0), 200))
    losses = [nll(logits, targets, float(t)) for t in grid]
    return round(float(grid[int(np.argmin(losses))]), 4)


def reliability(confidences: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    """Per confidence bin: mean confidence, accuracy and count (the reliability diagram's points).

    >>> reliability(np.array([0.95, 0.95, 0.25]), np.array([1, 1, 0]), bins=2)[1]["accuracy"]
    1.0
    """
    edges = np.linspace(0.0, 1.0, bins + 1)
    out = []
    for lo, hi in pairwise(edges):
        inside = (confidences > lo) & (confidences <= hi)
        if inside.any():
            out.append(
                {
                    "low": float(lo),
                    "high": float(hi),
                    "confidence": float(confidences[inside].mean()),
                    "accuracy": float(correct[inside].mean()),
                    "count": int(inside.sum()),
                }
            )
    return out


def expected_calibration_error(points: list[dict[str, float]]) -> float:
    """The count-weighted mean gap between confidence and accuracy over the reliability points.

    >>> expected_calibration_error([{"confidence": 0.9, "accuracy": 0.5, "count": 1}])
    0.4
    """
    total = sum(p["count"] for p in points)
    return round(sum(abs(p["confidence"] - p["accuracy"]) * p["count"] for p in points) / max(total, 1), 4)


def confidence_threshold(
    confidences: np.ndarray, correct: np.ndarray, target: float = 0.99
) -> dict[str, Any]:
    """The smallest observed confidence ``t`` whose fields at or above it are right at least ``target``.

    Also the ``coverage`` (share of fields at or above ``t``) and the ``precision`` (share of those right).
    When no observed confidence reaches the target, ``t`` is 1.0 and ``reached`` is false (``precision``
    is then that of the fields at 1.0, ``None`` when there are none).

    >>> conf = np.array([0.99, 0.9, 0.8, 0.7, 0.6])
    >>> confidence_threshold(conf, np.array([1, 1, 1, 0, 1]))
    {'threshold': 0.8, 'coverage': 0.6, 'precision': 1.0, 'reached': True, 'target': 0.99}
    >>> confidence_threshold(conf, np.array([1, 1, 1, 0, 1]), target=0.75)["threshold"]
    0.6
    >>> confidence_threshold(conf, np.array([0, 1, 1, 1, 1]))
    {'threshold': 1.0, 'coverage': 0.0, 'precision': None, 'reached': False, 'target': 0.99}
    """
    order = np.argsort(-confidences, kind="stable")
    ranked, right = confidences[order], np.cumsum(correct[order])
    ends = np.flatnonzero(np.diff(ranked, append=np.inf))  # the last index of each distinct value
    good = [int(i) for i in ends if right[i] >= target * (i + 1) - 1e-9]
    if good:
        last = good[-1]
        threshold, above, hits = float(ranked[last]), last + 1, int(right[last])
    else:
        threshold = 1.0
        above, hits = int((confidences >= 1.0).sum()), int(correct[confidences >= 1.0].sum())
    return {
        "threshold": threshold,
        "coverage": round(above / len(confidences), 4) if len(confidences) else 0.0,
        "precision": round(hits / above, 4) if above else None,
        "reached": bool(good),
        "target": target,
    }
