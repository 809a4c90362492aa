"""授权委托书: principal and agent with their ID numbers, the matters, the term, the principal's signature.

v1: a letter with "委托人：…" lines; v2: a ruled table.
"""

from __future__ import annotations

from datetime import date, timedelta

from prereview.synth.content.facts import Person
from prereview.synth.render.canvas import Draft, Sheet
from prereview.synth.render.context import RenderContext, cn_date, iso
from prereview.synth.render.paper import paper
from prereview.synth.render.signature import sign
from prereview.synth.render.table import Cell, draw_table, label, value

VARIANTS = ("v1", "v2")
LABEL_FONT = "noto_serif"
PLEDGE = "本人对受托人在上述权限内所签署的文件和处理的事务均予以承认，由此产生的法律后果由本人承担。"


def _dates(ctx: RenderContext) -> tuple[date, date]:
    """Signing day and end of the term as printed: already elapsed under the ``expired`` defect."""
    if ctx.has("expired"):
        valid_to = ctx.as_of - timedelta(days=ctx.rng.randint(1, 120))
        return valid_to - timedelta(days=ctx.rng.randint(30, 180)), valid_to
    return ctx.facts["sign_date"], ctx.facts["valid_to"]


def render(ctx: RenderContext) -> Draft:
    principal: Person = ctx.facts["principal"]
    agent: Person = ctx.facts["agent"]
    sign_date, valid_to = _dates(ctx)
    width, height = (1240, 1754) if ctx.variant == "v1" else (1200, 1700)
    draft = Draft("power_of_attorney")
    sheet = draft.new_page((width, height), paper((width, height), grain=ctx.rng.randrange(3)), dpi=150)
    title_y = height * 0.08 + ctx.jitter(6)
    sheet.text((width / 2, title_y), "授 权 委 托 书", "noto_serif_bold", int(width * 0.045), anchor="mm")
    size = ctx.scale(width * 0.02)
    x = width * 0.1 + ctx.jitter(8)
    y = title_y + width * 0.07
    principal_number = ctx.id_number(principal.id_number)
    term = [
        ("自", None, None),
        (cn_date(sign_date), None, None),
        ("至", None, None),
        (cn_date(valid_to), "valid_to", iso(valid_to)),
        ("止", None, None),
    ]
    if ctx.variant == "v1":
        for role, person, number, key in (
            ("委托人", principal, principal_number, "principal"),
            ("受托人", agent, agent.id_number, "agent"),
        ):
            sheet.inline(
                (x, y), [(f"{role}：", None, None), (person.name, f"{key}_name", person.name)], ctx.font, size
            )
            sheet.inline(
                (x + width * 0.3, y),
                [("身份证号码：", None, None), (number, f"{key}_id_number", number)],
                ctx.font,
                size,
            )
            y += size * 2.4
        y += size
        sheet.text((x, y), "委托事项：", LABEL_FONT, size)
        box = sheet.wrapped_field(
            "matters",
            ctx.facts["matters"],
            (x + size * 5, y),
            ctx.facts["matters"],
            ctx.font,
            size,
            width * 0.8 - size * 5,
        )
        y = box[3] + size * 1.5
        sheet.inline((x, y), [("委托期限：", None, None), *[(t, k, v) for t, k, v in term]], ctx.font, size)
        y += size * 2.4
        box, _ = sheet.wrapped((x, y), PLEDGE, LABEL_FONT, size, width * 0.8)
        y = box[3] + size * 4
    else:
        term_text = f"自{cn_date(sign_date)}至{cn_date(valid_to)}止"
        rows: list[list[Cell]] = [
            [
                label("委托人"),
                value("principal_name", principal.name),
                label("身份证号码"),
                value("principal_id_number", principal_number),
            ],
            [
                label("受托人"),
                value("agent_name", agent.name),
                label("身份证号码"),
                value("agent_id_number", agent.id_number),
            ],
            [label("委托事项"), value("matters", ctx.facts["matters"], span=3)],
            [label("委托期限"), value(None, term_text, span=3)],
        ]
        heights = [size * 2.6, size * 2.6, size * 4.2, size * 2.6]
        draw_table(
            sheet,
            x=x,
            y=y,
            columns=[width * 0.15, width * 0.2, width * 0.15, width * 0.3],
            rows=rows,
            heights=heights,
            size=size,
            label_font=LABEL_FONT,
            value_font=ctx.font,
        )
        sheet.label_part("valid_to", iso(valid_to), term_text, cn_date(valid_to), ctx.font)
        y += sum(heights) + size * 1.5
        box, _ = sheet.wrapped((x, y), PLEDGE, LABEL_FONT, size, width * 0.8)
        y = box[3] + size * 4
    _signatures(ctx, sheet, x, y, size, principal, sign_date)
    return draft


def _signatures(
    ctx: RenderContext, sheet: Sheet, x: float, y: float, size: int, principal: Person, sign_date: date
) -> None:
    caption = sheet.text((x + sheet.size[0] * 0.35, y), "委托人（签字）：", LABEL_FONT, size)
    area = (caption[2] + 4, caption[1] - size * 1.2, caption[2] + size * 8, caption[3] + size * 0.8)
    sheet.draft.area("signature_areas", sheet.index, area)
    signed = not ctx.has("missing_signature")
    if signed:
        sign(sheet, area, principal.name, ctx.rng)
    sheet.draft.label("signed", signed, None)
    y += size * 3
    sheet.inline(
        (x + sheet.size[0] * 0.35, y),
        [("日期：", None, None), (cn_date(sign_date), "sign_date", iso(sign_date))],
        ctx.font,
        size,
    )
