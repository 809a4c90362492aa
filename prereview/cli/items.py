"""``prereview items [--json]``: the service items that review_points/ defines."""

from __future__ import annotations

import argparse
import json
import sys

from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("items", help="list the service items and their questionnaires")
    parser.add_argument("--json", action="store_true", help="one JSON document on standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.review import items_json, load_items

    catalogue = items_json(load_items(settings.review.points_dir))
    if args.json:
        json.dump(catalogue, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table("事项 id", "名称", "举措", "问题（默认）", "材料", title="服务事项")
    for item in catalogue["items"]:
        questions = "\n".join(f"{q['key']}={q['default']}" for q in item["questions"])
        slots = "\n".join(s["name"] for s in item["slots"])
        table.add_row(item["id"], item["name"], "、".join(item["measures"]), questions, slots)
    Console().print(table)
    return 0
