"""Dataset recipes: which material types, layouts, fonts, capture variants and defects a dataset holds.

A recipe is a YAML file (``datasets/recipes/*.yaml``) validated here. Weights need not sum to one. Names
are checked against the generator's registries, and a wrong one is reported with the known ones.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from prereview.synth.capture import VARIANTS

DEFAULT_AS_OF = date(2025, 6, 30)


class Recipe(BaseModel):
    """What to generate. ``layouts``/``fonts`` left empty mean "every one the renderer knows"."""

    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    seed: int = 1
    n: int = Field(100, ge=1)
    as_of: date = DEFAULT_AS_OF
    types: dict[str, float] = Field(default_factory=dict, description="material type -> weight")
    captures: dict[str, float] = Field(default_factory=dict, description="capture variant -> weight")
    fonts: list[str] = Field(default_factory=list, description="value fonts the renderer may use")
    layouts: dict[str, list[str]] = Field(default_factory=dict, description="material type -> layout ids")
    pdf_share: float = Field(0.15, ge=0, le=1, description="scans of one-page materials written as a PDF")
    png_share: float = Field(0.3, ge=0, le=1, description="other scans written as PNG (the rest as JPEG)")
    text_pdf_share: float = Field(
        0.5, ge=0, le=1, description="multi-page materials written with a text layer"
    )
    defect_share: float = Field(0.15, ge=0, le=1, description="files printed with one material defect")

    @field_validator("captures")
    @classmethod
    def _known_captures(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(value) - set(VARIANTS))
        if unknown:
            raise ValueError(f"unknown capture variants {unknown}; known: {', '.join(sorted(VARIANTS))}")
        return value

    def check_names(self, *, types: list[str], layouts: dict[str, list[str]], fonts: list[str]) -> None:
        """Raise ``ValueError`` naming any type, layout or font the generator does not know."""
        problems = [f"unknown material type {t!r}" for t in self.types if t not in types]
        problems += [f"unknown font {f!r}" for f in self.fonts if f not in fonts]
        for material_type, chosen in self.layouts.items():
            known = layouts.get(material_type, [])
            problems += [f"unknown layout {lay!r} for {material_type}" for lay in chosen if lay not in known]
        if problems:
            raise ValueError(
                f"recipe {self.name!r}: "
                + "; ".join(problems)
                + f". Known types: {', '.join(types)}; fonts: {', '.join(fonts)}; layouts: {layouts}"
            )


def load_recipe(path: Path) -> Recipe:
    """Read and validate a recipe file; the error names the file."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"{path}: cannot read recipe: {error}") from error
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a recipe is a YAML mapping (name, types, captures, fonts, layouts…)")
    try:
        return Recipe.model_validate(data)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from error
