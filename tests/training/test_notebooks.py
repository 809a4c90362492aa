"""The data scientist's notebooks (jupytext ``# %%`` scripts) run top to bottom on the tiny dataset."""

from __future__ import annotations

import runpy
from pathlib import Path

import jupytext
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _run(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str]
) -> dict[str, object]:
    notebook = jupytext.read(NOTEBOOKS / name)  # the file parses as a notebook…
    assert len(notebook.cells) >= 3
    script = tmp_path / name
    script.write_text(jupytext.writes(notebook, fmt="py:percent"), encoding="utf-8")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return runpy.run_path(str(script))  # …and runs as a script


@pytest.mark.slow
def test_explore_notebook(tiny_dataset: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    scope = _run("explore_dataset.py", monkeypatch, tmp_path, {"PREREVIEW_NB_DATA": str(tiny_dataset)})
    assert scope["report"].kept > 0  # type: ignore[attr-defined]


@pytest.mark.slow
def test_train_and_error_analysis_notebooks(
    tiny_dataset: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    models = tmp_path / "models"
    env = {"PREREVIEW_NB_DATA": str(tiny_dataset), "PREREVIEW_NB_OUT": str(models), "PREREVIEW_NB_SMALL": "1"}
    scope = _run("train_evaluate.py", monkeypatch, tmp_path, env)
    assert 0.0 <= scope["learned"]["type_accuracy"]["overall"] <= 1.0  # type: ignore[index]
    figures = tmp_path / "figures"
    env = {
        "PREREVIEW_NB_MODELS": str(models),
        "PREREVIEW_NB_TEST": str(tiny_dataset),
        "PREREVIEW_NB_FIGURES": str(figures),
    }
    _run("error_analysis.py", monkeypatch, tmp_path, env)
    assert list(figures.glob("*.png"))
