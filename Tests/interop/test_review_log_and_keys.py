"""Regression tests for the 2026-12 security review (issue 17), items 4, 5, 8, 12 and 13, driven
through the real binary: each reproduces the reviewer's attack and expects it to fail now.

- 4: whoever can write to the database adds a key to the directory (a new row that receives new
  cases, or a renamed one that a supervisor assigns to by name). Keys now count only with the
  operator's signed registration in the log.
- 5: whoever can write to the database truncates the log and deletes the daemon's memory of what it
  signed. The daemon must still refuse to sign a fork (its memory is also kept beside the signing
  key), and an inspector's client must refuse a log that does not extend the checkpoint it pinned.
- 8: revoking a development key must not stop the daemon from restarting.
- 12: `audit verify` must FAIL when the checkpoint saved in its state file does not verify.
- 13: an inspector's proof that a release was logged must be about this fetch, not an earlier one.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import pg_support
from safeintake_py import post_json, run_cli


def _file(daemon, n=1):
    for i in range(n):
        r = post_json(daemon.url + "/v1/complaints", {
            "language": "en", "fields": {"employer_name": f"Employer {i}"},
            "narrative": f"I am paid {100 + i} dollars a month for 16 hours a day."})
        assert r.status == 201, r.body


def _get(url):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=10) as r:
        return r.read().decode()


def _checkpoint_size(daemon) -> int:
    return int(_get(daemon.url + "/v1/audit/checkpoint").split("\n")[1])


def _case_id(daemon, key="inspector-1"):
    listed = run_cli(["inspector", "cases", "--server", daemon.url, "--key", daemon.key(key)])
    assert listed.returncode == 0, listed.stderr
    return json.loads(listed.stdout.splitlines()[0])["case"]


def _truncate_log(daemon, size: int) -> None:
    """What the reviewer did with write access to the database (the daemon stopped): keep the first
    `size` entries and the Merkle nodes they make, and delete the daemon's record of what it signed."""
    if daemon.database:
        pg_support.psql(f"""
            DELETE FROM audit_entries WHERE entry_index >= {size};
            DELETE FROM audit_nodes WHERE node_index >= ({size}::bigint >> level);
            UPDATE audit_log_head SET size = {size};
            DELETE FROM signed_checkpoint;""", daemon.database)
    else:
        db = sqlite3.connect(daemon.data / "safeintake.sqlite")
        nodes = 2 * size - bin(size).count("1")  # every complete subtree, stored in append order
        db.execute("DELETE FROM audit_entries WHERE entry_index >= ?", (size,))
        db.execute("DELETE FROM audit_nodes WHERE position >= ?", (nodes,))
        db.execute("DELETE FROM signed_checkpoint")
        db.commit()
        db.close()


# ------------------------------------------------------------------------------------------ item 4

PASSPHRASE = {"SAFEINTAKE_PASSPHRASE": "a long test passphrase"}


