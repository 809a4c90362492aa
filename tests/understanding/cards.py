"""Renderers for ID-card-like cards and a business-license-like page, knowing where each value is.

Fictional people and companies only; identifiers get stdnum-computed check characters (or a deliberately
wrong one). Layouts follow the real documents (label column, values beside, address over lines,
number at the bottom of the card) with jitter in position, size, spacing and font.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from stdnum.cn import ric, uscc

Box = tuple[float, float, float, float]

FONTS = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
]


def id_number(region: str, birth: str, sequence: str, wrong_check: bool = False) -> str:
    """An 18-character number with the right (or a deliberately wrong) check character."""
    body = region + birth + sequence
    check = ric.calc_check_digit(body + "0")
    if wrong_check:
        check = "0123456789X"[("0123456789X".index(check) + 3) % 11]
    return body + check


def credit_code(body: str, wrong_check: bool = False) -> str:
    """An 18-character credit code from a 17-character body."""
    check = uscc.calc_check_digit(body + "0")
    if wrong_check:
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        check = alphabet[(alphabet.index(check) + 5) % len(alphabet)]
    return body + check


@dataclass
class Drawn:
    """An image, the expected field values, and the box each value was drawn in."""

    material_type: str
    image: np.ndarray
    values: dict[str, str]
    boxes: dict[str, Box] = field(default_factory=dict)


class Canvas:
    def __init__(self, size: tuple[int, int], font: Path) -> None:
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)
        self.font_path = font

    def text(self, xy: tuple[float, float], text: str, px: int, fill: str = "black") -> Box:
        """Draw ``text`` and return its ink box."""
        font = ImageFont.truetype(str(self.font_path), px)
        self.draw.text(xy, text, font=font, fill=fill)
        x0, y0, x1, y1 = self.draw.textbbox(xy, text, font=font)
        return (float(x0), float(y0), float(x1), float(y1))

    def parts(self, xy: tuple[float, float], parts: list[str], px: int) -> list[Box]:
        """Draw the parts as one string and return each part's box (from the advance widths)."""
        font = ImageFont.truetype(str(self.font_path), px)
        whole = self.text(xy, "".join(parts), px)
        boxes, x = [], xy[0]
        for part in parts:
            width = self.draw.textlength(part, font=font)
            boxes.append((x, whole[1], x + width, whole[3]))
            x += width
        return boxes

    def bgr(self) -> np.ndarray:
        return cv2.cvtColor(np.array(self.image), cv2.COLOR_RGB2BGR)


def _union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _label(text: str, rng: random.Random) -> str:
    """Two-character labels are often printed spaced out ("姓 名")."""
    return " ".join(text) if len(text) == 2 and rng.random() < 0.5 else text


def id_card_front(person: dict[str, str], font: Path, rng: random.Random) -> Drawn:
    """姓名/性别/民族/出生/住址/公民身份号码 on a ~1000x630 card with a photo area at the right."""
    canvas = Canvas((1000 + rng.randint(-20, 20), 630 + rng.randint(-10, 10)), font)
    canvas.draw.rectangle((680, 90, 940, 420), fill=(225, 225, 225))  # the portrait
    label_px, value_px = rng.randint(26, 30), rng.randint(30, 36)
    x_label, x_value = 60 + rng.randint(-10, 10), 170 + rng.randint(-25, 25)
    y, step = 60 + rng.randint(-10, 10), 80 + rng.randint(-6, 6)
    blue = "#1f4e8c"
    boxes: dict[str, Box] = {}
    canvas.text((x_label, y + 4), _label("姓名", rng), label_px, blue)
    boxes["name"] = canvas.text((x_value, y), person["name"], value_px + 4)
    y += step
    canvas.text((x_label, y + 4), _label("性别", rng), label_px, blue)
    boxes["sex"] = canvas.text((x_value, y), person["sex"], value_px)
    x_eth = x_value + 150 + rng.randint(-10, 20)
    canvas.text((x_eth, y + 4), _label("民族", rng), label_px, blue)
    boxes["ethnicity"] = canvas.text((x_eth + 110 + rng.randint(-15, 10), y), person["ethnicity"], value_px)
    y += step
    canvas.text((x_label, y + 4), _label("出生", rng), label_px, blue)
    year, month, day = person["birth"]
    x = x_value
    pieces = []
    for number, unit in ((year, "年"), (month, "月"), (day, "日")):
        pieces.append(canvas.text((x, y), number, value_px))
        x = pieces[-1][2] + 8
        canvas.text((x, y + 4), unit, label_px, blue)
        x += label_px + 14
    boxes["birth_date"] = _union(pieces)
    y += step
    canvas.text((x_label, y + 4), _label("住址", rng), label_px, blue)
    lines = person["address_lines"]
    address_boxes = []
    for line in lines:
        address_boxes.append(canvas.text((x_value, y), line, value_px))
        y += value_px + 12 + rng.randint(0, 6)
    boxes["address"] = _union(address_boxes)
    y_number = 520 + rng.randint(-15, 10)
    canvas.text((x_label, y_number + 6), "公民身份号码", label_px, blue)
    boxes["id_number"] = canvas.text(
        (x_label + label_px * 6 + 50 + rng.randint(0, 40), y_number), person["id_number"], value_px + 6
    )
    values = {
        "name": person["name"],
        "sex": person["sex"],
        "ethnicity": person["ethnicity"],
        "birth_date": f"{year}-{int(month):02d}-{int(day):02d}",
        "address": "".join(lines),
        "id_number": person["id_number"],
    }
    return Drawn("id_card_front", canvas.bgr(), values, boxes)


