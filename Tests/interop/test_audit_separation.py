"""`safeintake audit separation --data DIR` (issue 4): six offline checks on a copy of a data
folder. Passes on an honest folder after real case work; each tampering below is caught by the
check it concerns, with a message saying what is wrong. Also `audit verify` against a history
forked and re-signed with the log's own key.
"""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from safeintake_py import run_cli
from test_acceptance import cli_cases, file_complaint
from test_case_workflow import inspector

CHECKS = 6


@pytest.fixture
def backend():
    """`audit separation` reads a copy of a SQLite data folder (overrides conftest's two backends)."""
    return "sqlite"


def separation(folder, *extra):
    return run_cli(["audit", "separation", "--data", folder, *extra])


def lines(result):
    return [line for line in result.stdout.splitlines() if line.startswith(("PASS", "FAIL"))]


@pytest.fixture
def worked_folder(daemon, tmp_path):
    """A data folder after filing, assignment, status, a note and a reply; daemon stopped, copied."""
    file_complaint(daemon)
    file_complaint(daemon)
    case_id = cli_cases(daemon, "supervisor")[0]["case"]
    inspector(daemon, "supervisor", "assign", case_id, "--to", "inspector-2")
    inspector(daemon, "inspector-2", "status", case_id, "investigating")
    inspector(daemon, "inspector-2", "note", case_id, "Visit planned")
    inspector(daemon, "inspector-2", "reply", case_id, "We received your complaint.")
    inspector(daemon, "supervisor", "unassign", case_id, "--remove", "inspector-1")
    assert daemon.stop() == 0
    copy = tmp_path / "copy"
    shutil.copytree(daemon.data, copy)
    return copy


def tamper(folder, *statements):
    db = sqlite3.connect(folder / "safeintake.sqlite")
    for sql, args in statements:
        db.execute(sql, args)
    db.commit()
    db.close()


def test_an_honest_folder_passes_all_six_and_writes_reports(worked_folder, tmp_path):
    result = separation(worked_folder, "--report", tmp_path / "report.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines(result)) == CHECKS and all(line.startswith("PASS") for line in lines(result))
    report = (tmp_path / "report.md").read_text()
    assert "all 6 properties hold" in report and report.count("| PASS |") == CHECKS
    html = separation(worked_folder, "--report", tmp_path / "report.html")
    assert html.returncode == 0
    assert "<table>" in (tmp_path / "report.html").read_text()


def _fails(folder, number: int, words: str):
    result = separation(folder)
    assert result.returncode != 0, result.stdout
    failing = [line for line in lines(result) if line.startswith("FAIL")]
    assert any(line.startswith(f"FAIL {number} ") and words in line for line in failing), result.stdout
    return failing


def test_a_changed_entry_is_caught(worked_folder):
    db = sqlite3.connect(worked_folder / "safeintake.sqlite")
    data = db.execute("SELECT data FROM audit_entries WHERE entry_index = 5").fetchone()[0]
    db.close()
    tamper(worked_folder, ("UPDATE audit_entries SET data = ? WHERE entry_index = 5", (data.replace(b'"v":1', b'"v":2'),)))
    _fails(worked_folder, 6, "do not hash to the signed root")


def test_two_reordered_entries_are_caught(worked_folder):
    db = sqlite3.connect(worked_folder / "safeintake.sqlite")
    a, b = (db.execute("SELECT data FROM audit_entries WHERE entry_index = ?", (i,)).fetchone()[0] for i in (6, 7))
    db.close()
    assert a != b
    tamper(worked_folder, ("UPDATE audit_entries SET data = ? WHERE entry_index = 6", (b,)),
           ("UPDATE audit_entries SET data = ? WHERE entry_index = 7", (a,)))
    _fails(worked_folder, 6, "do not hash to the signed root")


def test_a_dropped_entry_is_caught(worked_folder):
    tamper(worked_folder, ("DELETE FROM audit_entries WHERE entry_index = (SELECT MAX(entry_index) FROM audit_entries)", ()))
    _fails(worked_folder, 6, "entries were removed")
    tamper(worked_folder, ("DELETE FROM audit_entries WHERE entry_index = 4", ()))
    result = separation(worked_folder)
    assert result.returncode != 0 and "audit entry 4 is missing" in result.stderr, result.stdout + result.stderr


def test_a_wrap_without_a_signed_assignment_is_caught(worked_folder):
    db = sqlite3.connect(worked_folder / "safeintake.sqlite")
    inspector2 = db.execute("SELECT key_id FROM agency_keys WHERE name = 'inspector-2'").fetchone()[0]
    case_id, wrap = db.execute("SELECT case_id, wrap FROM case_key_wraps WHERE key_id != ? LIMIT 1", (inspector2,)).fetchone()
    other = db.execute("SELECT case_id FROM cases WHERE case_id != ?", (case_id,)).fetchone()[0]
    db.close()
    tamper(worked_folder, ("INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (?, ?, 0, ?)", (other, inspector2, wrap)))
    _fails(worked_folder, 4, "which no log entry accounts for")


def test_a_prohibited_column_and_a_plaintext_view_are_caught(worked_folder):
    tamper(worked_folder, ("ALTER TABLE cases ADD COLUMN visa_status TEXT", ()),
           ("UPDATE cases SET agency_view = ? WHERE rowid = (SELECT MIN(rowid) FROM cases)", (b'{"narrative": "plain text"}',)))
    failing = _fails(worked_folder, 1, "cases.visa_status")
    assert any(line.startswith("FAIL 2 ") and "agency_view" in line for line in failing), failing


def test_a_route_that_exports_by_a_prohibited_category_is_caught(worked_folder, tmp_path):
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: 3.0.3\npaths:\n  /v1/export/by-nationality:\n    get:\n      parameters:\n"
                    "        - {name: visa_status, in: query}\n")
    result = separation(worked_folder, "--openapi", spec)
    failing = [line for line in lines(result) if line.startswith("FAIL 5 ")]
    assert result.returncode != 0 and failing and "nationality" in failing[0], result.stdout


