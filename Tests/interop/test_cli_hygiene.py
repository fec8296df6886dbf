"""Issue 19 #6, CLI hygiene for inspectors, from the outside: a passphrase-protected key unlocked
once by `inspector agent start`, then `inspector cases`, `note --stdin` and `reply --text-file`
with SAFEINTAKE_AGENT and no passphrase anywhere; the agent's own process (no passphrase in its
environment or arguments), its end at its lifetime, on `agent stop` and on SIGTERM, each time with
its socket gone; and the note's text never in a process listing. Every agent a test starts is
stopped when the test ends, failed or not. (The uid check needs a second user: it is tested in
Swift, Tests/KeyAgentTests, with the peer's uid injected.)
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from safeintake_py import BINARY, run_cli
from test_acceptance import file_complaint

PASSPHRASE = "a long passphrase for tests only"
NOTE = "Payslips for March seen at the estate office; employer promised back pay (note 7f3a)"
REPLY = "We will visit on Monday. Can you meet at the bus stop?"


@pytest.fixture
def backend():
    """The agent is the inspector's machine's business: one store is enough."""
    return "sqlite"


@pytest.fixture
def protected_key(daemon, tmp_path) -> Path:
    """A passphrase-protected inspector key, registered on the daemon to receive new cases."""
    keys = tmp_path / "keys"
    keys.mkdir()
    key = keys / "ana.key"
    made = run_cli(["keys", "generate", "--name", "ana", "--role", "inspector", "--out", key],
                   env_extra={"SAFEINTAKE_PASSPHRASE": PASSPHRASE})
    assert made.returncode == 0, made.stderr
    registered = run_cli(["keys", "register", *daemon.store_args(), "--public-key", keys / "ana.pub", "--receives-new-cases"])
    assert registered.returncode == 0, registered.stderr
    shutil.copy(daemon.data / "secrets" / "operator.pub", keys / "operator.pub")
    return key


def alive(pid: int) -> bool:
    """Running (an exited process not yet reaped is not)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not alive(pid)


@pytest.fixture
def agents():
    """Starts agents; stops every one afterwards (`agent stop`, then SIGTERM, then SIGKILL)."""
    started: list[dict] = []

    def start(key: Path, *extra: str) -> dict:
        r = run_cli(["inspector", "agent", "start", "--key", key, *extra], env_extra={"SAFEINTAKE_PASSPHRASE": PASSPHRASE})
        assert r.returncode == 0, r.stderr
        lines = r.stdout.splitlines()
        assert lines[0].startswith("SAFEINTAKE_AGENT='") and lines[0].endswith("'; export SAFEINTAKE_AGENT;"), r.stdout
        assert lines[1].startswith("SAFEINTAKE_AGENT_PID="), r.stdout
        agent = {"socket": lines[0].split("'")[1], "pid": int(lines[1].split("=")[1].split(";")[0]), "stderr": r.stderr}
        started.append(agent)
        return agent

    try:
        yield start
    finally:
        for agent in started:
            if alive(agent["pid"]):
                run_cli(["inspector", "agent", "stop", "--socket", agent["socket"]], timeout=10)
            for sig in (signal.SIGTERM, signal.SIGKILL):
                if not wait_gone(agent["pid"], 5):
                    try:
                        os.kill(agent["pid"], sig)
                    except ProcessLookupError:
                        pass


