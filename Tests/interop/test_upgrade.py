"""Issue 22 #9: this release takes over the data an earlier release left behind, on SQLite and on
PostgreSQL, and the log verifies across the upgrade.

The fixtures in upgrade/RELEASE/ were made by that release's own binary (upgrade_fixture.py says
how): its data folder, its PostgreSQL dump, the numbers her last visits left her with, and the state
an auditor saved with `audit verify --state` before the upgrade. After the upgrade every number
still works and shows her thread, every case opens with the keys of then, a new complaint files,
the auditor's `audit verify --state` accepts the new log as an extension of the one seen before,
and (SQLite) `audit separation` passes on the upgraded folder.
"""

from __future__ import annotations

import glob
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

import pg_support
import safeintake_py as si
from conftest import Daemon
from safeintake_py import run_cli
from test_acceptance import COMPLAINT

RELEASES = sorted(p for p in (Path(__file__).parent / "upgrade").iterdir() if (p / "fixture.json").exists())


def unpack(archive: Path, into: Path) -> None:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")


def check_upgraded(d: Daemon, facts: dict, release: Path, backend: str, tmp_path: Path) -> None:
    for token in facts["tokens"]:
        r = si.post_json(d.url + "/v1/status", {"token": token})
        assert r.status == 200, f"a number from before the upgrade stopped working: {r.status} {r.body}"
        answer = r.json()
        if token == facts["tokens"][0]:
            assert [m["text"] for m in answer["messages"]] == ["Salamat. Kailan ka puwedeng kausapin?"]
            assert [a["text"] for a in answer["answers"]] == ["Lunes ng hapon po."]
        if token == facts["tokens"][1]:
            assert answer["status"] == "closed"
    listed = run_cli(["inspector", "cases", "--server", d.url, "--key", str(d.key("supervisor")), "--format", "json"])
    assert listed.returncode == 0, listed.stderr
    assert {json.loads(line)["case"] for line in listed.stdout.splitlines()} == set(facts["cases"])
    for case_id in facts["cases"]:
        key = "inspector-2" if case_id == facts["assigned"] else "supervisor"
        shown = run_cli(["inspector", "show", case_id, "--full", "--server", d.url, "--key", str(d.key(key))])
        assert shown.returncode == 0, shown.stderr
        view = json.loads(shown.stdout)
        assert view["case"] == case_id and "expired" not in json.dumps(view).lower()
    assert si.post_json(d.url + "/v1/complaints", COMPLAINT).status == 201
    state = tmp_path / "auditor.json"
    shutil.copy(release / f"{backend}-auditor.json", state)
    audited = run_cli(["audit", "verify", "--server", d.url, "--state", str(state)])
    assert audited.returncode == 0, audited.stdout + audited.stderr


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_sqlite_data_of_an_earlier_release(release, safeintake_bin, tmp_path):
    facts = json.loads((release / "fixture.json").read_text())["backends"]["sqlite"]
    unpack(release / "sqlite.tar.gz", tmp_path)
    d = Daemon(safeintake_bin, tmp_path)
    try:
        d.start()
        check_upgraded(d, facts, release, "sqlite", tmp_path)
    finally:
        assert d.stop() == 0, d.stderr_text()
    separation = run_cli(["audit", "separation", "--data", str(d.data)])
    assert separation.returncode == 0, separation.stdout + separation.stderr


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_postgres_database_of_an_earlier_release(release, safeintake_bin, tmp_path):
    pg_support.require()
    facts = json.loads((release / "fixture.json").read_text())["backends"]["postgres"]
    database = pg_support.create_database()
    pg_restore = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_restore"))[-1]
    loaded = subprocess.run([pg_restore, "--no-owner", "--no-privileges", "--dbname", pg_support.url_for(database),
                             str(release / "postgres.dump")], capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    unpack(release / "postgres-data.tar.gz", tmp_path)
    d = Daemon(safeintake_bin, tmp_path, database)
    try:
        d.start()
        check_upgraded(d, facts, release, "postgres", tmp_path)
    finally:
        assert d.stop() == 0, d.stderr_text()
