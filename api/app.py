"""``create_app(settings)``: the FastAPI application on the embedded defaults."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.routers import health
from api.state import ServiceState
from prereview import __version__
from prereview.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    state = ServiceState(settings=settings or get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=state.load_engine, name="ocr-loader", daemon=True).start()
        yield

    app = FastAPI(title="prereview 材料智能预审", version=__version__, lifespan=lifespan)
    app.state.service = state
    app.include_router(health.router)
    return app
