"""``prereview extract``: JSON alone on standard output, exit codes 0 / 2, readable table otherwise."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import cv2
import pytest

from prereview.cli.main import main
from tests.understanding import cards


def test_extract_json_subprocess(tmp_path: Path, cjk_font: Path) -> None:
    rng = random.Random(21)
    drawn = cards.business_license(cards.company(rng), cjk_font, rng)
    path = tmp_path / "营业执照.png"
    cv2.imwrite(str(path), drawn.image)
    done = subprocess.run(
        [sys.executable, "-m", "prereview", "extract", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)  # standard output holds the JSON document and nothing else
    assert result["material_type"] == "business_license"
    assert result["fields"]["credit_code"]["value"] == drawn.values["credit_code"]
    assert result["file"] == "营业执照.png"
    assert result["version"].startswith("prereview ")
    assert set(result) >= {"pages", "fields", "checks", "quality", "seals", "signatures", "confidence"}


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"", "empty.jpg"),
        (b"hello, this is text", "note.jpg"),
        (b"MZ\x90\x00" + b"\x00" * 60, "setup.pdf"),
        (b"%PDF-1.7\n1 0 obj\n<<", "cut.pdf"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["extract", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    reason = [line for line in err.splitlines() if line.startswith("prereview:")]
    assert len(reason) == 1 and "(" in reason[0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in reason[0])  # Chinese first, English in parentheses


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.png")]) == 2
    assert "文件不存在" in capsys.readouterr().err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract"])
    assert exit_info.value.code == 2


def test_table_output_for_people(tmp_path: Path, cjk_font: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(4)
    drawn = cards.id_card_front(cards.person(rng), cjk_font, rng)
    path = tmp_path / "card.jpg"
    cv2.imwrite(str(path), drawn.image)
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    assert "id_card_front" in out
    assert drawn.values["id_number"] in out