def id_card_back(authority: str, valid: tuple[str, str], font: Path, rng: random.Random) -> Drawn:
    """中华人民共和国 / 居民身份证 titles, 签发机关 and 有效期限 (``YYYY.MM.DD-YYYY.MM.DD`` or ``-长期``)."""
    canvas = Canvas((1000 + rng.randint(-20, 20), 630 + rng.randint(-10, 10)), font)
    canvas.draw.ellipse((70, 60, 230, 220), outline=(200, 30, 30), width=6)  # the emblem
    canvas.text((330 + rng.randint(-20, 20), 80), "中华人民共和国", rng.randint(44, 52))
    canvas.text((330 + rng.randint(-20, 20), 170), "居民身份证", rng.randint(60, 70))
    label_px, value_px = rng.randint(26, 30), rng.randint(28, 34)
    x_label, x_value = 200 + rng.randint(-20, 20), 360 + rng.randint(-20, 20)
    y = 420 + rng.randint(-15, 15)
    boxes: dict[str, Box] = {}
    canvas.text((x_label, y + 3), "签发机关", label_px)
    boxes["issuing_authority"] = canvas.text((x_value, y), authority, value_px)
    y += 80 + rng.randint(-5, 5)
    canvas.text((x_label, y + 3), "有效期限", label_px)
    start = valid[0].replace("-", ".")
    end = valid[1].replace("-", ".")
    boxes["valid_from"], _, boxes["valid_to"] = canvas.parts((x_value, y), [start, "-", end], value_px)
    values = {"issuing_authority": authority, "valid_from": valid[0], "valid_to": valid[1]}
    return Drawn("id_card_back", canvas.bgr(), values, boxes)


def business_license(company: dict[str, str], font: Path, rng: random.Random) -> Drawn:
    """An A4 page at 150 dpi (1240x1754): title, credit code, two columns of labelled fields, the scope
    over several lines, 登记机关 and the issue date by the seal."""
    canvas = Canvas((1240, 1754), font)
    canvas.text((420 + rng.randint(-30, 30), 180), "营 业 执 照", 84, "#b01010")
    px = rng.randint(22, 26)
    boxes: dict[str, Box] = {}
    y = 360 + rng.randint(-10, 10)
    canvas.text((100, y), "统一社会信用代码", px)
    boxes["credit_code"] = canvas.text((100 + px * 8 + 24, y - 2), company["credit_code"], px + 2)
    y = 500 + rng.randint(-10, 10)
    left, right = 90 + rng.randint(-10, 10), 690 + rng.randint(-10, 10)
    gap = rng.randint(14, 36)
    step = px + rng.randint(36, 48)
    rows = [
        ("名称", "name", "注册资本", "registered_capital"),
        ("类型", "entity_type", "成立日期", "established_date"),
        ("法定代表人", "legal_representative", "营业期限", "valid_to"),
    ]
    for l_label, l_key, r_label, r_key in rows:
        canvas.text((left, y), _label(l_label, rng), px)
        boxes[l_key] = canvas.text((left + px * 5 + gap, y), company[l_key], px)
        rx1 = canvas.text((right, y), r_label, px)[2]
        if r_key == "valid_to":
            start, end = company["valid_to_printed"].split("至")
            boxes[r_key] = canvas.parts((rx1 + gap, y), [start, "至", end], px)[2]
        else:
            boxes[r_key] = canvas.text((rx1 + gap, y), company[r_key + "_printed"], px)
        y += step
    # 住所 in the right column, 经营范围 on the left, both over several lines.
    canvas.text((left, y), "经营范围", px)
    scope_boxes, y_scope = [], y
    for line in company["scope_lines"]:
        scope_boxes.append(canvas.text((left + px * 5 + gap, y_scope), line, px))
        y_scope += px + 14
    boxes["business_scope"] = _union(scope_boxes)
    rx1 = canvas.text((right, y), _label("住所", rng), px)[2]
    address_boxes, y_addr = [], y
    for line in company["address_lines"]:
        address_boxes.append(canvas.text((rx1 + gap, y_addr), line, px))
        y_addr += px + 14
    boxes["address"] = _union(address_boxes)
    y = 1450 + rng.randint(-30, 30)
    canvas.text((560, y), "登记机关", px)
    boxes["registration_authority"] = canvas.text(
        (560 + px * 4 + gap, y), company["registration_authority"], px
    )
    canvas.draw.ellipse((700, y - 110, 920, y + 110), outline=(220, 40, 40), width=5)  # the seal
    boxes["issue_date"] = canvas.text((740, y + 80), company["issue_date_printed"], px)
    values = {
        k: company[k]
        for k in (
            "credit_code",
            "name",
            "entity_type",
            "legal_representative",
            "registered_capital",
            "established_date",
            "valid_to",
            "registration_authority",
            "issue_date",
        )
    }
    values["address"] = "".join(company["address_lines"])
    values["business_scope"] = "".join(
        company["scope_lines"]
    )  # printed as is: Chinese punctuation full-width
    values["entity_type"] = company["entity_type"]  # printed as is: Chinese punctuation full-width
    return Drawn("business_license", canvas.bgr(), values, boxes)


