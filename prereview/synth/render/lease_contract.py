"""房屋租赁合同: two or three A4 pages of clauses, with both parties' signatures on the last page.

Every string drawn is kept in the text layer, so the dataset writer can make a PDF with real text as
well as a scanned one. v1: numbered 第X条 clauses; v2: "一、二、" headings and a parties table.
"""

from __future__ import annotations

from prereview.synth.content.facts import Lease
from prereview.synth.render.canvas import Draft, Sheet
from prereview.synth.render.context import RenderContext, cn_date, iso
from prereview.synth.render.paper import paper
from prereview.synth.render.signature import sign
from prereview.synth.render.table import draw_table, label, value

VARIANTS = ("v1", "v2")
BODY_FONT = "noto_serif"
_NUMERALS = "一二三四五六七八九十"
_CLAUSES = (
    (
        "租金及支付方式",
        "月租金为人民币{rent}元整，按季度支付，乙方应于每季度首月五日前支付当季租金。"
        "押金为人民币{deposit}元，租赁期满乙方结清各项费用后，甲方无息退还。",
    ),
    ("房屋用途", "乙方承租该房屋用于{usage}，未经甲方书面同意，不得擅自改变房屋用途。"),
    (
        "维修责任",
        "租赁期间，房屋主体结构及附属设施的自然损坏由甲方负责维修；因乙方使用不当造成的损坏，由乙方负责修复或赔偿。",
    ),
    ("费用承担", "租赁期间，水费、电费、燃气费、物业管理费等因使用房屋产生的费用由乙方承担。"),
    ("转租", "未经甲方书面同意，乙方不得将房屋转租、转借他人。"),
    ("合同解除", "任何一方提前解除合同的，应提前三十日书面通知对方，并按一个月租金向对方支付违约金。"),
    ("争议解决", "本合同履行中发生争议，双方协商解决；协商不成的，可向房屋所在地人民法院提起诉讼。"),
    ("其他", "本合同自双方签字之日起生效，一式两份，甲乙双方各执一份，具有同等法律效力。"),
)


def _heading(ctx: RenderContext, n: int, title: str) -> str:
    return f"第{_NUMERALS[n - 1]}条 {title}" if ctx.variant == "v1" else f"{_NUMERALS[n - 1]}、{title}"


def _page(ctx: RenderContext, draft: Draft) -> Sheet:
    width, height = (1240, 1754) if ctx.variant == "v1" else (1200, 1700)
    return draft.new_page((width, height), paper((width, height), grain=ctx.rng.randrange(3)), dpi=150)


def _parties(ctx: RenderContext, sheet: Sheet, lease: Lease, x: float, y: float, size: int) -> float:
    width = sheet.size[0]
    if ctx.variant == "v1":
        for role, person, key in (
            ("出租方（甲方）：", lease.lessor, "lessor"),
            ("承租方（乙方）：", lease.lessee, "lessee"),
        ):
            sheet.inline((x, y), [(role, None, None), (person.name, key, person.name)], ctx.font, size)
            sheet.text((x + width * 0.42, y), f"身份证号码：{person.id_number}", ctx.font, size)
            y += size * 2.2
        return y + size
    rows = [
        [label(role), value(key, person.name), label("身份证号码"), value(None, person.id_number)]
        for role, person, key in (
            ("出租方（甲方）", lease.lessor, "lessor"),
            ("承租方（乙方）", lease.lessee, "lessee"),
        )
    ]
    draw_table(
        sheet,
        x=x,
        y=y,
        columns=[width * 0.2, width * 0.2, width * 0.16, width * 0.28],
        rows=rows,
        heights=[size * 2.6, size * 2.6],
        size=size,
        label_font=BODY_FONT,
        value_font=ctx.font,
    )
    return y + size * 6.5


