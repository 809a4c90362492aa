"""Temperature scaling: the one number that makes the classifier's confidence match its accuracy."""

from __future__ import annotations

from itertools import pairwise

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
    total = sum(p["count"] for p in points)
    return round(sum(abs(p["confidence"] - p["accuracy"]) * p["count"] for p in points) / max(total, 1), 4)
