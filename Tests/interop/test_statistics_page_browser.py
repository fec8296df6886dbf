"""Issue 21: the public statistics page in Chromium at phone size, with JavaScript off (the page
needs none): charts drawn, nothing wider than the phone, no serious accessibility violation, and
a print rendering. Its screenshot is Docs/screenshots/stats.png (`scripts/update-screenshots`).
"""

from __future__ import annotations

import base64

import safeintake_py as si
from test_reporter_web import PHONE, browser, browser_without_js, check_accessibility, screenshot  # noqa: F401
from test_statistics_release import file_complaints, release

from selenium.webdriver.common.by import By  # noqa: E402


def test_statistics_page_on_a_phone(daemon, browser_without_js):
    file_complaints(daemon, 45)
    # The language figures from the randomised answers alone (Docs/statistics.md, "Local-only
    # dimensions"): the page must say which figures carry no added noise.
    made = release(daemon, "--epsilon", "3", "--delta", "1e-6", "--threshold", "5", "--local-release", "language")
    assert made.returncode == 0, made.stderr
    published = si.http("GET", daemon.url + "/v1/stats/releases").json()["releases"][0]
    assert published["local_only"] == ["language"]

    b = browser_without_js
    b.get(daemon.url + "/stats")
    assert b.find_element(By.TAG_NAME, "h1").text == "Complaint statistics"
    assert not b.find_elements(By.TAG_NAME, "script")
    charts = b.find_elements(By.CSS_SELECTOR, ".chart svg")
    assert len(charts) >= 3
    for chart in charts:
        assert 0 < chart.size["width"] <= PHONE["width"]
    body = b.find_element(By.TAG_NAME, "body")
    assert body.size["width"] <= PHONE["width"], "the page is wider than the phone"
    total = next(c["value"] for c in published["cells"] if c["dimension"] == "total")
    assert total is not None and str(total) in b.find_element(By.TAG_NAME, "main").text
    assert published["month"] in b.find_element(By.TAG_NAME, "main").text
    assert "The figures by language have no added noise" in " ".join(b.find_element(By.TAG_NAME, "main").text.split())
    screenshot(b, "stats.png")
    pdf = base64.b64decode(b.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_statistics_page_accessibility(daemon, browser):
    file_complaints(daemon, 12)
    made = release(daemon, "--epsilon", "3", "--threshold", "5")
    assert made.returncode == 0, made.stderr
    browser.get(daemon.url + "/stats")
    check_accessibility(browser, "stats")
