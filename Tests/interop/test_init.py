"""`safeintake init --data DIR` (issue 22, item 5): the production bootstrap.

From an operator key and holders' public key files made the documented way, `init` sets up a
folder on which a daemon starts without creating development keys, takes complaints, and routes
them to the registered keys; `init` refuses development keys of every kind and a folder in use.
"""

from __future__ import annotations

import json

import pytest

from conftest import Daemon
from safeintake_py import run_cli
from test_acceptance import file_complaint

PASSPHRASE = {"SAFEINTAKE_PASSPHRASE": "a long passphrase for tests only"}


@pytest.fixture
def backend():
    """`init` on SQLite here (PostgreSQL takes --database the same way as `keys register`)."""
    return "sqlite"


@pytest.fixture(scope="module")
def real_keys(tmp_path_factory):
    keys = tmp_path_factory.mktemp("keys")
    made = [run_cli(["keys", "operator-generate", "--out", keys / "operator.key"], env_extra=PASSPHRASE),
            run_cli(["keys", "generate", "--name", "lim", "--role", "supervisor", "--out", keys / "lim.key"], env_extra=PASSPHRASE),
            run_cli(["keys", "generate", "--name", "ana", "--role", "inspector", "--out", keys / "ana.key"], env_extra=PASSPHRASE)]
    for result in made:
        assert result.returncode == 0, result.stderr
    return keys


@pytest.fixture
def started(safeintake_bin, tmp_path):
    daemons: list[Daemon] = []

    def start(workdir) -> Daemon:
        d = Daemon(safeintake_bin, workdir)
        daemons.append(d)
        d.start()
        return d

    try:
        yield start
    finally:
        for d in daemons:
            d.stop()


def init(data, keys, *extra, env=PASSPHRASE):
    return run_cli(["init", "--data", data, "--operator-key", keys / "operator.key", "--supervisor", keys / "lim.pub",
                    "--inspector", keys / "ana.pub", *extra], env_extra=env)


def test_init_sets_up_a_folder_a_daemon_runs_on_without_development_keys(real_keys, started, tmp_path):
    workdir = tmp_path / "node"
    result = init(workdir / "data", real_keys, "--inspectors-receive-new-cases")
    assert result.returncode == 0, result.stderr
    assert "registered supervisor lim" in result.stdout and "registered inspector ana" in result.stdout
    data = workdir / "data"
    assert (data.stat().st_mode & 0o777) == 0o700
    for secret in ("token-pepper", "log-signing.key", "form-token.key", "operator.pub"):
        assert (data / "secrets" / secret).stat().st_mode & 0o077 == 0, secret
    assert (data / "secrets" / "operator.pub").read_bytes() == (real_keys / "operator.pub").read_bytes()

    d = started(workdir)
    assert not (data / "dev-keys").exists(), "the daemon created development keys on an init'ed folder"
    assert "DEVELOPMENT KEYS" not in d.stderr_text()
    file_complaint(d)
    cases = run_cli(["inspector", "cases", "--server", d.url, "--key", real_keys / "ana.key"], env_extra=PASSPHRASE)
    assert cases.returncode == 0, cases.stderr
    listed = [json.loads(line) for line in cases.stdout.splitlines() if line.strip()]
    assert len(listed) == 1
    shown = run_cli(["inspector", "show", listed[0]["case"], "--server", d.url, "--key", real_keys / "ana.key"], env_extra=PASSPHRASE)
    assert shown.returncode == 0, shown.stderr
    d.stop()
    audit = run_cli(["audit", "separation", "--data", data])
    assert audit.returncode == 0, audit.stdout + audit.stderr


def test_init_refuses_development_keys_and_a_folder_in_use(real_keys, daemon, tmp_path):
    dev = daemon.data / "dev-keys"
    dev_operator = run_cli(["init", "--data", tmp_path / "a", "--operator-key", dev / "operator.key",
                            "--supervisor", real_keys / "lim.pub"])
    assert dev_operator.returncode != 0 and "development operator key" in dev_operator.stderr
    assert not (tmp_path / "a").exists()

    dev_supervisor = run_cli(["init", "--data", tmp_path / "b", "--operator-key", real_keys / "operator.key",
                              "--supervisor", dev / "supervisor.pub"], env_extra=PASSPHRASE)
    assert dev_supervisor.returncode != 0 and "development key" in dev_supervisor.stderr
    assert not (tmp_path / "b").exists()

    wrong_role = run_cli(["init", "--data", tmp_path / "c", "--operator-key", real_keys / "operator.key",
                          "--supervisor", real_keys / "ana.pub"], env_extra=PASSPHRASE)
    assert wrong_role.returncode != 0 and "given as a supervisor" in wrong_role.stderr

    in_use = init(daemon.data, real_keys)
    assert in_use.returncode != 0 and "not empty" in in_use.stderr
