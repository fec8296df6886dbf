"""The reporter's web pages in a real browser: Debian's Chromium, driven by Selenium.

A phone-sized window (360x740, touch, device scale 1) files complaints in several languages
(Arabic right to left among them), copies the token from the page, checks status and replies;
one run has JavaScript switched off, as Tor Browser at its safest level does. axe-core runs
inside the browser on every page and must report no serious or critical violation. Screenshots
and axe reports go to $SAFEINTAKE_ARTIFACTS (default Tests/interop/artifacts/, git-ignored);
`scripts/update-screenshots` copies the form screenshots into Docs/screenshots/.

The browser may reach 127.0.0.1 only: every other host name resolves to nothing, and the quick
exit points at a local page, so no test traffic leaves the machine.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import urllib.parse
from pathlib import Path

import pytest

import safeintake_py as si
from safeintake_py import BINARY, PROJECT_ROOT

selenium = pytest.importorskip("selenium", reason="pip install -r Tests/interop/requirements.txt")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402
from selenium_axe_python import Axe  # noqa: E402

ARTIFACTS = Path(os.environ.get("SAFEINTAKE_ARTIFACTS", Path(__file__).resolve().parent / "artifacts"))
PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
LANGUAGES = ["en", "tl", "id", "ne", "hi", "bn", "ur", "si", "ta", "ar", "am", "sw", "my", "km", "vi", "es"]
RTL = {"ar", "ur"}
WEIGHT_LIMIT = 60 * 1024
TOKEN_RE = re.compile(r"^\d{4}( \d{4}){5}$")

# What a worker might write, per language; the values are labour facts only.
ANSWERS = {
    "en": {"employer": "Mrs Lim", "district": "Block 5, North district", "job": "Cleaning and cooking",
           "wages": "300 dollars a month, 3 months unpaid", "hours": "16 hours a day", "rest_days": "No day off",
           "narrative": "She shouts at me and keeps my salary.\nI sleep in the kitchen."},
    "ar": {"employer": "السيدة لمى", "district": "حي النخيل", "job": "تنظيف وطبخ", "wages": "لم أستلم راتبي منذ ثلاثة أشهر",
           "hours": "١٦ ساعة في اليوم", "rest_days": "لا يوجد يوم راحة", "narrative": "تصرخ عليّ صاحبة البيت وتحتفظ براتبي."},
    "tl": {"employer": "Gng. Santos", "district": "Distrito 3", "job": "Kasambahay", "wages": "Hindi binayaran ng dalawang buwan",
           "hours": "15 oras bawat araw", "rest_days": "Walang day off", "narrative": "Sinisigawan ako at hindi ako binabayaran."},
    "ne": {"employer": "श्रीमती शर्मा", "district": "उत्तर जिल्ला", "job": "सरसफाइ", "wages": "तीन महिनादेखि तलब छैन",
           "hours": "दिनमा १६ घण्टा", "rest_days": "बिदा छैन", "narrative": "मालिकले तलब दिँदैनन्।"},
}


# ------------------------------------------------------------------------------ fixtures

class _NeutralPage(http.server.BaseHTTPRequestHandler):
    """Stands in for the neutral site the quick exit goes to."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        body = b"<!doctype html><title>Weather</title><p>Sunny, 31 degrees.</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def neutral_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NeutralPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/weather"
    server.shutdown()


@pytest.fixture
def web(daemon_factory, neutral_site):
    return daemon_factory(["--exit-url", neutral_site])


def _browser_paths() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.fail("Chromium and chromedriver are needed: scripts/install-deps --for-tests installs them")
    return chromium, driver


def _start_browser(javascript: bool = True) -> webdriver.Chrome:
    chromium, driver_path = _browser_paths()
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager look for downloads
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--window-size=360,740", "--force-device-scale-factor=1", "--lang=en-US",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-pings",
                "--no-first-run", "--disable-default-apps", "--disable-extensions",
                # Only loopback resolves: nothing a test does can reach another machine.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # Chromium leaves its singleton socket folders (org.chromium.Chromium.*) in TMPDIR when it
    # quits: give each browser a folder of its own for them and its profile, removed by _stop_browser.
    scratch = tempfile.mkdtemp(prefix="safeintake-chromium-")
    options.add_argument(f"--user-data-dir={scratch}/profile")
    try:
        browser = webdriver.Chrome(service=Service(driver_path, env={**os.environ, "TMPDIR": scratch}), options=options)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    browser.scratch = scratch
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    browser.set_page_load_timeout(30)
    return browser


