"""Two intake daemons on one PostgreSQL database, as behind a load balancer (issue 8).

Both get the same secrets folder (copied, as Docs/operations.md tells operators to do). Reporters
file and check status through either; a token spent on one is spent on the other; the audit log has
one history, which `audit verify` accepts through both, and once idle both serve the very same
signed checkpoint. A daemon with other secrets is refused at start.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

import pg_support
import safeintake_py as si
from safeintake_py import run_cli
from test_acceptance import COMPLAINT, get_entries, mth, verify_checkpoint

COMPLAINTS = 24


@pytest.fixture
def backend():
    """These tests are about PostgreSQL only (overrides conftest's two-backend parameter)."""
    pg_support.require()
    return "postgres"


@pytest.fixture
def pair(daemon_factory):
    database = pg_support.create_database()
    first = daemon_factory(database=database)
    second = daemon_factory(database=database, secrets_from=first, database_in_args=True)
    return first, second


def _file(d, i: int) -> str:
    complaint = dict(COMPLAINT, fields=dict(COMPLAINT["fields"], employer_name=f"Employer {i}"))
    r = si.post_json(d.url + "/v1/complaints", complaint)
    assert r.status == 201, (d.url, r.status, r.body)
    return r.json()["token"]


def _status(d, token: str):
    return si.post_json(d.url + "/v1/status", {"token": token})


def test_concurrent_filing_and_status_checks_through_both(pair):
    first, second = pair
    daemons = [first, second]
    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = list(pool.map(lambda i: (i, _file(daemons[i % 2], i)), range(COMPLAINTS)))
        # each token is checked through the daemon that did NOT issue it
        answers = list(pool.map(lambda it: _status(daemons[(it[0] + 1) % 2], it[1]), tokens))
    assert [a.status for a in answers] == [200] * COMPLAINTS, [a.body for a in answers if a.status != 200]
    assert all(a.json()["status"] == "received" for a in answers)

    # every case is visible to inspector-1 through either daemon, with the keys the first daemon made
    for d in daemons:
        r = run_cli(["inspector", "cases", "--server", d.url, "--key", first.key("inspector-1")])
        assert r.returncode == 0, r.stderr
        assert len([line for line in r.stdout.splitlines() if line.strip()]) == COMPLAINTS
    case_id = json.loads(r.stdout.splitlines()[0])["case"]
    shown = run_cli(["inspector", "show", case_id, "--server", second.url, "--key", first.key("inspector-1")])
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    assert view["fields"]["employer_name"].startswith("Employer ")
    assert "visa_status" not in view["fields"] and "visa" not in view["narrative"].lower()


def test_a_token_spent_on_one_is_spent_on_the_other(pair):
    first, second = pair
    token = _file(first, 0)
    r = _status(second, token)
    assert r.status == 200, r.body
    unknown = _status(first, "1111-2222-3333-4444-5555-6666")
    spent_on_first = _status(first, token)
    spent_on_second = _status(second, token)
    assert spent_on_first.status == spent_on_second.status == 404
    assert spent_on_first.body == spent_on_second.body == unknown.body
    assert _status(first, r.json()["next_token"]).status == 200


def test_one_token_raced_through_both_daemons_works_once(pair):
    first, second = pair
    token = _file(first, 0)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda i: _status([first, second][i % 2], token), range(8)))
    assert sorted(a.status for a in answers) == [200] + [404] * 7


def test_one_history_verified_through_both_and_one_checkpoint_once_idle(pair, tmp_path):
    first, second = pair
    daemons = [first, second]
    assert si.http("GET", first.url + "/v1/audit/log-key").body == si.http("GET", second.url + "/v1/audit/log-key").body
    state = tmp_path / "auditor.json"
    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = list(pool.map(lambda i: _file(daemons[i % 2], i), range(COMPLAINTS)))
        checks = list(pool.map(lambda it: _status(daemons[it[0] % 2], it[1]), enumerate(tokens)))
    assert [c.status for c in checks] == [200] * COMPLAINTS
    for d in (first, second, first):  # the auditor alternates; the pinned state must stay consistent
        result = run_cli(["audit", "verify", "--server", d.url, "--state", state])
        assert result.returncode == 0, result.stdout + result.stderr
        _file(d, 99)

    checkpoints = [si.http("GET", d.url + "/v1/audit/checkpoint").body for d in daemons]
    assert checkpoints[0] == checkpoints[1], "two daemons signed different checkpoints of one idle log"
    key = si.http("GET", first.url + "/v1/audit/log-key").body.decode()
    _, size, root = verify_checkpoint(checkpoints[0].decode(), key)
    # 3 key registrations, ONE policy_changed although two daemons started, accepted + 2 wraps
    # per complaint, a spend per status check
    assert size == 3 + 1 + 3 * (COMPLAINTS + 3) + COMPLAINTS
    types = [json.loads(e)["type"] for e in get_entries(first, size)]
    assert types.count("policy_changed") == 1
    assert mth(get_entries(first, size)) == root
    assert get_entries(second, size) == get_entries(first, size)


def test_a_daemon_with_other_secrets_is_refused(pair, daemon_factory):
    first, _ = pair
    with pytest.raises(AssertionError) as refused:
        daemon_factory(database=first.database)  # empty folder: fresh secrets, not the deployment's
    assert re.search(r"secrets_mismatch.*secrets folder", str(refused.value), re.S), str(refused.value)
