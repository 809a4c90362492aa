"""Micro-benchmark of the rules layer: one application whose fields are already extracted.

``bench_rules(n)`` reviews a complete 个体工商户设立登记 by an agent (form, operator and agent ID cards,
lease, power of attorney: nine points with CEL rules, cross-material checks and slot matching) ``n``
times and reports the median and 95th percentile of wall time and the mean CPU time per review, in
milliseconds. Target: median < 5 ms.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path
from typing import Any

from prereview.document import Field, Mark
from prereview.review.engine import review
from prereview.review.loader import load_item
from prereview.review.materials import MaterialResult

ITEM_FILE = Path(__file__).resolve().parents[2] / "review_points" / "individual_business_registration.yaml"


def _fields(**values: Any) -> dict[str, Field]:
    return {
        k: Field(v, 0.97, 0, (10.0, 10.0 + 30 * i, 300.0, 30.0 + 30 * i))
        for i, (k, v) in enumerate(values.items())
    }


def sample_application() -> list[MaterialResult]:
    """Typed extraction results of a complete, valid application by an agent."""
    operator, agent = ("张三", "110105199003152338"), ("李四", "110105199207200629")
    signature = [Mark(0, (400.0, 900.0, 560.0, 960.0))]
    return [
        MaterialResult(
            "form.pdf",
            "application_form",
            0.96,
            _fields(
                applicant_name=operator[0],
                applicant_id_number=operator[1],
                phone="13812345678",
                business_scope="餐饮服务",
                business_address="北京市朝阳区建国路88号1层101室",
                business_name="北京朝阳张三小吃店",
                signed=True,
                sign_date="2026-01-05",
            ),
            signatures=signature,
        ),
        MaterialResult(
            "operator_front.jpg",
            "id_card_front",
            0.99,
            _fields(name=operator[0], sex="男", birth_date="1990-03-15", id_number=operator[1]),
        ),
        MaterialResult(
            "operator_back.jpg",
            "id_card_back",
            0.99,
            _fields(issuing_authority="北京市公安局朝阳分局", valid_from="2016-05-01", valid_to="2036-05-01"),
        ),
        MaterialResult(
            "lease.pdf",
            "lease_contract",
            0.94,
            _fields(
                lessor="北京某物业有限公司",
                lessee=operator[0],
                property_address="北京市朝阳区建国路88号1层101室",
                lease_start="2025-01-01",
                lease_end="2028-12-31",
                signed=True,
            ),
        ),
        MaterialResult(
            "poa.jpg",
            "power_of_attorney",
            0.95,
            _fields(
                principal_name=operator[0],
                principal_id_number=operator[1],
                agent_name=agent[0],
                agent_id_number=agent[1],
                matters="代为办理个体工商户设立登记",
                signed=True,
                sign_date="2026-01-04",
            ),
            signatures=signature,
        ),
        MaterialResult(
            "agent_front.jpg",
            "id_card_front",
            0.99,
            _fields(name=agent[0], sex="女", birth_date="1992-07-20", id_number=agent[1]),
        ),
        MaterialResult(
            "agent_back.jpg",
            "id_card_back",
            0.99,
            _fields(issuing_authority="北京市公安局海淀分局", valid_from="2018-01-01", valid_to="2038-01-01"),
        ),
    ]


def bench_rules(n: int = 200) -> dict[str, Any]:
    """Median and p95 milliseconds per ``review`` of the sample application (item loaded once)."""
    item = load_item(ITEM_FILE)
    materials = sample_application()
    answers = {"by_agent": "true"}
    day = dt.date(2026, 1, 10)
    verdict = review(item, answers, materials, day)  # warm-up, and the result to report
    times = []
    cpu_start = time.process_time()
    for _ in range(max(1, n)):
        start = time.perf_counter()
        review(item, answers, materials, day)
        times.append((time.perf_counter() - start) * 1000)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / len(times)
    times.sort()
    return {
        "n": len(times),
        "median_ms": round(statistics.median(times), 3),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 3),
        "cpu_ms_per_review": round(cpu_ms, 3),  # CPU time: steadier than wall time on a shared machine
        "verdict": verdict.verdict,
        "points": len(verdict.points),
    }


if __name__ == "__main__":  # pragma: no cover
    print(bench_rules())
