"""``GET /api/health``: liveness and readiness (storage, OCR engine loaded)."""

from __future__ import annotations

import os
from typing import Any

from fastapi import APIRouter, Request, Response

router = APIRouter(tags=["health"])


def _storage_status(request: Request) -> dict[str, Any]:
    data_dir = request.app.state.service.settings.data_dir
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        writable = os.access(data_dir, os.W_OK)
    except OSError:
        writable = False
    return {"ok": writable, "path": str(data_dir)}


@router.get("/api/health", operation_id="get_health")
def health(request: Request, response: Response) -> dict[str, Any]:
    service = request.app.state.service
    storage = _storage_status(request)
    ocr = {"ok": service.engine_loaded, "engine": service.settings.ocr.engine, "error": service.engine_error}
    ready = storage["ok"] and ocr["ok"]
    if not ready:
        response.status_code = 503
    return {"status": "ok" if ready else "starting" if service.engine_error is None else "error",
            "storage": storage, "ocr": ocr}
