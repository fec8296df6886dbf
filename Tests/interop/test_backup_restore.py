"""`safeintake backup` and `safeintake restore` (issue 22, item 6; ../shared/CONTRACT.md).

A backup is taken while complaints keep arriving; restored into a new folder, a daemon started on
it holds every case acknowledged before the backup began, their tokens work, an inspector's key
opens them, `audit separation` accepts the folder and `audit verify --state` accepts the log as an
extension of what the auditor saw. A backup older than what the log already published is refused
with the word ROLLBACK, and when restored anyway auditors see the rollback.
"""

from __future__ import annotations

import json
import tarfile
import threading
import time

import pytest

import safeintake_py as si
from conftest import Daemon
from safeintake_py import run_cli
from test_acceptance import cli_cases, file_complaint

PASSPHRASE = "seven unrelated words in my language"


@pytest.fixture
def backend():
    """Backup and restore cover the embedded SQLite store; PostgreSQL uses pg_dump (test_pg_dump_restore)."""
    return "sqlite"


@pytest.fixture
def restored_daemons(safeintake_bin, tmp_path):
    """Daemons started on restored folders; stopped at the end, failed test or not."""
    started: list[Daemon] = []

    def make(name: str) -> Daemon:
        workdir = tmp_path / name
        workdir.mkdir(exist_ok=True)
        d = Daemon(safeintake_bin, workdir)
        started.append(d)
        return d

    try:
        yield make
    finally:
        for d in started:
            d.stop()


def status_ok(d, token: str) -> bool:
    return si.post_json(d.url + "/v1/status", {"token": token}).status == 200


def verify(d, state) -> "si.subprocess.CompletedProcess":
    return run_cli(["audit", "verify", "--server", d.url, "--state", state])


