"""``prereview extract FILE [--json]``: one material — type, fields, checks, quality, seals, signatures."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from prereview.errors import IngestError
from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("extract", help="read one material: type, fields, checks, quality")
    parser.add_argument("file", type=Path, help="PDF or image (JPEG, PNG, BMP, TIFF, WebP, HEIC)")
    parser.add_argument("--json", action="store_true", help="one JSON document on standard output")
    parser.set_defaults(run=run)


def read_input(path: Path) -> bytes:
    """The file's bytes, or an :class:`IngestError` a person can act on."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(
            f"文件不存在：{path.name}", f"no such file: {path.name}", code="not_found"
        ) from None
    except IsADirectoryError:
        raise IngestError(
            f"这是一个文件夹，不是文件：{path.name}", f"is a directory: {path.name}", code="not_a_file"
        ) from None
    except PermissionError:
        raise IngestError(
            f"没有读取权限：{path.name}", f"permission denied: {path.name}", code="permission"
        ) from None


def run(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.pipeline import build_pipeline

    data = read_input(args.file)
    pipeline = build_pipeline(settings)
    result = pipeline.extract(data, name=args.file.name)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from prereview.cli.tables import print_extraction

        print_extraction(result.to_dict())
    return 0
