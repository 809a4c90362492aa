"""CEL expressions (cel-python), compiled once when a review-points file loads, evaluated many times.

An expression is written by a business analyst in the YAML (``answers.by_agent == true``,
``person.age >= 16``). Compiling parses it and builds the program; a syntax error is a
``ValueError`` at load time, which the loader turns into a ``ReviewPointsError`` naming file and point.
Evaluation takes plain Python values and returns plain Python values; a reference to something that is
not there (a fact that could not be established) is an :class:`ExpressionUndecided`, never a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import celpy
from celpy import celtypes
from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

_ENV = celpy.Environment()
MEMO_SIZE = 512  # answer combinations remembered per expression
_MEMBER = re.compile(r"\b(answers|person|fields)\.([A-Za-z_][A-Za-z0-9_]*)")
_SLOT_MEMBER = re.compile(r"\bslots\.([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)")


class ExpressionUndecided(Exception):
    """The expression could not be evaluated: a referenced value is missing or of the wrong type."""


@lru_cache(maxsize=2048)
def _program(text: str) -> celpy.Runner:
    try:
        ast = _ENV.compile(text)
    except celpy.CELParseError as error:
        detail = " ".join(str(error).split())
        raise ValueError(f"invalid CEL expression '{text}': {detail}") from None
    return _ENV.program(ast)


def to_cel(value: Any) -> Any:
    """Plain Python (dict, list, str, int, bool, None) to CEL values.

    >>> to_cel({"a": [1, "x", True]})
    MapType({StringType('a'): ListType([IntType(1), StringType('x'), BoolType(True)])})
    """
    return celpy.json_to_cel(value)


def from_cel(value: Any) -> Any:
    """CEL values back to plain Python.

    >>> from_cel(celtypes.BoolType(True)), from_cel(celtypes.StringType("x"))
    (True, 'x')
    """
    if isinstance(value, celtypes.BoolType):
        return bool(value)
    if isinstance(value, celtypes.IntType | celtypes.UintType):
        return int(value)
    if isinstance(value, celtypes.DoubleType):
        return float(value)
    if isinstance(value, celtypes.StringType):
        return str(value)
    if isinstance(value, celtypes.ListType):
        return [from_cel(v) for v in value]
    if isinstance(value, celtypes.MapType):
        return {from_cel(k): from_cel(v) for k, v in value.items()}
    return value


class CelExpression:
    """A compiled CEL expression with its source text.

    >>> e = CelExpression("answers.by_agent == true")
    >>> e.evaluate({"answers": to_cel({"by_agent": True})})
    True
    >>> e.references("answers")
    ['by_agent']
    >>> CelExpression("person.age >=")
    Traceback (most recent call last):
    ...
    ValueError: invalid CEL expression 'person.age >=': ...
    """

    __slots__ = ("_memo", "_program", "text")

    def __init__(self, text: str) -> None:
        if not isinstance(text, str) or not text.strip():
            raise ValueError("a CEL expression must be a non-empty string")
        self.text = text.strip()
        self._program = _program(self.text)
        self._memo: dict[tuple[Any, ...], bool | None] = {}

    def holds_for(self, answers: dict[str, Any], situation: str | None = None) -> bool | None:
        """Truth over answers alone (``when``, ``visible_if``), ``None`` when undecidable; memoised per
        answer combination, since an item has few and every review of that situation asks the same.

        >>> CelExpression('answers.kind == "family"').holds_for({"kind": "family"})
        True
        >>> CelExpression("answers.missing").holds_for({}) is None
        True
        """
        key = (situation, *sorted((k, repr(v)) for k, v in answers.items()))
        if key in self._memo:
            return self._memo.get(key)
        try:
            value: bool | None = self.truth(
                {"answers": to_cel(answers), "situation": to_cel(situation or "")}
            )
        except ExpressionUndecided:
            value = None
        if len(self._memo) > MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = value  # a race only recomputes the same value
        return value

    def evaluate(self, activation: dict[str, Any]) -> Any:
        """Evaluate with CEL-typed variables (see :func:`to_cel`); raise :class:`ExpressionUndecided`."""
        try:
            result = self._program.evaluate(activation)
        except (celpy.CELEvalError, KeyError, TypeError, ValueError) as error:
            raise ExpressionUndecided(str(error)) from None
        if isinstance(result, celpy.CELEvalError):
            raise ExpressionUndecided(str(result))
        return from_cel(result)

    def truth(self, activation: dict[str, Any]) -> bool:
        """Evaluate an expression that must give a boolean."""
        result = self.evaluate(activation)
        if not isinstance(result, bool):
            raise ExpressionUndecided(f"expected a boolean, got {result!r}")
        return result

    def references(self, variable: str) -> list[str]:
        """Member names used on ``variable`` (``answers``, ``person``, ``fields``), in order of appearance."""
        return list(dict.fromkeys(m.group(2) for m in _MEMBER.finditer(self.text) if m.group(1) == variable))

    def slot_references(self) -> list[tuple[str, str]]:
        """``(slot, field)`` pairs used as ``slots.SLOT.FIELD``."""
        return list(dict.fromkeys((m.group(1), m.group(2)) for m in _SLOT_MEMBER.finditer(self.text)))

    def __repr__(self) -> str:
        return f"CelExpression({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CelExpression) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def build(value: Any) -> CelExpression:
            return value if isinstance(value, CelExpression) else cls(value)

        return core_schema.no_info_plain_validator_function(
            build, serialization=core_schema.plain_serializer_function_ser_schema(lambda e: e.text)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "minLength": 1, "description": "CEL expression (https://cel.dev)"}
