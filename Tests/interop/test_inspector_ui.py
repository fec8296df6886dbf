"""Issue 5's local inspector UI, from the outside: `safeintake inspector ui` started against a live
daemon, driven with a plain HTTP client that keeps the session cookie by hand, and checked with
the CLI and the reporter's status API.

The UI must serve 127.0.0.1 only; answer only to its own Host; need the one-time login link, then
the session cookie; need the CSRF token on every form; and change nothing when it refuses.
"""

from __future__ import annotations

import json
import html
import http.client
import os
import queue
import re
import signal
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

import safeintake_py as si
from safeintake_py import BINARY
from test_acceptance import COMPLAINT, cli_cases, file_complaint, get_entries
from test_case_workflow import check_status, inspector, show_full

START_TIMEOUT = 30.0
LOGIN_RE = re.compile(r"^http://127\.0\.0\.1:(\d+)/login\?code=([0-9a-f]{64})$")
SESSION_PATH_RE = re.compile(r"^/s/[0-9a-f]{32}/$")
CSRF_RE = re.compile(r'name="csrf" value="([0-9a-f]{64})"')
HOSTILE = dict(COMPLAINT, narrative="<script>alert('pwned')</script> " + COMPLAINT["narrative"])


class UI:
    """A running `safeintake inspector ui` and a cookie-keeping HTTP client for it."""

    def __init__(self, daemon, key: str):
        env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
        self.proc = subprocess.Popen(
            [str(BINARY), "inspector", "ui", "--server", daemon.url, "--key", str(daemon.key(key)), "--port", "0"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.stdout: list[str] = []
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.proc.poll() is not None:
                self.stop()
                raise AssertionError(f"the UI printed no login link: {self.stdout} {self.proc.stderr.read()}")
            try:
                line = self.lines.get(timeout=min(remaining, 0.5)).strip()
            except queue.Empty:
                continue
            self.stdout.append(line)
            match = LOGIN_RE.match(line)
            if match:
                self.port = int(match.group(1))
                self.login_url = line
                self.login_path = line[len(f"http://127.0.0.1:{self.port}"):]
                break
        self.host = f"127.0.0.1:{self.port}"
        self.cookie: str | None = None
        self.set_cookie = ""
        self.base = ""  # the session's secret path, /s/SECRET/, once logged in

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def request(self, method: str, path: str, form: dict | None = None, host: str | None = None,
                cookie: bool = True, headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        all_headers = {"Host": host or self.host, **(headers or {})}
        if cookie and self.cookie:
            all_headers["Cookie"] = f"safeintake_ui={self.cookie}"
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=all_headers)
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read().decode("utf-8")
        finally:
            conn.close()

    def log_in(self):
        status, headers, _ = self.request("GET", self.login_path, cookie=False)
        assert status == 303, status
        self.set_cookie = headers["set-cookie"]
        self.cookie = self.set_cookie.split(";")[0].split("=", 1)[1]
        self.base = headers["location"]
        assert SESSION_PATH_RE.match(self.base), self.base

    def at(self, path: str = "") -> str:
        """A page of the session: `path` relative to its secret base path."""
        assert self.base, "log in first"
        return self.base + path

    def page(self, path: str) -> str:
        status, _, text = self.request("GET", path)
        assert status == 200, (status, text)
        return text

    def post(self, path: str, form: dict) -> tuple[int, str]:
        status, headers, text = self.request("POST", path, form)
        if status == 303:
            assert headers["location"] == path.rsplit("/", 1)[0]
            return status, self.page(headers["location"])
        return status, text


@pytest.fixture
def ui_factory():
    started: list[UI] = []

    def start(daemon, key: str) -> UI:
        ui = UI(daemon, key)
        started.append(ui)
        return ui

    yield start
    for ui in started:
        ui.stop()


def csrf(page: str) -> str:
    match = CSRF_RE.search(page)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)


def visible(page: str) -> str:
    """The page's text as a person reads it (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def listening_addresses(port: int) -> list[str]:
    """Local addresses with a TCP socket listening on `port`, from /proc/net/tcp{,6}."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.append(address)
    return found


def test_inspector_works_a_case_in_the_browser_ui(daemon, ui_factory):
    token = file_complaint(daemon, HOSTILE)
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    ui = ui_factory(daemon, "inspector-1")

    # Loopback only: one listening socket, on 127.0.0.1 (0100007F in /proc's byte order).
    if Path("/proc/net/tcp").exists():
        assert listening_addresses(ui.port) == ["0100007F"]

    ui.log_in()
    attributes = [a.strip().lower() for a in ui.set_cookie.split(";")]
    assert {"httponly", "samesite=strict", f"path={ui.base}"} <= set(attributes)
    assert not any(a.startswith(("max-age", "expires", "domain")) for a in attributes)

    listing = ui.page(ui.at())
    assert f'href="{ui.at("cases/" + case_id)}"' in listing and "received" in listing

    # The case page: the agency view as the firewall left it, the reporter's markup inert.
    page = ui.page(ui.at(f"cases/{case_id}"))
    text = visible(page)
    for fact in ["Golden Harvest Plantation Sdn Bhd", "RM 900", "Kota Tinggi", "14 hours a day"]:
        assert fact in text, fact
    for status_value in ["overstayed", "P7319024", "undocumented", "visa expired"]:
        assert status_value not in text, status_value
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "DURESS" not in page

    # Status, note and a request for information, each through a form.
    status, page = ui.post(ui.at(f"cases/{case_id}/status"), {"csrf": csrf(page), "status": "investigating", "outcome": ""})
    assert status == 303 and "The case is now investigating." in page
    status, page = ui.post(ui.at(f"cases/{case_id}/notes"), {"csrf": csrf(page), "text": "Payslips requested from employer"})
    assert status == 303 and "Payslips requested from employer" in page
    question = "Which days is the supervisor on the estate?"
    status, page = ui.post(ui.at(f"cases/{case_id}/reply"), {"csrf": csrf(page), "text": question, "kind": "request_info"})
    assert status == 303 and "Request for information sealed to the reporter" in page

    full = show_full(daemon, "inspector-1", case_id)
    assert full["status"] == "investigating"
    assert [n["text"] for n in full["notes"] if n["kind"] == "note"] == ["Payslips requested from employer"]
    assert [n["text"] for n in full["notes"] if n["kind"] == "message_to_reporter"] == ["[request_info] " + question]

    # The reporter reads the question with her token and answers; the UI shows her answer.
    seen = check_status(daemon, token, "Monday and Thursday.")
    assert [(m["from"], m["kind"], m["text"]) for m in seen["messages"]] == [("inspector", "request_info", question)]
    assert "Monday and Thursday." in ui.page(ui.at(f"cases/{case_id}"))

    # Closing needs an outcome: refused with the reason, then done.
    status, page = ui.post(ui.at(f"cases/{case_id}/status"), {"csrf": csrf(page), "status": "closed", "outcome": ""})
    assert status == 400 and "Closing a case needs an outcome" in page
    assert [(c["case"], c["status"]) for c in cli_cases(daemon, "inspector-1")] == [(case_id, "investigating")]

    # The supervisor's UI assigns the case to inspector-2 from the key directory.
    assert cli_cases(daemon, "inspector-2") == []
    boss = ui_factory(daemon, "supervisor")
    boss.log_in()
    page = boss.page(boss.at(f"cases/{case_id}"))
    match = re.search(r'<option value="([0-9a-f]{32})">inspector-2 \(inspector\)</option>', page)
    assert match, "inspector-2 is offered for assignment"
    status, page = boss.post(boss.at(f"cases/{case_id}/assign"), {"csrf": csrf(page), "to": match.group(1)})
    assert status == 303 and "Case assigned" in page
    assert [(c["case"], c["status"]) for c in cli_cases(daemon, "inspector-2")] == [(case_id, "investigating")]
    assert "Payslips requested from employer" in inspector(daemon, "inspector-2", "show", case_id, "--full")

    # The inspector's UI has no assign form, and the daemon refuses the post if one is forged.
    page = ui.page(ui.at(f"cases/{case_id}"))
    assert f"/cases/{case_id}/assign" not in page
    status, page = ui.post(ui.at(f"cases/{case_id}/unassign"), {"csrf": csrf(page), "remove": match.group(1)})
    assert status == 422 and "only a supervisor" in page
    assert [(c["case"], c["status"]) for c in cli_cases(daemon, "inspector-2")] == [(case_id, "investigating")]


def test_refusals_change_nothing(daemon, ui_factory):
    file_complaint(daemon)
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    ui = ui_factory(daemon, "inspector-1")

    # No session: nothing but a refusal.
    for method, path, form in [("GET", "/", None), ("GET", f"/cases/{case_id}", None),
                               ("POST", f"/cases/{case_id}/notes", {"text": "x"})]:
        status, _, text = ui.request(method, path, form)
        assert status == 404, (method, path, status)
        assert "Golden Harvest" not in text

    # A wrong login code is refused; the right one works once.
    status, headers, _ = ui.request("GET", "/login?code=" + "0" * 64, cookie=False)
    assert status == 403 and "set-cookie" not in headers
    ui.log_in()
    notes_path = ui.at(f"cases/{case_id}/notes")
    status_path = ui.at(f"cases/{case_id}/status")
    status, headers, _ = ui.request("GET", ui.login_path, cookie=False)
    assert status == 403 and "set-cookie" not in headers
    status, _, _ = ui.request("GET", ui.at(), headers={"Cookie": "safeintake_ui=" + "a" * 64}, cookie=False)
    assert status == 401
    status, _, _ = ui.request("GET", ui.at(), cookie=False)
    assert status == 401
    # The cookie opens nothing outside the session's path (issue 17 #6).
    for method, path, form in [("GET", "/", None), ("GET", f"/cases/{case_id}", None),
                               ("POST", f"/cases/{case_id}/notes", {"text": "x"})]:
        status, _, text = ui.request(method, path, form)
        assert status == 404, (method, path, status)
        assert "Golden Harvest" not in text

    # A wrong Host is refused even with the session (DNS rebinding), before any work is done.
    for host in [f"evil.example:{ui.port}", f"127.0.0.1:{ui.port + 1}", "localhost"]:
        status, _, text = ui.request("GET", ui.at(f"cases/{case_id}"), host=host)
        assert status == 421, (host, status)
        assert "Golden Harvest" not in text
    assert ui.request("GET", ui.at(), host=f"localhost:{ui.port}")[0] == 200

    # Forms without this session's CSRF token, or from another origin, are refused.
    page = ui.page(ui.at(f"cases/{case_id}"))
    token = csrf(page)
    refused = [
        (notes_path, {"text": "forged"}, {}),
        (notes_path, {"text": "forged", "csrf": "0" * 64}, {}),
        (status_path, {"status": "closed", "outcome": "forged", "csrf": token[:-1] + ("1" if token.endswith("0") else "0")}, {}),
        (status_path, {"status": "closed", "outcome": "forged", "csrf": token}, {"Origin": "http://evil.example"}),
        (notes_path, {"text": "forged", "csrf": token}, {"Sec-Fetch-Site": "cross-site"}),
    ]
    for path, form, headers in refused:
        status, _, _ = ui.request("POST", path, form, headers=headers)
        assert status == 403, (path, form, headers, status)

    # Nothing changed: checked with the CLI, which decrypts on its own.
    full = show_full(daemon, "inspector-1", case_id)
    assert full["status"] == "received" and full["notes"] == []

    # Every answer is uncacheable and allows no script.
    _, headers, _ = ui.request("GET", ui.at(f"cases/{case_id}"))
    assert headers["cache-control"] == "no-store"
    assert headers["content-security-policy"].startswith("default-src 'none'; style-src 'self';")
    assert "script-src" not in headers["content-security-policy"]


def test_duress_flag_is_prominent_and_replies_are_disabled(daemon, ui_factory):
    token = file_complaint(daemon, dict(COMPLAINT, duress_code="864213"))
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    check_status(daemon, token[:9] + "-864213")
    ui = ui_factory(daemon, "inspector-1")
    ui.log_in()

    listing = ui.page(ui.at())
    assert "DURESS · do not contact" in listing and "1 of your cases is flagged DURESS" in listing
    page = ui.page(ui.at(f"cases/{case_id}"))
    assert "Do not contact her through SafeIntake" in page
    assert "Replies are disabled" in page and "<fieldset disabled>" in page
    assert f'action="/cases/{case_id}/reply"' not in page

    # A reply posted anyway is refused by the client, with its reason on the page.
    status, text = ui.post(ui.at(f"cases/{case_id}/reply"), {"csrf": csrf(page), "text": "Are you safe?", "kind": "reply"})
    assert status == 422 and "duress" in text
    assert check_status(daemon, token)["messages"] == []
    assert si.http("GET", daemon.url + "/").status == 200


def test_export_from_the_case_page_is_logged_and_holds_the_agency_view_only(daemon, ui_factory):
    """Issue 19 #4 in the UI: JSON and CSV come as files, the print view as a page with its own
    policy (inline style only, no script); each export is a case_exported entry first."""
    file_complaint(daemon, HOSTILE)
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    ui = ui_factory(daemon, "inspector-1")
    ui.log_in()
    page = ui.page(ui.at(f"cases/{case_id}"))
    assert f'formaction="{ui.at(f"cases/{case_id}/export/print")}"' in page
    token = csrf(page)

    status, headers, body = ui.request("POST", ui.at(f"cases/{case_id}/export/csv"), {"csrf": token})
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert headers["content-disposition"].startswith("attachment;")
    assert "Golden Harvest Plantation Sdn Bhd" in body and "P7319024" not in body

    status, headers, body = ui.request("POST", ui.at(f"cases/{case_id}/export/print"), {"csrf": token})
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert headers["content-security-policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert "<script" not in body.lower() and "&lt;script&gt;" in body
    assert "visa expired" not in body

    # A forged export (no CSRF token) is refused and not logged.
    status, _, _ = ui.request("POST", ui.at(f"cases/{case_id}/export/json"), {"csrf": "0" * 64})
    assert status == 403
    size = int(si.http("GET", daemon.url + "/v1/audit/checkpoint").body.decode().split("\n")[1])
    entries = [json.loads(e) for e in get_entries(daemon, size)]
    assert sorted(e["format"] for e in entries if e["type"] == "case_exported") == ["csv", "print"]
