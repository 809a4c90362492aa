"""The dataset generator: deterministic, labels inside the pages, PDFs with a real text layer."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import pypdfium2
import pytest

from prereview.synth.cli import add_synth_parser, run_synth
from prereview.synth.dataset import generate_dataset, make_sample, plan_dataset
from prereview.synth.labels import FORMAT, read_labels, read_manifest
from prereview.synth.loader import load_pages
from prereview.synth.recipes import Recipe
from prereview.synth.render import LAYOUTS

N = 16


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    add_synth_parser(parser.add_subparsers(dest="command"))
    return run_synth(parser.parse_args(["synth", *argv]))


def _digest(folder: Path) -> str:
    digest = hashlib.sha256((folder / "labels.jsonl").read_bytes())
    digest.update((folder / "manifest.json").read_bytes())
    for path in sorted((folder / "files").iterdir()):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "a"
    assert _run(["--out", str(out), "--n", str(N), "--seed", "1"]) == 0
    return out


def test_same_seed_gives_identical_labels_and_files(dataset: Path, tmp_path: Path) -> None:
    again = tmp_path / "b"
    assert _run(["--out", str(again), "--n", str(N), "--seed", "1"]) == 0
    assert (dataset / "labels.jsonl").read_bytes() == (again / "labels.jsonl").read_bytes()
    assert _digest(dataset) == _digest(again)


def test_another_seed_gives_other_data(dataset: Path, tmp_path: Path) -> None:
    other = tmp_path / "c"
    generate_dataset(other, Recipe(name="default"), n=3, seed=2)
    first = [label.fields for label in read_labels(other)]
    assert first != [label.fields for label in list(read_labels(dataset))[:3]]


def test_labels_are_complete_and_inside_their_pages(dataset: Path) -> None:
    labels = list(read_labels(dataset))
    assert len(labels) == N
    manifest = read_manifest(dataset)
    assert manifest["format"] == FORMAT and manifest["n"] == N and manifest["seed"] == 1
    for label in labels:
        pages = load_pages(dataset / label.file, label)
        assert len(pages) == len(label.pages)
        for page, page_label in zip(pages, label.pages, strict=True):
            assert page.shape[:2] == (page_label.height, page_label.width), label.file
        assert label.layout in LAYOUTS[label.material_type] and label.font and label.seed
        assert label.usable == (label.quality_issues == [])
        for key, field in label.fields.items():
            if field.box is None:
                continue
            size = label.pages[field.page]
            x0, y0, x1, y1 = field.box
            assert 0 <= x0 < x1 <= size.width and 0 <= y0 < y1 <= size.height, (label.file, key, field.box)


def test_every_line_carries_the_schema_version(dataset: Path) -> None:
    for line in (dataset / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["schema_version"] == FORMAT
        assert {
            "material_type",
            "fields",
            "capture",
            "usable",
            "quality_issues",
            "layout",
            "font",
            "seed",
            "defects",
            "pages",
        } <= set(record)


def test_lease_contract_pdf_has_a_text_layer_at_the_labelled_boxes() -> None:
    recipe = Recipe(name="pdf", types={"lease_contract": 1}, text_pdf_share=1.0)
    planned = plan_dataset(recipe, n=1, seed=4)[0]
    _, data, label = make_sample(planned, recipe)
    assert label.capture == "digital" and label.text_layer and len(label.pages) >= 2
    pdf = pypdfium2.PdfDocument(data)
    assert len(pdf) == len(label.pages)
    lessee = label.fields["lessee"]
    page = pdf[lessee.page]
    text = page.get_textpage()
    assert lessee.value in text.get_text_range()
    dpi = label.pages[lessee.page].dpi
    assert dpi and lessee.box
    # The text layer's characters for the lessee's name sit inside its labelled box (PDF points → pixels).
    start = text.get_text_range().index(lessee.value)
    height_pt = page.get_height()
    for i in range(start, start + len(lessee.value)):
        left, bottom, right, top = text.get_charbox(i)
        x0, y0, x1, y1 = (v * dpi / 72 for v in (left, height_pt - top, right, height_pt - bottom))
        bx0, by0, bx1, by1 = lessee.box
        assert bx0 - 4 <= x0 and x1 <= bx1 + 4 and by0 - 6 <= y0 and y1 <= by1 + 6
    pdf.close()


def test_scanned_pdf_has_no_text_layer() -> None:
    recipe = Recipe(name="scan", types={"lease_contract": 1}, text_pdf_share=0.0, captures={"clean_scan": 1})
    _, data, label = make_sample(plan_dataset(recipe, n=1, seed=4)[0], recipe)
    assert label.capture == "clean_scan" and not label.text_layer
    pdf = pypdfium2.PdfDocument(data)
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(len(pdf)))
    pdf.close()


def test_types_filter_and_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = plan_dataset(Recipe(name="x"), n=20, seed=3, types=["id_card_back"])
    assert {p.spec.material_type for p in plan} == {"id_card_back"}
    assert _run(["--out", str(tmp_path / "d"), "--n", "2", "--types", "passport"]) == 2
    assert "passport" in capsys.readouterr().err
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "thesis.docx").write_text("mine")
    assert _run(["--out", str(tmp_path / "busy"), "--n", "1"]) == 2
    assert (tmp_path / "busy" / "thesis.docx").exists()


def test_plan_follows_recipe_weights() -> None:
    recipe = Recipe(name="w", types={"id_card_front": 1, "business_license": 3}, captures={"glare": 1})
    plan = plan_dataset(recipe, n=200, seed=9)
    counts = {t: sum(p.spec.material_type == t for p in plan) for t in recipe.types}
    assert 20 < counts["id_card_front"] < 80 < counts["business_license"]
    assert {p.spec.capture for p in plan} == {"glare"} and {p.spec.file_kind for p in plan} == {"jpeg"}
    assert plan == plan_dataset(recipe, n=200, seed=9)  # the plan is a pure function of recipe and seed
