"""Issue 18 #4 from the outside: a worker who lost her number gets a new one through her
caseworker's organisation. A supervisor reissues it; every earlier number stops working; the new
one reads the case and the messages sent after it; an inspector cannot reissue; a case under
duress is refused; the log records who reissued, never the number.
"""

from __future__ import annotations

import json

from safeintake_py import run_cli
from test_acceptance import cli_cases, file_complaint
from test_case_workflow import check_status, inspector
from test_case_export import log_entries
import safeintake_py as si


def reissue(d, key: str, case_id: str):
    return run_cli(["inspector", "reissue-number", case_id, "--server", d.url, "--key", d.key(key)])


def test_a_supervisor_reissues_her_number_and_the_old_ones_stop(daemon):
    token = file_complaint(daemon)
    case_id = cli_cases(daemon, "supervisor")[0]["case"]
    inspector(daemon, "inspector-1", "reply", case_id, "Before: we received your complaint.")
    kept = check_status(daemon, token)["next_token"]

    refused = reissue(daemon, "inspector-1", case_id)
    assert refused.returncode != 0 and "only a supervisor" in refused.stderr

    r = reissue(daemon, "supervisor", case_id)
    assert r.returncode == 0, r.stderr
    new = json.loads(r.stdout)["token"]
    assert new != kept
    assert si.post_json(daemon.url + "/v1/status", {"token": kept}).status == 404, "the number she had stops working"

    inspector(daemon, "inspector-1", "reply", case_id, "After: can you come on Monday?")
    answer = check_status(daemon, new)
    assert answer["status"] == "received"
    texts = [m["text"] for m in answer["messages"]]
    assert texts == ["After: can you come on Monday?"], "only messages sealed to her new key open"

    entries = [e for e in log_entries(daemon) if e["type"] == "token_reissued"]
    assert len(entries) == 1 and entries[0]["case"] == case_id and "hour" in entries[0]
    assert new.replace("-", "") not in json.dumps(log_entries(daemon))


def test_no_reissue_under_duress(daemon):
    body = {"language": "en", "narrative": "My employer keeps me locked in and has not paid me.", "duress_code": "246810"}
    token = si.post_json(daemon.url + "/v1/complaints", body).json()["token"]
    case_id = cli_cases(daemon, "supervisor")[0]["case"]
    groups = token.split("-")
    assert si.post_json(daemon.url + "/v1/status", {"token": "-".join(groups[:2]) + "-246810"}).status == 200
    r = reissue(daemon, "supervisor", case_id)
    assert r.returncode != 0 and "duress" in r.stderr.lower(), r.stderr
