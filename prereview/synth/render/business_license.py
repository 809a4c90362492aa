"""营业执照 (副本), portrait A4 at 150 dpi.

v1: one column of spaced labels, the authority printed next to 登记机关 and stamped over.
v2: the 2019 two-column layout (经营范围 bottom left, capital and dates on the right), the authority shown
only in the seal (so without the seal it is not printed at all), capital in financial numerals.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import numpy as np
from PIL import Image

from prereview.synth.content.dates import add_years, random_day
from prereview.synth.content.facts import LONG_TERM, Company
from prereview.synth.render.canvas import Draft, Ink, Sheet
from prereview.synth.render.context import RenderContext, capital_in_words, cn_date, iso
from prereview.synth.render.paper import paper
from prereview.synth.render.rows import Row, draw_rows
from prereview.synth.render.seal import stamp_seal

VARIANTS = ("v1", "v2")
_FRAME: dict[str, Ink] = {"v1": (150, 120, 60), "v2": (60, 90, 120)}
LABEL_FONT = "noto_sans"


def _as_printed(ctx: RenderContext, company: Company) -> Company:
    """The company as this copy prints it: an elapsed 营业期限 under the ``expired`` defect."""
    if not ctx.has("expired"):
        return company
    if company.valid_to is None:
        raise ValueError("an individual business license prints no 营业期限, so it cannot be expired")
    valid_to = ctx.as_of - timedelta(days=ctx.rng.randint(1, 700))
    established = add_years(valid_to, -ctx.rng.choice((10, 20, 30))) + timedelta(days=1)
    issue = random_day(ctx.rng, established, valid_to - timedelta(days=30))
    return dataclasses.replace(company, valid_to=valid_to, established_date=established, issue_date=issue)


def _qr(sheet: Sheet, x: int, y: int, side: int, seed: int) -> None:
    """A QR-code look-alike (random modules with finder squares)."""
    modules = np.random.default_rng(seed).random((25, 25)) < 0.5
    for r, c in ((0, 0), (0, 18), (18, 0)):
        modules[r : r + 7, c : c + 7] = True
        modules[r + 1 : r + 6, c + 1 : c + 6] = False
        modules[r + 2 : r + 5, c + 2 : c + 5] = True
    tile = Image.fromarray(np.where(modules, 20, 255).astype(np.uint8)).resize(
        (side, side), Image.Resampling.NEAREST
    )
    sheet.image.paste(tile.convert("RGB"), (x, y))


def _header(ctx: RenderContext, sheet: Sheet, company: Company) -> float:
    width, height = sheet.size
    frame = _FRAME[ctx.variant]
    for inset, w in ((28, 6), (44, 2)):
        sheet.draw.rectangle((inset, inset, width - inset, height - inset), outline=frame, width=w)
    size = ctx.scale(width * 0.021)
    code = ctx.credit_code(company.credit_code)
    y = height * 0.07 + ctx.jitter(6)
    label = sheet.text((width * 0.09, y), "统一社会信用代码", LABEL_FONT, size)
    sheet.field("credit_code", code, (label[2] + size * 0.8, y), code, ctx.font, int(size * 1.05))
    _qr(sheet, int(width * 0.76), int(height * 0.06), int(width * 0.13), ctx.rng.getrandbits(32))
    title_y = height * 0.16 + ctx.jitter(5)
    sheet.text((width / 2, title_y), "营 业 执 照", "noto_serif_bold", int(width * 0.075), (25, 25, 25), "mm")
    sheet.text(
        (width / 2, title_y + width * 0.07),
        "（副　　本）",
        "noto_serif",
        int(width * 0.025),
        (25, 25, 25),
        "mm",
    )
    return title_y + width * 0.13


def _rows(ctx: RenderContext, company: Company) -> tuple[list[Row], list[Row]]:
    """(main rows, rows of the right column in v2)."""
    owner_label = "经营者" if company.individual else "法定代表人"
    main = [
        Row("名称", "name", company.name, company.name, 2),
        Row("类型", "entity_type", company.entity_type, company.entity_type),
        Row(owner_label, "legal_representative", company.legal_representative, company.legal_representative),
    ]
    side: list[Row] = []
    if company.individual:
        main.append(Row("组成形式", None, None, "个人经营"))
    if company.registered_capital:
        printed = company.registered_capital
        if ctx.variant == "v2":
            printed = capital_in_words(int("".join(ch for ch in printed if ch.isdigit())))
        side.append(Row("注册资本", "registered_capital", printed, printed))
    date_label = "注册日期" if company.individual else "成立日期"
    side.append(
        Row(date_label, "established_date", iso(company.established_date), cn_date(company.established_date))
    )
    address_label = "经营场所" if company.individual else "住所"
    side.append(Row(address_label, "address", company.address, company.address, 3))
    return main, side


def _valid_to_row(
    ctx: RenderContext, sheet: Sheet, company: Company, x_label: float, x_value: float, y: float, size: int
) -> float:
    if company.valid_to is None:
        return y
    sheet.text((x_label, y), "营业期限", LABEL_FONT, size)
    start = sheet.text((x_value, y), cn_date(company.established_date) + " 至 ", ctx.font, size)
    end = company.valid_to if company.valid_to == LONG_TERM else cn_date(company.valid_to)  # type: ignore[arg-type]
    x_end = start[2] + size * 0.3
    if x_end + sheet.width_of(str(end), ctx.font, size) > sheet.size[0] * 0.9:  # no room: the end date wraps
        x_end, y = x_value, y + size * 1.4
    sheet.field("valid_to", iso(company.valid_to), (x_end, y), str(end), ctx.font, size)
    return y + size * 2.2


def render(ctx: RenderContext) -> Draft:
    width, height = (1240, 1754) if ctx.variant == "v1" else (1190, 1684)
    company = _as_printed(ctx, ctx.facts["company"])
    draft = Draft("business_license")
    sheet = draft.new_page((width, height), paper((width, height), grain=ctx.rng.randrange(3)), dpi=150)
    y = _header(ctx, sheet, company)
    size = ctx.scale(width * 0.0205)
    main, side = _rows(ctx, company)
    common: dict[str, Any] = {
        "size": size,
        "label_font": LABEL_FONT,
        "value_font": ctx.font,
        "step": size * 2.2,
    }
    if ctx.variant == "v1":
        x_label = width * 0.12 + ctx.jitter(8)
        x_value = x_label + size * 6.5
        rows = [*main, *side[:-1]]
        y = draw_rows(
            sheet, rows, x_label=x_label, x_value=x_value, y=y, width=width * 0.82 - x_value, **common
        )
        y = _valid_to_row(ctx, sheet, company, x_label, x_value, y, size)
        y = draw_rows(
            sheet, side[-1:], x_label=x_label, x_value=x_value, y=y, width=width * 0.82 - x_value, **common
        )
        scope_x, scope_width = x_value, width * 0.82 - x_value
        sheet.text((x_label, y), "经营范围", LABEL_FONT, size)
    else:
        x_left, x_right = width * 0.09 + ctx.jitter(6), width * 0.53 + ctx.jitter(6)
        top = y
        y_left = draw_rows(
            sheet,
            main,
            x_label=x_left,
            x_value=x_left + size * 6,
            y=top,
            width=x_right - x_left - size * 7,
            **common,
        )
        y_right = draw_rows(
            sheet,
            side[:-1],
            x_label=x_right,
            x_value=x_right + size * 5.5,
            y=top,
            width=width * 0.9 - x_right - size * 5.5,
            **common,
        )
        y_right = _valid_to_row(ctx, sheet, company, x_right, x_right + size * 5.5, y_right, size)
        draw_rows(
            sheet,
            side[-1:],
            x_label=x_right,
            x_value=x_right + size * 5.5,
            y=y_right,
            width=width * 0.9 - x_right - size * 5.5,
            **common,
        )
        y = y_left
        sheet.text((x_left, y), "经营范围", LABEL_FONT, size)
        scope_x, scope_width = x_left + size * 6, x_right - x_left - size * 7
    sheet.wrapped_field(
        "business_scope",
        company.business_scope,
        (scope_x, y),
        company.business_scope,
        ctx.font,
        size,
        scope_width,
        max_lines=9,
        line_gap=1.45,
    )
    _footer(ctx, sheet, company)
    return draft


def _footer(ctx: RenderContext, sheet: Sheet, company: Company) -> None:
    width, height = sheet.size
    size = int(width * 0.02)
    x = width * 0.6 + ctx.jitter(8)
    y = height * 0.8 + ctx.jitter(6)
    label = sheet.text((x, y), "登记机关", LABEL_FONT, size)
    authority = company.registration_authority
    seal_center = (label[2] + width * 0.12, y + size * 0.5)
    if ctx.variant == "v1":
        line = sheet.field(
            "registration_authority", authority, (x, y + size * 1.8), authority, ctx.font, int(size * 0.9)
        )
        seal_center = ((line[0] + line[2]) / 2, line[1])
    date_text = cn_date(company.issue_date)
    sheet.field(
        "issue_date", iso(company.issue_date), (x + size * 1.5, y + size * 4.2), date_text, ctx.font, size
    )
    diameter = int(width * 0.17)
    box = (
        seal_center[0] - diameter / 2,
        seal_center[1] - diameter / 2,
        seal_center[0] + diameter / 2,
        seal_center[1] + diameter / 2,
    )
    sheet.draft.area("seal_areas", sheet.index, box)
    if not ctx.has("missing_seal"):
        seal_box = stamp_seal(sheet, seal_center, diameter, authority, ctx.rng, purpose="")
        if ctx.variant == "v2":
            sheet.draft.label("registration_authority", authority, seal_box, sheet.index)
    small = int(width * 0.013)
    sheet.text(
        (width * 0.1, height * 0.925),
        "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn",
        LABEL_FONT,
        small,
        (90, 90, 90),
    )
    sheet.text(
        (width * 0.1, height * 0.925 + small * 1.6),
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
        LABEL_FONT,
        small,
        (90, 90, 90),
    )
