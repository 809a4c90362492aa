"""Answers to an item's questionnaire: typed, defaulted, and the situation they select.

Answers arrive as strings from the CLI (``--answer by_agent=true``) and the API, or typed from code.
Each is coerced to the type of the question's option values. Unanswered *visible* questions take their
default and are reported as ``assumed``; hidden questions (``visible_if`` false) take no part.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from prereview.errors import InvalidAnswer
from prereview.review.expressions import to_cel
from prereview.review.schema import Item, Question

_TRUE = {"true", "1", "yes", "y", "是", "t"}
_FALSE = {"false", "0", "no", "n", "否", "f"}


@dataclass
class SituationChoice:
    """The resolved answers (given + assumed), what was assumed, and the situation id selected."""

    answers: dict[str, Any]
    assumed: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    unanswered: list[Question] = field(default_factory=list)

    def activation(self) -> dict[str, Any]:
        """CEL variables ``answers`` and ``situation``."""
        return {"answers": to_cel(self.answers), "situation": to_cel(self.id or "")}

    def to_dict(self) -> dict[str, Any]:
        return {"answers": self.answers, "assumed": self.assumed, "id": self.id}


def coerce(question: Question, value: Any) -> Any:
    """The option value ``value`` stands for (``"true"`` → ``True`` for a yes/no question).

    >>> from prereview.review.schema import Option
    >>> q = Question(key="by_agent", text="?", default=False,
    ...              options=[Option(value=False, label="本人"), Option(value=True, label="委托")])
    >>> coerce(q, "true"), coerce(q, "委托"), coerce(q, False)
    (True, True, False)
    """
    for option in question.options:
        if value == option.value and type(value) is type(option.value):
            return option.value
    text = str(value).strip()
    for option in question.options:
        if text == option.label or text == str(option.value):
            return option.value
        if isinstance(option.value, bool) and text.lower() in (_TRUE if option.value else _FALSE):
            return option.value
        if (
            isinstance(option.value, int)
            and not isinstance(option.value, bool)
            and text.lstrip("-").isdigit()
            and int(text) == option.value
        ):
            return option.value
    allowed = ", ".join(f"{o.value}（{o.label}）" for o in question.options)
    raise InvalidAnswer(
        f"“{question.text}”的回答“{value}”无效，可选：{allowed}",
        f"answer {question.key}={value!r} is not allowed; allowed: {allowed}",
        code="invalid_answer",
    )


def _visible(question: Question, answers: dict[str, Any]) -> bool:
    return question.visible_if is None or bool(question.visible_if.holds_for(answers))


def resolve(item: Item, given: Mapping[str, Any] | None) -> SituationChoice:
    """Coerce ``given`` answers, default the unanswered visible ones, and select the situation."""
    given = dict(given or {})
    unknown = [k for k in given if item.question(k) is None]
    if unknown:
        keys = ", ".join(q.key for q in item.questions) or "none"
        raise InvalidAnswer(
            f"事项“{item.name}”没有问题“{unknown[0]}”，可用：{keys}",
            f"item {item.id} has no question '{unknown[0]}'; known: {keys}",
            code="unknown_question",
        )
    answers: dict[str, Any] = {}
    assumed: dict[str, Any] = {}
    unanswered: list[Question] = []
    for question in item.questions:  # in order, so visible_if sees earlier answers
        if not _visible(question, answers):
            continue
        if question.key in given:
            answers[question.key] = coerce(question, given[question.key])
        else:
            answers[question.key] = assumed[question.key] = question.default
            unanswered.append(question)
    return SituationChoice(answers, assumed, select_situation(item, answers), unanswered)


def select_situation(item: Item, answers: dict[str, Any]) -> str | None:
    """The first situation whose ``when`` holds (one without ``when`` always does)."""
    for situation in item.situations:
        if situation.when is None or situation.when.holds_for(answers):
            return situation.id
    return None
