"""Load ``review_points/*.yaml`` into :class:`~prereview.review.schema.Item` objects, or refuse clearly.

Every CEL expression compiles while the file validates, so a loaded item evaluates without parsing.
A bad file raises :class:`~prereview.errors.ReviewPointsError` naming the file, the point id and what
was expected::

    review_points/x.yaml: point M3 has unknown kind 'feild_present'; known kinds: condition, form, ...
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from prereview.errors import ReviewPointsError
from prereview.review.integrity import check_references
from prereview.review.schema import Item

_LIST_OWNERS = {
    "points": "point",
    "materials": "material",
    "questions": "question",
    "situations": "situation",
    "persons": "person",
    "checks": "check",
    "verification": "fact",
    "options": "option",
}
_ID_KEYS = ("id", "key")


def _name_at(data: Any, loc: tuple[Any, ...]) -> str:
    """``point M3 check 2`` for a pydantic error location, using ids from the raw data where present."""
    parts: list[str] = []
    node = data
    for i, step in enumerate(loc):
        if isinstance(step, int) and i > 0 and isinstance(loc[i - 1], str) and loc[i - 1] in _LIST_OWNERS:
            label = _LIST_OWNERS[loc[i - 1]]
            element = node[step] if isinstance(node, list) and step < len(node) else None
            ident = next((element[k] for k in _ID_KEYS if isinstance(element, dict) and k in element), None)
            parts[-1] = f"{label} {ident}" if ident is not None else f"{label} {step + 1}"
        elif isinstance(step, str) and isinstance(node, dict) and step not in node:
            continue  # a union member's tag (``form`` in points.3.form.checks), not a key of the file
        elif isinstance(step, str):
            parts.append(step)
        else:
            parts.append(str(step))
        node = node[step] if isinstance(node, dict | list) and _has(node, step) else None
    return " ".join(parts) or "item"


def _has(node: dict[str, Any] | list[Any], step: Any) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(step, int) and step < len(node)


def _describe(error: dict[str, Any], data: Any) -> str:
    loc = tuple(error["loc"])
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "union_tag_invalid":
        what = ctx.get("discriminator", "").strip("'")
        known = ", ".join(t.strip("'") for t in str(ctx.get("expected_tags", "")).split(", "))
        return f"{_name_at(data, loc)} has unknown {what} '{ctx.get('tag')}'; known {what}s: {known}"
    if kind == "union_tag_not_found":
        return f"{_name_at(data, loc)} has no '{ctx.get('discriminator', '').strip(chr(39))}'"
    if kind == "missing":
        return f"{_name_at(data, loc[:-1])}: missing '{loc[-1]}'"
    if kind == "extra_forbidden":
        return f"{_name_at(data, loc[:-1])}: unknown key '{loc[-1]}'"
    message = error["msg"].removeprefix("Value error, ")
    return (
        f"{_name_at(data, loc)}: {message} (got {error.get('input')!r})"
        if kind != "value_error"
        else f"{_name_at(data, loc)}: {message}"
    )


def _refuse(file: str, detail: str) -> ReviewPointsError:
    return ReviewPointsError(
        f"审查要点文件有误：{file}: {detail}", f"{file}: {detail}", file=file, code="invalid_review_points"
    )


def load_item(path: Path | str) -> Item:
    """Parse, validate and cross-check one review-points file."""
    path = Path(path)
    shown = str(path)
    raw = path.read_bytes()
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise _refuse(shown, f"YAML syntax error: {' '.join(str(error).split())}") from None
    if not isinstance(data, dict):
        raise _refuse(shown, "expected a mapping with id, name, materials, points…")
    try:
        item = Item.model_validate(data)
    except ValidationError as error:
        details = "; ".join(_describe(dict(e), data) for e in error.errors()[:5])
        raise _refuse(shown, details) from None
    if item.id != path.stem:
        raise _refuse(shown, f"item id '{item.id}' must equal the file name '{path.stem}'")
    problems = check_references(item)
    if problems:
        raise _refuse(shown, "; ".join(problems[:5]))
    item._source = shown
    item._sha256 = hashlib.sha256(raw).hexdigest()
    return item


def load_items(directory: Path | str = "review_points") -> dict[str, Item]:
    """Every ``*.yaml`` in ``directory``, keyed by item id (sorted)."""
    folder = Path(directory)
    if not folder.is_dir():
        raise ReviewPointsError(
            f"审查要点目录不存在：{folder}",
            f"review-points directory not found: {folder}",
            code="missing_review_points",
        )
    return {item.id: item for item in (load_item(p) for p in sorted(folder.glob("*.yaml")))}
