"""Issue 5's round trip through the real CLI and HTTP API: file -> assign -> investigate -> reply ->
the reporter reads and answers -> close, with the audit log verifying at the end. Also the
duress code and a revoked key, from the outside.
"""

from __future__ import annotations

import json
import time

import safeintake_py as si
from safeintake_py import run_cli
from test_acceptance import COMPLAINT, cli_cases, file_complaint, get_entries, scan_blobs

REPLY = "Salamat po. We will visit the estate this week. Which days is the supervisor there?"
ANSWER = "He comes Monday and Thursday. My visa expired but I have my payslips from March."


def inspector(d, key: str, *args: str):
    r = run_cli(["inspector", *args, "--server", d.url, "--key", d.key(key)])
    assert r.returncode == 0, f"inspector {args} failed: {r.stderr}"
    return r.stdout


def inspector_fails(d, key: str, *args: str) -> str:
    r = run_cli(["inspector", *args, "--server", d.url, "--key", d.key(key)])
    assert r.returncode != 0, f"inspector {args} should have failed: {r.stdout}"
    return r.stderr


def check_status(d, token: str, message: str | None = None) -> dict:
    body = {"token": token} if message is None else {"token": token, "message": message}
    r = si.post_json(d.url + "/v1/status", body)
    assert r.status == 200, (r.status, r.body)
    return r.json()


def show_full(d, key: str, case_id: str) -> dict:
    return json.loads(inspector(d, key, "show", case_id, "--full"))


def test_full_round_trip_through_the_cli(daemon, tmp_path):
    token = file_complaint(daemon)
    case_id = cli_cases(daemon, "supervisor")[0]["case"]

    # inspector-2 has nothing until the supervisor assigns the case to them.
    assert cli_cases(daemon, "inspector-2") == []
    assert "not assigned" in inspector_fails(daemon, "inspector-2", "show", case_id)
    inspector(daemon, "supervisor", "assign", case_id, "--to", "inspector-2")
    assert [(c["case"], c["status"]) for c in cli_cases(daemon, "inspector-2")] == [(case_id, "assigned")]

    inspector(daemon, "inspector-2", "status", case_id, "investigating")
    inspector(daemon, "inspector-2", "note", case_id, "Payslips requested from employer")
    inspector(daemon, "inspector-2", "reply", case_id, REPLY, "--request-info")

    # The reporter reads the message with her token and answers.
    answer = check_status(daemon, token, ANSWER)
    assert answer["status"] == "investigating"
    today = time.strftime("%Y-%m-%d", time.gmtime())
    assert answer["messages"] == [{"from": "inspector", "kind": "request_info", "text": REPLY, "day": today, "new": True}]
    assert [a["day"] for a in answer["answers"]] == [today] and "Monday and Thursday" in answer["answers"][0]["text"]
    assert "visa expired" not in answer["answers"][0]["text"], "her own copy is the firewalled text the inspectors got"

    # The list says, without opening anything by hand, that she answered (issue 19 #1).
    listed = cli_cases(daemon, "inspector-2")[0]
    assert (listed["day"], listed["language"], listed["last_activity"], listed["unread"]) == (today, "tl", today, 1)

    case = show_full(daemon, "inspector-2", case_id)
    me = case["notes"][0]["author"]
    assert case["notes"][0] == {"author": me, "kind": "note", "text": "Payslips requested from employer", "signed": True}
    assert case["notes"][1] == {"author": me, "kind": "message_to_reporter", "text": "[request_info] " + REPLY, "signed": True}
    # One dated thread: the note, what she was asked (the author's copy) and her answer.
    assert [(e["day"], e["author"], e["kind"]) for e in case["thread"]] == [
        (today, me, "note"), (today, me, "message_to_reporter"), (today, "reporter", "answer")]
    assert cli_cases(daemon, "inspector-2")[0]["unread"] == 0, "shown, so read"
    # Triage on the inspector's machine: filters and order (issue 19 #1).
    def listed(*args):
        return [c["case"] for c in json.loads("[" + ",".join(inspector(daemon, "inspector-2", "cases", *args).splitlines()) + "]")]
    assert listed("--status", "investigating", "--language", "tl") == [case_id]
    assert listed("--status", "closed") == [] and listed("--language", "ar") == []
    assert listed("--overdue") == [], "filed today: no deadline has passed"
    assert listed("--sort", "unread") == [case_id]

    # Every holder reads the same thread, not only the one who wrote to her.
    assert [e["kind"] for e in show_full(daemon, "supervisor", case_id)["thread"]] == ["note", "message_to_reporter", "answer"]
    assert case["unopened"] == []
    assert len(case["answers"]) == 1
    assert "Monday and Thursday" in case["answers"][0] and "payslips from March" in case["answers"][0]
    assert "visa expired" not in case["answers"][0], "the reporter's answer passes the firewall"

    # Closing needs an outcome, then the reporter sees it closed with the next token.
    assert "outcome" in inspector_fails(daemon, "inspector-2", "status", case_id, "closed")
    assert "when closing" in inspector_fails(daemon, "inspector-2", "status", case_id, "investigating", "--tell-reporter", "x")
    inspector(daemon, "inspector-2", "status", case_id, "closed", "--outcome", "Back pay of RM 2700 recovered; employer fined",
              "--tell-reporter", "Your employer paid RM 2700 to the office. Collect it on Monday.")
    final = check_status(daemon, answer["next_token"])
    assert final["status"] == "closed"
    assert [m["text"] for m in final["messages"]] == [REPLY]
    assert final["messages"][0]["new"] is False, "read on her last check"
    assert final["outcome"] == "Your employer paid RM 2700 to the office. Collect it on Monday."
    assert "fined" not in json.dumps(final), "the internal outcome note is never hers to read"
    assert show_full(daemon, "supervisor", case_id)["notes"][-1]["kind"] == "outcome"

    # The audit log verifies and records the assignment, the status changes and the message.
    state = tmp_path / "auditor.json"
    r = run_cli(["audit", "verify", "--server", daemon.url, "--state", str(state)])
    assert r.returncode == 0, r.stderr
    size = int(si.http("GET", daemon.url + "/v1/audit/checkpoint").body.decode().split("\n")[1])
    entries = [json.loads(e) for e in get_entries(daemon, size)]
    types = [e["type"] for e in entries]
    for expected in ["case_assigned", "status_changed", "note_added", "message_sent", "token_spent"]:
        assert expected in types, f"{expected} missing from the audit log"

    # Nothing anyone wrote is readable at rest.
    daemon.stop()
    leaks = scan_blobs(daemon.stored_blobs(), ["Payslips requested", "visit the estate", "Monday and Thursday", "RM 2700"])
    assert leaks == [], leaks


