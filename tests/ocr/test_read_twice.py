"""A line the detector cut into two overlapping boxes, the shared character read in both, joined once."""

from __future__ import annotations

from prereview.document import TextLine
from prereview.ocr.read_twice import join_read_twice


def _quad(x0: float, y0: float, x1: float, y1: float) -> tuple[tuple[float, float], ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def test_an_id_number_read_into_its_label_box_is_joined_once() -> None:
    """ "公民身份号码1" over "110109198108192150": the number's first digit lies in both boxes."""
    label = TextLine("公民身份号码1", (64, 501, 323, 542), 0.99, polygon=_quad(64, 501, 323, 542))
    number = TextLine("110109198108192150", (299, 502, 710, 545), 0.98, polygon=_quad(299, 502, 710, 545))
    [line] = join_read_twice([label, number])
    assert line.text == "公民身份号码110109198108192150"
    assert line.box == (64, 501, 710, 545) and line.confidence == 0.98
    assert line.polygon == ((64, 501), (710, 502), (710, 545), (64, 542))


def test_a_chain_of_three_boxes_and_a_last_character_alone_are_joined() -> None:
    lines = [
        TextLine("监管", (100, 50, 160, 80), 0.9),
        TextLine("管理", (135, 50, 195, 80), 0.9),
        TextLine("理局", (170, 50, 230, 80), 0.9),
        TextLine("1957年8月25日", (300, 50, 520, 80), 0.9),
        TextLine("日", (500, 50, 525, 80), 0.9),
    ]
    assert [line.text for line in join_read_twice(lines)] == ["监管理局", "1957年8月25日"]


def test_neighbours_that_only_touch_or_sit_on_other_rows_stay_apart() -> None:
    """A table's cells touch without overlapping a character; a line under another is another line;
    different characters at the overlap are two readings of different print."""
    lines = [
        TextLine("住址", (100, 50, 160, 80), 0.9),
        TextLine("址北京市", (158, 50, 278, 80), 0.9),  # touches: 2 px
        TextLine("北京市", (100, 82, 190, 112), 0.9),
        TextLine("市场", (170, 100, 230, 130), 0.9),  # half a row lower: another line
        TextLine("出生2015", (100, 200, 240, 230), 0.9),
        TextLine("6年6月9日", (220, 200, 420, 230), 0.9),  # overlaps, but 5 ≠ 6
    ]
    assert join_read_twice(lines) == lines