def test_audit_verify_catches_a_history_forked_and_resigned_with_the_log_key(daemon_factory, tmp_path):
    """The operator copies the folder, keeps running the original, then runs the copy (same log
    key) with different events and shows auditors the copy: consistency with what they saw fails."""
    original = daemon_factory()
    file_complaint(original)
    assert original.stop() == 0
    fork_folder = tmp_path / "fork"
    shutil.copytree(original.data, fork_folder)
    original.start()
    for _ in range(3):
        file_complaint(original)
    state = tmp_path / "auditor.json"
    assert run_cli(["audit", "verify", "--server", original.url, "--state", state]).returncode == 0
    assert original.stop() == 0

    fork = daemon_factory()
    # Stop the daemon the factory started before pointing it at the fork: starting over a running
    # one used to orphan it, and it outlived the whole test run (issue 17, item 16).
    assert fork.stop() == 0
    fork.data = fork_folder
    fork.start()
    for _ in range(5):
        file_complaint(fork)
    result = run_cli(["audit", "verify", "--server", fork.url, "--state", state])
    assert result.returncode != 0, result.stdout
    assert "FAIL" in result.stdout and ("consistent" in result.stdout or "fork" in result.stdout), result.stdout


def test_without_openapi_check_5_uses_the_description_built_into_the_binary(worked_folder, tmp_path):
    """Security review 2026-12, I9: without --openapi, check 5 FAILed wherever Docs/openapi.yaml was
    not in the working directory or above the binary, so operators learnt to live with a FAIL.
    The binary now carries the description of the API it serves."""
    from safeintake_py import BINARY, run_bounded
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    binary = elsewhere / "safeintake"
    shutil.copy2(BINARY, binary)  # no source tree above it
    result = run_bounded([str(binary), "audit", "separation", "--data", str(worked_folder)], timeout=120,
                         env=dict(os.environ), cwd=elsewhere)
    assert result.returncode == 0, result.stdout + result.stderr
    check5 = [line for line in lines(result) if line.startswith(("PASS 5 ", "FAIL 5 "))]
    assert check5 and check5[0].startswith("PASS 5 "), result.stdout
    assert "routes" in check5[0], check5
    # A path that cannot be read is a clear failure, not a silent fallback.
    missing = separation(worked_folder, "--openapi", tmp_path / "nope.yaml")
    assert missing.returncode != 0 and "cannot read the OpenAPI description" in missing.stderr, missing.stderr
