"""`safeintake audit export` (issue 22, item 7; ../shared/CONTRACT.md): the auditor's bundle.

Exported from a running daemon after real case work, the bundle passes `audit separation --data
FILE` run from a folder with no source tree, and its report names the deployment, the software,
the database hash and the checkpoint, explains each check and says what it does not prove. The
bundle is searched byte by byte for every secret of the data folder (token pepper, log signing
key, form key, every private key file's secret, raw and in base64): none may be there.
"""

from __future__ import annotations

import base64
import hashlib
import json
import tarfile

import pytest

import safeintake_py as si
from safeintake_py import run_cli, run_bounded, BINARY
from test_acceptance import cli_cases, file_complaint
from test_case_workflow import inspector

EXPECTED = {"safeintake-audit-bundle.json", "safeintake.sqlite", "log-key", "operator.pub", "policy.json", "openapi.yaml"}


@pytest.fixture
def backend():
    """`audit export` reads the SQLite store (PostgreSQL deployments: Docs/operations.md)."""
    return "sqlite"


@pytest.fixture
def bundle(daemon, tmp_path):
    file_complaint(daemon)
    file_complaint(daemon)
    case_id = cli_cases(daemon, "supervisor")[0]["case"]
    inspector(daemon, "supervisor", "assign", case_id, "--to", "inspector-2")
    inspector(daemon, "inspector-2", "note", case_id, "Visit planned")
    out = tmp_path / "bundle.tar"
    result = run_cli(["audit", "export", "--data", daemon.data, "--out", out])  # the daemon keeps running
    assert result.returncode == 0, result.stderr
    return out


def secrets_of(data) -> dict[str, bytes]:
    """Every secret in the data folder, as raw bytes: the files in secrets/ that are not public,
    and the secret half of every private key file (dev keys and the dev operator key)."""
    found = {}
    for name in ("token-pepper", "log-signing.key", "form-token.key"):
        found[name] = (data / "secrets" / name).read_bytes()
    for key_file in sorted((data / "dev-keys").glob("*.key")):
        secret = json.loads(key_file.read_text())["secret"]
        assert secret["protection"] == "none"
        found[key_file.name] = base64.b64decode(secret["secret"])
    assert len(found) >= 7
    return found


def test_the_bundle_holds_nothing_secret(daemon, bundle):
    raw = bundle.read_bytes()
    with tarfile.open(bundle) as archive:
        assert set(archive.getnames()) == EXPECTED
    for name, secret in secrets_of(daemon.data).items():
        for form in (secret, base64.b64encode(secret), secret.hex().encode()):
            assert form not in raw, f"the secret of {name} is in the auditor's bundle"


def test_separation_accepts_the_bundle_without_the_source_tree_and_reports_what_it_covers(daemon, bundle, tmp_path):
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    report = empty / "report.md"
    result = run_bounded([str(BINARY), "audit", "separation", "--data", str(bundle), "--report", str(report)],
                         timeout=120, cwd=empty)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(("PASS", "FAIL"))]
    assert len(lines) == 6 and all(line.startswith("PASS") for line in lines), result.stdout

    text = report.read_text()
    with tarfile.open(bundle) as archive:
        manifest = json.load(archive.extractfile("safeintake-audit-bundle.json"))
        database = archive.extractfile("safeintake.sqlite").read()
    deployment = si.http("GET", daemon.url + "/v1/audit/log-key").body.decode().strip().split("+")[0]
    version = run_cli(["--version"]).stdout.strip()
    assert manifest["deployment"] == deployment and deployment in text
    assert version in text
    assert hashlib.sha256(database).hexdigest() in text
    assert f"{manifest['checkpoint_size']} entries, root" in text
    assert "What each check means" in text and text.count("**Holds**") == 6
    assert "What this audit does not prove" in text and "does not read any complaint" in text


def test_a_bundle_whose_database_was_altered_is_refused(bundle, tmp_path):
    data = bytearray(bundle.read_bytes())
    with tarfile.open(bundle) as archive:
        member = archive.getmember("safeintake.sqlite")
    data[member.offset_data + member.size - 100] ^= 0x01
    altered = tmp_path / "altered.tar"
    altered.write_bytes(bytes(data))
    result = run_cli(["audit", "separation", "--data", altered])
    assert result.returncode != 0 and "does not match the hash" in result.stderr

