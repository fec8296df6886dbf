"""Which processes the test suite started, found after the fact (issue 17, item 16).

At import, a random marker goes into this process's environment (`SAFEINTAKE_TEST_SESSION`), so
every process the suite starts inherits it, and so does every process those start (the daemons
`safeintake bench intake` runs, a browser's helpers). /proc/PID/environ shows a process's
environment as it started, so the marker finds them all — and never the suite's own process,
whose starting environment did not have it.
"""

from __future__ import annotations

import os
import signal
import time
import uuid

SESSION_VARIABLE = "SAFEINTAKE_TEST_SESSION"
os.environ.setdefault(SESSION_VARIABLE, uuid.uuid4().hex)
MARKER = f"{SESSION_VARIABLE}={os.environ[SESSION_VARIABLE]}".encode()


def _marked_processes(only_safeintake: bool) -> list[tuple[int, str]]:
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as f:
                if MARKER not in f.read().split(b"\0"):
                    continue
            with open(f"/proc/{name}/stat", "rb") as f:
                if f.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    continue  # exited, not yet reaped: not running
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue  # gone meanwhile, or not ours to read
        if only_safeintake and "safeintake" not in cmd.split(" ", 1)[0]:
            continue
        found.append((int(name), cmd))
    return found


def leftover_processes(only_safeintake: bool = True, grace_seconds: float = 0.0) -> list[tuple[int, str]]:
    """Processes carrying this session's marker that still run; waits up to `grace_seconds` for
    ones that are on their way out (a SIGTERM'd daemon signs its last checkpoint first)."""
    deadline = time.monotonic() + grace_seconds
    while True:
        found = _marked_processes(only_safeintake)
        if not found or time.monotonic() >= deadline:
            return found
        time.sleep(0.2)


def stop_processes(processes: list[tuple[int, str]]) -> None:
    """SIGTERM each by its pid, then SIGKILL whatever is still there a few seconds later."""
    for pid, _ in processes:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{pid}") for pid, _ in processes):
        time.sleep(0.1)
    for pid, _ in processes:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
