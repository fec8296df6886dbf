"""Issue 20 in a real browser: a photo sent from the preview page, with no JavaScript needed.

Chromium at phone size (360x740, the set-up of test_reporter_web.py), in Tagalog and Arabic (right
to left): she fills the form, previews it, chooses a photo in the preview's file input and sends.
The photo is made here with vips and given GPS coordinates with exiftool, as a phone camera does.

READER_WIRED says which daemon this is:
- True (now: wip-evidence merged, `serve` wired to `SandboxedEvidenceReader`): the filing
  succeeds, the token page says the file reached the inspector, and the inspector's copy,
  decrypted with `safeintake inspector attachment`, has no GPS left (exiftool).
- False (a daemon without a reader, as before that merge): attachments are answered
  `attachments_unavailable`: the preview comes back (503) in her language with her words, and
  sending again without the photo files the complaint.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from safeintake_py import PROJECT_ROOT
from test_reporter_web import (  # noqa: F401 (fixtures are used by name)
    assert_language, browser, browser_without_js, inspector_cli, neutral_site, replaced, submit, visit, web, TOKEN_RE,
)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

READER_WIRED = True

LANGUAGES = {
    "tl": {"employer": "Ginang Santos", "narrative": "Tatlong buwan na akong hindi binabayaran. Labing-anim na oras akong nagtatrabaho araw-araw."},
    "ar": {"employer": "السيدة لمى", "narrative": "لم أستلم راتبي منذ ثلاثة أشهر. أعمل ١٦ ساعة في اليوم."},
}
LOCALES = PROJECT_ROOT / "Sources" / "ReporterWeb" / "Locales"


def catalog(lang: str) -> dict[str, str]:
    """msgctxt → msgstr of one PO file (single-line entries, as ours are)."""
    text = (LOCALES / f"{lang}.po").read_text(encoding="utf-8")
    pattern = r'msgctxt "([^"]+)"\nmsgid "(?:[^"\\]|\\.)*"\nmsgstr "((?:[^"\\]|\\.)*)"'
    return {key: value.replace('\\"', '"') for key, value in re.findall(pattern, text)}


def tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.fail(f"{name} is needed: scripts/install-deps --for-tests installs it")
    return path


def gps(path: Path) -> dict:
    out = subprocess.run([tool("exiftool"), "-json", "-n", "-GPS:all", str(path)], capture_output=True, text=True, check=True)
    return {k: v for k, v in json.loads(out.stdout)[0].items() if k.startswith("GPS")}


@pytest.fixture
def photo(tmp_path) -> Path:
    """A 640x480 JPEG with GPS coordinates in its EXIF, as a phone camera writes them."""
    path = tmp_path / "room.jpg"
    subprocess.run([tool("vips"), "gaussnoise", str(path), "640", "480"], check=True)
    subprocess.run([tool("exiftool"), "-overwrite_original", "-GPSLatitude=1.2903", "-GPSLatitudeRef=N",
                    "-GPSLongitude=103.8519", "-GPSLongitudeRef=E", str(path)], check=True, capture_output=True)
    assert gps(path).get("GPSLatitude") == pytest.approx(1.2903), "the photo carries a location to begin with"
    return path


def preview_with_photo(browser, url: str, lang: str, photo: Path) -> None:
    """The form, the preview, the photo chosen in the preview's file input, Send pressed."""
    browser.get(f"{url}/new?lang={lang}")
    assert_language(browser, lang)
    for name, value in LANGUAGES[lang].items():
        browser.find_element(By.NAME, name).send_keys(value)
    submit(browser)
    assert_language(browser, lang)
    form = browser.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
    chooser = form.find_element(By.CSS_SELECTOR, "input[type=file][name=evidence]")
    assert chooser.get_attribute("multiple") is not None
    chooser.send_keys(str(photo))
    visit(browser, url, f"evidence-preview-{lang}{suffix(browser)}", lang)
    press_send(browser)


def suffix(browser) -> str:
    return "-nojs" if getattr(browser, "scripts_off", False) else ""


def press_send(browser) -> None:
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, 'button[name="step"][value="send"]').click()
    WebDriverWait(browser, 60).until(replaced(old))
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.TAG_NAME, "main"))


def only_case(web) -> str:
    result = inspector_cli(web, "cases")
    assert result.returncode == 0, result.stderr
    [case] = [json.loads(line)["case"] for line in result.stdout.splitlines()]
    return case


NOT_WIRED = "needs `safeintake serve` wired to the sandboxed evidence reader (wip-evidence)"


@pytest.mark.skipif(not READER_WIRED, reason=NOT_WIRED)
@pytest.mark.parametrize("lang", ["tl", "ar"])
def test_photo_reaches_the_inspector_without_its_location(web, browser, photo, tmp_path, lang):
    photo_delivered(web, browser, photo, tmp_path, lang)


