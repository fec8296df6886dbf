"""Issue 19 #4 from the outside: an inspector exports cases on her machine to JSON lines, CSV (read
back with Python's csv module, as a case-management import would) and a print view (parsed with
html.parser); each export is logged by case, key, format and day, and no export holds anything
the firewall removed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import time
from html.parser import HTMLParser

import safeintake_py as si
from safeintake_py import run_cli
from test_acceptance import COMPLAINT, LABOUR_FACTS, STATUS_VALUES, cli_cases, file_complaint, get_entries
from test_case_workflow import inspector

FORMULA = {"language": "en", "narrative": "=HYPERLINK(\"http://x\") my employer did not pay me for May."}


def log_entries(d) -> list[dict]:
    size = int(si.http("GET", d.url + "/v1/audit/checkpoint").body.decode().split("\n")[1])
    return [json.loads(e) for e in get_entries(d, size)]


def export(d, key: str, path, *args: str) -> dict:
    return json.loads(inspector(d, key, "export", *args, "--out", str(path)))


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_exports_hold_the_agency_view_only_and_are_logged(daemon, tmp_path):
    file_complaint(daemon)
    file_complaint(daemon, FORMULA)
    cases = cli_cases(daemon, "inspector-1")
    assert len(cases) == 2
    before = len(log_entries(daemon))

    out = export(daemon, "inspector-1", tmp_path / "all.jsonl", "--all", "--format", "json")
    assert sorted(out["exported"]) == sorted(c["case"] for c in cases)
    assert stat.S_IMODE(os.stat(tmp_path / "all.jsonl").st_mode) == 0o600
    records = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text().splitlines()]
    palm = next(r for r in records if "palm oil" in r["narrative"])
    for fact in LABOUR_FACTS:
        assert fact in json.dumps(palm, ensure_ascii=False), fact
    assert set(palm) >= {"case", "status", "day", "language", "fields", "narrative", "indicators", "thread", "attachments"}

    export(daemon, "inspector-1", tmp_path / "all.csv", "--all", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "all.csv").read_text(), newline="")))
    assert len(rows) == 2
    assert {json.loads(r["fields"]).get("employer_name") for r in rows} >= {"Golden Harvest Plantation Sdn Bhd"}
    formula_row = next(r for r in rows if "May" in r["narrative"])
    assert formula_row["narrative"].startswith("'="), "a narrative starting with = must not become a spreadsheet formula"

    one = cases[0]["case"]
    export(daemon, "inspector-1", tmp_path / "one.html", one, "--format", "print")
    parser = TextOf()
    parser.feed((tmp_path / "one.html").read_text())
    assert "script" not in parser.tags
    assert one in "".join(parser.text)

    every = [(tmp_path / n).read_text() for n in ("all.jsonl", "all.csv", "one.html")]
    for text in every:
        for value in STATUS_VALUES:
            assert value not in text, f"an export holds {value!r}, which the firewall removed"

    exported = [e for e in log_entries(daemon)[before:] if e["type"] == "case_exported"]
    assert sorted((e["case"], e["format"]) for e in exported) == sorted(
        [(c["case"], "json") for c in cases] + [(c["case"], "csv") for c in cases] + [(one, "print")])
    today = time.strftime("%Y-%m-%d", time.gmtime())
    assert all(e["day"] == today and "hour" not in e and len(e["by"]) == 32 for e in exported)
    assert not any(k in e for e in exported for k in ("narrative", "fields", "text"))


def test_export_refuses_a_case_the_key_cannot_open_and_never_overwrites(daemon, tmp_path):
    file_complaint(daemon)
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    r = run_cli(["inspector", "export", case_id, "--out", str(tmp_path / "x.jsonl"), "--server", daemon.url, "--key", daemon.key("inspector-2")])
    assert r.returncode != 0 and "cannot open case" in r.stderr
    assert not (tmp_path / "x.jsonl").exists()
    (tmp_path / "exists.jsonl").write_text("keep me")
    r = run_cli(["inspector", "export", case_id, "--out", str(tmp_path / "exists.jsonl"), "--server", daemon.url, "--key", daemon.key("inspector-1")])
    assert r.returncode != 0 and "never overwritten" in r.stderr
    assert (tmp_path / "exists.jsonl").read_text() == "keep me"