def _stop_browser(browser: webdriver.Chrome) -> None:
    try:
        browser.quit()
    finally:
        shutil.rmtree(browser.scratch, ignore_errors=True)


@pytest.fixture
def browser():
    b = _start_browser()
    yield b
    _stop_browser(b)


@pytest.fixture
def browser_without_js():
    b = _start_browser(javascript=False)
    b.scripts_off = True
    yield b
    _stop_browser(b)


# ------------------------------------------------------------------------------ helpers

def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


def screenshot(browser, name: str, full_page: bool = True) -> Path:
    """A phone-width PNG; the whole page when `full_page`, else what the phone shows first."""
    path = artifact(name)
    if full_page:
        metrics = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})
        height = int(metrics["cssContentSize"]["height"])
        shot = browser.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": PHONE["width"], "height": height, "scale": 1}})
        import base64
        path.write_bytes(base64.b64decode(shot["data"]))
    else:
        browser.save_screenshot(str(path))
    return path


def check_accessibility(browser, name: str) -> None:
    """axe-core in the page: no serious or critical violation (WCAG 2.x A/AA and best practices)."""
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    artifact(f"axe-{name}.json").write_text(json.dumps(results["violations"], indent=1, ensure_ascii=False))
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: {Axe.report(bad)}"
    assert results["passes"], "axe ran no check at all"


def page_weight(browser) -> int:
    """Bytes transferred for the page and everything it loaded (headers included)."""
    return browser.execute_script(
        "const n = performance.getEntriesByType('navigation')[0];"
        "const r = performance.getEntriesByType('resource');"
        "return n.transferSize + r.reduce((s, e) => s + e.transferSize, 0);")


def record_weight(name: str, weight: int) -> None:
    path = artifact("page-weights.json")
    weights = json.loads(path.read_text()) if path.exists() else {}
    weights[name] = weight
    path.write_text(json.dumps(weights, indent=1, sort_keys=True))
    assert weight < WEIGHT_LIMIT, f"{name} weighs {weight} bytes"


def assert_language(browser, lang: str) -> None:
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == ("rtl" if lang in RTL else "ltr")


def assert_nothing_in_url(browser, *secrets: str) -> None:
    url = browser.current_url
    for secret in secrets:
        digits = re.sub(r"\D", "", secret)
        assert digits not in re.sub(r"\D", "", url), f"{url} carries a token"
    assert "?" not in url or re.fullmatch(r".*\?lang=[a-z]{2}", url), url


def visit(browser, base: str, name: str, lang: str | None = None) -> None:
    """Checks the page the browser is on: language, accessibility, weight, a phone screenshot.
    With scripts off, axe and the performance API cannot run in the page; the browser with
    scripts on checks the same pages."""
    if lang:
        assert_language(browser, lang)
    if not getattr(browser, "scripts_off", False):
        check_accessibility(browser, name)
        record_weight(name, page_weight(browser))
    screenshot(browser, f"{name}.png")


def replaced(old):
    """True once `old` belongs to a page that has gone. Chromium reports that either as a stale
    element or, mid-navigation, as "Node with given id does not belong to the document"."""
    def check(_browser) -> bool:
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            return "does not belong to the document" in str(error)
    return check


def submit(browser) -> None:
    """Presses the form's button and waits until the next page has replaced this one."""
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(browser, 30).until(replaced(old))
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.TAG_NAME, "footer") or b.find_elements(By.TAG_NAME, "main"))


def follow(browser, link) -> None:
    """Follows a link and waits for the next page."""
    old = browser.find_element(By.TAG_NAME, "html")
    link.click()
    WebDriverWait(browser, 30).until(replaced(old))


