"""A tilted photo's lines are read level and its fields reported in the photo's own pixels."""

from __future__ import annotations

import math

from prereview.document import TextLine, box_from_polygon
from prereview.understanding import build_extractor
from prereview.understanding.deskew import level_lines, page_skew

# A household register page, level: label, value, and an address wrapping onto a second line.
LEVEL = [
    ("常住人口登记卡", (400, 60, 900, 120)),
    ("姓名", (100, 200, 180, 240)),
    ("王小红", (260, 200, 420, 240)),
    ("户主或与户主关系", (620, 200, 900, 240)),
    ("女儿", (940, 200, 1020, 240)),
    ("性别", (100, 280, 180, 320)),
    ("女", (260, 280, 300, 320)),
    ("民族", (620, 280, 700, 320)),
    ("汉族", (780, 280, 860, 320)),
    ("出生地", (100, 360, 220, 400)),
    ("青海省海北藏族自治州门源回族自治县", (260, 360, 900, 400)),
    ("住址", (100, 440, 180, 480)),
    ("青海省海北藏族自治州门源回族自治县迎宾大道183号金", (260, 440, 1180, 480)),
    ("色公寓27栋2单元1906室", (260, 490, 700, 530)),
    ("公民身份号码", (100, 560, 300, 600)),
    ("632221199002031225", (360, 560, 760, 600)),
]


def tilted(degrees: float) -> list[TextLine]:
    """The page photographed ``degrees`` off level (clockwise), as OCR reports it: quadrilaterals."""
    angle = math.radians(degrees)

    def turn(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - 640, y - 400
        return (
            640 + dx * math.cos(angle) - dy * math.sin(angle),
            400 + dx * math.sin(angle) + dy * math.cos(angle),
        )

    lines = []
    for text, (x0, y0, x1, y1) in LEVEL:
        polygon = tuple(turn(x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)))
        lines.append(TextLine(text, box_from_polygon(polygon), 0.98, polygon))
    return lines


def test_the_skew_is_the_long_lines_angle_and_levelling_restores_the_boxes() -> None:
    lines = tilted(6.0)
    skew = page_skew(lines)
    assert skew is not None and abs(skew.degrees - 6.0) < 0.05
    level = level_lines(lines, skew)
    # level boxes are as high as the text again (the tilted ones of the long lines reach 130)
    assert all(
        abs((line.box[3] - line.box[1]) - (box[3] - box[1])) < 1
        for line, (_, box) in zip(level, LEVEL, strict=True)
    )
    assert page_skew(tilted(0.3)) is None  # a level scan is left alone


def test_a_tilted_register_reads_like_the_level_one_with_boxes_on_the_photo() -> None:
    extractor = build_extractor("anchors")
    level = extractor.extract("household_register", [tilted(0.0)])
    photo_lines = tilted(6.0)
    photo = extractor.extract("household_register", [photo_lines])
    assert {k: f.value for k, f in photo.items()} == {k: f.value for k, f in level.items()}
    assert photo["address"].value == "青海省海北藏族自治州门源回族自治县迎宾大道183号金色公寓27栋2单元1906室"
    number_line = next(line for line in photo_lines if line.text == "632221199002031225")
    x0, y0, x1, y1 = photo["id_number"].box
    nx0, ny0, nx1, ny1 = number_line.box
    assert abs(x0 - nx0) < 15 and abs(y0 - ny0) < 15 and abs(x1 - nx1) < 15 and abs(y1 - ny1) < 15
