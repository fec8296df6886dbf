"""The daemon's edges after the security review of 2026-12 (issue 17), from the outside: core dumps
off and files owner-only (I1, I2), a cap on the audit routes that keeps filing served (F9), the
README's curl line against the stricter content-type rule (F11), weak passphrases refused for new
keys (I8), and the suite's own processes accounted for (a daemon once outlived `scripts/test`)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import time
from pathlib import Path

import pytest

import safeintake_py as si
from conftest import Daemon
from process_tracking import leftover_processes
from safeintake_py import PROJECT_ROOT, run_bounded, run_cli
from test_acceptance import COMPLAINT

GOOD_PASSPHRASE = "paalam sa visa, hindi sa sahod 7"


def _loose(data: Path) -> dict[str, str]:
    """Everything in the folder (and the folder) that group or others may read, with its mode."""
    return {str(p.relative_to(data)): oct(p.stat().st_mode & 0o777)
            for p in [data, *data.rglob("*")] if p.stat().st_mode & 0o077}


def test_serve_dumps_no_core_and_keeps_every_file_owner_only(safeintake_bin, tmp_path):
    d = Daemon(safeintake_bin, tmp_path)
    old_umask = os.umask(0o022)  # what the daemon inherits from a typical shell
    try:
        d.start()
        limits = Path(f"/proc/{d.proc.pid}/limits").read_text()
        core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
        assert core.split()[4:6] == ["0", "0"], core
        assert si.post_json(d.url + "/v1/complaints", COMPLAINT).status == 201
        files = {p.name for p in d.data.rglob("*")}
        assert {"safeintake.sqlite", "safeintake.sqlite-wal", "safeintake.sqlite-shm"} <= files, files
        assert _loose(d.data) == {}, "created readable by group or others"
        assert d.stop() == 0

        # A folder as an earlier version or an operator left it: made readable by all.
        os.chmod(d.data, 0o755)
        for p in d.data.rglob("*"):
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
        (d.data / "operator-notes.txt").write_text("kept by the operator")
        assert len(_loose(d.data)) > 5
        d.start()
        assert si.post_json(d.url + "/v1/complaints", COMPLAINT).status == 201
        assert _loose(d.data) == {}, "left readable by group or others"
    finally:
        os.umask(old_umask)
        d.stop()


def test_the_audit_cap_answers_429_and_complaints_are_still_filed(daemon_factory):
    d = daemon_factory(["--audit-rate", "0.5"])  # bursts of 1
    first = si.http("GET", d.url + "/v1/audit/checkpoint")
    assert first.status == 200, first.body
    flood = [si.http("GET", d.url + "/v1/audit/entries?start=0&end=1000") for _ in range(5)]
    refused = [r for r in flood if r.status == 429]
    assert refused, [r.status for r in flood]
    assert all(int(r.headers["retry-after"]) >= 1 and r.json()["error"] == "rate_limited" for r in refused)
    filed = si.post_json(d.url + "/v1/complaints", COMPLAINT)
    assert filed.status == 201, filed.body


def test_the_readme_curl_line_files_a_complaint(daemon):
    """The README's quick-start line, run as written (with the port of this daemon); and the same
    line without its -H, which a page on another site could make a browser send, is refused."""
    readme = (PROJECT_ROOT / "README.md").read_text()
    line = next(l for l in readme.splitlines() if l.startswith("curl ") and "/v1/complaints" in l)
    argv = [a.replace("http://127.0.0.1:8080", d_url) for d_url in [daemon.url] for a in shlex.split(line)]
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    ok = run_bounded(argv, timeout=60, env=env)
    assert ok.returncode == 0 and re.fullmatch(r'\{"token":"[0-9]{4}(-[0-9]{4}){4,}"\}', ok.stdout.strip()), ok.stdout + ok.stderr
    i = argv.index("-H")
    bare = run_bounded(argv[:i] + argv[i + 2:] + ["-w", "\n%{http_code}"], timeout=60, env=env)
    assert bare.stdout.strip().endswith("415"), bare.stdout


@pytest.mark.parametrize("weak", ["x", "short pass1", "aaaaaaaaaaaaaaaa", "abcabcabcabcabc"])
@pytest.mark.parametrize("command", [["generate", "--name", "inspector-9"], ["operator-generate"]])
def test_keys_generate_refuses_a_weak_passphrase_and_writes_nothing(tmp_path, weak, command):
    out = tmp_path / "new.key"
    r = run_cli(["keys", *command, "--out", out], env_extra={"SAFEINTAKE_PASSPHRASE": weak})
    assert r.returncode != 0, r.stdout
    assert "passphrase" in r.stderr and ("12" in r.stderr or "different" in r.stderr), r.stderr
    assert not out.exists() and not out.with_suffix(".pub").exists()


def test_keys_generate_takes_a_passphrase_of_a_few_words(tmp_path):
    out = tmp_path / "inspector-9.key"
    r = run_cli(["keys", "generate", "--name", "inspector-9", "--out", out], env_extra={"SAFEINTAKE_PASSPHRASE": GOOD_PASSPHRASE})
    assert r.returncode == 0, r.stderr
    assert si.load_key_file(json.loads(out.read_text()), GOOD_PASSPHRASE.encode()).key_id in r.stdout


def test_a_daemon_cannot_be_started_over_a_running_one(safeintake_bin, tmp_path):
    """What left a daemon running after `scripts/test`: a test started a fixture's daemon again
    with another data folder, and the first process was never stopped."""
    d = Daemon(safeintake_bin, tmp_path)
    try:
        d.start()
        first = d.proc
        with pytest.raises(AssertionError, match="still running"):
            d.start()
        assert d.proc is first and first.poll() is None
    finally:
        d.stop()
    assert first.poll() is not None


def test_processes_the_suite_starts_are_found_and_a_timed_out_cli_takes_its_children_along(tmp_path):
    child = subprocess.Popen(["sleep", "300"], stdin=subprocess.DEVNULL)
    try:
        # Until the child has exec'd, /proc shows the environment it was forked with (the suite's
        # own, without the marker): give it a moment on a loaded machine.
        deadline = time.monotonic() + 10
        while child.pid not in {pid for pid, _ in leftover_processes(only_safeintake=False)} and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.pid in {pid for pid, _ in leftover_processes(only_safeintake=False)}
    finally:
        child.kill()
        child.wait()
    assert child.pid not in {pid for pid, _ in leftover_processes(only_safeintake=False)}
    # A command that starts a process of its own and outlives its time: both go.
    script = tmp_path / "grandchild.pid"
    with pytest.raises(subprocess.TimeoutExpired):
        run_bounded(["sh", "-c", f"sleep 300 & echo $! > {script}; wait"], timeout=2)
    grandchild = int(script.read_text())
    assert grandchild not in {pid for pid, _ in leftover_processes(only_safeintake=False, grace_seconds=5)}