def _first_page(ctx: RenderContext, sheet: Sheet, lease: Lease, size: int) -> float:
    width, height = sheet.size
    x = width * 0.1 + ctx.jitter(6)
    title_y = height * 0.07 + ctx.jitter(5)
    sheet.text((width / 2, title_y), "房屋租赁合同", "noto_serif_bold", int(width * 0.04), anchor="mm")
    y = _parties(ctx, sheet, lease, x, title_y + width * 0.06, size)
    body = width * 0.8
    box, _ = sheet.wrapped(
        (x, y),
        "根据《中华人民共和国民法典》及有关规定，甲乙双方在平等、自愿、协商一致的基础上，"
        "就乙方承租甲方房屋事宜，订立本合同。",
        BODY_FONT,
        size,
        body,
    )
    y = box[3] + size * 1.6
    sheet.text((x, y), _heading(ctx, 1, "房屋基本情况"), BODY_FONT, size)
    y += size * 2
    address = lease.property.property_address
    box = sheet.inline(
        (x + size * 2, y),
        [("房屋坐落：", None, None), (address, "property_address", address)],
        ctx.font,
        size,
    )
    y = box[3] + size
    sheet.text(
        (x + size * 2, y),
        f"建筑面积{lease.property.area}平方米，不动产权证书号：{lease.property.certificate_number}",
        ctx.font,
        size,
    )
    y += size * 2.6
    sheet.text((x, y), _heading(ctx, 2, "租赁期限"), BODY_FONT, size)
    y += size * 2
    sheet.inline(
        (x + size * 2, y),
        [
            ("租赁期限自", None, None),
            (cn_date(lease.lease_start), "lease_start", iso(lease.lease_start)),
            ("起至", None, None),
            (cn_date(lease.lease_end), "lease_end", iso(lease.lease_end)),
            ("止。", None, None),
        ],
        ctx.font,
        size,
    )
    return y + size * 2.6


def render(ctx: RenderContext) -> Draft:
    lease: Lease = ctx.facts["lease"]
    draft = Draft("lease_contract")
    n_pages = ctx.rng.choice((2, 3))
    splits = (3, len(_CLAUSES)) if n_pages == 2 else (2, 6, len(_CLAUSES))  # clauses ending each page
    sheet = _page(ctx, draft)
    size = ctx.scale(sheet.size[0] * 0.019)
    y = _first_page(ctx, sheet, lease, size)
    x = sheet.size[0] * 0.1
    usage = f"{lease.usage}经营" if lease.usage != "住宅" else "居住"
    for n, (title, text) in enumerate(_CLAUSES):
        if n in splits[:-1] or y > sheet.size[1] * 0.85:
            sheet = _page(ctx, draft)
            y = sheet.size[1] * 0.08
        sheet.text((x, y), _heading(ctx, n + 3, title), BODY_FONT, size)
        filled = text.format(rent=lease.monthly_rent, deposit=lease.deposit, usage=usage)
        box, _ = sheet.wrapped((x + size * 2, y + size * 2), filled, BODY_FONT, size, sheet.size[0] * 0.78)
        y = box[3] + size * 1.8
    if y > sheet.size[1] * 0.75:
        sheet = _page(ctx, draft)
        y = sheet.size[1] * 0.1
    _sign_block(ctx, sheet, lease, x, y + size * 2, size)
    for page in draft.pages:
        page.text(
            (page.size[0] / 2, page.size[1] * 0.96),
            f"第 {page.index + 1} 页 共 {len(draft.pages)} 页",
            BODY_FONT,
            int(size * 0.8),
            (90, 90, 90),
            "mm",
        )
    return draft


def _sign_block(ctx: RenderContext, sheet: Sheet, lease: Lease, x: float, y: float, size: int) -> None:
    signed = not ctx.has("missing_signature")
    for column, (role, person) in enumerate(
        (("甲方（签字）：", lease.lessor), ("乙方（签字）：", lease.lessee))
    ):
        cx = x + column * sheet.size[0] * 0.42
        caption = sheet.text((cx, y), role, BODY_FONT, size)
        area = (caption[2] + 4, caption[1] - size * 1.2, caption[2] + size * 7, caption[3] + size * 0.8)
        sheet.draft.area("signature_areas", sheet.index, area)
        if signed:
            sign(sheet, area, person.name, ctx.rng)
        sheet.text((cx, y + size * 3), f"日期：{cn_date(lease.sign_date)}", ctx.font, size)
    sheet.draft.label("signed", signed, None, sheet.index)
