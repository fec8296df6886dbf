"""Two daemons on one PostgreSQL database behind a real HAProxy, round robin (issue 22 #8).

The guards' state is shared through the database: the daemons together admit the configured caps,
not twice them; an agency challenge fetched through one daemon is accepted, once, by the other; a
spent proof of work cannot be spent again at the other; the per-locator back-off counts checks made
through both; and the guard tables hold no locator, token or time of a check in clear.

HAProxy (Debian package `haproxy`, installed by `scripts/install-deps --for-tests`) runs in the
foreground on a free port with its config in the test's temporary folder, adds which daemon
answered (`X-Served-By`), and is killed when the test ends, failed or not.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import pg_support
import safeintake_py as si
from safeintake_py import run_cli
from test_abuse_resistance import COMPLAINT, POW_HEADER, file_complaint, solve
from test_pynacl_interop import load_dev_key

STATUS_RATE = 5  # bursts of 10
GUARD_TABLES = ["guard_buckets", "guard_intake_minutes", "guard_spent_proofs", "guard_locator_checks", "agency_challenges"]


@pytest.fixture
def backend():
    """PostgreSQL only (overrides conftest's two-backend parameter)."""
    pg_support.require()
    return "postgres"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Balancer:
    def __init__(self, proc: subprocess.Popen, port: int):
        self.proc = proc
        self.port = port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def haproxy(tmp_path):
    """Starts HAProxy round robin in front of the daemons given to the returned function."""
    binary = shutil.which("haproxy") or ("/usr/sbin/haproxy" if os.path.exists("/usr/sbin/haproxy") else None)
    if not binary:
        pytest.fail("haproxy not found: run scripts/install-deps --for-tests (Debian package haproxy)")
    started: list[subprocess.Popen] = []
    logs = []

    def start(daemons) -> Balancer:
        port = _free_port()
        servers = "\n".join(f"    server d{i} 127.0.0.1:{d.port}" for i, d in enumerate(daemons, 1))
        config = tmp_path / "haproxy.cfg"
        config.write_text(f"""global
    maxconn 512
defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 120s
frontend reporters
    bind 127.0.0.1:{port}
    default_backend daemons
backend daemons
    balance roundrobin
    http-response set-header X-Served-By %s
{servers}
""")
        checked = subprocess.run([binary, "-c", "-f", str(config)], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        log = open(tmp_path / "haproxy.log", "wb")
        logs.append(log)
        proc = subprocess.Popen([binary, "-db", "-f", str(config)], stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        started.append(proc)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            assert proc.poll() is None, (tmp_path / "haproxy.log").read_text(errors="replace")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return Balancer(proc, port)
            except OSError:
                time.sleep(0.1)
        raise AssertionError("haproxy did not listen within 15 s")

    try:
        yield start
    finally:
        for proc in started:
            if proc.poll() is None:
                proc.kill()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        for log in logs:
            log.close()


@pytest.fixture
def pair(daemon_factory):
    """Two daemons on one database, the second with the first's secrets (Docs/operations.md)."""
    database = pg_support.create_database()
    args = ["--status-rate", str(STATUS_RATE), "--pow-threshold", "3", "--pow-bits", "8", "--locator-free-checks", "2"]
    first = daemon_factory(args, database=database)
    second = daemon_factory(args, database=database, secrets_from=first)
    return first, second


def test_the_status_cap_holds_for_both_daemons_together(pair, haproxy):
    balancer = haproxy(pair)
    # Unknown tokens with distinct locators: no back-off, only the global cap decides.
    tokens = [f"{i:04d}-{i:04d}-0000-0000-0000-0000" for i in range(1000, 1040)]
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(lambda t: si.post_json(balancer.url + "/v1/status", {"token": t}), tokens))
    elapsed = time.monotonic() - start
    statuses = [a.status for a in answers]
    assert set(statuses) <= {404, 429}, statuses
    served = {a.headers.get("x-served-by") for a in answers}
    assert served == {"d1", "d2"}, served  # the balancer really spread them over both
    admitted = statuses.count(404)
    burst = 2 * STATUS_RATE
    # One budget for both: the burst plus what refilled meanwhile (each daemon alone would give
    # that much again: 2 × (10 + 5 × elapsed)).
    assert burst <= admitted <= burst + STATUS_RATE * elapsed + 1, \
        f"{admitted} admitted in {elapsed:.2f} s: the daemons are counting separately (or not at all)"
    assert all(int(a.headers["retry-after"]) >= 1 for a in answers if a.status == 429)


def test_an_agency_challenge_from_one_daemon_works_once_at_the_other(pair, haproxy):
    first, second = pair
    key = load_dev_key(first, "inspector-1")
    challenge = si.post_json(first.url + "/v1/agency/challenge", {"key_id": key.key_id})
    assert challenge.status == 200, challenge.body
    value = challenge.json()["challenge"]
    sig = si.b64(key.sign.sign(si.agency_message("GET", "/v1/agency/keys", value, b"")).signature)
    headers = {"X-SafeIntake-Key": key.key_id, "X-SafeIntake-Challenge": value, "X-SafeIntake-Signature": sig}
    accepted = si.http("GET", second.url + "/v1/agency/keys", None, headers)
    assert accepted.status == 200, accepted.body
    for d in (second, first):  # a replay, at either daemon
        replayed = si.http("GET", d.url + "/v1/agency/keys", None, headers)
        assert replayed.status == 401, (d.url, replayed.status, replayed.body)
    # Behind round robin the inspector client's challenge and its signed request go to different
    # daemons every time: it works as against one daemon.
    balancer = haproxy(pair)
    assert file_complaint(first).status == 201
    listed = run_cli(["inspector", "cases", "--server", balancer.url, "--key", first.key("inspector-1")])
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert len([line for line in listed.stdout.splitlines() if line.strip()]) == 1


def test_a_spent_proof_of_work_cannot_be_spent_again_at_the_other_daemon(pair):
    first, second = pair
    # The threshold (3 a minute) counts complaints filed through both daemons.
    for d in (first, second, first):
        assert file_complaint(d).status == 201
    demanded = file_complaint(second)
    assert demanded.status == 429 and demanded.json()["error"] == "proof_of_work_required", demanded.body
    body = demanded.json()
    proof = solve(body["challenge"], body["difficulty"])
    # issued by the second daemon, accepted by the first (one key for both), once
    accepted = file_complaint(first, {POW_HEADER: proof})
    assert accepted.status == 201, accepted.body
    again = file_complaint(second, {POW_HEADER: proof})
    assert again.status == 429 and again.json()["error"] == "proof_of_work_required", again.body
    assert file_complaint(first, {POW_HEADER: proof}).status == 429


def test_the_locator_back_off_counts_checks_through_both_daemons(pair):
    first, second = pair
    locator = "4711-0815-"
    timings = []
    for i, d in enumerate([first, second, first, second]):
        start = time.monotonic()
        r = si.post_json(d.url + "/v1/status", {"token": f"{locator}0000-0000-0000-000{i}"}, timeout=60)
        timings.append(time.monotonic() - start)
        assert r.status == 404, r.body
    # 2 free checks (--locator-free-checks 2), then 1 s, then 2 s, whichever daemon answers
    assert max(timings[:2]) < 0.9, timings
    assert 0.9 <= timings[2] < 3.5 and 1.9 <= timings[3] < 5, timings
    rows = pg_support.psql("SELECT checks FROM guard_locator_checks", first.database)
    assert rows.split() == ["4"], rows


def test_the_guard_tables_hold_no_locator_token_or_time_in_clear(pair, haproxy):
    first, second = pair
    balancer = haproxy(pair)
    token = si.post_json(balancer.url + "/v1/complaints", COMPLAINT).json()["token"]
    guesses = [token[:10] + f"1111-2222-3333-444{i}" for i in range(3)]
    for typed in guesses:
        assert si.post_json(balancer.url + "/v1/status", {"token": typed}).status == 404
    real = si.post_json(balancer.url + "/v1/status", {"token": token})
    assert real.status == 200, real.body
    next_token = real.json()["next_token"]
    key = load_dev_key(first, "inspector-1")
    challenge = si.post_json(balancer.url + "/v1/agency/challenge", {"key_id": key.key_id}).json()["challenge"]

    dump = {t: pg_support.psql(f"SELECT row_to_json(x)::text FROM {t} x", first.database) for t in GUARD_TABLES}
    assert dump["guard_locator_checks"].count("\n") == 0 and '"checks":3' in dump["guard_locator_checks"], dump
    assert challenge in dump["agency_challenges"]  # the agency's own, not a reporter's
    hexed = pg_support.psql("SELECT encode(digest, 'hex') FROM guard_locator_checks", first.database)
    digits = [t.replace("-", "") for t in [token, next_token, *guesses]]
    needles = set()
    for d in digits:
        locator = int(d[:8])
        needles |= {d, d[:8], d[8:], locator.to_bytes(4, "big").hex(), locator.to_bytes(4, "little").hex()}
    text = json.dumps(dump) + hexed
    for needle in needles:
        assert needle not in text, f"{needle} found in the guard tables"
    # base64 forms of the tokens (as a careless implementation might store bytes) are not there either
    for d in digits:
        assert base64.b64encode(d.encode()).decode()[:16] not in text

    # Within a few seconds of the last request (refill + the 5 s sweep), no bucket keeps its time.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        left = pg_support.psql("SELECT count(*) FROM guard_buckets WHERE refilled_at IS NOT NULL", first.database)
        if left == "0":
            break
        time.sleep(1)
    assert left == "0", pg_support.psql("SELECT row_to_json(x)::text FROM guard_buckets x", first.database)
    tables = pg_support.psql("SELECT relname || ':' || relpersistence::text FROM pg_class WHERE relname IN ("
                             + ", ".join(f"'{t}'" for t in GUARD_TABLES) + ")", first.database).split()
    assert sorted(tables) == sorted(f"{t}:u" for t in GUARD_TABLES), tables
