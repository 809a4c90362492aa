"""Application forms (申请表/申请书): a titled, ruled table filled in, with the applicant's signature box.

v1: four columns (label, value, label, value), wide lines spanning the row; v2: two columns with shaded
label cells. ``facts["item_id"]`` picks the form (see ``forms.FORMS``).
"""

from __future__ import annotations

from prereview.synth.render.canvas import Draft
from prereview.synth.render.context import RenderContext, cn_date, iso
from prereview.synth.render.forms import TITLES, Entry, form_entries
from prereview.synth.render.paper import paper
from prereview.synth.render.signature import sign
from prereview.synth.render.table import Cell, draw_table, label, value

VARIANTS = ("v1", "v2")
LABEL_FONT = "noto_sans"


def _rows_v1(entries: list[Entry]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    pending: list[Cell] = []
    for entry in entries:
        pair = [label(entry.label), value(entry.key, entry.value, entry.printed, span=3 if entry.wide else 1)]
        if entry.wide:
            if pending:
                rows.append([*pending, Cell(span=2)])
                pending = []
            rows.append(pair)
        elif pending:
            rows.append([*pending, *pair])
            pending = []
        else:
            pending = pair
    if pending:
        rows.append([*pending, Cell(span=2)])
    return rows


def render(ctx: RenderContext) -> Draft:
    entries = form_entries(ctx)
    width, height = (1240, 1754) if ctx.variant == "v1" else (1200, 1700)
    draft = Draft("application_form")
    sheet = draft.new_page((width, height), paper((width, height), grain=ctx.rng.randrange(3)), dpi=150)
    title_y = height * 0.07 + ctx.jitter(6)
    sheet.text(
        (width / 2, title_y), TITLES[ctx.facts["item_id"]], "noto_serif_bold", int(width * 0.035), anchor="mm"
    )
    size = ctx.scale(width * 0.018)
    x = width * 0.07 + ctx.jitter(6)
    y = title_y + width * 0.05
    if ctx.variant == "v1":
        columns = [width * 0.17, width * 0.26, width * 0.17, width * 0.26]
        rows = _rows_v1(entries)
        label_fill = None
    else:
        columns = [width * 0.24, width * 0.62]
        rows = [[label(e.label), value(e.key, e.value, e.printed)] for e in entries]
        label_fill = (236, 236, 236)
    rows.append([label("申请人签字"), Cell(name="signature", span=len(columns) - 1)])
    heights = [size * (3.6 if _is_long(row) else 2.6) for row in rows[:-1]] + [size * 4.5]
    named = draw_table(
        sheet,
        x=x,
        y=y,
        columns=columns,
        rows=rows,
        heights=heights,
        size=size,
        label_font=LABEL_FONT,
        value_font=ctx.font,
        label_fill=label_fill,
    )
    _sign(ctx, draft, named["signature"])
    sign_y = y + sum(heights) + size * 1.5
    sign_date = ctx.facts["sign_date"]
    date_label = sheet.text((width * 0.55, sign_y), "申请日期：", LABEL_FONT, size)
    sheet.field(
        "sign_date", iso(sign_date), (date_label[2] + size * 0.3, sign_y), cn_date(sign_date), ctx.font, size
    )
    sheet.text(
        (x, sign_y + size * 3),
        "本人承诺所填信息真实有效，如有虚假愿承担相应法律责任。",
        LABEL_FONT,
        int(size * 0.85),
        (70, 70, 70),
    )
    return draft


def _is_long(row: list[Cell]) -> bool:
    return any(len(cell.text) > 24 for cell in row)


def _sign(ctx: RenderContext, draft: Draft, box: tuple[float, float, float, float]) -> None:
    """Sign the box with the applicant's name, unless the ``missing_signature`` defect leaves it empty."""
    x0, y0, x1, y1 = box
    area = (x0 + 6, y0 + 6, min(x1 - 6, x0 + (x1 - x0) * 0.6), y1 - 6)
    draft.area("signature_areas", 0, area)
    signed = not ctx.has("missing_signature")
    if signed:
        sign(draft.pages[0], area, ctx.facts["person"].name, ctx.rng)
    draft.label("signed", signed, None)