def inspector(daemon, key, *args, env=None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The inspector CLI with no passphrase available: none in the environment, no terminal."""
    argv = [str(BINARY), "inspector", *map(str, args), "--server", daemon.url, "--key", str(key)]
    environment = {k: v for k, v in os.environ.items() if k not in ("SAFEINTAKE_PASSPHRASE", "SAFEINTAKE_AGENT")}
    environment.update({"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost", **(env or {})})
    # A session of its own: no controlling terminal either, so nothing can prompt for a passphrase.
    return subprocess.run(argv, input=stdin if stdin is not None else "", capture_output=True, text=True,
                          env=environment, timeout=60, start_new_session=True)


def test_one_unlock_serves_cases_note_and_reply_without_a_passphrase(daemon, protected_key, agents, tmp_path):
    file_complaint(daemon)
    refused = inspector(daemon, protected_key, "cases")
    assert refused.returncode != 0 and "passphrase" in refused.stderr, "without the agent there is no passphrase to be had"

    agent = agents(protected_key, "--ttl", "10m")
    socket = Path(agent["socket"])
    assert socket.is_socket() and socket.stat().st_mode & 0o777 == 0o600
    assert socket.parent.stat().st_mode & 0o777 == 0o700
    assert "ana's key" in agent["stderr"] and "agent stop" in agent["stderr"]
    # The agent's own process: no passphrase in its environment or arguments, not dumpable.
    with open(f"/proc/{agent['pid']}/environ", "rb") as f:
        environ = f.read()
    with open(f"/proc/{agent['pid']}/cmdline", "rb") as f:
        cmdline = f.read()
    assert b"SAFEINTAKE_PASSPHRASE" not in environ and PASSPHRASE.encode() not in environ + cmdline
    env = {"SAFEINTAKE_AGENT": agent["socket"]}

    listed = inspector(daemon, protected_key, "cases", env=env)
    assert listed.returncode == 0, listed.stderr
    cases = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(cases) == 1 and cases[0]["status"] == "received", "JSON lines when stdout is not a terminal, as before"
    assert "warning" not in listed.stderr, listed.stderr
    case_id = cases[0]["case"]

    noted = inspector(daemon, protected_key, "note", case_id, "--stdin", env=env, stdin=NOTE + "\n")
    assert noted.returncode == 0, noted.stderr
    message = tmp_path / "reply.txt"
    message.write_text(REPLY + "\n", encoding="utf-8")
    replied = inspector(daemon, protected_key, "reply", case_id, "--text-file", message, "--request-info", env=env)
    assert replied.returncode == 0, replied.stderr

    shown = inspector(daemon, protected_key, "show", case_id, "--full", env=env)
    assert shown.returncode == 0, shown.stderr
    thread = json.loads(shown.stdout)["notes"]
    assert [n["text"] for n in thread] == [NOTE, "[request_info] " + REPLY], "one trailing newline off, nothing else"

    status = run_cli(["inspector", "agent", "status"], env_extra=env)
    assert status.returncode == 0, status.stderr
    held = json.loads(status.stdout)
    assert held["name"] == "ana" and held["pid"] == agent["pid"] and 0 < held["expires_in"] <= 600

    stopped = run_cli(["inspector", "agent", "stop"], env_extra=env)
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.strip() == "unset SAFEINTAKE_AGENT SAFEINTAKE_AGENT_PID;"
    assert wait_gone(agent["pid"], 5), "the agent exits on stop"
    assert not socket.exists() and not socket.parent.exists()
    after = inspector(daemon, protected_key, "cases", env=env)
    assert after.returncode != 0 and "key agent" in after.stderr and "passphrase" in after.stderr, after.stderr


def test_note_text_from_stdin_is_never_in_a_process_listing(daemon, protected_key, agents):
    file_complaint(daemon)
    agent = agents(protected_key)
    env = {"SAFEINTAKE_AGENT": agent["socket"]}
    case_id = json.loads(inspector(daemon, protected_key, "cases", env=env).stdout.splitlines()[0])["case"]
    argv = [str(BINARY), "inspector", "note", case_id, "--stdin", "--server", daemon.url, "--key", str(protected_key)]
    environment = {k: v for k, v in os.environ.items() if k != "SAFEINTAKE_PASSPHRASE"}
    environment.update(env, NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
                            start_new_session=True)
    try:
        time.sleep(0.5)  # it is running, waiting for its standard input
        assert proc.poll() is None
        with open(f"/proc/{proc.pid}/cmdline", "rb") as f:
            assert f.read().split(b"\0")[:-1] == [a.encode() for a in argv], "its arguments are exactly the ones given"
        listing = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
        assert str(proc.pid) in listing and "note 7f3a" not in listing, "the note is in a process listing"
        out, err = proc.communicate(input=(NOTE + "\n").encode(), timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    shown = json.loads(inspector(daemon, protected_key, "show", case_id, "--full", env=env).stdout)
    assert shown["notes"][0]["text"] == NOTE


def test_the_agent_ends_at_its_lifetime_and_on_sigterm_and_takes_its_socket_along(daemon, protected_key, agents):
    short = agents(protected_key, "--ttl", "2s")
    socket = Path(short["socket"])
    assert socket.is_socket()
    assert wait_gone(short["pid"], 15), "the agent outlived its lifetime"
    assert not socket.exists() and not socket.parent.exists()
    late = run_cli(["inspector", "agent", "status", "--socket", socket])
    assert late.returncode != 0 and "cannot reach the agent" in late.stderr

    dev = run_cli(["inspector", "agent", "start", "--key", daemon.key("inspector-1")])
    assert dev.returncode != 0 and "no passphrase" in dev.stderr and dev.stdout == "", "a development key needs no agent"
    wrong = run_cli(["inspector", "agent", "start", "--key", protected_key], env_extra={"SAFEINTAKE_PASSPHRASE": "not the passphrase"})
    assert wrong.returncode != 0 and "wrong passphrase" in wrong.stderr and wrong.stdout == ""
    assert run_cli(["inspector", "agent", "start", "--key", protected_key, "--ttl", "25h"]).returncode != 0

    long = agents(protected_key, "--ttl", "1h")
    os.kill(long["pid"], signal.SIGTERM)
    assert wait_gone(long["pid"], 5), "SIGTERM stops the agent"
    assert not Path(long["socket"]).exists()


def test_text_sources_are_checked_before_anything_is_sent(daemon, protected_key, agents, tmp_path):
    file_complaint(daemon)
    agent = agents(protected_key)
    env = {"SAFEINTAKE_AGENT": agent["socket"]}
    case_id = json.loads(inspector(daemon, protected_key, "cases", env=env).stdout.splitlines()[0])["case"]
    two = inspector(daemon, protected_key, "note", case_id, "typed", "--stdin", env=env, stdin="piped")
    assert two.returncode != 0 and "more than once" in two.stderr
    none = inspector(daemon, protected_key, "reply", case_id, env=env)
    assert none.returncode != 0 and "--text-file" in none.stderr
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Salário atrasado".encode("latin-1"))
    bad = inspector(daemon, protected_key, "note", case_id, "--text-file", latin1, env=env)
    assert bad.returncode != 0 and "not UTF-8" in bad.stderr
    huge = inspector(daemon, protected_key, "note", case_id, "--stdin", env=env, stdin="x" * 9000)
    assert huge.returncode != 0 and "longer than 8192 bytes" in huge.stderr
    both = inspector(daemon, protected_key, "status", case_id, "closed", "--outcome-stdin", "--tell-reporter-stdin", env=env)
    assert both.returncode != 0 and "standard input carries one text" in both.stderr
    outcome = tmp_path / "outcome.txt"
    outcome.write_text("Back pay recovered\n", encoding="utf-8")
    closed = inspector(daemon, protected_key, "status", case_id, "closed", "--outcome-file", outcome,
                       "--tell-reporter-stdin", env=env, stdin="Your employer paid.\n")
    assert closed.returncode == 0, closed.stderr
    shown = json.loads(inspector(daemon, protected_key, "show", case_id, "--full", env=env).stdout)
    assert shown["status"] == "closed" and shown["notes"][-1]["text"].endswith("Back pay recovered")
    assert [n["text"] for n in shown["notes"] if n["kind"] == "note"] == [], "nothing was sent by the refused commands"


def test_show_reads_as_a_card_with_format_table_and_stays_json_otherwise(daemon, protected_key, agents):
    file_complaint(daemon)
    env = {"SAFEINTAKE_AGENT": agents(protected_key)["socket"]}
    case_id = json.loads(inspector(daemon, protected_key, "cases", env=env).stdout.splitlines()[0])["case"]
    table = inspector(daemon, protected_key, "show", case_id, "--full", "--format", "table", env=env)
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith(f"case        {case_id}\n") and "\nNarrative\n" in table.stdout and "\nThread\n" in table.stdout
    plain = inspector(daemon, protected_key, "show", case_id, env=env)
    assert json.loads(plain.stdout)["case"] == case_id
