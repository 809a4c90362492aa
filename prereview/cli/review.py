"""``prereview review --item ITEM [--answer KEY=VALUE ...] [--as-of DATE] FILE... [--json]``.

A whole application: every file is extracted, assigned to a material slot (``SLOT=FILE`` names it;
otherwise the recognised type decides) and the item's review points give the verdict. An unreadable
file is a failed material in the result, not an error (exit 0).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path

from prereview.cli.extract import read_input
from prereview.cli.main import UsageError
from prereview.errors import IngestError
from prereview.settings import Settings

logger = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help="pre-review a whole application against an item's review points")
    parser.add_argument("--item", required=True, help="service item id (see `prereview items`)")
    parser.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a questionnaire answer; repeat once per question (unanswered: the default)",
    )
    parser.add_argument(
        "--as-of", type=_date, help="evaluation date YYYY-MM-DD (default: today, Asia/Shanghai)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="FILE or SLOT=FILE")
    parser.add_argument("--json", action="store_true", help="one JSON document on standard output")
    parser.set_defaults(run=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD (expected YYYY-MM-DD): {text!r}") from None


def parse_answers(pairs: list[str]) -> dict[str, str]:
    """``["by_agent=true"]`` → ``{"by_agent": "true"}``.

    >>> parse_answers(["by_agent=true", "kind = 首次 "])
    {'by_agent': 'true', 'kind': '首次'}
    """
    answers = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"回答应写成 KEY=VALUE：{pair}", f"an answer must be KEY=VALUE: {pair}")
        answers[key.strip()] = value.strip()
    return answers


def split_slot(argument: str, slots: set[str]) -> tuple[str | None, Path]:
    """``SLOT=FILE`` when the part before ``=`` is one of the item's slots, else a plain path.

    >>> split_slot("id_card=a.jpg", {"id_card"})
    ('id_card', PosixPath('a.jpg'))
    >>> split_slot("x=y.jpg", {"id_card"})
    (None, PosixPath('x=y.jpg'))
    """
    slot, sep, rest = argument.partition("=")
    if sep and slot in slots:
        return slot, Path(rest)
    return None, Path(argument)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.pipeline import build_pipeline
    from prereview.review import load_items, resolve, review, unreadable
    from prereview.review.intake import read_material

    items = load_items(settings.review.points_dir)
    item = items.get(args.item)
    if item is None:
        known = ", ".join(sorted(items))
        raise UsageError(
            f"未知事项“{args.item}”，可用：{known}", f"unknown item '{args.item}'; known: {known}"
        )
    answers = parse_answers(args.answer)
    resolve(item, answers)  # a wrong answer is bad usage: say so before reading any file
    slots = {slot.id for slot in item.materials}
    pipeline = build_pipeline(settings)
    materials = []
    for number, argument in enumerate(args.files, start=1):
        slot, path = split_slot(argument, slots)
        print(f"[{number}/{len(args.files)}] 正在识别 {path.name}", file=sys.stderr, flush=True)
        try:
            data = read_input(path)
        except IngestError as error:
            materials.append(unreadable(path.name, str(error), slot))
            continue
        materials.append(read_material(pipeline, data, path.name, slot))
    verdict = review(
        item, answers, materials, as_of=args.as_of, min_confidence=settings.review.min_field_confidence
    ).to_dict()
    if args.json:
        json.dump(verdict, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from prereview.cli.tables import print_verdict

        print_verdict(verdict)
    return 0