def file_complaint(browser, base: str, lang: str, answers: dict, safety_code: str = "") -> str:
    """From the start page, as a reporter would: language, report, answers, preview, send. Returns the token."""
    browser.get(base + "/")
    visit(browser, base, "start", None)
    follow(browser, browser.find_element(By.CSS_SELECTOR, f'a[lang="{lang}"]'))
    visit(browser, base, f"menu-{lang}", lang)
    follow(browser, browser.find_elements(By.CSS_SELECTOR, ".choices a")[0])
    assert_language(browser, lang)
    for name, value in answers.items():
        field = browser.find_element(By.NAME, name)
        assert field.get_attribute("autocomplete") == "off"
        field.send_keys(value)
    if safety_code:
        browser.find_element(By.NAME, "safety_code").send_keys(safety_code)
    visit(browser, base, f"form-{lang}", lang)
    submit(browser)
    # The preview: what the inspector will read, nothing stored yet; its first button sends.
    assert_language(browser, lang)
    assert browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").get_attribute("value") == "send"
    submit(browser)
    token = browser.find_element(By.ID, "token").text
    assert TOKEN_RE.match(token), token
    assert_language(browser, lang)
    assert_nothing_in_url(browser, token)
    visit(browser, base, f"token-{lang}", lang)
    return token


def check_status(browser, base: str, lang: str, token: str, name: str) -> str:
    """Types the token on the check page; returns the next token shown."""
    browser.get(f"{base}/?lang={lang}")
    follow(browser, browser.find_elements(By.CSS_SELECTOR, ".choices a")[1])
    visit(browser, base, f"check-{lang}", lang)
    browser.find_element(By.NAME, "token").send_keys(token)
    submit(browser)
    next_token = browser.find_element(By.ID, "token").text
    assert TOKEN_RE.match(next_token) and next_token != token
    assert_nothing_in_url(browser, token, next_token)
    visit(browser, base, name, lang)
    return next_token


def inspector_cli(daemon, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BINARY), "inspector", *args, "--server", daemon.url, "--key", str(daemon.key("inspector-1"))],
                          capture_output=True, text=True, timeout=60)


# ------------------------------------------------------------------------------ tests

MESSAGES = {
    "en": "We will visit this week. Which days is your employer at home?",
    "ar": "نحتاج إلى معرفة الأيام التي تكون فيها صاحبة البيت في المنزل.",
    "tl": "Bibisita kami ngayong linggo. Anong araw nasa bahay ang amo mo?",
    "ne": "हामी यो हप्ता आउँछौँ। तपाईंको मालिक कुन दिन घरमा हुनुहुन्छ?",
}
ANSWERS_TO_INSPECTOR = {"en": "Monday and Thursday.", "ar": "يوم الاثنين والخميس.", "tl": "Lunes at Huwebes po.",
                        "ne": "सोमबार र बिहीबार।"}


