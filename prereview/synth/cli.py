"""``prereview synth``: generate labelled synthetic materials, application packages, or a preview sheet.

    prereview synth --out DIR --n N --seed S [--types T ...] [--recipe datasets/recipes/X.yaml] [--workers W]
    prereview synth --preview --out FILE.png [--seed S]
    prereview synth --packages N --out DIR [--seed S]
    prereview synth --coverage DIR

Progress goes to standard error; standard output gets the summary (or the coverage table). Exit status 2
with a one-line reason for bad usage (an unknown type, an unreadable recipe, a folder that is not a dataset).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE = 0, 2


def add_synth_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``synth`` sub-command to a ``prereview`` sub-parser set."""
    parser = subparsers.add_parser(
        "synth",
        help="generate labelled synthetic materials and application packages",
        description="合成材料数据集：带标注的证照/申请材料图片与 PDF、申请包（含期望结论）、预览图",
    )
    parser.add_argument("--out", type=Path, help="output folder (or PNG file with --preview)")
    parser.add_argument(
        "--n", type=int, default=None, help="number of files (default: the recipe's n, else 100)"
    )
    parser.add_argument(
        "--seed", type=int, default=None, help="random seed (default: the recipe's seed, else 1)"
    )
    parser.add_argument(
        "--types",
        nargs="+",
        default=None,
        metavar="TYPE",
        help="material types to generate (space or comma separated)",
    )
    parser.add_argument(
        "--recipe", type=Path, default=None, help="a dataset recipe, e.g. datasets/recipes/tiny.yaml"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes (output is the same for any)"
    )
    parser.add_argument("--preview", action="store_true", help="write one contact-sheet PNG to --out")
    parser.add_argument(
        "--packages", type=int, default=None, metavar="N", help="write N application packages"
    )
    parser.add_argument(
        "--coverage",
        type=Path,
        default=None,
        metavar="DIR",
        help="print the item × defect table of the packages in DIR",
    )
    return parser


def register(subparsers: argparse._SubParsersAction) -> None:
    """Hook for ``prereview.cli.main``: the sub-command runs :func:`run_synth`."""
    add_synth_parser(subparsers).set_defaults(run=lambda args, settings: run_synth(args))


@contextmanager
def _progress(description: str) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on standard error; yields ``update(done, total)``."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _types(raw: Sequence[str] | None) -> list[str] | None:
    if not raw:
        return None
    from prereview.synth.render import LAYOUTS

    names = [t for chunk in raw for t in chunk.split(",") if t]
    unknown = [t for t in names if t not in LAYOUTS]
    if unknown:
        raise ValueError(
            f"未知的材料类型 {', '.join(unknown)}（unknown material type; known: {', '.join(LAYOUTS)}）"
        )
    return names


def _dataset(args: argparse.Namespace) -> int:
    from prereview.synth.dataset import generate_dataset
    from prereview.synth.fonts import FONTS
    from prereview.synth.recipes import Recipe, load_recipe
    from prereview.synth.render import LAYOUTS

    recipe = load_recipe(args.recipe) if args.recipe else Recipe(name="default")
    recipe.check_names(types=list(LAYOUTS), layouts=LAYOUTS, fonts=list(FONTS))
    n = args.n if args.n is not None else recipe.n if args.recipe else 100
    types = _types(args.types)  # checked before any output starts
    with _progress("合成材料 synth") as update:
        manifest = generate_dataset(
            args.out,
            recipe,
            n=n,
            seed=args.seed,
            types=types,
            workers=args.workers,
            progress=update,
        )
    print(f"wrote {manifest['n']} files to {args.out} (recipe {manifest['recipe']}, seed {manifest['seed']})")
    return EXIT_OK


def _packages(args: argparse.Namespace) -> int:
    from prereview.synth.package_writer import coverage, format_coverage, missing_coverage, write_packages

    seed = 1 if args.seed is None else args.seed
    with _progress("申请包 packages") as update:
        records = write_packages(args.out, args.packages, seed, progress=update)
    table = coverage(records)
    print(format_coverage(table))
    gaps = missing_coverage(table)
    if gaps:
        print(
            f"注意：{len(gaps)} 个（事项, 缺陷）组合没有申请包，请增大 --packages (not covered: {gaps[:3]}…)",
            file=sys.stderr,
        )
    return EXIT_OK


def _preview(args: argparse.Namespace) -> int:
    from prereview.synth.preview import write_contact_sheet

    if args.out.suffix.lower() != ".png":
        raise ValueError(
            f"--preview 需要 PNG 文件名，例如 --out preview.png（--preview writes a PNG: got {args.out}）"
        )
    with _progress("预览 preview") as update:
        size = write_contact_sheet(args.out, seed=1 if args.seed is None else args.seed, progress=update)
    print(f"wrote {args.out} ({size // 1024} KB)")
    return EXIT_OK


def run_synth(args: argparse.Namespace) -> int:
    """Run ``prereview synth`` with parsed arguments; returns the exit status."""
    from prereview.synth.package_writer import coverage, format_coverage, read_packages

    try:
        if args.coverage is not None:
            print(format_coverage(coverage(read_packages(args.coverage))))
            return EXIT_OK
        if args.out is None:
            raise ValueError(
                "缺少 --out 输出位置（--out is required: a folder, or a PNG file with --preview）"
            )
        if args.preview:
            return _preview(args)
        if args.packages is not None:
            return _packages(args)
        return _dataset(args)
    except ValueError as error:
        print(f"prereview synth: {error}", file=sys.stderr)
        return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m prereview.synth.cli ...`` without the rest of the CLI."""
    parser = argparse.ArgumentParser(prog="prereview")
    add_synth_parser(parser.add_subparsers(dest="command", required=True))
    args: Any = parser.parse_args(argv)
    return run_synth(args)


if __name__ == "__main__":
    sys.exit(main())