def test_a_backup_taken_while_filing_restores_every_acknowledged_case(daemon, restored_daemons, tmp_path):
    tokens = [file_complaint(daemon) for _ in range(4)]
    cases_before = {c["case"] for c in cli_cases(daemon, "supervisor")}
    state = tmp_path / "auditor.json"
    assert verify(daemon, state).returncode == 0

    # Complaints keep arriving while the backup runs; each records when it was acknowledged.
    stop, acknowledged, errors = threading.Event(), [], []

    def keep_filing():
        while not stop.is_set():
            try:
                acknowledged.append((time.monotonic(), file_complaint(daemon)))
            except BaseException as e:  # noqa: BLE001 (reported below, not lost in the thread)
                errors.append(repr(e))
                return

    filer = threading.Thread(target=keep_filing)
    filer.start()
    try:
        while not acknowledged and not errors:
            time.sleep(0.01)
        began = time.monotonic()
        backup = tmp_path / "backup.tar"
        result = run_cli(["backup", "--data", daemon.data, "--out", backup, "--with-secrets"],
                         env_extra={"SAFEINTAKE_PASSPHRASE": PASSPHRASE})
        ended = time.monotonic()
        time.sleep(0.2)
    finally:
        stop.set()
        filer.join(timeout=30)
    assert not errors, errors
    assert result.returncode == 0, result.stderr
    assert any(began <= t <= ended for t, _ in acknowledged), "no complaint was filed while the backup ran"

    # The archive is a plain tar any tool reads; the secrets in it are sealed, not in the clear.
    with tarfile.open(backup) as archive:
        names = set(archive.getnames())
        manifest = json.load(archive.extractfile("safeintake-backup.json"))
    assert {"safeintake-backup.json", "safeintake.sqlite", "log-signed-head", "secrets.sealed", "operator.pub"} <= names
    assert not any(n.startswith(("dev-keys", "secrets/")) or n.endswith(".key") for n in names), names
    raw = backup.read_bytes()
    for secret in ("token-pepper", "log-signing.key", "form-token.key"):
        assert (daemon.data / "secrets" / secret).read_bytes() not in raw, f"{secret} is in the backup in the clear"
    assert manifest["secrets_sealed"] is True and manifest["log_size"] >= manifest["signed_head_size"]

    restored_dir = tmp_path / "restored" / "data"
    result = run_cli(["restore", backup, "--data", restored_dir], env_extra={"SAFEINTAKE_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    for secret in ("token-pepper", "log-signing.key", "form-token.key", "operator.pub"):
        assert (restored_dir / "secrets" / secret).read_bytes() == (daemon.data / "secrets" / secret).read_bytes()
    assert (restored_dir.stat().st_mode & 0o777) == 0o700
    assert (restored_dir / "safeintake.sqlite").stat().st_mode & 0o077 == 0

    separation = run_cli(["audit", "separation", "--data", restored_dir])
    assert separation.returncode == 0, separation.stdout + separation.stderr

    restored = restored_daemons("restored")
    assert restored.data == restored_dir
    restored.start()
    for token in tokens:
        assert status_ok(restored, token), "a token acknowledged before the backup does not work after the restore"
    # The original inspectors' keys (and the checkpoints their clients pinned) open the restored cases.
    listed = run_cli(["inspector", "cases", "--server", restored.url, "--key", daemon.key("supervisor")])
    assert listed.returncode == 0, listed.stderr
    assert cases_before <= {json.loads(line)["case"] for line in listed.stdout.splitlines() if line.strip()}
    shown = run_cli(["inspector", "show", sorted(cases_before)[0], "--server", restored.url, "--key", daemon.key("inspector-1")])
    assert shown.returncode == 0 and json.loads(shown.stdout)["fields"]["employer_name"], shown.stderr
    # The auditor who saw the log before the backup sees the restored log extend it.
    audited = verify(restored, state)
    assert audited.returncode == 0, audited.stdout + audited.stderr
    assert "append-only extension" in audited.stdout


def test_an_older_backup_is_refused_as_a_rollback_and_auditors_see_it_when_forced(daemon, restored_daemons, tmp_path):
    file_complaint(daemon)
    backup = tmp_path / "old.tar"
    result = run_cli(["backup", "--data", daemon.data, "--out", backup])  # secrets kept apart
    assert result.returncode == 0, result.stderr
    assert "NOT included" in result.stdout
    for _ in range(3):
        file_complaint(daemon)
    state = tmp_path / "auditor.json"
    assert verify(daemon, state).returncode == 0  # the log key signs the larger head now

    target = tmp_path / "restored" / "data"
    refused = run_cli(["restore", backup, "--data", target, "--secrets", daemon.data / "secrets"])
    assert refused.returncode != 0
    assert "ROLLBACK" in refused.stderr and "--accept-rollback" in refused.stderr, refused.stderr
    assert not target.exists() or not any(target.iterdir()), "a refused restore left files behind"

    forced = run_cli(["restore", backup, "--data", target, "--secrets", daemon.data / "secrets", "--accept-rollback"])
    assert forced.returncode == 0, forced.stderr
    assert "ROLLBACK" in forced.stderr
    restored = restored_daemons("restored")
    restored.start()
    audited = verify(restored, state)
    assert audited.returncode != 0, audited.stdout
    assert "shrank" in audited.stdout or "history was rewritten" in audited.stdout, audited.stdout


def test_a_backup_without_secrets_restores_to_a_folder_the_auditor_accepts(daemon, tmp_path):
    file_complaint(daemon)
    backup = tmp_path / "backup.tar"
    assert run_cli(["backup", "--data", daemon.data, "--out", backup]).returncode == 0
    target = tmp_path / "restored"
    result = run_cli(["restore", backup, "--data", target])
    assert result.returncode == 0, result.stderr
    assert "NOT restored" in result.stdout
    assert not (target / "secrets" / "token-pepper").exists()
    separation = run_cli(["audit", "separation", "--data", target])
    assert separation.returncode == 0, separation.stdout + separation.stderr


def test_restore_refuses_a_non_empty_folder_a_wrong_passphrase_and_an_altered_backup(daemon, tmp_path):
    file_complaint(daemon)
    backup = tmp_path / "backup.tar"
    assert run_cli(["backup", "--data", daemon.data, "--out", backup, "--with-secrets"],
                   env_extra={"SAFEINTAKE_PASSPHRASE": PASSPHRASE}).returncode == 0
    again = run_cli(["backup", "--data", daemon.data, "--out", backup])
    assert again.returncode != 0 and "exists" in again.stderr, "a backup replaced an existing file"

    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "keep.txt").write_text("mine")
    result = run_cli(["restore", backup, "--data", occupied], env_extra={"SAFEINTAKE_PASSPHRASE": PASSPHRASE})
    assert result.returncode != 0 and "not an empty folder" in result.stderr
    assert sorted(p.name for p in occupied.iterdir()) == ["keep.txt"]

    wrong = run_cli(["restore", backup, "--data", tmp_path / "w"], env_extra={"SAFEINTAKE_PASSPHRASE": "not the passphrase at all"})
    assert wrong.returncode != 0 and "wrong passphrase" in wrong.stderr
    assert not (tmp_path / "w").exists()

    altered = tmp_path / "altered.tar"
    data = bytearray(backup.read_bytes())
    with tarfile.open(backup) as archive:
        member = archive.getmember("safeintake.sqlite")
    data[member.offset_data + member.size // 2] ^= 0x01
    altered.write_bytes(bytes(data))
    result = run_cli(["restore", altered, "--data", tmp_path / "a"], env_extra={"SAFEINTAKE_PASSPHRASE": PASSPHRASE})
    assert result.returncode != 0 and "does not match the hash" in result.stderr