@pytest.mark.parametrize("lang", ["en", "ar", "ne", "tl"])
def test_file_check_read_and_reply_on_a_phone(web, browser, lang):
    token = file_complaint(browser, web.url, lang, ANSWERS[lang])

    # What the inspector receives: the labour facts, under the form's own names.
    cases = [json.loads(line) for line in inspector_cli(web, "cases").stdout.splitlines()]
    assert len(cases) == 1
    case = cases[0]["case"]
    shown = json.loads(inspector_cli(web, "show", case).stdout)
    assert shown["language"] == lang
    assert shown["fields"] == {k: v for k, v in ANSWERS[lang].items() if k != "narrative"}
    assert shown["narrative"] == ANSWERS[lang]["narrative"]

    # The inspector writes; the reporter reads it on her phone with the token she copied.
    sent = inspector_cli(web, "reply", case, MESSAGES[lang], "--request-info")
    assert sent.returncode == 0, sent.stderr
    next_token = check_status(browser, web.url, lang, token, f"status-{lang}")
    assert browser.find_element(By.CSS_SELECTOR, ".status").text, "the status is shown in words"
    messages = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".message .text")]
    assert messages == [MESSAGES[lang]]

    # She answers from the same page, in the same visit: the number she copied stays the one she
    # leaves with, and her answer joins her thread (issue 18 #2, #6).
    browser.find_element(By.NAME, "reply").send_keys(ANSWERS_TO_INSPECTOR[lang])
    submit(browser)
    assert browser.find_element(By.CSS_SELECTOR, ".done").text
    third = browser.find_element(By.ID, "token").text
    assert third == next_token
    mine = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".message.mine .text")]
    assert mine == [ANSWERS_TO_INSPECTOR[lang]]
    assert browser.find_elements(By.CSS_SELECTOR, ".message.question time"), "the question is marked and dated"
    visit(browser, web.url, f"replied-{lang}", lang)
    full = json.loads(inspector_cli(web, "show", case, "--full").stdout)
    assert full["answers"] == [ANSWERS_TO_INSPECTOR[lang]]

    # The first token was spent: the page says so in her language, with a way to try again.
    browser.get(f"{web.url}/check?lang={lang}")
    browser.find_element(By.NAME, "token").send_keys(token)
    submit(browser)
    assert browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    visit(browser, web.url, f"not-found-{lang}", lang)


def test_works_without_javascript(web, browser_without_js):
    browser = browser_without_js
    token = file_complaint(browser, web.url, "ne", ANSWERS["ne"], safety_code="246813")
    assert browser.find_element(By.CSS_SELECTOR, ".note").text  # "your safety code is saved"
    # Forced to show her case: the first two groups of the number, then the safety code.
    case = json.loads(inspector_cli(web, "cases").stdout.splitlines()[0])["case"]
    assert inspector_cli(web, "reply", case, "Are you safe?").returncode == 0
    check_status(browser, web.url, "ne", token[:9] + " 246813", "duress-ne-nojs")
    assert browser.find_elements(By.CSS_SELECTOR, ".message") == [], "no news under duress"
    assert json.loads(inspector_cli(web, "show", case, "--full").stdout)["duress"] is True

    # The quick exit is a plain link: it works without any script.
    follow(browser, browser.find_element(By.CSS_SELECTOR, "a.exit"))
    WebDriverWait(browser, 30).until(lambda b: "Sunny" in b.page_source)


def test_busy_page_keeps_what_she_typed(daemon_factory, neutral_site, browser_without_js):
    """At the intake cap (here one complaint per 100 s, shared with the JSON API) a page without
    JavaScript cannot do a proof of work: she gets 503, a "busy" notice in her language and the
    form with every word she typed, and nothing is stored."""
    web = daemon_factory(["--exit-url", neutral_site, "--intake-rate", "0.01"])
    first = si_post_complaint(web)
    assert first.status == 201, first.body
    browser = browser_without_js
    browser.get(f"{web.url}/new?lang=tl")
    answers = ANSWERS["tl"]
    for name, value in answers.items():
        browser.find_element(By.NAME, name).send_keys(value)
    browser.find_element(By.NAME, "safety_code").send_keys("24681357")
    submit(browser)
    assert_language(browser, "tl")
    assert "Maraming tao" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    for name, value in answers.items():
        assert browser.find_element(By.NAME, name).get_attribute("value") == value, name
    assert browser.find_element(By.NAME, "safety_code").get_attribute("value") == "24681357"
    visit(browser, web.url, "busy-tl-nojs", "tl")
    assert len(inspector_cli(web, "cases").stdout.splitlines()) == 1, "only the first complaint is stored"

    # The same answer seen by a plain HTTP client: 503 with Retry-After.
    page = http_get(f"{web.url}/new?lang=tl")
    form_token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"lang": "tl", "form_token": form_token, "narrative": "Walang sahod."}).encode()
    r = si.http("POST", f"{web.url}/new", body, {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"})
    assert r.status == 503 and int(r.headers["retry-after"]) >= 1
    assert "Walang sahod.</textarea>" in r.body.decode()


def si_post_complaint(daemon):
    return si.post_json(daemon.url + "/v1/complaints", {"language": "en", "narrative": "No pay since March."})


def http_get(url: str) -> str:
    r = si.http("GET", url)
    assert r.status == 200
    return r.body.decode()


def test_quick_exit_with_javascript_leaves_no_history_entry(web, browser):
    browser.get(f"{web.url}/new?lang=en")
    browser.find_element(By.NAME, "narrative").send_keys("something private")
    before = browser.execute_script("return history.length")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "a.exit"))
    WebDriverWait(browser, 30).until(lambda b: "Sunny" in b.page_source)
    assert browser.execute_script("return history.length") == before, "the exit replaced the page in the history"
    browser.back()
    assert "something private" not in browser.page_source


