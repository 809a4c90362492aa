"""A generic document (material type ``other``): a titled A4 page of plain paragraphs.

For the slots review points fill with ``other`` (卫生检测报告, 卫生管理制度, 平面图…): the review only asks
that such a file is there and legible, so a title, the holder and a few lines are enough. ``facts``:
``title``, ``holder`` (the unit the document is about), ``lines`` and ``as_of``.
"""

from __future__ import annotations

from prereview.synth.render.canvas import Draft
from prereview.synth.render.context import RenderContext, cn_date
from prereview.synth.render.paper import paper

VARIANTS = ("v1",)
LABEL_FONT = "noto_serif"


def render(ctx: RenderContext) -> Draft:
    width, height = 1240, 1754
    draft = Draft("other")
    sheet = draft.new_page((width, height), paper((width, height), grain=ctx.rng.randrange(3)), dpi=150)
    title_y = height * 0.08 + ctx.jitter(6)
    sheet.text((width / 2, title_y), ctx.facts["title"], "noto_serif_bold", int(width * 0.04), anchor="mm")
    size = ctx.scale(width * 0.02)
    x, y = width * 0.1 + ctx.jitter(8), title_y + width * 0.08
    sheet.text((x, y), f"单位名称：{ctx.facts['holder']}", ctx.font, size)
    y += size * 2.6
    for number, line in enumerate(ctx.facts["lines"], start=1):
        box, _ = sheet.wrapped((x, y), f"{number}. {line}", LABEL_FONT, size, width * 0.8)
        y = box[3] + size * 1.2
    sheet.text((width * 0.6, y + size * 3), cn_date(ctx.as_of), ctx.font, size)
    return draft
