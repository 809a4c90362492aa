"""``prereview purge [--days N]``: delete applications, files and cached results past the retention period."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta

from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("purge", help="delete data older than the retention period")
    parser.add_argument(
        "--days", type=float, help="retention in days (default: PREREVIEW_SERVICE__RETENTION_DAYS)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.store.context import open_store
    from prereview.store.models import utcnow
    from prereview.store.retention import purge

    days = args.days if args.days is not None else settings.service.retention_days
    store = open_store(settings)
    try:
        with store.session() as session:
            report = purge(session, store.storage, before=utcnow() - timedelta(days=days))
    finally:
        store.close()
    print(
        json.dumps(
            {
                "applications": report.applications,
                "files": report.files,
                "cached_results": report.cached_results,
            }
        )
    )
    return 0