@pytest.mark.skipif(not READER_WIRED, reason=NOT_WIRED)
def test_photo_reaches_the_inspector_with_scripts_off(web, browser_without_js, photo, tmp_path):
    photo_delivered(web, browser_without_js, photo, tmp_path, "tl")


def photo_delivered(web, browser, photo, tmp_path, lang):
    strings = catalog(lang)
    preview_with_photo(browser, web.url, lang, photo)
    assert TOKEN_RE.match(browser.find_element(By.ID, "token").text)
    visit(browser, web.url, f"evidence-token-{lang}{suffix(browser)}", lang)
    delivered = browser.find_element(By.ID, "files-delivered").text
    assert delivered == strings["token.files.delivered"].replace("{delivered}", "1").replace("{total}", "1")
    assert not browser.find_elements(By.ID, "files-withheld")

    case = only_case(web)
    shown = inspector_cli(web, "show", case)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["narrative"] == LANGUAGES[lang]["narrative"]
    received = tmp_path / "received.jpg"
    fetched = inspector_cli(web, "attachment", case, "1", "--out", str(received))
    assert fetched.returncode == 0, fetched.stderr
    assert received.stat().st_size > 0
    assert gps(received) == {}, "no location left in the inspector's copy"


@pytest.mark.skipif(READER_WIRED, reason="the daemon reads attachments now: see the tests above")
@pytest.mark.parametrize("lang", ["tl", "ar"])
def test_photo_before_the_reader_is_wired_keeps_her_words(web, browser, photo, lang):
    photo_refused(web, browser, photo, lang)


@pytest.mark.skipif(READER_WIRED, reason="the daemon reads attachments now: see the tests above")
def test_photo_before_the_reader_is_wired_with_scripts_off(web, browser_without_js, photo):
    photo_refused(web, browser_without_js, photo, "tl")


def photo_refused(web, browser, photo, lang):
    strings = catalog(lang)
    preview_with_photo(browser, web.url, lang, photo)
    visit(browser, web.url, f"evidence-unavailable-{lang}{suffix(browser)}", lang)
    assert browser.find_element(By.CSS_SELECTOR, "p.problem").text.endswith(strings["error.attachments_unavailable"])
    carried = browser.find_element(By.CSS_SELECTOR, "input[type=hidden][name=narrative]").get_attribute("value")
    assert carried == LANGUAGES[lang]["narrative"], "her words come back with the preview"
    # Sent again without the photo, the complaint files.
    press_send(browser)
    assert TOKEN_RE.match(browser.find_element(By.ID, "token").text)
    assert not browser.find_elements(By.ID, "files")
    assert json.loads(inspector_cli(web, "show", only_case(web)).stdout)["narrative"] == LANGUAGES[lang]["narrative"]


@pytest.mark.parametrize("lang", ["tl", "ar"])
def test_a_photo_sent_with_her_answer_on_the_status_page(web, browser, photo, tmp_path, lang):
    """Issue 20 with an answer: on her visit she writes to the inspector and attaches a photo; the
    page tells her, in her language, that it reaches the inspector; the inspector's copy, the
    complaint's attachments' successor in the numbering, has no GPS; the number stays the same."""
    from test_reporter_web import check_status
    strings = catalog(lang)
    browser.set_window_size(360, 740)
    browser.get(f"{web.url}/new?lang={lang}")
    for name, value in LANGUAGES[lang].items():
        browser.find_element(By.NAME, name).send_keys(value)
    submit(browser)
    press_send(browser)
    token = browser.find_element(By.ID, "token").text
    next_token = check_status(browser, web.url, lang, token, f"evidence-answer-check-{lang}")
    form = browser.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
    form.find_element(By.NAME, "reply").send_keys("photo of my room")
    form.find_element(By.CSS_SELECTOR, "input[type=file][name=evidence]").send_keys(str(photo))
    old = browser.find_element(By.TAG_NAME, "html")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 60).until(replaced(old))
    assert_language(browser, lang)
    delivered = browser.find_element(By.ID, "files-delivered").text
    assert delivered == strings["token.files.delivered"].replace("{delivered}", "1").replace("{total}", "1")
    assert browser.find_element(By.ID, "token").text == next_token, "the same number for the whole visit"
    visit(browser, web.url, f"evidence-answer-{lang}", lang)

    case = only_case(web)
    received = tmp_path / "answer.jpg"
    fetched = inspector_cli(web, "attachment", case, "1", "--out", str(received))
    assert fetched.returncode == 0, fetched.stderr
    assert gps(received) == {}, "no location left in the inspector's copy"
