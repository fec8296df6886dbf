"""Issue 19 item 1's "done means": 40 cases from 4 languages (English, Spanish, Arabic, Nepali),
filed over the JSON API with their language, routed to inspector-1 at intake, 4 assigned to
inspector-2 by the supervisor and 12 moved on; then, in Debian's Chromium through the local UI,
list, sort, filter (status, language, age), search, open, read the dated thread, answer, export
and print; and the same through the CLI's JSON output.

The search runs on the inspector's machine only. Both clients reach the daemon through a
recording proxy here, and no search word, in any encoding, is in any request they make; the audit
log shows that listing opened each case once (one logged release per case) and that filtering and
searching opened none.

Everything here is on the client's side of the API, so it runs on SQLite only: the daemon's
storage is tested on both backends by the modules it imports from.
"""

from __future__ import annotations

import csv
import http.client
import http.server
import io
import json
import threading
import time
import urllib.parse
from collections import Counter
from types import SimpleNamespace

import pytest

import safeintake_py as si
from safeintake_py import run_cli
from test_acceptance import get_entries
from test_case_workflow import check_status
from test_pynacl_case_work import signed_post
from test_pynacl_interop import load_dev_key
from test_inspector_ui import ui_factory  # noqa: F401 (the fixture)

pytest.importorskip("selenium", reason="pip install -r Tests/interop/requirements.txt")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from test_inspector_ui_browser import DESKTOP, follow, send  # noqa: E402
from test_reporter_web import artifact, browser  # noqa: E402,F401

MARKER = "tamarind"  # in one English case only: the case whose thread is worked
ANSWER = "He comes on Wednesdays with the marmalade."
SEARCHES = ["penalosa", "Peñalosa", "الاجر", "तलब", "marmalade", MARKER]


def complaints() -> list[dict]:
    """Ten cases in each language, under the field names both forms of filing use."""
    out = []
    for i in range(10):
        out.append({"language": "en",
                    "fields": {"employer_name": f"Tan household {i}", "workplace_city": "Kowloon" if i < 5 else "Sha Tin"},
                    "narrative": (f"I clean and cook for household {i}. I work 16 hours a day with no day off."
                                  + (f" She pays me in {MARKER} sweets, not wages." if i == 0 else "")
                                  + (" He beats me and locks me in the house." if i == 9 else ""))})
        out.append({"language": "es",
                    "fields": {"employer": "Familia Peñalosa" if i < 3 else f"Familia García {i}", "district": "Russafa"},
                    "narrative": f"Trabajo interna desde hace {i + 1} meses. No me pagaron el salario de diciembre."})
        out.append({"language": "ar",
                    "fields": {"employer": "عائلة الراشد", "district": "الرياض"},
                    "narrative": ("لم تدفع لي صاحبة العمل الأجر منذ ثلاثة أشهر." if i < 4
                                  else "أعمل ثماني عشرة ساعة في اليوم بدون يوم راحة.")})
        out.append({"language": "ne",
                    "fields": {"employer": "राम शर्मा", "district": "काठमाडौं"},
                    "narrative": "मालिकले तीन महिनादेखि तलब दिएन।" if i < 5 else "म दिनको १८ घण्टा काम गर्छु, बिदा छैन।"})
    return out


