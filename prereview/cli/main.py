"""``prereview`` command line: one sub-command per module in this package.

Exit status (CONTRACT.md): 0 the command ran, 2 bad usage or unreadable input (a one-line reason on
standard error), 1 an internal fault. ``--json`` output goes to standard output alone; logs and
progress go to standard error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from prereview import __version__
from prereview.errors import ConfigurationError, IngestError, InvalidAnswer, PrereviewError, ReviewPointsError

logger = logging.getLogger("prereview.cli")

EXIT_OK, EXIT_FAULT, EXIT_USAGE = 0, 1, 2


class UsageError(PrereviewError):
    default_zh = "用法错误"
    default_en = "bad usage"


def build_parser() -> argparse.ArgumentParser:
    from prereview.cli import (
        evaluate,
        export_corrections,
        extract,
        items,
        ocr,
        purge,
        review,
        review_packages,
        serve,
        train,
        user,
    )
    from prereview.synth import cli as synth

    parser = argparse.ArgumentParser(
        prog="prereview", description="材料智能预审 — AI-assisted material pre-review"
    )
    parser.add_argument("--version", action="version", version=f"prereview {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on standard error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (
        extract,
        review,
        review_packages,
        items,
        synth,
        serve,
        ocr,
        user,
        purge,
        export_corrections,
        train,
        evaluate,
    ):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from prereview.logging_setup import configure_logging
    from prereview.settings import get_settings

    settings = get_settings()
    configure_logging("DEBUG" if args.verbose else settings.log_level)
    try:
        return int(args.run(args, settings))
    except (IngestError, UsageError, ConfigurationError, InvalidAnswer, ReviewPointsError) as error:
        print(f"prereview: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("prereview: 已中断 (interrupted)", file=sys.stderr)
        return EXIT_FAULT
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # an internal fault: one line for the user, the trace for the log
        logger.debug("internal fault", exc_info=True)
        print(
            f"prereview: 内部错误，请联系管理员 (internal error: {type(error).__name__}: {error})",
            file=sys.stderr,
        )
        return EXIT_FAULT


if __name__ == "__main__":
    sys.exit(main())
