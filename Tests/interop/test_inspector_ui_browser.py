"""The local inspector UI in a real browser (Debian's Chromium through Selenium, as the reporter
page tests run it): the printed link logs in, the same-origin stylesheet is allowed by the
content-security policy, forms post with the browser's own Origin and Sec-Fetch-Site headers and
are accepted, a reporter's <script> never runs, and axe-core finds no serious accessibility
violation. Screenshots go to $SAFEINTAKE_ARTIFACTS like the reporter pages'.

Issue 17 #6: browsers keep cookies apart by host, not by port, so another service on 127.0.0.1
(another local user's web app, a notebook, a dev server) must not receive a cookie that opens
the UI when the inspector's browser visits it.
"""

from __future__ import annotations

import http.server
import os
import re
import threading

import pytest

import safeintake_py as si

from test_acceptance import cli_cases, file_complaint
from test_case_workflow import show_full
from test_pynacl_case_work import signed_post
from test_pynacl_interop import load_dev_key
from test_inspector_ui import HOSTILE, SESSION_PATH_RE, ui_factory  # noqa: F401 (the fixture)

pytest.importorskip("selenium", reason="pip install -r Tests/interop/requirements.txt")
from selenium.common.exceptions import NoAlertPresentException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402
from test_reporter_web import browser, check_accessibility, screenshot  # noqa: E402,F401

DESKTOP = {"width": 1100, "height": 900, "deviceScaleFactor": 1, "mobile": False}


def follow(browser, element) -> None:
    """Clicks and waits until another document has fully loaded. The old document is marked
    rather than watched for staleness: asking Chromium about a node while it navigates away can
    fail with a generic WebDriver error instead of a stale-element one."""
    browser.execute_script("document.documentElement.dataset.leaving = 'yes'")
    element.click()
    WebDriverWait(browser, 30, ignored_exceptions=(WebDriverException,)).until(lambda b: b.execute_script(
        "return document.readyState === 'complete' && document.documentElement.dataset.leaving === undefined"))


def send(browser, action: str) -> str:
    """Presses the button of the form posting to `action`; returns the page it lands on."""
    follow(browser, browser.find_element(By.CSS_SELECTOR, f'form[action$="/{action}"] button[type=submit]'))
    return browser.page_source


def assert_no_script_ran(browser) -> None:
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text


def test_an_inspector_works_a_case_in_chromium(daemon, ui_factory, browser):  # noqa: F811
    file_complaint(daemon, HOSTILE)
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    # A colleague's note nobody can open (issue 17 #7): shown as such, and checked by axe too.
    supervisor = load_dev_key(daemon, "supervisor")
    junk = {"epoch": 0, "record": si.b64(bytes([1, 2]) + os.urandom(200))}
    assert signed_post(daemon, supervisor, f"/v1/agency/cases/{case_id}/notes", junk).status == 200
    ui = ui_factory(daemon, "inspector-1")

    browser.get(ui.login_url)
    origin = f"http://127.0.0.1:{ui.port}"
    base = browser.current_url[len(origin):]
    assert browser.current_url.startswith(origin) and SESSION_PATH_RE.match(base), \
        f"the login link leads to the case list under the session's path: {browser.current_url}"
    header = browser.find_element(By.TAG_NAME, "header")
    assert header.value_of_css_property("background-color") == "rgba(36, 41, 47, 1)", "the stylesheet loaded"
    check_accessibility(browser, "inspector-ui-list")

    follow(browser, browser.find_element(By.CSS_SELECTOR, f'a[href="{base}cases/{case_id}"]'))
    narrative = browser.find_element(By.CSS_SELECTOR, ".narrative").text
    assert "<script>alert('pwned')</script>" in narrative, "shown as text"
    assert "1 note could not be opened" in browser.find_element(By.CSS_SELECTOR, ".unopened").text
    assert_no_script_ran(browser)
    check_accessibility(browser, "inspector-ui-case")

    browser.find_element(By.ID, "note").send_keys("Visited the estate; payslips requested")
    page = send(browser, "notes")
    assert "Note added" in page and "Visited the estate; payslips requested" in page
    Select(browser.find_element(By.ID, "status")).select_by_value("investigating")
    page = send(browser, "status")
    assert "The case is now investigating." in page
    browser.find_element(By.ID, "reply").send_keys("We will visit on Monday.")
    page = send(browser, "reply")
    assert "Reply sealed to the reporter" in page
    assert_no_script_ran(browser)

    full = show_full(daemon, "inspector-1", case_id)
    assert full["status"] == "investigating"
    assert [n["text"] for n in full["notes"] if n["kind"] == "note"] == ["Visited the estate; payslips requested"]
    assert [n["text"] for n in full["notes"] if n["kind"] == "message_to_reporter"] == ["We will visit on Monday."], \
        "the author's copy of what she was told, for every holder"

    screenshot(browser, "inspector-ui-case-phone.png")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    browser.get(f"{origin}{base}cases/{case_id}")
    browser.save_screenshot(str(screenshot.__globals__["artifact"]("inspector-ui-case-desktop.png")))