def on_a4(cards: list[Drawn], gap: int = 120) -> tuple[np.ndarray, list[tuple[Drawn, tuple[int, int]]]]:
    """A photocopy: the cards stacked on a ~1240x1754 white page; returns where each was pasted."""
    page = np.full((1754, 1240, 3), 255, np.uint8)
    placed = []
    y = 150
    for card in cards:
        h, w = card.image.shape[:2]
        x = (1240 - w) // 2
        page[y : y + h, x : x + w] = card.image
        placed.append((card, (x, y)))
        y += h + gap
    return page, placed


def person(rng: random.Random, wrong_check: bool = False) -> dict[str, object]:
    """A fictional person with a consistent ID number (or a wrong check character)."""
    name = rng.choice(["张三丰", "李小红", "王建国", "陈晓梅", "刘洋", "赵丽华"])
    sex = rng.choice(["男", "女"])
    year, month, day = rng.randint(1955, 2010), rng.randint(1, 12), rng.randint(1, 28)
    region = rng.choice(["110105", "500101", "310104", "440305"])
    sequence = f"{rng.randint(10, 99)}{rng.choice('13579' if sex == '男' else '02468')}"
    number = id_number(region, f"{year}{month:02d}{day:02d}", sequence, wrong_check)
    ethnicity = rng.choice(["汉", "土家", "回", "满"])
    address = rng.choice(
        [
            ["北京市朝阳区建国路", "88号院3号楼2单元1001室"],
            ["重庆市万州区高笋塘", "街道某某路12号附5号"],
            ["上海市徐汇区漕溪北路", "595号7幢", "2601室"],
        ]
    )
    return {
        "name": name,
        "sex": sex,
        "ethnicity": ethnicity,
        "birth": (str(year), str(month), str(day)),
        "address_lines": address,
        "id_number": number,
    }


def company(rng: random.Random, wrong_check: bool = False) -> dict[str, object]:
    """A fictional company with a consistent credit code (or a wrong check character)."""
    body = (
        "91"
        + rng.choice(["110105", "500101", "440305"])
        + "MA"
        + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
    )
    year, month, day = rng.randint(2000, 2020), rng.randint(1, 12), rng.randint(1, 28)
    long_term = rng.random() < 0.5
    end = "长期" if long_term else f"{year + 20}-{month:02d}-{day:02d}"
    end_printed = "长期" if long_term else f"{year + 20}年{month:02d}月{day:02d}日"
    capital = rng.choice(["壹佰万元整", "人民币500万元"])
    return {
        "credit_code": credit_code(body, wrong_check),
        "registered_capital": capital,
        "registered_capital_printed": capital,
        "name": rng.choice(["北京星河科技有限公司", "重庆山城商贸有限责任公司", "深圳海湾信息技术有限公司"]),
        "entity_type": rng.choice(["有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）"]),
        "legal_representative": rng.choice(["王建国", "陈晓梅", "刘洋"]),
        "established_date": f"{year}-{month:02d}-{day:02d}",
        "established_date_printed": f"{year}年{month:02d}月{day:02d}日",
        "valid_to": end,
        "valid_to_printed": f"{year}年{month:02d}月{day:02d}日至{end_printed}",
        "scope_lines": rng.choice(
            [
                ["技术开发、技术咨询、技术服务；销售", "电子产品、计算机软件及辅助设备。"],
                ["货物进出口；日用百货销售；食品", "经营（销售预包装食品）；会议及", "展览服务。"],
            ]
        ),
        "address_lines": rng.choice(
            [["北京市朝阳区建国路88号", "院3号楼1001室"], ["重庆市渝中区解放碑", "民族路188号15-2"]]
        ),
        "registration_authority": "北京市朝阳区市场监督管理局",
        "issue_date": "2021-05-10",
        "issue_date_printed": "2021年05月10日",
    }
