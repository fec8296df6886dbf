"""`safeintake audit export` of a PostgreSQL deployment (issue 22, item 7: "also for PostgreSQL").

Every table but the deployment's secret fingerprints is read in one consistent transaction and
written into the bundle's SQLite file; `audit separation --data FILE` accepts it with all six
checks, and the bundle holds no secret of the data folder and no row of the `deployment` table.
"""

from __future__ import annotations

import sqlite3
import tarfile

import pytest

import pg_support
from safeintake_py import run_cli
from test_audit_bundle import EXPECTED, secrets_of
from test_acceptance import cli_cases, file_complaint
from test_case_workflow import inspector


@pytest.fixture
def backend():
    pg_support.require()
    return "postgres"


def test_a_postgresql_deployment_exports_a_bundle_the_auditor_accepts(daemon, tmp_path):
    file_complaint(daemon)
    file_complaint(daemon)
    case_id = cli_cases(daemon, "supervisor")[0]["case"]
    inspector(daemon, "supervisor", "assign", case_id, "--to", "inspector-2")
    inspector(daemon, "inspector-2", "note", case_id, "Visit planned")
    bundle = tmp_path / "bundle.tar"
    result = run_cli(["audit", "export", *daemon.store_args(), "--out", bundle])  # the daemon keeps running
    assert result.returncode == 0, result.stderr
    assert "(from PostgreSQL)" in result.stdout

    with tarfile.open(bundle) as archive:
        assert set(archive.getnames()) == EXPECTED
        archive.extract("safeintake.sqlite", tmp_path, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    db = sqlite3.connect(tmp_path / "safeintake.sqlite")
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    cases = db.execute("SELECT count(*) FROM cases").fetchone()[0]
    db.close()
    assert "deployment" not in tables and "safeintake_migrations" not in tables
    assert {"cases", "case_key_wraps", "audit_entries", "audit_nodes", "signed_checkpoint", "agency_keys"} <= tables
    assert cases == 2

    raw = bundle.read_bytes()
    for name, secret in secrets_of(daemon.data).items():
        assert secret not in raw, f"the secret of {name} is in the auditor's bundle"

    audit = run_cli(["audit", "separation", "--data", bundle, "--report", tmp_path / "report.md"])
    assert audit.returncode == 0, audit.stdout + audit.stderr
    lines = [line for line in audit.stdout.splitlines() if line.startswith(("PASS", "FAIL"))]
    assert len(lines) == 6 and all(line.startswith("PASS") for line in lines), audit.stdout
