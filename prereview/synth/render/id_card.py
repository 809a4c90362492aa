"""居民身份证: the portrait side (人像面) and the emblem side (国徽面), at the card's 85.6 × 54 mm ratio.

Layout v1 follows the real card: blue-grey labels, black values, the photo on the right, the number
along the bottom. v2 moves the block slightly, spaces the labels ("姓　名") and uses warmer colours.
"""

from __future__ import annotations

from datetime import date, timedelta

from prereview.synth.content.dates import add_years
from prereview.synth.content.facts import Person, expired_id_card_dates
from prereview.synth.render.canvas import Draft, Ink, Sheet, union
from prereview.synth.render.context import RenderContext, dotted, iso
from prereview.synth.render.paper import card_stock
from prereview.synth.render.seal import star_points
from prereview.synth.types import Box

VARIANTS = ("v1", "v2", "v3")
_SIZES = {"v1": (1000, 631), "v2": (1012, 638), "v3": (980, 618)}
_LABEL_INKS: dict[str, Ink] = {"v1": (40, 110, 160), "v2": (120, 90, 60), "v3": (60, 100, 140)}
_STOCK = {
    "v1": ((214, 232, 240), (150, 190, 210)),
    "v2": ((240, 230, 214), (210, 185, 150)),
    "v3": ((225, 238, 232), (160, 200, 190)),
}
LABEL_FONT = "noto_sans"
BLACK_TITLE: Ink = (30, 30, 30)


def _printed_identity(ctx: RenderContext, person: Person) -> tuple[str, date, str | None]:
    """Sex and birth date as printed, and which of them contradicts the number under the defect."""
    if not ctx.has("sex_birth_mismatch"):
        return person.sex, person.birth_date, None
    if ctx.rng.random() < 0.5:
        return ("女" if person.sex == "男" else "男"), person.birth_date, "sex"
    shifted = add_years(person.birth_date, ctx.rng.choice((-2, -1, 1, 2))) + timedelta(
        days=ctx.rng.randint(0, 40)
    )
    return person.sex, shifted, "birth_date"


def _label(ctx: RenderContext, text: str) -> str:
    return "　".join(text) if ctx.variant == "v2" and len(text) == 2 else text


def _photo(sheet: Sheet, box: Box, tint: Ink) -> None:
    """A portrait placeholder: a pale rectangle with a head-and-shoulders silhouette."""
    x0, y0, x1, y1 = box
    sheet.draw.rectangle(box, fill=tuple(min(255, c + 20) for c in tint))
    w, h = x1 - x0, y1 - y0
    grey = (150, 150, 155)
    sheet.draw.ellipse((x0 + w * 0.3, y0 + h * 0.15, x0 + w * 0.7, y0 + h * 0.58), fill=grey)
    sheet.draw.chord((x0 + w * 0.08, y0 + h * 0.62, x0 + w * 0.92, y0 + h * 1.3), 180, 360, fill=grey)


def render_front(ctx: RenderContext) -> Draft:
    person: Person = ctx.facts["person"]
    width, height = _SIZES[ctx.variant]
    tint, line = _STOCK[ctx.variant]
    draft = Draft("id_card_front")
    sheet = draft.new_page(
        (width, height), card_stock((width, height), tint, line, VARIANTS.index(ctx.variant))
    )
    label_ink = _LABEL_INKS[ctx.variant]
    size = ctx.scale(width * 0.034)
    x_label = width * (0.08 if ctx.variant != "v3" else 0.07) + ctx.jitter(6)
    x_value = x_label + size * (3.2 if ctx.variant == "v2" else 2.8)
    top = height * 0.1 + ctx.jitter(6)
    step = size * 2.0
    sex, birth, mismatch = _printed_identity(ctx, person)

    sheet.text((x_label, top), _label(ctx, "姓名"), LABEL_FONT, size, label_ink)
    sheet.field("name", person.name, (x_value, top - size * 0.05), person.name, ctx.font, int(size * 1.15))
    y = top + step
    sheet.text((x_label, y), _label(ctx, "性别"), LABEL_FONT, size, label_ink)
    sheet.field("sex", sex, (x_value, y), sex, ctx.font, size)
    x_nation = x_value + size * 3.2
    sheet.text((x_nation, y), _label(ctx, "民族"), LABEL_FONT, size, label_ink)
    sheet.field("ethnicity", person.ethnicity, (x_nation + size * 2.8, y), person.ethnicity, ctx.font, size)
    y += step
    sheet.text((x_label, y), _label(ctx, "出生"), LABEL_FONT, size, label_ink)
    boxes, x = [], x_value
    for number, unit in ((str(birth.year), "年"), (str(birth.month), "月"), (str(birth.day), "日")):
        boxes.append(sheet.text((x, y), number, ctx.font, size))
        x = boxes[-1][2] + size * 0.35
        boxes.append(sheet.text((x, y), unit, LABEL_FONT, size, label_ink))
        x = boxes[-1][2] + size * 0.45
    draft.label("birth_date", birth.isoformat(), union(boxes))
    y += step
    sheet.text((x_label, y), _label(ctx, "住址"), LABEL_FONT, size, label_ink)
    sheet.wrapped_field(
        "address",
        person.address,
        (x_value, y),
        person.address,
        ctx.font,
        size,
        width * 0.6 - x_value,
        max_lines=3,
        line_gap=1.45,
    )
    _photo(sheet, (width * 0.64, height * 0.1, width * 0.92, height * 0.72), tint)
    y_number = height * 0.8 + ctx.jitter(5)
    sheet.text((x_label, y_number + size * 0.1), "公民身份号码", LABEL_FONT, size, label_ink)
    printed = ctx.id_number(person.id_number)
    sheet.field("id_number", printed, (x_label + size * 7.2, y_number), printed, ctx.font, int(size * 1.2))
    if mismatch:
        draft.meta["mismatch"] = mismatch
    return draft