class RecordingProxy(http.server.ThreadingHTTPServer):
    """Stands between the inspector's clients and the daemon: forwards every request as it came
    and keeps its request line, headers and body."""

    daemon_threads = True

    def __init__(self, upstream_port: int):
        self.seen: list[bytes] = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def forward(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with proxy.lock:
                    proxy.seen.append(f"{self.requestline}\n{self.headers}\n".encode() + body)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "content-length", "expect")}
                conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
                try:
                    conn.request(self.command, self.path, body=body or None, headers=headers)
                    reply = conn.getresponse()
                    data = reply.read()
                finally:
                    conn.close()
                self.send_response(reply.status)
                for k, v in reply.getheaders():
                    if k.lower() not in ("connection", "content-length", "transfer-encoding"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = forward  # noqa: N815 (the stdlib's names)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def leaks(self, words: list[str]) -> list[str]:
        """Each search word found in a request, in any form a client could have sent it."""
        found = []
        with self.lock:
            seen = [s.lower() for s in self.seen]
        for word in words:
            forms = {word.lower().encode(), urllib.parse.quote(word).lower().encode(),
                     urllib.parse.quote_plus(word).lower().encode(), json.dumps(word).lower().encode()}
            found += [f"{word!r} in request {i}" for i, s in enumerate(seen) for form in forms if form in s]
        return found


@pytest.fixture
def proxy_to(request):
    started = []

    def start(daemon) -> RecordingProxy:
        proxy = RecordingProxy(daemon.port)
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        started.append(proxy)
        return proxy

    yield start
    for proxy in started:
        proxy.shutdown()
        proxy.server_close()


def releases_to(daemon, key_id: str) -> int:
    """`key_released` entries in the audit log for this key: each is one opening of a case."""
    size = int(si.http("GET", daemon.url + "/v1/audit/checkpoint").body.decode().split("\n")[1])
    return sum(1 for e in map(json.loads, get_entries(daemon, size)) if e["type"] == "key_released" and e["recipient"] == key_id)


def cli_text(server: str, daemon, key: str, *args: str) -> str:
    r = run_cli(["inspector", *args, "--server", server, "--key", str(daemon.key(key))])
    assert r.returncode == 0, f"inspector {args}: {r.stderr}"
    return r.stdout


def cli(server: str, daemon, key: str, *args: str) -> list[dict]:
    return [json.loads(line) for line in cli_text(server, daemon, key, *args).splitlines() if line.strip()]


def listed(browser) -> list[str]:
    """The case ids in the list, in its order (each link's title is the full id)."""
    return [a.get_attribute("title") for a in browser.find_elements(By.CSS_SELECTOR, "table tbody a.id")]


def show(browser, *, status: str = "", language: str = "", older: str = "", search: str = "") -> list[str]:
    """Fills the list's GET form and submits it; returns the ids listed."""
    Select(browser.find_element(By.ID, "status-filter")).select_by_value(status)
    Select(browser.find_element(By.ID, "language-filter")).select_by_value(language)
    for element_id, value in (("older-filter", older), ("search", search)):
        field = browser.find_element(By.ID, element_id)
        field.clear()
        if value:
            field.send_keys(value)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    return listed(browser)


def download(browser, folder, button_label: str):
    """Presses an export button and waits for the file it downloads."""
    before = set(folder.iterdir())
    browser.find_element(By.XPATH, f'//form[contains(@action, "/export/")]//button[text()="{button_label}"]').click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        new = [p for p in set(folder.iterdir()) - before if not p.name.endswith(".crdownload")]
        if new:
            return new[0]
        time.sleep(0.1)
    raise AssertionError(f"no {button_label} download")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_40_cases_in_4_languages_in_chromium_and_the_cli(backend, daemon, ui_factory, browser, proxy_to, tmp_path):  # noqa: F811
    today = time.strftime("%Y-%m-%d", time.gmtime())
    cases = complaints()
    tokens = [si.post_json(daemon.url + "/v1/complaints", c) for c in cases]
    assert all(r.status == 201 for r in tokens), [r.body for r in tokens if r.status != 201]
    marked_token = tokens[0].json()["token"]

    # The supervisor's view sets the scene: 4 cases to inspector-2 (one per language), 8 under
    # investigation, 4 with action taken. Its own listing opens its own cases, not inspector-1's.
    everything = cli(daemon.url, daemon, "supervisor", "cases", "--format", "json")
    assert len(everything) == 40 and Counter(c["language"] for c in everything) == {"en": 10, "es": 10, "ar": 10, "ne": 10}
    by_language = {lang: [c["case"] for c in everything if c["language"] == lang] for lang in ("en", "es", "ar", "ne")}
    marked = cli(daemon.url, daemon, "supervisor", "cases", "--search", MARKER)
    assert len(marked) == 1
    marked_id = marked[0]["case"]
    others = [c for c in (by_language["es"] + by_language["ar"] + by_language["ne"] + by_language["en"]) if c != marked_id]
    assigned, investigating, acted = others[0::10][:4], others[1::5][:8], others[3::10][:4]
    assert len(set(assigned + investigating + acted)) == 16
    for case_id in assigned:
        cli_text(daemon.url, daemon, "supervisor", "assign", case_id, "--to", "inspector-2")
    inspector_1 = load_dev_key(daemon, "inspector-1")
    for case_id, status in [(c, "investigating") for c in investigating] + [(c, "action_taken") for c in acted]:
        assert signed_post(daemon, inspector_1, f"/v1/agency/cases/{case_id}/status", {"status": status}).status == 200
    assert sorted(c["case"] for c in cli(daemon.url, daemon, "inspector-2", "cases")) == sorted(assigned)

    # ------------------------------------------------------------------ the UI, in Chromium
    proxy = proxy_to(daemon)
    ui = ui_factory(SimpleNamespace(url=proxy.url, key=daemon.key), "inspector-1")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    browser.set_page_load_timeout(120)  # the first listing opens all 40 cases
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})

    assert releases_to(daemon, inspector_1.key_id) == 0
    browser.get(ui.login_url)
    home = browser.current_url
    ids = listed(browser)
    assert len(ids) == 40 and "40 of 40 cases" in browser.page_source
    assert releases_to(daemon, inspector_1.key_id) == 40, "the list opened each case once, to learn its language and text"
    assert ids == sorted(ids), "filed the same day: by id within the day"
    rows = {r.find_element(By.CSS_SELECTOR, "a.id").get_attribute("title"): r.text
            for r in browser.find_elements(By.CSS_SELECTOR, "table tbody tr")}
    assert "Familia Peñalosa" in "".join(rows[c] for c in by_language["es"]) and "Russafa" in rows[by_language["es"][0]]
    assert all("الرياض" in rows[c] and "عائلة الراشد" in rows[c] for c in by_language["ar"])
    assert all("काठमाडौं" in rows[c] for c in by_language["ne"])
    assert "Tan household 0" in rows[marked_id] and "Kowloon" in rows[marked_id]
    assert sum("URGENT" in text for text in rows.values()) >= 1, "the beating case is marked urgent"
    browser.save_screenshot(str(artifact("inspector-ui-40-cases.png")))

    # Filters (status, language, age) and search, with the GET form; counts right.
    assert sorted(show(browser, status="investigating")) == sorted(investigating)
    assert sorted(show(browser, status="action_taken")) == sorted(acted)
    assert sorted(show(browser, status="assigned")) == sorted(assigned)
    for lang, expected in by_language.items():
        assert sorted(show(browser, language=lang)) == sorted(expected), lang
    assert show(browser, older="0") == [], "all filed today"
    penalosa = show(browser, search="penalosa")
    assert len(penalosa) == 3 and set(penalosa) <= set(by_language["es"]), "accent- and case-insensitive"
    assert sorted(show(browser, search="Peñalosa")) == sorted(penalosa)
    wage_ar = show(browser, search="الاجر")
    assert len(wage_ar) == 4 and set(wage_ar) <= set(by_language["ar"]), "الاجر finds الأجر"
    wage_ne = show(browser, search="तलब", language="ne")
    assert len(wage_ne) == 5 and set(wage_ne) <= set(by_language["ne"])
    assert show(browser, search="salario", language="ar") == []

    # Sorting keeps the filters: the Arabic cases by last activity, then by filing day again.
    show(browser, language="ar")
    follow(browser, browser.find_element(By.LINK_TEXT, "Last activity"))
    assert "Last activity ▾" in browser.page_source and "language=ar" in browser.current_url
    assert sorted(listed(browser)) == sorted(by_language["ar"])
    follow(browser, browser.find_element(By.LINK_TEXT, "Filed"))
    assert listed(browser) == sorted(by_language["ar"])
    assert releases_to(daemon, inspector_1.key_id) == 40, "filtering, sorting and searching opened no case"

    # Open the marked case; note, reply; she answers; the dated thread.
    show(browser, search=MARKER)
    follow(browser, browser.find_element(By.CSS_SELECTOR, f'a[title="{marked_id}"]'))
    browser.find_element(By.ID, "note").send_keys("Called the agency about the sweets")
    assert "Note added" in send(browser, "notes")
    browser.find_element(By.ID, "reply").send_keys("Which day does the supervisor come?")
    assert "Reply sealed to the reporter" in send(browser, "reply")
    answered = check_status(daemon, marked_token, ANSWER)
    assert [m["text"] for m in answered["messages"]] == ["Which day does the supervisor come?"]

    # Her answer is newer than the case's text here: the list says so, and finds it once opened.
    browser.get(home)
    assert show(browser, search="marmalade") == []
    assert "1 case has notes or answers newer than that" in browser.page_source
    show(browser)
    follow(browser, browser.find_element(By.LINK_TEXT, "Answers"))
    assert listed(browser)[0] == marked_id and "(1 unread)" in browser.find_element(By.CSS_SELECTOR, "table tbody tr").text
    follow(browser, browser.find_element(By.CSS_SELECTOR, f'a[title="{marked_id}"]'))
    thread = [li.find_element(By.CSS_SELECTOR, ".meta").text for li in browser.find_elements(By.CSS_SELECTOR, "ul.thread li")]
    assert thread == [f"{today} · Note · inspector-1", f"{today} · To the reporter · inspector-1", f"{today} · Her answer · the reporter"], thread
    assert ANSWER in browser.find_element(By.CSS_SELECTOR, "ul.thread").text
    case_page = browser.current_url
    browser.get(home)
    assert show(browser, search="marmalade") == [marked_id]

    # Answer her, export JSON and CSV, open the print view.
    browser.get(case_page)
    browser.find_element(By.ID, "reply").send_keys("Thank you. We will visit on Wednesday.")
    assert "Reply sealed to the reporter" in send(browser, "reply")
    exported = json.loads(download(browser, downloads, "JSON").read_text())
    assert exported["case"] == marked_id and exported["language"] == "en"
    # By day; within a day in case-file order (notes and messages, then her answers).
    assert [(e["day"], e["kind"]) for e in exported["thread"]] == [
        (today, "note"), (today, "message_to_reporter"), (today, "message_to_reporter"), (today, "answer")]
    rows = list(csv.DictReader(io.StringIO(download(browser, downloads, "CSV").read_text(), newline="")))
    assert [r["case"] for r in rows] == [marked_id] and "marmalade" in rows[0]["thread"]
    follow(browser, browser.find_element(By.XPATH, '//button[text()="Print view"]'))
    assert marked_id in browser.page_source and ANSWER in browser.page_source and MARKER in browser.page_source
    assert not browser.find_elements(By.TAG_NAME, "script")
    seen_by_ui = len(proxy.seen)

    # ------------------------------------------------------------- the same through the CLI
    check_status(daemon, answered["next_token"], "Wednesday is fine.")
    opened = releases_to(daemon, inspector_1.key_id)
    every = cli(proxy.url, daemon, "inspector-1", "cases", "--format", "json")
    assert len(every) == 40 and Counter(c["language"] for c in every) == {"en": 10, "es": 10, "ar": 10, "ne": 10}
    assert {c["day"] for c in every} == {today}
    assert Counter(c["status"] for c in every) == {"received": 24, "investigating": 8, "action_taken": 4, "assigned": 4}

    def ids_of(*args: str) -> list[str]:
        return [c["case"] for c in cli(proxy.url, daemon, "inspector-1", "cases", "--format", "json", *args)]

    assert ids_of("--sort", "unread")[0] == marked_id, "her second answer is unread"
    assert next(c for c in every if c["case"] == marked_id)["unread"] == 1
    assert sorted(ids_of("--status", "investigating")) == sorted(investigating)
    assert sorted(ids_of("--language", "ar")) == sorted(by_language["ar"])
    assert sorted(ids_of("--search", "PENALOSA")) == sorted(penalosa)
    assert sorted(ids_of("--search", "الاجر")) == sorted(wage_ar)
    assert sorted(ids_of("--search", "तलब", "--language", "ne")) == sorted(wage_ne)
    assert ids_of("--search", "marmalade") == [marked_id]
    assert ids_of("--older-than", "0") == []
    assert releases_to(daemon, inspector_1.key_id) == opened, "the CLI shares the index: listing and searching opened nothing"

    full = cli(proxy.url, daemon, "inspector-1", "show", marked_id, "--full")[0]
    assert [(e["day"], e["author"], e["kind"]) for e in full["thread"]] == [
        (today, inspector_1.key_id, "note"), (today, inspector_1.key_id, "message_to_reporter"),
        (today, inspector_1.key_id, "message_to_reporter"), (today, "reporter", "answer"), (today, "reporter", "answer")]
    out = tmp_path / "marked.jsonl"
    assert cli(proxy.url, daemon, "inspector-1", "export", marked_id, "--format", "json", "--out", str(out))[0]["exported"] == [marked_id]
    assert len(json.loads(out.read_text())["thread"]) == 5

    # Nothing about any search reached the daemon, from the UI or from the CLI.
    assert seen_by_ui > 200 and len(proxy.seen) > seen_by_ui, "both clients went through the proxy"
    assert proxy.leaks(SEARCHES) == []
