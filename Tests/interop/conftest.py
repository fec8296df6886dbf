"""Shared fixtures for the black-box interop and acceptance tests.

The binary comes from $SAFEINTAKE_BIN, else <project root>/.build/debug/safeintake, where the
project root is two levels above this folder. Every daemon listens on 127.0.0.1 only.

Every test that uses `daemon` or `daemon_factory` runs twice: on the embedded SQLite store and on
PostgreSQL (a fresh database per daemon on the server scripts/with-postgres started; see
pg_support.py for when that case is skipped and when it fails).

Every process the suite starts stops when the test that started it ends, failed or not (fixtures
stop what they start; `Daemon.start` refuses to start a second process over a running one;
`run_cli` kills the whole process group on a timeout). Every process the suite starts, and every
process those start, carries `SAFEINTAKE_TEST_SESSION` in its environment: at the end of the
session `no_process_left_behind` fails the run if any `safeintake` process so marked is still
running, and stops it (a daemon once outlived `scripts/test`: issue 17).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pg_support  # noqa: E402
from process_tracking import leftover_processes, stop_processes  # noqa: E402
from safeintake_py import BINARY  # noqa: E402

READY_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


@pytest.fixture(scope="session", autouse=True)
def no_process_left_behind():
    """Torn down after every other fixture: fails the session if a `safeintake` process the suite
    started (directly or through another, e.g. `bench intake`'s daemons) is still running, after
    stopping it so that nothing outlives the run either way."""
    yield
    left = leftover_processes(only_safeintake=True, grace_seconds=10.0)
    if left:
        stop_processes(left)
        pytest.fail("processes started by the test suite were still running at its end (now stopped): "
                    + "; ".join(f"pid {pid}: {cmd}" for pid, cmd in left), pytrace=False)


@pytest.fixture(scope="session")
def safeintake_bin() -> Path:
    if not BINARY.is_file() or not os.access(BINARY, os.X_OK):
        pytest.fail(f"safeintake binary not found at {BINARY} (build it or set SAFEINTAKE_BIN)")
    return BINARY


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Daemon:
    def __init__(self, binary: Path, workdir: Path, database: str | None = None):
        self.binary = binary
        self.workdir = workdir
        self.database = database  # a PostgreSQL database name, or None for SQLite
        self.wal_start = pg_support.wal_position() if database else None
        self.data = workdir / "data"
        self.stderr_path = workdir / "daemon.stderr"  # outside the data folder on purpose
        self.stdout_path = workdir / "daemon.stdout"
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None
        self.returncode: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def key(self, name: str) -> Path:
        return self.data / "dev-keys" / f"{name}.key"

    def stderr_text(self) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    @property
    def backend(self) -> str:
        return "postgres" if self.database else "sqlite"

    def store_args(self) -> list[str]:
        """How the operator's commands (keys, retention) reach this daemon's store."""
        return ["--data", str(self.data)] + (["--database", pg_support.url_for(self.database)] if self.database else [])

    def stored_blobs(self) -> list[tuple[str, bytes]]:
        """Everything stored at rest: the data folder, and on PostgreSQL what the server wrote."""
        blobs = [(str(p.relative_to(self.data)), p.read_bytes()) for p in sorted(self.data.rglob("*")) if p.is_file()]
        if self.database:
            blobs += pg_support.stored_bytes(self.database, since=self.wal_start)
        return blobs

    def start(self, extra_args=(), database_in_args: bool = False) -> None:
        """Starts the daemon. PostgreSQL's URL goes in SAFEINTAKE_DATABASE, as operators should
        pass a URL with a password, or with `database_in_args` as --database. Refuses while this
        daemon's process still runs: starting another over it would lose track of the first,
        which then outlives the test (stop() first, e.g. before pointing `data` elsewhere)."""
        if self.proc is not None and self.proc.poll() is None:
            raise AssertionError(f"daemon on port {self.port} is still running: stop() it before start()")
        env = {k: v for k, v in os.environ.items() if k != "SAFEINTAKE_DATABASE"}
        args = list(extra_args)
        if self.database and database_in_args:
            args += ["--database", pg_support.url_for(self.database)]
        elif self.database:
            env["SAFEINTAKE_DATABASE"] = pg_support.url_for(self.database)
        last_error = ""
        for _attempt in range(3):  # a picked port can be taken before the daemon binds it
            self.port = _free_port()
            with open(self.stderr_path, "ab") as err, open(self.stdout_path, "ab") as out:
                self.proc = subprocess.Popen(
                    [str(self.binary), "serve", "--data", str(self.data), "--host", "127.0.0.1",
                     "--port", str(self.port), "--argon2-ops", "1", "--argon2-mem-kib", "8",
                     *args],
                    stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=self.workdir, env=env)
            deadline = time.monotonic() + READY_TIMEOUT
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    last_error = f"daemon exited with {self.proc.returncode} before it was ready"
                    break
                try:
                    with opener.open(self.url + "/", timeout=2) as r:
                        if r.status == 200:
                            return
                except (urllib.error.URLError, ConnectionError, OSError) as e:
                    last_error = repr(e)
                time.sleep(0.1)
            else:
                self.kill()
                raise AssertionError(f"daemon not ready within {READY_TIMEOUT}s: {last_error}\n"
                                     f"{self.stderr_text()}")
        raise AssertionError(f"daemon failed to start: {last_error}\n{self.stderr_text()}")

    def stop(self, timeout: float = STOP_TIMEOUT) -> int | None:
        """SIGTERM, then wait; returns the exit code, or None if it had to be killed."""
        if self.proc is None:
            return self.returncode
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.returncode = self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                self.returncode = None
        else:
            self.returncode = self.proc.returncode
        self.proc = None
        return self.returncode

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            try:
                self.proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for d in getattr(item, "_safeintake_daemons", []):
            report.sections.append((f"safeintake daemon stderr (port {d.port})", d.stderr_text()))


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request) -> str:
    """The store every daemon of the test runs on."""
    if request.param == "postgres":
        pg_support.require()
    return request.param


@pytest.fixture
def daemon_factory(request, safeintake_bin, backend):
    """Starts fresh daemons, each in its own temp folder and (on PostgreSQL) its own new database
    unless `database` names one to share; `secrets_from` copies another daemon's secrets folder
    first, as an operator does for a second daemon. All are stopped afterwards."""
    started: list[Daemon] = []
    request.node._safeintake_daemons = started
    workdirs: list[Path] = []

    def start(extra_args=(), *, database: str | None = None, secrets_from: Daemon | None = None,
              database_in_args: bool = False) -> Daemon:
        workdir = Path(tempfile.mkdtemp(prefix="safeintake-interop-"))
        workdirs.append(workdir)
        if backend == "postgres" and database is None:
            database = pg_support.create_database()
        d = Daemon(safeintake_bin, workdir, database if backend == "postgres" else None)
        if secrets_from is not None:
            shutil.copytree(secrets_from.data / "secrets", d.data / "secrets")
        started.append(d)
        d.start(extra_args, database_in_args=database_in_args)
        return d

    try:
        yield start
    finally:
        for d in started:
            d.stop()
    if not os.environ.get("SAFEINTAKE_KEEP_TEST_DATA"):
        for w in workdirs:
            shutil.rmtree(w, ignore_errors=True)


@pytest.fixture
def daemon(daemon_factory) -> Daemon:
    """One running daemon on a fresh, empty data folder (and, on PostgreSQL, a fresh database)."""
    return daemon_factory()
