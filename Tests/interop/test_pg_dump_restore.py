"""PostgreSQL backups as Docs/operations.md documents them (issue 22, item 6): copy `secrets/`
first (its `log-signed-head` must not be newer than the dump), then `pg_dump --format=custom
--no-unlogged-table-data` (the guards' short-lived tables keep their definitions, not their rows)
of the running deployment; `pg_restore` into a new database. A daemon started on it with that
copy of the secrets holds every case and token acknowledged before the dump, and `audit verify
--state` accepts its log as an extension of what an auditor saw before the dump. With the live
secrets, whose signed head is newer than the dump, the daemon refuses to start and says
"rollback"; an auditor who saw the newer head is told the log shrank or forked.
"""

from __future__ import annotations

import glob
import json
import shutil
from types import SimpleNamespace

import pytest

import pg_support
import safeintake_py as si
from safeintake_py import run_bounded, run_cli
from test_acceptance import cli_cases, file_complaint


@pytest.fixture
def backend():
    pg_support.require()
    return "postgres"


def pg_tool(name: str) -> str:
    found = next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1:]), None) or shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found: run scripts/install-deps --for-tests")
    return found


def verify(d, state):
    return run_cli(["audit", "verify", "--server", d.url, "--state", state])


def test_pg_dump_and_pg_restore_bring_back_every_case_token_and_the_log(daemon_factory, tmp_path):
    original = daemon_factory()
    tokens = [file_complaint(original) for _ in range(3)]
    cases = {c["case"] for c in cli_cases(original, "supervisor")}
    before = tmp_path / "auditor-before.json"
    assert verify(original, before).returncode == 0

    # The documented order: the secrets folder (with its signed head) first, then the dump.
    kept = SimpleNamespace(data=tmp_path / "kept")
    shutil.copytree(original.data / "secrets", kept.data / "secrets")
    dump = tmp_path / "safeintake.dump"
    # As documented: the guards' unlogged tables (issue 22 #8) keep their definitions, not their rows.
    assert int(pg_support.psql("SELECT count(*) FROM guard_buckets", original.database)) > 0
    dumped = run_bounded([pg_tool("pg_dump"), "--format=custom", "--no-unlogged-table-data", "--file", str(dump),
                          pg_support.url_for(original.database)], timeout=120)
    assert dumped.returncode == 0, dumped.stderr
    file_complaint(original)  # after the dump: lost in the restore, as the docs say
    after = tmp_path / "auditor-after.json"
    assert verify(original, after).returncode == 0  # the log key signs a head beyond the dump

    restored_db = pg_support.create_database()
    loaded = run_bounded([pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--dbname",
                          pg_support.url_for(restored_db), str(dump)], timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    for table in ["guard_buckets", "guard_intake_minutes", "guard_spent_proofs", "guard_locator_checks", "agency_challenges"]:
        assert pg_support.psql(f"SELECT count(*) FROM {table}", restored_db) == "0", table
    original.stop()

    with pytest.raises(AssertionError, match="rollback"):
        daemon_factory(database=restored_db, secrets_from=original)  # live secrets: head newer than the dump

    restored = daemon_factory(database=restored_db, secrets_from=kept)
    for token in tokens:
        assert si.post_json(restored.url + "/v1/status", {"token": token}).status == 200
    listed = run_cli(["inspector", "cases", "--server", restored.url, "--key", original.key("supervisor")])
    assert listed.returncode == 0, listed.stderr
    assert cases <= {json.loads(line)["case"] for line in listed.stdout.splitlines() if line.strip()}
    audited = verify(restored, before)
    assert audited.returncode == 0, audited.stdout + audited.stderr
    # The restored log has grown again (its own start, the status checks): past the later head it
    # is a fork, below it a rollback. Either way the auditor who saw the later head is told.
    rolled_back = verify(restored, after)
    assert rolled_back.returncode != 0, rolled_back.stdout
    assert "shrank" in rolled_back.stdout or "history was rewritten" in rolled_back.stdout, rolled_back.stdout
