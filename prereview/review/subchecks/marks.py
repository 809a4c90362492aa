"""Sub-checks on marks: signed (flag and/or detected signature) and sealed (red seal, its ring text)."""

from __future__ import annotations

from prereview.checks.consistency import normalise_text
from prereview.checks.signature import SIGNED
from prereview.review.context import ReviewContext, evidence
from prereview.review.point_schema import Sealed, Signed
from prereview.review.schema import Slot
from prereview.review.slots import Placed
from prereview.review.verdict import Evidence, Finding


def _materials(ctx: ReviewContext, slot: Slot, material_type: str | None) -> list[Placed]:
    return [p for p in ctx.assignment.in_slot(slot.id) if material_type in (None, p.material_type)]


def signed(check: Signed, ctx: ReviewContext, slot: Slot) -> Finding:
    """Signed when the ``signed`` flag is confidently true or a signature was found (conflict: manual)."""
    materials = _materials(ctx, slot, check.material_type)
    if not materials:
        return Finding("not_applicable")
    yes, no, unclear, ev = False, False, False, []
    for placed in materials:
        flag = placed.fields.get(check.field)
        if flag is not None and ctx.doubt(flag) is None and isinstance(flag.value, bool):
            yes, no = yes or flag.value, no or not flag.value
            ev.append(evidence(placed, check.field, flag))
        marks = placed.source.signatures
        if marks:
            sure = any(m.confidence >= SIGNED for m in marks)
            yes, unclear = yes or sure, unclear or not sure
            ev += [Evidence(placed.file, m.page, m.box, "signature", m.text) for m in marks]
        elif marks is not None and flag is None:
            no = True
    if unclear and not yes:
        return Finding("manual", f"{slot.name}签名处有笔迹但无法确认是签名，需人工核对", ev)
    if yes and not no:
        return Finding("pass", "", ev)
    if no and not yes:
        return Finding("fail", f"{slot.name}未签名，请由本人签名后重新上传（可使用电子签名）", ev)
    if yes and no:
        return Finding("manual", f"{slot.name}的签名识别结果不一致，需人工核对", ev)
    return Finding("manual", f"未能判断{slot.name}是否已签名，需人工核对", ev)


def sealed(check: Sealed, ctx: ReviewContext, slot: Slot) -> Finding:
    """A red seal on any material of the slot; with ``holder``, its ring text should name the holder."""
    materials = _materials(ctx, slot, check.material_type)
    if not materials:
        return Finding("not_applicable")
    seals = [(p, m) for p in materials for m in p.source.seals or []]
    if not seals:
        if all(p.source.seals is None for p in materials):
            return Finding("manual", f"未检测{slot.name}的印章，需人工核对是否加盖公章")
        return Finding(
            "fail",
            f"{slot.name}未加盖公章，请加盖公章（或使用电子印章）后重新上传",
            [Evidence(p.file, None, None, "seal", None) for p in materials],
        )
    ev = [Evidence(p.file, m.page, m.box, "seal", m.text) for p, m in seals]
    if check.holder is None:
        return Finding("pass", "", ev)
    holder = ctx.assignment.value(check.holder)
    texts = [normalise_text(m.text) for _, m in seals if m.text]
    if holder is None or not texts or ctx.doubt(holder[1]) is not None:
        return Finding("manual", f"无法读取{slot.name}印章文字，需人工核对印章名称", ev)
    name = normalise_text(holder[1].value)
    if any(name and name in text for text in texts):
        return Finding("pass", "", ev)
    return Finding("warn", f"{slot.name}的印章文字与“{holder[1].value}”不一致，请核对是否加盖本单位公章", ev)