def test_unassigned_inspector_loses_access_and_new_epoch_begins(daemon):
    file_complaint(daemon)
    case_id = cli_cases(daemon, "supervisor")[0]["case"]
    inspector(daemon, "supervisor", "assign", case_id, "--to", "inspector-2")
    inspector(daemon, "supervisor", "unassign", case_id, "--remove", "inspector-1")
    assert cli_cases(daemon, "inspector-1") == []
    assert inspector_fails(daemon, "inspector-1", "show", case_id)
    inspector(daemon, "inspector-2", "note", case_id, "After reassignment")
    assert show_full(daemon, "inspector-2", case_id)["notes"][0]["text"] == "After reassignment"
    assert "only a supervisor" in inspector_fails(daemon, "inspector-2", "assign", case_id, "--to", "inspector-1")


def test_duress_code_shows_no_news_and_stops_replies(daemon):
    token = file_complaint(daemon, dict(COMPLAINT, duress_code="864213"))
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    inspector(daemon, "inspector-1", "status", case_id, "investigating")
    inspector(daemon, "inspector-1", "reply", case_id, "We spoke to your employer.")
    duress = check_status(daemon, token[:9] + "-864213")
    assert duress["status"] == "received" and duress["messages"] == []
    assert sorted(duress) == ["answers", "messages", "next_token", "received", "reply_by", "status", "visit"], \
        "the same keys as any answer with no outcome"
    # The decoy number keeps answering "no news", as a real one would (issue 18 #5).
    again = check_status(daemon, duress["next_token"])
    assert again["status"] == "received" and again["messages"] == []
    assert "duress" in inspector_fails(daemon, "inspector-1", "reply", case_id, "Are you safe?")
    assert show_full(daemon, "inspector-1", case_id)["duress"] is True
    real = check_status(daemon, token)
    assert real["status"] == "investigating" and len(real["messages"]) == 1


def test_a_revoked_key_can_do_nothing(daemon):
    file_complaint(daemon)
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    r = run_cli(["keys", "revoke", "inspector-1", *daemon.store_args()])
    assert r.returncode == 0, r.stderr
    err = inspector_fails(daemon, "inspector-1", "cases")
    assert "revoked" in err or "does not accept" in err
    assert inspector_fails(daemon, "inspector-1", "show", case_id)
