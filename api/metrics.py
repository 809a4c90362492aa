"""``/metrics`` for Prometheus: request latency, job durations per stage, queue depth."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, Histogram, generate_latest

from prereview.jobs.metrics import QUEUE_DEPTH

REQUEST_SECONDS = Histogram(
    "prereview_http_request_seconds",
    "HTTP request latency",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)

router = APIRouter(tags=["health"])


@router.get("/metrics", operation_id="get_metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    queue = request.app.state.service.queue
    if queue is not None:
        depth = queue.depth()
        for status in ("queued", "running", "done", "failed"):
            QUEUE_DEPTH.labels(status).set(depth.get(status, 0))
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def install(app: FastAPI) -> None:
    @app.middleware("http")
    async def measure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        start = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        path = getattr(route, "path", "unmatched")
        REQUEST_SECONDS.labels(request.method, path, str(response.status_code)).observe(
            time.perf_counter() - start
        )
        return response

    app.include_router(router)
