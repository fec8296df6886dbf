#!/usr/bin/env python3
"""Timing of POST /v1/status by outcome: valid, spent, unknown, malformed and duress checks.

Starts a daemon (release build by default; the default Argon2id cost unless told otherwise) on a
fresh data folder, files complaints, then sends the five kinds of check in a random interleaved
order over one keep-alive connection, one at a time, and prints the latency distribution of each
kind, the body sizes, and the two-sample Kolmogorov–Smirnov distance of each kind against the
valid checks. Results go to Docs/benchmarks.md. Not part of the test suite (it takes minutes).

    python3 Benchmarks/status_timing.py [--samples 200] [--binary .build/release/safeintake] [-- serve options]
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start(binary: Path, folder: Path, extra: list[str]) -> tuple[subprocess.Popen, int]:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(binary), "serve", "--data", str(folder / "data"), "--port", str(port),
                             "--pow-threshold", "0", "--intake-rate", "1e6", "--status-rate", "1e6", "--challenge-rate", "1e6",
                             "--locator-free-checks", "1000000", *extra],
                            stdout=subprocess.DEVNULL, stderr=open(folder / "stderr", "wb"))
    for _ in range(300):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    raise SystemExit("daemon did not start")


def post(conn: http.client.HTTPConnection, path: str, body: dict) -> tuple[int, bytes, float]:
    data = json.dumps(body).encode()
    t = time.perf_counter()
    conn.request("POST", path, body=data, headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    payload = r.read()
    return r.status, payload, (time.perf_counter() - t) * 1000


def ks_distance(a: list[float], b: list[float]) -> float:
    a, b = sorted(a), sorted(b)
    i = j = 0
    d = 0.0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            i += 1
        else:
            j += 1
        d = max(d, abs(i / len(a) - j / len(b)))
    return d


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=200, help="checks of each kind")
    ap.add_argument("--binary", default=str(ROOT / ".build" / "release" / "safeintake"))
    ap.add_argument("serve", nargs="*", help="extra serve options, e.g. --argon2-ops 1 --argon2-mem-kib 8")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="safeintake-timing-"))
    proc, port = start(Path(args.binary), folder, args.serve)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        n = args.samples
        complaint = {"language": "en", "fields": {"employer_name": "Timing Ltd"}, "narrative": "Unpaid.",
                     "duress_code": "246801"}
        tokens = [json.loads(post(conn, "/v1/complaints", complaint)[1])["token"] for _ in range(2 * n)]
        # half the tokens are checked once beforehand, so they are spent; their next token is live
        spent, live = [], []
        for t in tokens[:n]:
            s, body, _ = post(conn, "/v1/status", {"token": t})
            assert s == 200
            spent.append(t)
            live.append(json.loads(body)["next_token"])
        duress_targets = tokens[n:]
        rng = random.Random(7)
        plan = ([("valid", t) for t in live] + [("spent", t) for t in spent]
                + [("unknown", "-".join(f"{rng.randrange(10**4):04d}" for _ in range(6))) for _ in range(n)]
                + [("malformed", "1234-5678-not-a-token") for _ in range(n)]
                + [("duress", t[:10] + "246801") for t in duress_targets])
        rng.shuffle(plan)
        results: dict[str, list[float]] = {k: [] for k in ("valid", "spent", "unknown", "malformed", "duress")}
        sizes: dict[str, set] = {k: set() for k in results}
        statuses: dict[str, set] = {k: set() for k in results}
        for kind, token in plan:
            status, body, ms = post(conn, "/v1/status", {"token": token})
            results[kind].append(ms)
            sizes[kind].add(len(body))
            statuses[kind].add(status)
        print(f"{n} checks of each kind, interleaved at random, one at a time, keep-alive; serve {' '.join(args.serve) or '(default Argon2id)'}")
        print(f"{'kind':10} {'status':>7} {'bytes':>6} {'p10':>8} {'p50':>8} {'p90':>8} {'p99':>8} {'mean':>8}  KS vs valid")
        for kind, xs in results.items():
            xs.sort()
            q = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))]
            print(f"{kind:10} {','.join(map(str, sorted(statuses[kind]))):>7} {','.join(map(str, sorted(sizes[kind]))):>6} "
                  f"{q(.1):8.2f} {q(.5):8.2f} {q(.9):8.2f} {q(.99):8.2f} {statistics.mean(xs):8.2f}  "
                  f"{ks_distance(xs, results['valid']):.3f}")
        crit = 1.36 * (2 / n) ** 0.5
        print(f"(KS distance above {crit:.3f} would reject 'same distribution' at the 5% level for {n} samples each)")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
