"""Load benchmark: N applications × M materials uploaded concurrently against a local ``prereview serve``.

    .venv/bin/python bench/load.py [--applications 50] [--materials 3] [--workers 1] [--json]

Starts the service on a free port with a fresh data folder, creates one applicant per application,
renders distinct synthetic materials (so no result comes from the cache), then every application runs in its
own thread: create → upload its materials → poll until the review is there. Reports throughput, p50/p95
time-to-result (first upload → review present), HTTP errors and lost jobs (jobs not ``done`` at the end,
or materials without a finished result).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import cv2
import httpx

TYPES = ("id_card_front", "id_card_back", "household_register")


@dataclass
class Outcome:
    seconds: float | None = None
    errors: list[str] = field(default_factory=list)


def render(material_type: str, seed: int) -> bytes:
    from prereview.synth.content import make_facts
    from prereview.synth.render import render_material

    rng = random.Random(seed)
    facts = make_facts(material_type, rng, as_of=date(2025, 6, 1))
    page = render_material(material_type, facts, rng=rng, layout=f"{material_type}/v1").pages[0].image
    ok, encoded = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    return encoded.tobytes()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_tokens(data_dir: Path, count: int) -> list[str]:
    from prereview.auth import create_user, issue_token
    from prereview.settings import Settings
    from prereview.store.context import open_store

    store = open_store(Settings(data_dir=data_dir))
    try:
        with store.session() as session:
            return [
                issue_token(session, create_user(session, name=f"bench{i}", role="applicant"), ttl_days=1)
                for i in range(count)
            ]
    finally:
        store.close()


def run_application(base: str, token: str, files: list[bytes], item: str, timeout: float) -> Outcome:
    outcome = Outcome()
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        created = client.post("/api/applications", json={"item_id": item, "answers": {}})
        if created.status_code != 201:
            outcome.errors.append(f"create {created.status_code}")
            return outcome
        app_id = created.json()["id"]
        start = time.monotonic()
        for index, data in enumerate(files):
            response = client.post(
                f"/api/applications/{app_id}/materials", files={"file": (f"m{index}.jpg", data, "image/jpeg")}
            )
            if response.status_code != 202:
                outcome.errors.append(f"upload {response.status_code}")
        while time.monotonic() - start < timeout:
            response = client.get(f"/api/applications/{app_id}")
            if response.status_code != 200:
                outcome.errors.append(f"get {response.status_code}")
            elif response.json()["review"] is not None:
                outcome.seconds = time.monotonic() - start
                return outcome
            time.sleep(0.25)
    outcome.errors.append("timeout")
    return outcome


def lost_jobs(data_dir: Path) -> dict[str, int]:
    from sqlalchemy import func, select

    from prereview.settings import Settings
    from prereview.store.context import open_store
    from prereview.store.models import Job, Material

    store = open_store(Settings(data_dir=data_dir))
    try:
        with store.sessions() as session:
            rows = session.execute(select(Job.status, func.count()).group_by(Job.status)).all()
            by_status = {status: int(count) for status, count in rows}
            unfinished = session.scalar(
                select(func.count())
                .select_from(Material)
                .where(Material.status.not_in(("done", "superseded")))
            )
    finally:
        store.close()
    return {
        "jobs_not_done": sum(v for k, v in by_status.items() if k != "done"),
        "materials_unfinished": int(unfinished or 0),
        **{f"jobs_{k}": int(v) for k, v in by_status.items()},
    }


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5), percentile([1.0, 2.0, 3.0, 4.0], 0.95)
    (2.0, 4.0)
    """
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 1))))
    return ordered[rank - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=50)
    parser.add_argument("--materials", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="worker threads of the service")
    parser.add_argument("--item", default="elderly_allowance")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="prereview-bench-"))
    tokens = make_tokens(data_dir, args.applications)
    print(f"rendering {args.applications * args.materials} materials…", file=sys.stderr)
    files = [
        [render(TYPES[m % len(TYPES)], 1000 * a + m) for m in range(args.materials)]
        for a in range(args.applications)
    ]
    port = free_port()
    env = {
        **os.environ,
        "PREREVIEW_DATA_DIR": str(data_dir),
        "PREREVIEW_SERVICE__WORKERS": str(args.workers),
        "PREREVIEW_LOG_LEVEL": "WARNING",
    }
    log = (data_dir / "serve.log").open("ab")
    print(f"service log: {data_dir / 'serve.log'}", file=sys.stderr)
    server = subprocess.Popen(
        [sys.executable, "-m", "prereview", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        outcomes: list[Outcome] = [Outcome() for _ in range(args.applications)]

        def worker(i: int) -> None:
            try:
                outcomes[i] = run_application(base, tokens[i], files[i], args.item, args.timeout)
            except httpx.HTTPError as error:
                outcomes[i] = Outcome(errors=[f"transport {type(error).__name__}"])

        start = time.monotonic()
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.applications)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - start
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    times = [o.seconds for o in outcomes if o.seconds is not None]
    report = {
        "applications": args.applications,
        "materials_per_application": args.materials,
        "workers": args.workers,
        "wall_seconds": round(wall, 1),
        "throughput_materials_per_minute": round(60 * len(times) * args.materials / wall, 1),
        "time_to_result_p50_s": round(statistics.median(times), 1) if times else None,
        "time_to_result_p95_s": round(percentile(times, 0.95), 1) if times else None,
        "completed": len(times),
        "errors": sum(len(o.errors) for o in outcomes),
        "error_kinds": sorted({e for o in outcomes for e in o.errors}),
        **lost_jobs(data_dir),
    }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:34} {value}")
    return 0 if report["errors"] == 0 and report["jobs_not_done"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
