from __future__ import annotations

from pathlib import Path

import pytest

from prereview.review import Item, load_items

REVIEW_POINTS = Path(__file__).resolve().parents[2] / "review_points"


@pytest.fixture(scope="session")
def items() -> dict[str, Item]:
    return load_items(REVIEW_POINTS)
