"""The committed recipes load, name only what the generator knows, and keep the test set held out."""

from __future__ import annotations

from pathlib import Path

import pytest

from prereview.synth.fonts import FONTS
from prereview.synth.recipes import load_recipe
from prereview.synth.render import LAYOUTS

RECIPES = Path(__file__).resolve().parents[2] / "datasets" / "recipes"


@pytest.mark.parametrize("name", ["train-v1", "test-v1", "tiny"])
def test_recipe_loads_and_names_known_things(name: str) -> None:
    recipe = load_recipe(RECIPES / f"{name}.yaml")
    assert recipe.name == name
    recipe.check_names(types=list(LAYOUTS), layouts=LAYOUTS, fonts=list(FONTS))


def test_test_recipe_holds_out_fonts_and_layouts() -> None:
    train = load_recipe(RECIPES / "train-v1.yaml")
    test = load_recipe(RECIPES / "test-v1.yaml")
    assert train.fonts and test.fonts
    assert set(train.fonts).isdisjoint(test.fonts)
    for material_type in LAYOUTS:
        train_layouts = set(train.layouts.get(material_type) or LAYOUTS[material_type])
        test_layouts = set(test.layouts.get(material_type) or LAYOUTS[material_type])
        assert test_layouts - train_layouts, (
            f"{material_type}: the test set needs a layout training never sees"
        )
    assert set(train.types) == set(test.types) == set(LAYOUTS)


def test_a_wrong_name_is_reported_with_the_known_ones(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nfonts: [comic_sans]\nlayouts: {id_card_front: [id_card_front/v9]}\n", "utf-8")
    with pytest.raises(
        ValueError, match=r"comic_sans.*id_card_front/v9|id_card_front/v9.*comic_sans"
    ) as error:
        load_recipe(bad).check_names(types=list(LAYOUTS), layouts=LAYOUTS, fonts=list(FONTS))
    assert "noto_sans" in str(error.value)
    bad.write_text("name: bad\ncaptures: {blurry: 1}\n", "utf-8")
    with pytest.raises(ValueError, match="unknown capture variants"):
        load_recipe(bad)
