"""户口簿 常住人口登记卡: a ruled card with the member's particulars and the 户口专用章.

v1: household header (户别, 户主姓名, 住址) above the table, as on the card of a household booklet.
v2: address inside the table, shaded label cells, different row order.
"""

from __future__ import annotations

from prereview.synth.content.facts import Person
from prereview.synth.content.regions import police_authority
from prereview.synth.render.canvas import Draft
from prereview.synth.render.context import RenderContext, cn_date, iso
from prereview.synth.render.paper import paper
from prereview.synth.render.seal import stamp_seal
from prereview.synth.render.table import Cell, draw_table, label, value

VARIANTS = ("v1", "v2")
LABEL_FONT = "noto_serif"
_STATIONS = ("城关", "新华", "人民路", "东街", "解放", "和平", "建设", "中山", "站前", "西城")


def _station(ctx: RenderContext, person: Person) -> str:
    base = police_authority(person.region) if person.region else person.issuing_authority
    return base + ctx.rng.choice(_STATIONS) + "派出所"


def render(ctx: RenderContext) -> Draft:
    person: Person = ctx.facts["person"]
    head: Person = ctx.facts.get("head", person)
    relation: str = ctx.facts.get("relation_to_head", "户主")
    width, height = (1100, 1150) if ctx.variant == "v1" else (1060, 1180)
    draft = Draft("household_register")
    sheet = draft.new_page(
        (width, height), paper((width, height), (250, 248, 240), ctx.rng.randrange(3)), dpi=150
    )
    size = ctx.scale(width * 0.022)
    title_y = height * 0.06 + ctx.jitter(5)
    sheet.text((width / 2, title_y), "常住人口登记卡", "noto_serif_bold", int(width * 0.045), anchor="mm")
    x = width * 0.07 + ctx.jitter(6)
    y = title_y + width * 0.06
    id_number = ctx.id_number(person.id_number)
    ethnicity = person.ethnicity + "族"
    birth = cn_date(person.birth_date)
    rows: list[list[Cell]] = [
        [
            label("姓名"),
            value("name", person.name),
            label("户主或与户主关系"),
            value("relation_to_head", relation),
        ],
        [label("曾用名"), value(None, ""), label("性别"), value("sex", person.sex)],
        [
            label("出生地"),
            value("birthplace", person.birthplace),
            label("民族"),
            value("ethnicity", ethnicity),
        ],
        [
            label("籍贯"),
            value(None, person.birthplace[:6]),
            label("出生日期"),
            value("birth_date", iso(person.birth_date), birth),
        ],
        [label("宗教信仰"), value(None, "无"), label("公民身份号码"), value("id_number", id_number)],
        [
            label("文化程度"),
            value(None, ctx.rng.choice(("大学本科", "高中", "初中", "大专"))),
            label("婚姻状况"),
            value(None, ctx.rng.choice(("已婚", "未婚"))),
        ],
        [label("服务处所"), value(None, ""), label("职业"), value(None, "")],
        [label("何时由何地迁来本址"), value(None, "", span=3)],
    ]
    if ctx.variant == "v1":
        header = sheet.text((x, y), f"户别  家庭户      户主姓名  {head.name}", LABEL_FONT, size)
        y = header[3] + size * 0.8
        sheet.text((x, y), "住址", LABEL_FONT, size)
        sheet.wrapped_field(
            "address",
            person.address,
            (x + size * 3, y),
            person.address,
            ctx.font,
            size,
            width * 0.86 - size * 3,
            max_lines=2,
        )
        y += size * 3.4
    else:
        rows.insert(4, [label("住址"), value("address", person.address, span=3)])
        rows[1], rows[2] = rows[2], rows[1]
    columns = [width * 0.15, width * 0.29, width * 0.17, width * 0.27]
    heights = [size * (2.4 if i != 4 or ctx.variant == "v1" else 3.2) for i in range(len(rows))]
    draw_table(
        sheet,
        x=x,
        y=y,
        columns=columns,
        rows=rows,
        heights=heights,
        size=size,
        label_font=LABEL_FONT,
        value_font=ctx.font,
        label_fill=(238, 236, 228) if ctx.variant == "v2" else None,
    )
    bottom = y + sum(heights) + size * 1.5
    sheet.text((x, bottom), f"登记日期  {cn_date(person.id_valid_from)}", LABEL_FONT, size)
    center = (width * 0.72 + ctx.jitter(10), bottom + width * 0.05)
    diameter = int(width * 0.2)
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
        stamp_seal(sheet, center, diameter, _station(ctx, person), ctx.rng, purpose="户口专用章")
    return draft
