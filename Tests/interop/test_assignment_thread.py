"""Issue 19 #2: her answers sent before a case was assigned reach the holder assigned later. The
supervisor's client opens the answers sealed to it and seals each again to the assignee, keeping its
day; the server never reads one.
"""

from __future__ import annotations

import time

from test_acceptance import cli_cases, file_complaint
from test_case_workflow import check_status, inspector, show_full

EARLY = "My employer took my phone on Sunday. I can only write on Wednesday evenings."


def test_a_holder_assigned_later_reads_what_she_answered_before(daemon):
    token = file_complaint(daemon)
    case_id = cli_cases(daemon, "supervisor")[0]["case"]
    check_status(daemon, token, EARLY)
    assert cli_cases(daemon, "inspector-2") == []

    inspector(daemon, "supervisor", "assign", case_id, "--to", "inspector-2")
    full = show_full(daemon, "inspector-2", case_id)
    today = time.strftime("%Y-%m-%d", time.gmtime())
    assert full["answers"] == [EARLY]
    answers = [e for e in full["thread"] if e["kind"] == "answer"]
    assert [(e["text"], e["day"]) for e in answers] == [(EARLY, today)]
    # The first holders keep their own copies; nothing was duplicated for them.
    assert show_full(daemon, "inspector-1", case_id)["answers"] == [EARLY]
