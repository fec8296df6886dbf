"""Uniformity of status checks (issue 7): valid, spent, unknown, malformed and duress checks answer
with bodies of one size and at indistinguishable times.

Sizes are exact: every answer is padded to one block. Times are statistical: the daemon holds every
answer until the time a successful check usually takes (ReporterGuards.StatusTiming). The check here is
built to pass on a loaded 2-core machine and to fail if the hold is lost: without it a refused check
at the minimum Argon2id cost answers in well under half the time of a valid one, and the
Kolmogorov–Smirnov distance between the two is close to 1; with it, it stays small. The full
distributions, at the default cost on a release build, are in Docs/benchmarks.md
(Benchmarks/status_timing.py).
"""

from __future__ import annotations

import http.client
import json
import random
import re
import statistics
import time

SAMPLES = 60
UNLIMITED = ["--pow-threshold", "0", "--intake-rate", "1000000", "--status-rate", "1000000", "--challenge-rate", "1000000",
             "--audit-rate", "1000000", "--audit-concurrency", "8",
             "--locator-free-checks", "1000000"]


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


def test_status_answers_have_one_size_and_indistinguishable_timing(daemon_factory):
    d = daemon_factory(UNLIMITED)
    conn = http.client.HTTPConnection("127.0.0.1", d.port, timeout=30)

    def post(path, body):
        start = time.perf_counter()
        conn.request("POST", path, body=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        payload = r.read()
        return r.status, payload, (time.perf_counter() - start) * 1000

    complaint = {"language": "en", "narrative": "Unpaid for two months.", "duress_code": "975310"}
    tokens = [json.loads(post("/v1/complaints", complaint)[1])["token"] for _ in range(2 * SAMPLES)]
    spent, live = [], []
    for t in tokens[:SAMPLES]:
        status, body, _ = post("/v1/status", {"token": t})
        assert status == 200
        spent.append(t)
        live.append(json.loads(body)["next_token"])
    rng = random.Random(11)
    plan = ([("valid", t) for t in live] + [("spent", t) for t in spent]
            + [("unknown", "-".join(f"{rng.randrange(10**4):04d}" for _ in range(6))) for _ in range(SAMPLES)]
            + [("malformed", "not-a-token") for _ in range(SAMPLES)]
            + [("duress", t[:10] + "975310") for t in tokens[SAMPLES:]])
    rng.shuffle(plan)
    times: dict[str, list[float]] = {}
    bodies: dict[str, set[int]] = {}
    statuses: dict[str, set[int]] = {}
    for kind, token in plan:
        status, body, ms = post("/v1/status", {"token": token})
        times.setdefault(kind, []).append(ms)
        bodies.setdefault(kind, set()).add(len(body))
        statuses.setdefault(kind, set()).add(status)
        json.loads(body)  # padded, still one JSON document

    assert statuses == {"valid": {200}, "duress": {200}, "spent": {404}, "unknown": {404}, "malformed": {404}}, statuses
    assert set().union(*bodies.values()) == {8192}, bodies
    valid_median = statistics.median(times["valid"])
    report = {k: (round(statistics.median(v), 2), round(ks_distance(v, times["valid"]), 3)) for k, v in times.items()}
    print("median ms and KS distance to valid:", report)
    for kind in ("spent", "unknown", "malformed", "duress"):
        median, distance = report[kind]
        assert distance < 0.5, report
        assert abs(median - valid_median) < max(2.0, 0.25 * valid_median), report


def test_first_checks_after_a_start_are_held_to_the_calibrated_floor(daemon_factory):
    """Right after a start no successful check has been timed yet; the daemon measures its own
    Argon2id cost at start and holds every answer at least that long (floor.ms in its log), so
    the first malformed or unknown checks are not answered faster than a valid one would be."""
    d = daemon_factory(UNLIMITED)
    found = re.search(r"floor\.ms=(\d+)", d.stderr_text())
    assert found, d.stderr_text()
    floor_ms = int(found.group(1))
    assert floor_ms >= 25
    conn = http.client.HTTPConnection("127.0.0.1", d.port, timeout=30)
    for token in ["not a token", "0000-0000-0000-0000-0000-0000"]:
        start = time.perf_counter()
        conn.request("POST", "/v1/status", body=json.dumps({"token": token}).encode(),
                     headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        elapsed_ms = (time.perf_counter() - start) * 1000
        assert r.status == 404
        assert elapsed_ms >= floor_ms * 0.95, (token, elapsed_ms, floor_ms)
