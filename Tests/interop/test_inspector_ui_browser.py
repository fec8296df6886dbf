"""The local inspector UI in a real browser (Debian's Chromium through Selenium, as the reporter
page tests run it): the printed link logs in, the same-origin stylesheet is allowed by the
content-security policy, forms post with the browser's own Origin and Sec-Fetch-Site headers and
are accepted, a reporter's <script> never runs, and axe-core finds no serious accessibility
violation. Screenshots go to $SAFEINTAKE_ARTIFACTS like the reporter pages'.
"""

from __future__ import annotations

import pytest

from test_acceptance import cli_cases, file_complaint
from test_case_workflow import show_full
from test_inspector_ui import HOSTILE, ui_factory  # noqa: F401 (the fixture)

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
    ui = ui_factory(daemon, "inspector-1")

    browser.get(ui.login_url)
    assert browser.current_url == f"http://127.0.0.1:{ui.port}/", "the login link leads to the case list"
    header = browser.find_element(By.TAG_NAME, "header")
    assert header.value_of_css_property("background-color") == "rgba(36, 41, 47, 1)", "the stylesheet loaded"
    check_accessibility(browser, "inspector-ui-list")

    follow(browser, browser.find_element(By.CSS_SELECTOR, f'a[href="/cases/{case_id}"]'))
    narrative = browser.find_element(By.CSS_SELECTOR, ".narrative").text
    assert "<script>alert('pwned')</script>" in narrative, "shown as text"
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
    assert [n["text"] for n in full["notes"]] == ["Visited the estate; payslips requested"]

    screenshot(browser, "inspector-ui-case-phone.png")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    browser.get(f"http://127.0.0.1:{ui.port}/cases/{case_id}")
    browser.save_screenshot(str(screenshot.__globals__["artifact"]("inspector-ui-case-desktop.png")))
