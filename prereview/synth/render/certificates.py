"""Certificate pages: 结婚证 (the inner page with both spouses) and 不动产权证书 (the register page).

Marriage v1: the holder block on top, then each spouse's particulars in two stacked blocks; v2: spouses
side by side. Property v1: a ruled register table; v2: label-value rows without rules.
"""

from __future__ import annotations

from typing import Any

from prereview.synth.content.facts import Marriage, Person, Property
from prereview.synth.render.canvas import Draft, Ink, Sheet
from prereview.synth.render.context import RenderContext, cn_date, iso
from prereview.synth.render.paper import paper
from prereview.synth.render.rows import Row, draw_rows
from prereview.synth.render.seal import stamp_seal
from prereview.synth.render.table import draw_table, label, value

MARRIAGE_VARIANTS = ("v1", "v2")
PROPERTY_VARIANTS = ("v1", "v2")
LABEL_FONT = "noto_serif"
_LABEL_INK: Ink = (95, 72, 66)  # warm grey, not seal red


def _spouse_rows(ctx: RenderContext, person: Person, n: int) -> list[Row]:
    number = ctx.id_number(person.id_number) if ctx.has("wrong_check_char") and n == 1 else person.id_number
    return [
        Row("姓名", f"spouse_{n}_name", person.name, person.name),
        Row("性别", None, None, person.sex),
        Row("国籍", None, None, "中国"),
        Row("出生日期", None, None, cn_date(person.birth_date)),
        Row("身份证件号", f"spouse_{n}_id_number", number, number),
    ]


def _seal(
    ctx: RenderContext, sheet: Sheet, center: tuple[float, float], diameter: int, text: str, purpose: str
) -> None:
    sheet.draft.area(
        "seal_areas",
        sheet.index,
        (
            center[0] - diameter / 2,
            center[1] - diameter / 2,
            center[0] + diameter / 2,
            center[1] + diameter / 2,
        ),
    )
    if not ctx.has("missing_seal"):
        stamp_seal(sheet, center, diameter, text, ctx.rng, purpose=purpose)


def render_marriage(ctx: RenderContext) -> Draft:
    marriage: Marriage = ctx.facts["marriage"]
    width, height = (1240, 880) if ctx.variant == "v1" else (1200, 860)
    draft = Draft("marriage_certificate")
    sheet = draft.new_page(
        (width, height), paper((width, height), (250, 240, 236), ctx.rng.randrange(3)), dpi=150
    )
    size = ctx.scale(width * 0.02)
    x = width * 0.07 + ctx.jitter(8)
    y = height * 0.07 + ctx.jitter(5)
    common: dict[str, Any] = {
        "size": size,
        "label_font": LABEL_FONT,
        "value_font": ctx.font,
        "step": size * 1.9,
        "label_ink": _LABEL_INK,
    }
    holder = marriage.holder_person
    head = [
        Row("持证人", "holder_name", holder.name, holder.name),
        Row(
            "登记日期",
            "registration_date",
            iso(marriage.registration_date),
            cn_date(marriage.registration_date),
        ),
        Row("结婚证字号", "certificate_number", marriage.certificate_number, marriage.certificate_number),
    ]
    y = draw_rows(
        sheet, head, x_label=x, x_value=x + size * 6.5, y=y, width=width * 0.5, label_width=5, **common
    )
    sheet.text((x, y), "备注", LABEL_FONT, size, _LABEL_INK)
    y += size * 2.6
    if ctx.variant == "v1":
        for n, person in ((1, marriage.spouse_1), (2, marriage.spouse_2)):
            y = draw_rows(
                sheet,
                _spouse_rows(ctx, person, n)[:1] + _spouse_rows(ctx, person, n)[4:],
                x_label=x,
                x_value=x + size * 6,
                y=y,
                width=width * 0.5,
                **common,
            )
            line = " ".join(r.label + " " + r.printed for r in _spouse_rows(ctx, person, n)[1:4])
            sheet.text((x, y), line, LABEL_FONT, size, _LABEL_INK)
            y += size * 2.4
    else:
        for n, person in ((1, marriage.spouse_1), (2, marriage.spouse_2)):
            column = x + (n - 1) * width * 0.44
            draw_rows(
                sheet,
                _spouse_rows(ctx, person, n),
                x_label=column,
                x_value=column + size * 6,
                y=y,
                width=width * 0.3,
                **common,
            )
    center = (width * 0.8 + ctx.jitter(10), height * 0.3 + ctx.jitter(10))
    _seal(ctx, sheet, center, int(width * 0.17), marriage.authority, "婚姻登记专用章")
    sheet.text((center[0], center[1] + width * 0.11), "登记机关", LABEL_FONT, size, _LABEL_INK, "mm")
    return draft


def render_property(ctx: RenderContext) -> Draft:
    prop: Property = ctx.facts["property"]
    width, height = (1240, 1240) if ctx.variant == "v1" else (1180, 1220)
    draft = Draft("property_certificate")
    sheet = draft.new_page(
        (width, height), paper((width, height), (248, 250, 244), ctx.rng.randrange(3)), dpi=150
    )
    size = ctx.scale(width * 0.019)
    x = width * 0.08 + ctx.jitter(8)
    y = height * 0.06 + ctx.jitter(6)
    sheet.field(
        "certificate_number",
        prop.certificate_number,
        (x, y),
        prop.certificate_number,
        ctx.font,
        int(size * 1.1),
    )
    y += size * 3
    area_text = f"共有宗地面积 / 房屋建筑面积{prop.area}㎡"
    entries = [
        ("权利人", "holder", prop.holder, prop.holder),
        ("共有情况", None, None, prop.ownership),
        ("坐落", "property_address", prop.property_address, prop.property_address),
        ("不动产单元号", None, None, prop.unit_number),
        ("权利类型", None, None, prop.right_type),
        ("权利性质", None, None, "出让/市场化商品房"),
        ("用途", "usage", prop.usage, prop.usage),
        ("面积", None, None, area_text),
        (
            "使用期限",
            None,
            None,
            f"国有建设用地使用权 {prop.issue_date.year - 3}年至{prop.issue_date.year + 67}年",
        ),
    ]
    if ctx.variant == "v1":
        rows = [[label(name), value(key, val, text)] for name, key, val, text in entries]
        heights = [size * (3.2 if name in ("坐落", "使用期限", "面积") else 2.3) for name, *_ in entries]
        draw_table(
            sheet,
            x=x,
            y=y,
            columns=[width * 0.2, width * 0.64],
            rows=rows,
            heights=heights,
            size=size,
            label_font=LABEL_FONT,
            value_font=ctx.font,
        )
        y += sum(heights)
    else:
        rows_ = [Row(name, key, val, text, 2) for name, key, val, text in entries]
        y = draw_rows(
            sheet,
            rows_,
            x_label=x,
            x_value=x + size * 7.5,
            y=y,
            size=size,
            label_font=LABEL_FONT,
            value_font=ctx.font,
            width=width * 0.8 - size * 7.5,
            step=size * 2.3,
            label_width=6,
        )
    sheet.label_part("area", prop.area, area_text, prop.area, ctx.font)
    center = (width * 0.72 + ctx.jitter(10), y + width * 0.12)
    sheet.text((center[0], center[1] + width * 0.1), cn_date(prop.issue_date), ctx.font, size, anchor="mm")
    _seal(ctx, sheet, center, int(width * 0.17), prop.authority, "不动产登记专用章")
    return draft