@pytest.mark.parametrize("lang", LANGUAGES)
def test_form_in_every_language(web, browser, lang):
    """One screenshot per language for Docs/screenshots/, with axe and weight on each."""
    browser.get(f"{web.url}/new?lang={lang}")
    assert_language(browser, lang)
    check_accessibility(browser, f"form-{lang}")
    record_weight(f"form-{lang}", page_weight(browser))
    screenshot(browser, f"form-{lang}.png")
    # Every label is tied to its field, and the notice comes before the free text.
    for field in browser.find_elements(By.CSS_SELECTOR, "input[type=text], textarea"):
        assert browser.find_element(By.CSS_SELECTOR, f'label[for="{field.get_attribute("id")}"]').text
    source = browser.page_source
    assert source.index('class="notice"') < source.index('name="narrative"')
    # Tap targets: every control is at least 44 CSS pixels tall.
    for control in browser.find_elements(By.CSS_SELECTOR, "a, button, input[type=text], textarea"):
        assert control.size["height"] >= 44, (control.tag_name, control.text, control.size)


def test_no_cookies_and_nothing_from_elsewhere(web, browser):
    file_complaint(browser, web.url, "en", {"narrative": "I was not paid."})
    assert browser.get_cookies() == []
    origins = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)")
    assert set(origins) <= {web.url}


def test_translation_files_pass_msgfmt():
    """A second reader of the PO files, independent of ours: GNU gettext's own checker."""
    msgfmt = shutil.which("msgfmt")
    if not msgfmt:
        pytest.fail("msgfmt is needed: scripts/install-deps --for-tests installs gettext")
    locales = PROJECT_ROOT / "Sources" / "ReporterWeb" / "Locales"
    files = sorted(locales.glob("*.po"))
    assert len(files) >= 16
    for po in files:
        result = subprocess.run([msgfmt, "--check", "-o", os.devnull, str(po)], capture_output=True, text=True)
        assert result.returncode == 0 and "warning" not in result.stderr, f"{po.name}: {result.stderr}"


@pytest.mark.parametrize("lang", ["ar", "ne", "tl"])
def test_a_receipt_from_the_status_page_verifies_offline(web, browser, lang):
    """Issue 18 #11 on a phone: on her visit she asks for a receipt naming the employer; the page
    shows it as text to copy or print, in her language around it; PyNaCl verifies it with the
    published log key; the number she leaves with is the same one."""
    from test_receipt import verify_with_pynacl
    browser.set_window_size(360, 740)
    token = file_complaint(browser, web.url, lang, {"employer": "Mrs Halim", "narrative": "No salary for four months."})
    next_token = check_status(browser, web.url, lang, token, f"receipt-check-{lang}")
    buttons = browser.find_elements(By.CSS_SELECTOR, 'button[name="receipt"]')
    assert [b.get_attribute("value") for b in buttons] == ["day", "employer"]
    buttons[1].click()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.ID, "receipt"))
    assert_language(browser, lang)
    receipt = browser.find_element(By.ID, "receipt").text + "\n"
    log_key = si.http("GET", web.url + "/v1/audit/log-key").body.decode().strip()
    lines = verify_with_pynacl(receipt, log_key)
    assert lines[3] == "employer: Mrs Halim"
    assert browser.find_element(By.ID, "token").text == next_token, "the same number for the whole visit"
    assert_nothing_in_url(browser, token, next_token)
    screenshot(browser, f"receipt-{lang}.png")
