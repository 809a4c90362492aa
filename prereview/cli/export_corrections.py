"""``prereview export-corrections --out DIR``: staff corrections as a labelled data set (outside the repo)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import prereview
from prereview.settings import Settings

REPOSITORY = Path(prereview.__file__).resolve().parents[1]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export-corrections", help="write staff corrections as images + labels.jsonl")
    parser.add_argument(
        "--out", type=Path, required=True, help="output folder (must be outside the repository)"
    )
    parser.set_defaults(run=run)


def inside_repository(path: Path, repository: Path = REPOSITORY) -> bool:
    """Whether ``path`` would land inside the source repository (personal data must never go there).

    >>> inside_repository(Path("/repo/datasets/out"), Path("/repo"))
    True
    >>> inside_repository(Path("/tmp/out"), Path("/repo"))
    False
    """
    return path.resolve().is_relative_to(repository.resolve())


def run(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.cli.main import UsageError
    from prereview.store.context import open_store
    from prereview.store.corrections_export import export_corrections

    if (REPOSITORY / "pyproject.toml").exists() and inside_repository(args.out):
        raise UsageError(
            f"输出目录不能在代码仓库内（含个人信息）：{args.out}",
            f"--out must be outside the repository (the data holds personal information): {args.out}",
        )
    store = open_store(settings)
    try:
        with store.session() as session:
            count = export_corrections(session, store.storage, args.out)
    finally:
        store.close()
    print(f"已导出 {count} 份更正过的材料到 {args.out}", file=sys.stderr)
    print(args.out)
    return 0
