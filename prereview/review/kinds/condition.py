"""条件审查要点: requirements on facts about a person, and declarations (告知承诺).

A requirement that is false on confident facts fails, and the applicant cannot fix it (``reject``).
A requirement that needs a fact the evidence does not establish is ``manual``, never a pass or a fail.
A declaration passes on the applicant's answer, with the evidence ``申请人承诺``.
"""

from __future__ import annotations

from prereview.review.context import ReviewContext
from prereview.review.expressions import ExpressionUndecided, to_cel
from prereview.review.facts import PersonFacts, person_facts
from prereview.review.kinds.combine import not_applicable, point_result
from prereview.review.point_schema import ConditionPoint, Declaration, Requirement
from prereview.review.verdict import Evidence, Finding, PointResult

DECLARED = "申请人承诺"


def _requirement(check: Requirement, ctx: ReviewContext, facts: PersonFacts) -> Finding:
    activation = {**ctx.choice.activation(), "person": to_cel(facts.values)}
    try:
        holds = check.expr.truth(activation)
    except ExpressionUndecided:
        return Finding("manual", f"无法自动判断：{facts.reason()}，需人工核实", facts.evidence)
    if holds:
        return Finding("pass", "", facts.evidence)
    return Finding(check.on_false, check.message, facts.evidence)


def _declaration(check: Declaration, ctx: ReviewContext) -> Finding:
    answer = ctx.choice.answers.get(check.question)
    question = ctx.item.question(check.question)
    text = question.text if question else check.question
    if answer == check.value:
        assumed = "（按默认回答视为承诺）" if check.question in ctx.choice.assumed else ""
        return Finding(
            "pass", f"申请人已承诺：{text}{assumed}", [Evidence(None, None, None, check.question, DECLARED)]
        )
    return Finding("fail", check.message, [Evidence(None, None, None, check.question, answer)])


def evaluate(point: ConditionPoint, ctx: ReviewContext) -> PointResult:
    if not ctx.holds(point.when):
        return not_applicable(point)
    facts: PersonFacts | None = None
    findings = []
    for check in point.checks:
        if not ctx.holds(check.when):
            continue
        if isinstance(check, Declaration):
            findings.append(_declaration(check, ctx))
        else:
            facts = facts or person_facts(ctx, point.person)
            findings.append(_requirement(check, ctx, facts))
    return point_result(point, findings, fixable=False)
