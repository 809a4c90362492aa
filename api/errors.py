"""Errors as JSON ``{"detail": "...", "code": "..."}`` with the right 4xx, never a stack trace.

Messages are Chinese first with the English after, and pass through :func:`mask_identifiers`, so an ID
number never comes back in an error.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from prereview.logging_setup import mask_identifiers

logger = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_type",
    422: "invalid_request",
    429: "rate_limited",
    503: "unavailable",
}


class ApiError(Exception):
    """An error a client can act on: status, stable ``code``, and a message saying how to fix it."""

    def __init__(self, status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.headers = status, code, detail, headers


def not_found(what_zh: str = "申请", what_en: str = "application") -> ApiError:
    """The same 404 whether the thing does not exist or belongs to somebody else."""
    return ApiError(404, "not_found", f"{what_zh}不存在或无权访问 ({what_en} not found)")


def _body(detail: str, code: str) -> dict[str, str]:
    return {"detail": mask_identifiers(detail), "code": code}


async def _api_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return JSONResponse(_body(error.detail, error.code), status_code=error.status, headers=error.headers)


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    code = _CODES.get(error.status_code, "error")
    detail = error.detail if isinstance(error.detail, str) else code
    if error.status_code == 404 and detail == "Not Found":
        detail = "地址不存在 (no such endpoint)"
    return JSONResponse(_body(detail, code), status_code=error.status_code, headers=error.headers)


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in error.errors()
    )
    return JSONResponse(
        _body(f"请求内容不符合要求，请检查后重试 (invalid request: {problems})", "invalid_request"),
        status_code=422,
    )


async def _internal_error(request: Request, error: Exception) -> JSONResponse:
    logger.error(
        "internal error on %s %s: %s",
        request.method,
        request.url.path,
        mask_identifiers(f"{type(error).__name__}: {error}"),
    )
    return JSONResponse(
        _body("内部错误，请稍后重试或联系管理员 (internal error)", "internal_error"), status_code=500
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _internal_error)
