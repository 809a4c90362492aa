"""食品经营许可证 (副本): the operator's particulars, the license number, validity and the regulator's seal.

v1: label-value rows with the number under the title; v2: a ruled table, the number at the top right.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from prereview.synth.content.dates import add_years
from prereview.synth.content.facts import FoodLicense
from prereview.synth.render.canvas import Draft
from prereview.synth.render.context import RenderContext, cn_date, iso
from prereview.synth.render.paper import paper
from prereview.synth.render.rows import Row, draw_rows
from prereview.synth.render.seal import stamp_seal
from prereview.synth.render.table import draw_table, label, value

VARIANTS = ("v1", "v2")
LABEL_FONT = "noto_sans"


def _as_printed(ctx: RenderContext, license_: FoodLicense) -> FoodLicense:
    if not ctx.has("expired"):
        return license_
    valid_to = ctx.as_of - timedelta(days=ctx.rng.randint(1, 600))
    return dataclasses.replace(
        license_, valid_to=valid_to, issue_date=add_years(valid_to, -5) + timedelta(days=1)
    )


def _entries(ctx: RenderContext, lic: FoodLicense) -> list[tuple[str, str | None, object, str]]:
    company = lic.company
    code = ctx.credit_code(company.credit_code)
    return [
        ("经营者名称", "operator_name", company.name, company.name),
        ("社会信用代码", "credit_code", code, code),
        (
            "法定代表人（负责人）",
            "legal_representative",
            company.legal_representative,
            company.legal_representative,
        ),
        ("住所", "address", company.address, company.address),
        ("经营场所", None, None, lic.premises),
        ("主体业态", None, None, lic.main_business),
        ("经营项目", None, None, lic.items),
        ("有效期至", "valid_to", iso(lic.valid_to), cn_date(lic.valid_to)),
    ]


def render(ctx: RenderContext) -> Draft:
    lic = _as_printed(ctx, ctx.facts["food_license"])
    width, height = (1240, 1754) if ctx.variant == "v1" else (1180, 1670)
    draft = Draft("food_business_license")
    sheet = draft.new_page((width, height), paper((width, height), grain=ctx.rng.randrange(3)), dpi=150)
    frame = (40, 120, 90) if ctx.variant == "v1" else (70, 90, 140)
    sheet.draw.rectangle((30, 30, width - 30, height - 30), outline=frame, width=5)
    title_y = height * 0.09 + ctx.jitter(6)
    sheet.text((width / 2, title_y), "食品经营许可证", "noto_serif_bold", int(width * 0.06), anchor="mm")
    size = ctx.scale(width * 0.02)
    x = width * 0.1 + ctx.jitter(8)
    entries = _entries(ctx, lic)
    if ctx.variant == "v1":
        y = title_y + width * 0.07
        number_label = sheet.text((width * 0.3, y), "许可证编号：", LABEL_FONT, size)
        sheet.field(
            "license_number", lic.license_number, (number_label[2], y), lic.license_number, ctx.font, size
        )
        rows = [Row(name, key, val, text, 2) for name, key, val, text in entries]
        y = draw_rows(
            sheet,
            rows,
            x_label=x,
            x_value=x + size * 10.5,
            y=y + size * 3,
            size=size,
            label_font=LABEL_FONT,
            value_font=ctx.font,
            width=width * 0.86 - x - size * 10.5,
            step=size * 2.4,
            label_width=4,
        )
    else:
        y = title_y + width * 0.05
        number_label = sheet.text((width * 0.55, y), "编号", LABEL_FONT, size)
        sheet.field(
            "license_number",
            lic.license_number,
            (number_label[2] + size, y),
            lic.license_number,
            ctx.font,
            size,
        )
        y += size * 2.5
        cells = [[label(name), value(key, val, text)] for name, key, val, text in entries]
        heights = [size * (3.4 if name in ("住所", "经营场所", "经营项目") else 2.4) for name, *_ in entries]
        draw_table(
            sheet,
            x=x,
            y=y,
            columns=[width * 0.26, width * 0.54],
            rows=cells,
            heights=heights,
            size=size,
            label_font=LABEL_FONT,
            value_font=ctx.font,
        )
        y += sum(heights) + size * 2
    y += size * 2
    sheet.text((width * 0.55, y), f"发证机关：{lic.authority}", LABEL_FONT, int(size * 0.9))
    sheet.text(
        (width * 0.55, y + size * 1.8),
        f"签发人：{ctx.rng.choice(('李明', '王强', '张华'))}",
        LABEL_FONT,
        int(size * 0.9),
    )
    date_box = sheet.text((width * 0.62, y + size * 3.6), cn_date(lic.issue_date), LABEL_FONT, size)
    center = ((date_box[0] + date_box[2]) / 2, date_box[1] - size)
    diameter = int(width * 0.17)
    draft.area(
        "seal_areas",
        0,
        (
            center[0] - diameter / 2,
            center[1] - diameter / 2,
            center[0] + diameter / 2,
            center[1] + diameter / 2,
        ),
    )
    if not ctx.has("missing_seal"):
        stamp_seal(sheet, center, diameter, lic.authority, ctx.rng)
    sheet.text(
        (x, height * 0.93),
        f"日常监督管理机构：{lic.authority}    投诉举报电话：{lic.complaint_phone}",
        LABEL_FONT,
        int(size * 0.7),
        (80, 80, 80),
    )
    return draft
