"""Issue 16, item 7 in a real browser: the reporter sees what the inspector will read.

In Chromium at phone size (the browser and daemon set-up of test_reporter_web.py), in English,
Arabic (right to left) and Hindi (Devanagari): she fills the form with a labour fact and a disclosure of her
status, sees the preview with the disclosure marked removed and the labour fact there, goes back
and finds every word as she typed it, previews again, ticks one more sentence and sends. The
inspector (`safeintake inspector show` with the dev key) then reads exactly the previewed text
minus the ticked sentence. Until she sends, nothing is stored: no case, and the audit log keeps
its size. The preview pages' screenshots are the ones in Docs/reporter-ui.md
(`scripts/update-screenshots`).
"""

from __future__ import annotations

import json

import pytest

import safeintake_py as si
from test_reporter_web import (  # noqa: F401 (fixtures are used by name)
    assert_language, assert_nothing_in_url, browser, inspector_cli, neutral_site, replaced, submit, visit, web,
    TOKEN_RE,
)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

# Per language: the short answers, the story (a labour fact, a disclosure, more facts), a word of
# the disclosure that must not be shown as kept text, the labour fact that must be, and the
# sentence (by its words) she ticks to take out too.
CASES = {
    "en": {
        "answers": {"employer": "Mrs Lim", "wages": "300 dollars a month, 3 months unpaid"},
        "narrative": "She pays me 300 dollars a month. My visa expired last year. I work 18 hours a day. "
                     "My cousin lives at 12 Orchard Road.",
        "disclosure": "visa", "fact": "I work 18 hours a day.", "tick": "Orchard Road",
    },
    "ar": {
        "answers": {"employer": "السيدة لمى", "wages": "لم أستلم راتبي منذ ثلاثة أشهر"},
        "narrative": "لم أستلم راتبي منذ ثلاثة أشهر. انتهت إقامتي. أعمل ١٦ ساعة في اليوم. "
                     "ابن عمي يسكن في شارع النخيل.",
        "disclosure": "إقامتي", "fact": "أعمل ١٦ ساعة في اليوم.", "tick": "شارع النخيل",
    },
    "hi": {
        "answers": {"employer": "श्रीमती शर्मा", "wages": "तीन महीने से वेतन नहीं"},
        "narrative": "मुझे तीन महीने से वेतन नहीं मिला। मेरा वीज़ा खत्म हो गया है। मैं दिन में 16 घंटे काम करती हूँ। "
                     "मेरी चचेरी बहन 12 ऑर्चर्ड रोड पर रहती है।",
        "disclosure": "वीज़ा", "fact": "मैं दिन में 16 घंटे काम करती हूँ।", "tick": "ऑर्चर्ड रोड",
    },
}

# The sentence as the inspector will read it: each "removed" badge back to the firewall's marker.
SENTENCE_TEXT = """
const li = arguments[0].cloneNode(true);
li.querySelectorAll('mark.removed').forEach(m => m.replaceWith('[removed]'));
li.querySelectorAll('input').forEach(i => i.remove());
return li.textContent;
"""


def log_size(daemon) -> int:
    r = si.http("GET", daemon.url + "/v1/audit/checkpoint")
    assert r.status == 200
    return int(r.body.decode().split("\n")[1])


def case_ids(daemon) -> list[str]:
    result = inspector_cli(daemon, "cases")
    assert result.returncode == 0, result.stderr
    return [json.loads(line)["case"] for line in result.stdout.splitlines()]


def press(browser, step: str) -> None:
    """Presses the preview's button for `step` (send or edit) and waits for the next page."""
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, f'button[name="step"][value="{step}"]').click()
    WebDriverWait(browser, 30).until(replaced(old))
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.TAG_NAME, "main"))


def fill_form(browser, url: str, lang: str, case: dict) -> None:
    browser.get(f"{url}/new?lang={lang}")
    assert_language(browser, lang)
    for name, value in case["answers"].items():
        browser.find_element(By.NAME, name).send_keys(value)
    browser.find_element(By.NAME, "narrative").send_keys(case["narrative"])


