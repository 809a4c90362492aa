"""``prereview ocr make-paddle-models --out DIR``: model folders for the optional PaddleOCR engine."""

from __future__ import annotations

import argparse
from pathlib import Path

from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("ocr", help="OCR engine tools")
    ocr_sub = parser.add_subparsers(dest="ocr_command", required=True, metavar="ACTION")
    make = ocr_sub.add_parser(
        "make-paddle-models",
        help="build PaddleOCR model folders from the PP-OCRv6 files bundled with rapidocr",
    )
    make.add_argument("--out", type=Path, required=True, help="output folder")
    make.set_defaults(run=run_make_paddle_models)


def run_make_paddle_models(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.ocr.paddle_models import make_paddle_model_dirs

    det, rec = make_paddle_model_dirs(args.out)
    print(f"PREREVIEW_OCR__PADDLE_DET_DIR={det}")
    print(f"PREREVIEW_OCR__PADDLE_REC_DIR={rec}")
    return 0
