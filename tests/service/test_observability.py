"""Health reports the database; /metrics exposes latency, job stage durations and queue depth; OpenAPI ids."""

from __future__ import annotations

from tests.service.conftest import Rendered, Service
from tests.service.flows import filled


def test_health_reports_database_storage_and_engine(service: Service) -> None:
    body = service.client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True and body["database"]["backend"] in ("sqlite", "postgresql")
    assert body["storage"]["ok"] is True and body["ocr"]["ok"] is True


def test_metrics_expose_latency_job_stages_and_queue_depth(service: Service, front: Rendered) -> None:
    filled(service, "alice", front)  # a job runs, so its stages are timed
    service.client.get("/api/items")
    text = service.client.get("/metrics").text
    assert 'prereview_http_request_seconds_count{method="GET",route="/api/items"' in text
    assert 'prereview_queue_depth{status="queued"}' in text
    assert "prereview_job_stage_seconds_bucket" in text and 'stage="ocr"' in text


def test_openapi_has_stable_operation_ids(service: Service) -> None:
    spec = service.client.get("/openapi.json").json()
    ids = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    assert {
        "create_application",
        "upload_material",
        "get_application",
        "submit_application",
        "get_staff_queue",
        "decide_application",
        "correct_material",
        "list_audit_events",
        "list_items",
        "get_health",
    } <= ids
    assert service.client.get("/docs").status_code == 200