def assert_preview(browser, lang: str, case: dict) -> list:
    """The preview as she sees it; returns its sentence items."""
    assert_language(browser, lang)
    assert browser.find_element(By.CSS_SELECTOR, "a.exit").is_displayed(), "the quick exit stays first"
    items = browser.find_elements(By.CSS_SELECTOR, "#sentences li")
    shown = "".join(i.text for i in items) + browser.find_element(By.ID, "answers").text
    assert case["disclosure"] not in shown, "the disclosure is not shown as kept text"
    assert browser.find_elements(By.CSS_SELECTOR, "#sentences mark.removed"), "the removed part is marked"
    assert browser.find_element(By.ID, "removed-note").text
    labels = [label.text for label in browser.find_elements(By.CSS_SELECTOR, "#sentences label")]
    assert case["fact"] in labels, labels
    for value in case["answers"].values():
        assert value in browser.find_element(By.ID, "answers").text
    return items


@pytest.mark.parametrize("lang", ["en", "ar", "hi"])
def test_preview_back_tick_and_send(web, browser, lang):
    case = CASES[lang]
    before = log_size(web)
    fill_form(browser, web.url, lang, case)
    submit(browser)
    assert_preview(browser, lang, case)
    assert_nothing_in_url(browser)
    visit(browser, web.url, f"preview-{lang}", lang)

    # A preview alone stores nothing: no case, nothing appended to the log.
    assert case_ids(web) == []
    assert log_size(web) == before

    # Going back gives every word back, as she typed it.
    press(browser, "edit")
    assert_language(browser, lang)
    assert browser.find_element(By.NAME, "narrative").get_attribute("value") == case["narrative"]
    for name, value in case["answers"].items():
        assert browser.find_element(By.NAME, name).get_attribute("value") == value, name

    # Preview again, tick one more sentence, send.
    submit(browser)
    items = assert_preview(browser, lang, case)
    texts = [browser.execute_script(SENTENCE_TEXT, item).strip() for item in items]
    ticked = next(i for i, t in enumerate(texts) if case["tick"] in t)
    items[ticked].find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
    assert items[ticked].find_element(By.CSS_SELECTOR, "input[type=checkbox]").is_selected()
    expected = " ".join("[removed]" if i == ticked else t for i, t in enumerate(texts))
    press(browser, "send")
    token = browser.find_element(By.ID, "token").text
    assert TOKEN_RE.match(token), token
    assert_nothing_in_url(browser, token)

    # The inspector reads exactly what she saw, minus the sentence she ticked.
    [case_id] = case_ids(web)
    shown = inspector_cli(web, "show", case_id)
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    assert view["language"] == lang
    assert view["narrative"] == expected
    assert case["tick"] not in view["narrative"] and case["disclosure"] not in view["narrative"]
    assert case["fact"] in view["narrative"]
    assert view["fields"] == case["answers"]
    assert log_size(web) > before


def test_api_preview_stores_nothing_and_filing_takes_out_the_chosen_sentences(daemon):
    """The JSON API's preview with a plain HTTP client: the agency view and its sentences, nothing
    stored; then the contract's body plus `remove_sentences`, read back by the inspector."""
    complaint = {"language": "en", "fields": {"employer_name": "Mrs. Lim", "visa_status": "overstayed"},
                 "narrative": CASES["en"]["narrative"]}
    before = log_size(daemon)
    r = si.post_json(daemon.url + "/v1/complaints/preview", complaint)
    assert r.status == 200, r.body
    assert r.headers["cache-control"] == "no-store"
    preview = r.json()
    assert preview["fields"] == {"employer_name": "Mrs. Lim"} and preview["dropped_fields"] == ["visa_status"]
    assert "visa" not in preview["narrative"] and "[removed]" in preview["narrative"]
    assert " ".join(s["text"] for s in preview["sentences"]) == preview["narrative"]
    assert [s["id"] for s in preview["sentences"]] == list(range(1, len(preview["sentences"]) + 1))
    assert case_ids(daemon) == [] and log_size(daemon) == before, "a preview stores nothing"

    tick = next(s["id"] for s in preview["sentences"] if "Orchard Road" in s["text"])
    filed = si.post_json(daemon.url + "/v1/complaints",
                         {**complaint, "remove_sentences": [tick], "preview_digest": preview["digest"]})
    assert filed.status == 201, filed.body
    [case_id] = case_ids(daemon)
    view = json.loads(inspector_cli(daemon, "show", case_id).stdout)
    assert view["narrative"] == " ".join("[removed]" if s["id"] == tick else s["text"] for s in preview["sentences"])
    assert view["fields"] == {"employer_name": "Mrs. Lim"}

    # The contract's body alone still files, unchanged.
    assert si.post_json(daemon.url + "/v1/complaints", complaint).status == 201
