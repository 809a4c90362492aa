"""``create_app(settings)``: the FastAPI application on the embedded defaults.

At start the database is migrated (``alembic upgrade head``), interrupted jobs are requeued, the worker
pool starts, and the OCR engine loads in the background (``/api/health`` says when it is ready).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from api import errors, metrics
from api.routers import admin, applications, auth, health, items, staff
from api.state import ServiceState
from prereview import __version__
from prereview.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    state = ServiceState(settings=settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=state.load_engine, name="ocr-loader", daemon=True).start()
        state.start()
        try:
            yield
        finally:
            state.stop()

    app = FastAPI(
        title="prereview 材料智能预审",
        version=__version__,
        lifespan=lifespan,
        description="AI-assisted material pre-review. Authenticate with `Authorization: Bearer TOKEN`.",
    )
    app.state.service = state
    _limit_body(app, settings.service.max_upload_mb)
    errors.install(app)
    metrics.install(app)
    for module in (health, items, applications, staff, admin, auth):
        app.include_router(module.router)
    return app


def _limit_body(app: FastAPI, max_mb: float) -> None:
    """Refuse an oversize upload from its Content-Length, before the body is read."""
    limit = int(max_mb * 1024 * 1024) + 64 * 1024  # room for the multipart envelope

    @app.middleware("http")
    async def refuse_oversize(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length", "")
        if request.method == "POST" and length.isdigit() and int(length) > limit:
            return JSONResponse(
                {
                    "detail": f"文件超过 {max_mb:g} MB，请压缩或分页后重新上传 "
                    f"(file larger than {max_mb:g} MiB)",
                    "code": "too_large",
                },
                status_code=413,
            )
        return await call_next(request)