def _emblem(sheet: Sheet, center: tuple[float, float], radius: float) -> None:
    """A stand-in for the national emblem: a red disc, a gold ring and five gold stars."""
    cx, cy = center
    sheet.draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=(200, 30, 35))
    sheet.draw.ellipse(
        (cx - radius, cy - radius, cx + radius, cy + radius),
        outline=(230, 180, 40),
        width=max(2, int(radius / 10)),
    )
    sheet.draw.polygon(star_points(cx, cy - radius * 0.3, radius * 0.3), fill=(240, 200, 40))
    for dx, dy in ((-0.45, -0.55), (-0.2, -0.7), (0.2, -0.7), (0.45, -0.55)):
        sheet.draw.polygon(
            star_points(cx + dx * radius, cy + dy * radius * 0.6, radius * 0.1), fill=(240, 200, 40)
        )
    sheet.draw.rectangle(
        (cx - radius * 0.45, cy + radius * 0.1, cx + radius * 0.45, cy + radius * 0.45), fill=(240, 200, 40)
    )


def _validity(ctx: RenderContext, person: Person) -> tuple[date, date | str]:
    if ctx.has("expired"):
        return expired_id_card_dates(ctx.rng, person.birth_date, ctx.as_of)
    return person.id_valid_from, person.id_valid_to


def render_back(ctx: RenderContext) -> Draft:
    person: Person = ctx.facts["person"]
    width, height = _SIZES[ctx.variant]
    tint, line = _STOCK[ctx.variant]
    draft = Draft("id_card_back")
    sheet = draft.new_page(
        (width, height), card_stock((width, height), tint, line, 3 + VARIANTS.index(ctx.variant))
    )
    label_ink = _LABEL_INKS[ctx.variant]
    _emblem(sheet, (width * 0.17 + ctx.jitter(5), height * 0.25 + ctx.jitter(5)), height * 0.15)
    sheet.text(
        (width * 0.62, height * 0.2),
        "中华人民共和国",
        "noto_serif_bold",
        int(width * 0.05),
        BLACK_TITLE,
        "mm",
    )
    sheet.text(
        (width * 0.62, height * 0.38), "居民身份证", "noto_serif_bold", int(width * 0.068), BLACK_TITLE, "mm"
    )
    size = ctx.scale(width * 0.032)
    x_label = width * (0.24 if ctx.variant != "v2" else 0.2) + ctx.jitter(6)
    x_value = x_label + size * 5.3
    y = height * 0.7 + ctx.jitter(5)
    sheet.text((x_label, y), "签发机关", LABEL_FONT, size, label_ink)
    sheet.field(
        "issuing_authority", person.issuing_authority, (x_value, y), person.issuing_authority, ctx.font, size
    )
    y += size * 2.0
    sheet.text((x_label, y), "有效期限", LABEL_FONT, size, label_ink)
    valid_from, valid_to = _validity(ctx, person)
    box_from = sheet.field("valid_from", iso(valid_from), (x_value, y), dotted(valid_from), ctx.font, size)
    box_dash = sheet.text((box_from[2] + 2, y), "-", ctx.font, size)
    sheet.field("valid_to", iso(valid_to), (box_dash[2] + 2, y), dotted(valid_to), ctx.font, size)
    return draft
