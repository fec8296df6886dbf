#!/usr/bin/env python3
"""Intake and status-check throughput through one daemon and through two daemons on one
PostgreSQL database, with SQLite as the reference (issue 8; figures in Docs/benchmarks.md).

    swift build -c release --product safeintake
    scripts/with-postgres python3 Benchmarks/two_daemons.py --binary .build/release/safeintake

Every configuration starts fresh daemons (and a fresh database), sends a few warm-up requests,
then REQUESTS complaints from CLIENTS concurrent keep-alive clients spread evenly over the daemons,
then one status check per token through the daemon that did not issue it (when there are two).
Only loopback traffic, bounded in count; the daemons are stopped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "interop"))
import pg_support  # noqa: E402
from conftest import Daemon  # noqa: E402

BODY = json.dumps({
    "language": "en",
    "fields": {"employer_name": "Mrs. Lim", "wage_monthly": "450 SGD", "visa_status": "overstayed"},
    "narrative": "My employer pays me 450 dollars a month and I work 18 hours a day with no rest day. "
                 "My work permit expired in March.",
}).encode()


def post(conn: http.client.HTTPConnection, path: str, body: bytes) -> tuple[int, bytes]:
    conn.request("POST", path, body, {"Content-Type": "application/json"})
    r = conn.getresponse()
    return r.status, r.read()


def load(daemons: list[Daemon], bodies: list[tuple[int, bytes]], path: str, clients: int):
    """Sends each (daemon index, body) from `clients` threads; returns (seconds, latencies, answers)."""
    latencies: list[float] = [0.0] * len(bodies)
    answers: list[tuple[int, bytes]] = [(0, b"")] * len(bodies)
    next_index = iter(range(len(bodies)))
    lock = threading.Lock()

    def worker():
        conns = [http.client.HTTPConnection("127.0.0.1", d.port, timeout=60) for d in daemons]
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                break
            which, body = bodies[i]
            start = time.perf_counter()
            answers[i] = post(conns[which], path, body)
            latencies[i] = time.perf_counter() - start
        for c in conns:
            c.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, latencies, answers


def measure(binary: Path, backend: str, count: int, cost: list[str], requests: int, clients: int) -> dict:
    workdirs, daemons = [], []
    database = pg_support.create_database() if backend == "postgres" else None
    try:
        for i in range(count):
            workdir = Path(tempfile.mkdtemp(prefix="safeintake-bench-"))
            workdirs.append(workdir)
            d = Daemon(binary, workdir, database)
            if i > 0:
                shutil.copytree(daemons[0].data / "secrets", d.data / "secrets")
            d.start(cost)
            daemons.append(d)
        n = len(daemons)
        load(daemons, [(i % n, BODY) for i in range(4 * n)], "/v1/complaints", n)  # warm-up
        seconds, filing, answers = load(daemons, [(i % n, BODY) for i in range(requests)], "/v1/complaints", clients)
        assert all(status == 201 for status, _ in answers), {status for status, _ in answers}
        checks = [((i + 1) % n, json.dumps({"token": json.loads(body)["token"]}).encode())
                  for i, (_, body) in enumerate(answers)]
        check_seconds, checking, check_answers = load(daemons, checks, "/v1/status", clients)
        assert all(status == 200 for status, _ in check_answers), {status for status, _ in check_answers}
        return {"intake_per_s": requests / seconds, "intake_p50": pct(filing, 0.5), "intake_p99": pct(filing, 0.99),
                "status_per_s": requests / check_seconds, "status_p50": pct(checking, 0.5), "status_p99": pct(checking, 0.99)}
    finally:
        for d in daemons:
            d.stop()
        for w in workdirs:
            shutil.rmtree(w, ignore_errors=True)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, default=Path(".build/release/safeintake"))
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    if not pg_support.URL:
        sys.exit("run through scripts/with-postgres (SAFEINTAKE_TEST_POSTGRES_URL is not set)")
    # The per-daemon rate caps and proof of work are off: this measures capacity, not the guard.
    unlimited = ["--pow-threshold", "0", "--intake-rate", "100000", "--status-rate", "100000", "--challenge-rate", "100000"]
    costs = {"default (2 passes, 19 MiB)": ["--argon2-ops", "2", "--argon2-mem-kib", str(19 * 1024), *unlimited],
             "minimum (1 pass, 8 KiB)": ["--argon2-ops", "1", "--argon2-mem-kib", "8", *unlimited]}
    print(f"{args.requests} complaints then {args.requests} status checks, {args.clients} concurrent keep-alive clients")
    print("| Argon2id cost | store | daemons | intake/s | intake p50 / p99 ms | status checks/s | status p50 / p99 ms |")
    print("|---|---|---|---|---|---|---|")
    for cost_name, cost in costs.items():
        for backend, count in (("sqlite", 1), ("postgres", 1), ("postgres", 2)):
            r = measure(args.binary, backend, count, cost, args.requests, args.clients)
            print(f"| {cost_name} | {backend} | {count} | {r['intake_per_s']:.0f} | {r['intake_p50']:.1f} / {r['intake_p99']:.1f} "
                  f"| {r['status_per_s']:.0f} | {r['status_p50']:.1f} / {r['status_p99']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
