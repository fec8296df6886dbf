"""The auditor's `audit verify` and the firewall's JSON Lines filters, driven through the real binary.

`audit verify` must pass on an honest log, remember what it saw, and fail when the operator rewrites
history behind its back (an entry changed in the database between two runs). The firewall filters
must keep input order and ids on inputs of any size, and meet the corpus targets from the outside.
"""

from __future__ import annotations

import json

import safeintake_py as si
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import pg_support
from safeintake_py import BINARY, post_json, run_cli

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "firewall-corpus"


def _file(daemon, n=2):
    for i in range(n):
        r = post_json(daemon.url + "/v1/complaints", {
            "language": "en", "fields": {"employer_name": f"Employer {i}", "visa_status": "expired"},
            "narrative": f"I am paid {100 + i} dollars a month for 16 hours a day."})
        assert r.status == 201, r.body


def test_audit_verify_passes_pins_state_and_checks_consistency(daemon, tmp_path):
    _file(daemon)
    state = tmp_path / "auditor.json"
    first = run_cli(["audit", "verify", "--server", daemon.url, "--state", state])
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.count("PASS") == 4 and "FAIL" not in first.stdout
    saved = json.loads(state.read_text())
    assert saved["log_key"].startswith("safeintake.invalid/audit/") and "\n— " in saved["checkpoint"]

    _file(daemon, 3)
    second = run_cli(["audit", "verify", "--server", daemon.url, "--state", state])
    assert second.returncode == 0, second.stdout + second.stderr
    assert "append-only extension" in second.stdout
    assert json.loads(state.read_text())["checkpoint"] != saved["checkpoint"]


def test_audit_verify_detects_a_rewritten_entry(daemon, tmp_path):
    _file(daemon)
    state = tmp_path / "auditor.json"
    assert run_cli(["audit", "verify", "--server", daemon.url, "--state", state]).returncode == 0
    before = state.read_text()
    assert daemon.stop() == 0

    # The operator edits one stored entry (same length, so nothing else looks different).
    if daemon.database:
        changed = pg_support.psql("""
            UPDATE audit_entries SET data = convert_to(replace(convert_from(data, 'UTF8'), '"v":1', '"v":2'), 'UTF8')
            WHERE entry_index = 3 AND position('"v":1'::bytea IN data) > 0 RETURNING entry_index""", daemon.database)
        assert changed == "3"
    else:
        db = sqlite3.connect(daemon.data / "safeintake.sqlite")
        data = db.execute("SELECT data FROM audit_entries WHERE entry_index = 3").fetchone()[0]
        forged = data.replace(b'"v":1', b'"v":2')
        assert forged != data
        db.execute("UPDATE audit_entries SET data = ? WHERE entry_index = 3", (forged,))
        db.commit()
        db.close()

    daemon.start()
    result = run_cli(["audit", "verify", "--server", daemon.url, "--state", state])
    assert result.returncode != 0
    assert "FAIL" in result.stdout and "does NOT verify" in result.stdout
    assert state.read_text() == before, "a failed verification must not overwrite the trusted state"


def test_audit_verify_refuses_a_different_log_key(daemon_factory, tmp_path):
    one, two = daemon_factory(), daemon_factory()
    state = tmp_path / "auditor.json"
    assert run_cli(["audit", "verify", "--server", one.url, "--state", state]).returncode == 0
    result = run_cli(["audit", "verify", "--server", two.url, "--state", state])
    assert result.returncode != 0 and "log key changed" in result.stdout