def _attacker_key(daemon) -> tuple[Path, dict]:
    out = daemon.workdir / "attacker.key"
    made = run_cli(["keys", "generate", "--name", "inspector-2", "--out", out], env_extra=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    return out, json.loads(out.with_suffix(".pub").read_text())


def _insert_key_row(daemon, pub: dict, receives_new_cases: bool) -> None:
    """What a database writer does (the daemon stopped): a row in agency_keys, nothing in the log."""
    if daemon.database:
        pg_support.psql(f"""
            INSERT INTO agency_keys (key_id, name, role, box_public_key, sign_public_key, receives_new_cases, registered_day, team)
            VALUES ('{pub["key_id"]}', '{pub["name"]}', 'inspector', decode('{pub["box_public_key"]}', 'base64'),
                    decode('{pub["sign_public_key"]}', 'base64'), {str(receives_new_cases).upper()}, '2026-12-06', 'default')""",
                        daemon.database)
    else:
        db = sqlite3.connect(daemon.data / "safeintake.sqlite")
        db.execute("""INSERT INTO agency_keys (key_id, name, role, box_public_key, sign_public_key, receives_new_cases, registered_day, team)
                      VALUES (?, ?, 'inspector', ?, ?, ?, '2026-12-06', 'default')""",
                   (pub["key_id"], pub["name"], base64.b64decode(pub["box_public_key"]), base64.b64decode(pub["sign_public_key"]),
                    int(receives_new_cases)))
        db.commit()
        db.close()


def _rename_key_row(daemon, old: str, new: str) -> None:
    if daemon.database:
        pg_support.psql(f"UPDATE agency_keys SET name = '{new}' WHERE name = '{old}'", daemon.database)
    else:
        db = sqlite3.connect(daemon.data / "safeintake.sqlite")
        db.execute("UPDATE agency_keys SET name = ? WHERE name = ?", (new, old))
        db.commit()
        db.close()


def _attacker_cases(daemon, key: Path) -> list[str]:
    listed = run_cli(["inspector", "cases", "--server", daemon.url, "--key", key], env_extra=PASSPHRASE)
    return [json.loads(line)["case"] for line in listed.stdout.splitlines() if line.strip()] if listed.returncode == 0 else []


def test_a_key_row_written_into_the_database_receives_no_new_complaint(daemon):
    """Review F4, repro A: an inserted row that receives new cases."""
    key, pub = _attacker_key(daemon)
    assert daemon.stop() == 0
    _insert_key_row(daemon, dict(pub, name="attacker"), receives_new_cases=True)
    daemon.start()
    _file(daemon)
    assert _attacker_cases(daemon, key) == [], "a row nobody signed received a complaint"
    case = _case_id(daemon)  # the registered inspector still gets it
    shown = run_cli(["inspector", "show", case, "--server", daemon.url, "--key", key], env_extra=PASSPHRASE)
    assert shown.returncode != 0 and "narrative" not in shown.stdout


def test_a_supervisor_does_not_assign_to_a_row_renamed_in_the_database(daemon):
    """Review F4, repro B: the real inspector-2 renamed, the attacker's key inserted as inspector-2."""
    _file(daemon)
    case = _case_id(daemon, "supervisor")
    key, pub = _attacker_key(daemon)
    assert daemon.stop() == 0
    _rename_key_row(daemon, "inspector-2", "inspector-2-old")
    _insert_key_row(daemon, pub, receives_new_cases=False)
    daemon.start()
    assign = run_cli(["inspector", "assign", case, "--to", "inspector-2", "--server", daemon.url, "--key", daemon.key("supervisor")])
    assert assign.returncode != 0, assign.stdout
    assert "no registration signed by the operator" in assign.stderr
    assert _attacker_cases(daemon, key) == []
    # By key id the client asks the same question and the server refuses as well.
    by_id = run_cli(["inspector", "assign", case, "--to", pub["key_id"], "--server", daemon.url, "--key", daemon.key("supervisor")])
    assert by_id.returncode != 0 and _attacker_cases(daemon, key) == []


def test_assigning_shows_the_key_id_of_the_registered_assignee(daemon):
    _file(daemon)
    case = _case_id(daemon, "supervisor")
    inspector2 = json.loads(Path(str(daemon.key("inspector-2"))[:-4] + ".pub").read_text())["key_id"]
    assign = run_cli(["inspector", "assign", case, "--to", "inspector-2", "--server", daemon.url, "--key", daemon.key("supervisor")])
    assert assign.returncode == 0, assign.stderr
    assert f"key id {inspector2}" in assign.stdout
    assert case in _attacker_cases(daemon, daemon.key("inspector-2"))


# ------------------------------------------------------------------------------------------ item 5

def test_the_daemon_will_not_sign_a_fork_after_its_database_memory_is_deleted(daemon):
    _file(daemon, 3)
    signed = _checkpoint_size(daemon)
    assert signed > 4
    assert daemon.stop() == 0
    _truncate_log(daemon, 4)
    with pytest.raises(AssertionError, match="entries were removed"):
        daemon.start()
    assert f"a checkpoint of {signed} was signed" in daemon.stderr_text()


def test_an_inspector_refuses_a_log_that_does_not_extend_her_pinned_checkpoint(daemon):
    _file(daemon, 2)
    case = _case_id(daemon)
    key = daemon.key("inspector-1")
    shown = run_cli(["inspector", "show", case, "--server", daemon.url, "--key", key])
    assert shown.returncode == 0, shown.stderr
    pinned = Path(str(key) + ".checkpoint")
    assert int(pinned.read_text().split("\n")[1]) == _checkpoint_size(daemon)

    # The attacker controls the server's host as well: the daemon's own memory goes too.
    assert daemon.stop() == 0
    _truncate_log(daemon, 4)
    (daemon.data / "secrets" / "log-signed-head").unlink()
    daemon.start()
    _file(daemon, 3)  # the forked log grows past the pinned size
    refused = run_cli(["inspector", "show", case, "--server", daemon.url, "--key", key])
    assert refused.returncode != 0
    assert "refusing to decrypt" in refused.stderr and "append-only extension" in refused.stderr
    assert "narrative" not in refused.stdout

    # The same through --state: a fresh state file pins what this (forked) log says now, and an
    # altered one is refused rather than ignored.
    state = daemon.workdir / "inspector-state"
    assert run_cli(["inspector", "show", case, "--server", daemon.url, "--key", key, "--state", state]).returncode == 0
    state.write_text(state.read_text().replace("\n", "\nX", 1))
    altered = run_cli(["inspector", "show", case, "--server", daemon.url, "--key", key, "--state", state])
    assert altered.returncode != 0 and "does not verify" in altered.stderr


# ------------------------------------------------------------------------------------------ item 8

def test_revoking_a_dev_key_does_not_stop_the_daemon_from_restarting(daemon):
    assert daemon.stop() == 0
    revoked = run_cli(["keys", "revoke", "inspector-2", *daemon.store_args()])
    assert revoked.returncode == 0, revoked.stderr
    daemon.start()  # was: "Error: duplicateKey", exit 1
    listed = run_cli(["keys", "list", *daemon.store_args()])
    assert listed.returncode == 0, listed.stderr
    line = next(l for l in listed.stdout.splitlines() if " inspector-2 " in l)
    assert "revoked" in line, "the revoked dev key must stay revoked, not be registered again"


# ----------------------------------------------------------------------------------------- item 12

def test_audit_verify_fails_when_the_saved_checkpoint_does_not_verify(daemon, tmp_path):
    _file(daemon)
    state = tmp_path / "auditor.json"
    first = run_cli(["audit", "verify", "--server", daemon.url, "--state", state])
    assert first.returncode == 0, first.stdout + first.stderr
    saved = json.loads(state.read_text())
    lines = saved["checkpoint"].split("\n")
    lines[1] = str(int(lines[1]) - 1)  # the size no longer matches the signature
    saved["checkpoint"] = "\n".join(lines)
    state.write_text(json.dumps(saved))
    before = state.read_text()

    result = run_cli(["audit", "verify", "--server", daemon.url, "--state", state])
    assert result.returncode != 0, result.stdout
    assert "FAIL" in result.stdout and "state file" in result.stdout
    assert "nothing to compare" not in result.stdout
    assert state.read_text() == before, "a failed verification must not overwrite the trusted state"


# ----------------------------------------------------------------------------------------- item 13

class _ReplayingProxy:
    """A server in front of the daemon that answers every case fetch with the release entry of the
    first fetch, as a server that stopped logging releases would."""

    def __init__(self, upstream: str):
        self.upstream = upstream
        self.first_release: dict[str, int] = {}
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self._forward("GET")

            def do_POST(self):
                self._forward("POST")

            def _forward(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower().startswith("x-safeintake") or k.lower() == "content-type"}
                request = urllib.request.Request(proxy.upstream + self.path, data=body, method=method, headers=headers)
                opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
                try:
                    with opener.open(request, timeout=30) as r:
                        status, data, kind = r.status, r.read(), r.headers.get("Content-Type", "")
                except urllib.error.HTTPError as e:
                    status, data, kind = e.code, e.read(), e.headers.get("Content-Type", "")
                if method == "GET" and self.path.startswith("/v1/agency/cases/") and status == 200:
                    answer = json.loads(data)
                    first = proxy.first_release.setdefault(answer["case"], answer["release_entry"])
                    answer["release_entry"] = first
                    data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


def test_an_earlier_release_entry_does_not_prove_this_fetch_was_logged(daemon):
    _file(daemon)
    case = _case_id(daemon)
    key = daemon.key("inspector-1")
    with _ReplayingProxy(daemon.url) as proxy:
        first = run_cli(["inspector", "show", case, "--server", proxy.url, "--key", key])
        assert first.returncode == 0, first.stderr
        again = run_cli(["inspector", "show", case, "--server", proxy.url, "--key", key])
    assert again.returncode != 0, "an old key_released entry was accepted as the proof of this fetch"
    assert "not for this request" in again.stderr
    assert "narrative" not in again.stdout


def test_a_dev_folder_from_before_signed_registrations_keeps_working(daemon):
    """A development folder whose keys were registered without an operator signature (made by an
    older build): the daemon creates the dev operator key and signs their registrations on start;
    a dev key revoked meanwhile stays revoked and does not stop the start."""
    assert daemon.stop() == 0
    assert run_cli(["keys", "revoke", "inspector-2", *daemon.store_args()]).returncode == 0
    for stale in (daemon.data / "dev-keys" / "operator.key", daemon.data / "dev-keys" / "operator.pub",
                  daemon.data / "secrets" / "operator.pub"):
        stale.unlink()  # the registrations in the log are now signed by a key nobody pins
    daemon.start()
    assert (daemon.data / "dev-keys" / "operator.key").exists()
    _file(daemon)
    case = _case_id(daemon)
    shown = run_cli(["inspector", "show", case, "--server", daemon.url, "--key", daemon.key("inspector-1")])
    assert shown.returncode == 0, shown.stderr
    revoked = run_cli(["inspector", "assign", case, "--to", "inspector-2", "--server", daemon.url, "--key", daemon.key("supervisor")])
    assert revoked.returncode != 0, "a revoked dev key must stay revoked"
    assert run_cli(["inspector", "cases", "--server", daemon.url, "--key", daemon.key("inspector-2")]).returncode != 0
