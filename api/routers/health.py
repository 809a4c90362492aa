"""``GET /api/health``: liveness and readiness (database, storage, OCR engine loaded)."""

from __future__ import annotations

import os
from typing import Any

from fastapi import APIRouter, Request, Response

from prereview.store import ping

router = APIRouter(tags=["health"])


def _storage_status(request: Request) -> dict[str, Any]:
    data_dir = request.app.state.service.settings.data_dir
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        writable = os.access(data_dir, os.W_OK)
    except OSError:
        writable = False
    store = request.app.state.service.store
    if store is not None:
        writable = writable and store.storage.check()
    return {"ok": writable, "path": str(data_dir)}


def _database_status(request: Request) -> dict[str, Any]:
    store = request.app.state.service.store
    if store is None:
        return {"ok": False, "backend": None, "error": "not started"}
    error = ping(store.engine)
    return {"ok": error is None, "backend": store.engine.dialect.name, "error": error}


@router.get("/api/health", operation_id="get_health")
def health(request: Request, response: Response) -> dict[str, Any]:
    service = request.app.state.service
    storage = _storage_status(request)
    database = _database_status(request)
    ocr = {"ok": service.engine_loaded, "engine": service.settings.ocr.engine, "error": service.engine_error}
    ready = storage["ok"] and ocr["ok"] and database["ok"]
    if not ready:
        response.status_code = 503
    failed = service.engine_error is not None or (service.store is not None and not database["ok"])
    return {
        "status": "ok" if ready else "error" if failed else "starting",
        "database": database,
        "storage": storage,
        "ocr": ocr,
    }