def _run_filter(args, lines):
    proc = subprocess.run([str(BINARY), "firewall", *args], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _nfc(text):
    return unicodedata.normalize("NFC", text)


def test_firewall_redact_meets_the_corpus_targets_from_the_outside():
    records = [json.loads(l) for f in sorted(CORPUS.glob("narratives*.jsonl")) for l in f.read_text().splitlines() if l.strip()]
    out = _run_filter(["redact"], [json.dumps({"id": r["id"], "text": r["text"]}) for r in records])
    assert [o["id"] for o in out] == [r["id"] for r in records], "output must keep input order and ids"
    removed = kept = total_remove = total_keep = 0
    for record, result in zip(records, out):
        text = _nfc(result["text"])
        total_remove += len(record["must_remove"])
        removed += sum(_nfc(s) not in text for s in record["must_remove"])
        total_keep += len(record["must_keep"])
        kept += sum(_nfc(s) in text for s in record["must_keep"])
    assert removed / total_remove >= 0.98, (removed, total_remove)
    assert kept / total_keep >= 0.97, (kept, total_keep)


def test_firewall_strip_fields_meets_the_corpus_targets_from_the_outside():
    forms = [json.loads(l) for f in sorted(CORPUS.glob("forms*.jsonl")) for l in f.read_text().splitlines() if l.strip()]
    out = _run_filter(["strip-fields"], [json.dumps({"id": f["id"], "fields": f["fields"]}) for f in forms])
    assert [o["id"] for o in out] == [f["id"] for f in forms]
    stripped = sum(name not in o["fields"] for f, o in zip(forms, out) for name in f["must_strip"])
    kept = sum(o["fields"].get(name) == f["fields"][name] for f, o in zip(forms, out) for name in f["agency_visible"])
    assert stripped / sum(len(f["must_strip"]) for f in forms) >= 0.99
    assert kept / sum(len(f["agency_visible"]) for f in forms) >= 0.97


def test_firewall_filters_stream_large_inputs_in_order():
    lines = [json.dumps({"id": i, "text": f"Line {i}: my visa expired and I was paid {i} dollars."}) for i in range(20000)]
    out = _run_filter(["redact"], lines)
    assert [o["id"] for o in out] == list(range(20000))
    assert all("visa expired" not in o["text"] and f"paid {o['id']} dollars" in o["text"] for o in out)


def test_firewall_filter_reports_the_bad_line():
    proc = subprocess.run([str(BINARY), "firewall", "redact"], input='{"id": 1, "text": "ok"}\nnot json\n',
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and "line 2" in proc.stderr


def _case_id(daemon):
    # Straight from the API: `inspector cases` opens each case once (for its language), and so
    # would pin the log key before the `show` these tests watch.
    key = si.load_key_file(json.loads(daemon.key("inspector-1").read_text()))
    return si.signed_request(daemon.url, key, "GET", "/v1/agency/cases").json()["cases"][0]["case"]


def test_inspector_show_proves_the_release_is_logged_and_pins_the_log_key(daemon):
    _file(daemon, 1)
    case = _case_id(daemon)
    shown = run_cli(["inspector", "show", case, "--server", daemon.url, "--key", daemon.key("inspector-1")])
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["case"] == case
    pinned = Path(str(daemon.key("inspector-1")) + ".log-key")
    assert pinned.read_text().strip() == run_cli(["audit", "verify", "--server", daemon.url]).stdout.split("PASS  log key: ")[1].split(" ")[0]
    assert "pinned the audit log key" in shown.stderr
    again = run_cli(["inspector", "show", case, "--server", daemon.url, "--key", daemon.key("inspector-1")])
    assert again.returncode == 0 and "pinned" not in again.stderr


def test_inspector_show_refuses_when_the_log_is_signed_by_another_key(daemon_factory):
    one, other = daemon_factory(), daemon_factory()
    _file(one, 1)
    case = _case_id(one)
    foreign_key = urllib_get(other.url + "/v1/audit/log-key").strip()
    refused = run_cli(["inspector", "show", case, "--server", one.url, "--key", one.key("inspector-1"), "--log-key", foreign_key])
    assert refused.returncode != 0
    assert "refusing to decrypt" in refused.stderr
    assert "narrative" not in refused.stdout


def urllib_get(url):
    import urllib.request
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=10) as r:
        return r.read().decode()
