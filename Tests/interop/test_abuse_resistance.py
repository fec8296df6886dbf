"""Abuse resistance (issue 7), from the outside: the proof of work for bulk filing, solved by a
client written from Docs/abuse-resistance.md alone; the global caps; the per-locator back-off on
status checks, which slows a guesser down and never refuses the reporter.

Nothing here is keyed on addresses: every request comes from 127.0.0.1 anyway, and the tests
show the behaviour follows the token's locator, not the connection.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import safeintake_py as si

COMPLAINT = {"language": "en", "fields": {"employer_name": "Bulk Test Pte"}, "narrative": "No rest day for a year."}
POW_HEADER = "X-SafeIntake-Proof-Of-Work"


def solve(challenge: str, difficulty: int) -> str:
    """Docs/abuse-resistance.md: find a nonce with SHA-256(challenge ":" nonce) < 2^(256 - difficulty)."""
    prefix = (challenge + ":").encode("ascii")
    target = 1 << (256 - difficulty)
    n = 0
    while int.from_bytes(hashlib.sha256(prefix + str(n).encode("ascii")).digest(), "big") >= target:
        n += 1
    return f"{challenge}:{n}"


def file_complaint(d, headers=None):
    return si.http("POST", d.url + "/v1/complaints", json.dumps(COMPLAINT).encode(),
                   {"Content-Type": "application/json", **(headers or {})})


def test_ordinary_filing_needs_no_proof_of_work(daemon):
    """The contract's POST /v1/complaints answers 201 to ordinary use, with the default settings."""
    for _ in range(20):
        r = file_complaint(daemon)
        assert r.status == 201, r.body


def test_above_the_threshold_a_proof_of_work_is_demanded_and_accepted_once(daemon_factory):
    d = daemon_factory(["--pow-threshold", "3", "--pow-bits", "12"])
    for _ in range(3):
        assert file_complaint(d).status == 201
    r = file_complaint(d)
    assert r.status == 429, r.body
    body = r.json()
    assert body["error"] == "proof_of_work_required" and body["message"]
    assert body["difficulty"] >= 12
    raw = base64.b64decode(body["challenge"], validate=True)
    assert len(raw) == 42 and raw[0] == 1 and raw[1] == body["difficulty"]  # version, difficulty
    assert abs(int.from_bytes(raw[2:10], "big") - time.time()) < 400       # expires in minutes

    solution = solve(body["challenge"], body["difficulty"])
    accepted = file_complaint(d, {POW_HEADER: solution})
    assert accepted.status == 201, accepted.body
    assert re.fullmatch(r"\d{4}(-\d{4}){4,}", accepted.json()["token"])
    again = file_complaint(d, {POW_HEADER: solution})  # single use
    assert again.status == 429 and again.json()["error"] == "proof_of_work_required"
    # a solution to a challenge this daemon did not issue, or with too little work, is refused
    forged = base64.b64encode(raw[:-1] + bytes([raw[-1] ^ 1])).decode()
    assert file_complaint(d, {POW_HEADER: solve(forged, body["difficulty"])}).status == 429
    fresh = file_complaint(d).json()
    weak = next(f"{fresh['challenge']}:{n}" for n in range(10**6)
                if hashlib.sha256(f"{fresh['challenge']}:{n}".encode()).digest()[0] != 0)
    assert file_complaint(d, {POW_HEADER: weak}).status == 429
    assert file_complaint(d, {POW_HEADER: "garbage"}).status == 429  # no proof at all


def test_the_global_intake_cap_answers_429_with_retry_after(daemon_factory):
    d = daemon_factory(["--intake-rate", "0.5"])  # bursts of 1
    assert file_complaint(d).status == 201
    r = file_complaint(d)
    assert r.status == 429, r.body
    assert r.json()["error"] == "rate_limited"
    assert int(r.headers["retry-after"]) >= 1


def test_caps_below_one_a_second_admit_one_at_a_time(daemon_factory):
    """`--intake-rate 0.3` once made a bucket with a burst of 0.6: never a whole request. The burst
    is at least one now, for every cap, the agency challenge cap included."""
    d = daemon_factory(["--intake-rate", "0.3", "--status-rate", "0.3", "--challenge-rate", "0.3"])
    assert file_complaint(d).status == 201
    r = file_complaint(d)
    assert r.status == 429 and int(r.headers["retry-after"]) >= 1, r.body
    assert si.post_json(d.url + "/v1/status", {"token": "0000-0000-0000-0000-0000-0000"}).status == 404
    assert si.post_json(d.url + "/v1/status", {"token": "0000-0000-0000-0000-0000-0000"}).status == 429
    key = {"key_id": "0" * 32}
    assert si.post_json(d.url + "/v1/agency/challenge", key).status == 200
    r = si.post_json(d.url + "/v1/agency/challenge", key)
    assert r.status == 429 and r.json()["error"] == "rate_limited" and r.json()["message"], r.body
    assert int(r.headers["retry-after"]) >= 1


def check(d, token: str, timeout: float = 60):
    start = time.monotonic()
    r = si.post_json(d.url + "/v1/status", {"token": token}, timeout=timeout)
    return r, time.monotonic() - start


def test_guessing_one_locator_slows_down_but_the_real_reporter_always_gets_through(daemon):
    token = file_complaint(daemon).json()["token"]
    locator = token[:9]  # "DDDD-DDDD-"
    guesses = [locator + "0000-0000-0000-000" + str(i) for i in range(7)]
    timings = []
    for guess in guesses:
        r, took = check(daemon, guess)
        assert r.status == 404, r.body
        timings.append(took)
    # five free attempts, then 1 s, then 2 s
    assert max(timings[:5]) < 0.9, timings
    assert 0.9 <= timings[5] < 3.5 and 1.9 <= timings[6] < 5, timings
    # another locator is not slowed by it
    _, other = check(daemon, "9999-0000-1111-2222-3333-4444")
    assert other < 0.9, other
    # the reporter with the real token waits (4 s now) but is answered, never refused
    r, took = check(daemon, token)
    assert r.status == 200, r.body
    assert 3.5 <= took < 8, took


def test_parallel_guessing_is_bounded_by_the_global_status_cap(daemon_factory):
    d = daemon_factory(["--status-rate", "2"])  # bursts of 4
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda i: si.post_json(d.url + "/v1/status",
                                                        {"token": f"{i:04d}-1111-2222-3333-4444-5555"}).status, range(8)))
    assert statuses.count(404) <= 5 and statuses.count(429) >= 3, statuses