class Neighbour(http.server.ThreadingHTTPServer):
    """Another local user's web app on another 127.0.0.1 port: it answers every GET with a small
    page and keeps every Cookie header it is sent."""

    def __init__(self):
        self.received: list[tuple[str, str]] = []
        neighbour = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the stdlib's name)
                neighbour.received.append((self.path, self.headers.get("Cookie", "")))
                body = b"<!doctype html><title>neighbour</title><p>a page on another local port</p>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.port = self.server_address[1]


@pytest.fixture
def neighbour():
    server = Neighbour()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_another_local_service_gets_no_cookie_that_opens_the_ui(daemon, ui_factory, browser, neighbour):  # noqa: F811
    """Issue 17 #6: the browser logs into the UI and opens a case, then visits another service on
    127.0.0.1. Whatever cookies that service receives, replayed to the UI, open nothing."""
    file_complaint(daemon)
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    ui = ui_factory(daemon, "inspector-1")
    browser.get(ui.login_url)
    origin = f"http://127.0.0.1:{ui.port}"
    follow(browser, browser.find_element(By.CSS_SELECTOR, f'a[href$="/cases/{case_id}"]'))
    case_url = browser.current_url
    assert "Golden Harvest" in browser.page_source, "the browser's session works"
    assert any(c["name"] == "safeintake_ui" for c in browser.get_cookies()), "the browser holds the session cookie"

    # The neighbour at the paths the UI uses, and at the UI's own paths on its port (which it
    # could learn from the documentation, but not the session's secret).
    visited = ["/", f"/cases/{case_id}", "/login", "/s/", "/style.css"]
    for path in visited:
        browser.get(f"http://127.0.0.1:{neighbour.port}{path}")
        assert "a page on another local port" in browser.page_source
    assert set(visited) <= {path for path, _ in neighbour.received}, neighbour.received  # (and the browser's /favicon.ico)

    leaked = [header for _, header in neighbour.received if header]
    assert not any("safeintake_ui" in header for header in leaked), f"the neighbour received the session cookie: {leaked}"

    # Replaying whatever it did receive, at the UI's old paths and even at the session's own.
    case_path = case_url[len(origin):]
    for header in {header for _, header in neighbour.received}:
        for path in ["/", f"/cases/{case_id}", case_path, case_path.removesuffix(f"cases/{case_id}")]:
            status, _, text = ui.request("GET", path, cookie=False, headers={"Cookie": header} if header else {})
            assert status in (401, 404), (header, path, status)
            assert "Golden Harvest" not in text

    # And the browser itself, sent to the UI by a page on the neighbour's port: refused (it is
    # the same site, so SameSite=Strict alone would not stop it).
    browser.get(f"http://127.0.0.1:{neighbour.port}/")
    browser.execute_script("window.location.href = arguments[0]", case_url)
    WebDriverWait(browser, 30).until(lambda b: b.current_url.startswith(origin))
    WebDriverWait(browser, 30).until(lambda b: b.execute_script("return document.readyState") == "complete")
    assert "Golden Harvest" not in browser.page_source
    assert re.search(r"another site", browser.page_source), browser.page_source[:500]
