"""``prereview serve [--host H] [--port P]``: the web service on the embedded defaults."""

from __future__ import annotations

import argparse

from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help="start the web service (API + pages)")
    parser.add_argument("--host", help="bind address (default 127.0.0.1, from PREREVIEW_HOST)")
    parser.add_argument("--port", type=int, help="port (default 8000, from PREREVIEW_PORT)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    host = args.host or settings.host
    port = args.port or settings.port
    uvicorn.run(create_app(settings), host=host, port=port, log_level=settings.log_level.lower())
    return 0
