"""``prereview train classifier|kie --data RECIPE --out DIR``: train a learned model and export it to ONNX.

Needs the ``train`` extra (torch, transformers, onnx). OCR of the dataset is cached, so a second run only
trains. Progress and per-epoch metrics go to standard error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("train", help="train the learned classifier or KIE model (needs the train extra)")
    parser.add_argument("kind", choices=["classifier", "kie"], help="which model")
    parser.add_argument(
        "--data", type=Path, required=True, help="a recipe YAML or a generated dataset folder"
    )
    parser.add_argument("--out", type=Path, required=True, help="artifact folder, e.g. models/kie/v2")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--patience", type=int, default=3, help="epochs without improvement before stopping")
    parser.add_argument(
        "--n", type=int, default=None, help="generate this many files instead of the recipe's n"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="processes reading (OCR) files not yet in the dataset's cache"
    )
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-3, help="peak learning rate (one-cycle schedule)")
    parser.add_argument(
        "--swap-share", type=float, default=0.25, help="KIE: share of value characters swapped per batch"
    )
    parser.add_argument(
        "--layout-share", type=float, default=0.8, help="share of training windows whose layout is jittered"
    )
    parser.add_argument(
        "--layout-docs",
        type=int,
        default=0,
        help="KIE: random-layout token-space documents added to the training split",
    )
    parser.add_argument(
        "--crop-share", type=float, default=0.5, help="classifier: share of training windows cropped"
    )
    parser.add_argument(
        "--lookalike-share",
        type=float,
        default=0.0,
        help="classifier: pages of papers the service does not take (driving licence, contract…) added as "
        "`other`, as a share of the documents (prereview/training/lookalikes.py)",
    )
    parser.add_argument("--hidden", type=int, default=128, help="hidden size")
    parser.add_argument("--layers", type=int, default=2, help="transformer layers")
    parser.add_argument(
        "--max-len", type=int, default=256, help="window length in characters (with [CLS]/[SEP])"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.training.card import write_card
    from prereview.training.data import dataset_folder, load_documents, ocr_progress
    from prereview.training.fit import Schedule
    from prereview.training.metrics import reliability_png
    from prereview.training.models import Size
    from prereview.training.run import train_classifier, train_kie

    folder = dataset_folder(args.data, n=args.n)
    print(f"数据集 dataset: {folder}", file=sys.stderr)
    documents = load_documents(folder, progress=ocr_progress, workers=args.workers)
    schedule = Schedule(
        epochs=args.epochs, patience=args.patience, batch_size=args.batch_size, lr=args.lr, seed=args.seed
    )
    size = Size(hidden=args.hidden, layers=args.layers, heads=max(1, args.hidden // 32), max_len=args.max_len)
    common = {"seed": args.seed, "size": size, "schedule": schedule, "layout_share": args.layout_share}
    if args.kind == "classifier":
        summary = train_classifier(
            documents, args.out, crop_share=args.crop_share, lookalike_share=args.lookalike_share, **common
        )
    else:
        summary = train_kie(
            documents, args.out, swap_share=args.swap_share, layout_docs=args.layout_docs, **common
        )
    if args.kind == "classifier":
        reliability_png(summary["validation"]["reliability"], args.out / "reliability.png")
    write_card(args.out, args.kind, str(args.data), {"data": str(args.data), "training": summary})
    print(f"wrote {args.out} (best epoch {summary['history']['best_epoch']})")
    return 0
