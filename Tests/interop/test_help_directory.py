"""The help directory (issue 18 #10): the operator signs DIR/help/LANG.json with the operator key
(`safeintake help-directory sign`), the daemon shows it after filing and on the status page, an
inspector points her to an entry with `[help:ID]`, and a file nobody signed (or changed since)
stops the daemon with the file named, rather than show a reporter an unvouched phone number."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

import safeintake_py as si
from safeintake_py import run_cli
from test_case_workflow import inspector

DIRECTORY = {
    "safeintake_help_directory": 1, "language": "en", "country": "MY",
    "entries": [
        {"id": "shelter-kl", "kind": "shelter", "name": "Safe House <KL>", "phone": "+60 3-1234 5678", "hours": "Day and night"},
        {"id": "legal", "kind": "legal_aid", "name": "Workers' Legal Clinic", "address": "Jalan Ampang 5", "note": "Free, in Tagalog too"},
    ],
}


def _write_signed(daemon, directory=DIRECTORY):
    folder = daemon.data / "help"
    folder.mkdir(exist_ok=True)
    path = folder / "en.json"
    path.write_text(json.dumps(directory, ensure_ascii=False))
    r = run_cli(["help-directory", "sign", str(path), "--operator-key", str(daemon.data / "dev-keys" / "operator.key")])
    assert r.returncode == 0, r.stderr
    return path


def _status_page(daemon, token):
    form = si.http("GET", daemon.url + "/check?lang=en").body.decode()
    ft = re.search(r'name="form_token" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"lang": "en", "form_token": ft, "token": token}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"}
    return si.http("POST", daemon.url + "/check", body, headers).body.decode()


def test_signed_directory_is_shown_and_pointed_to(daemon):
    _write_signed(daemon)
    daemon.stop()
    daemon.start()
    checked = run_cli(["help-directory", "check", "--data", str(daemon.data)])
    assert checked.returncode == 0 and "PASS  en: 2 entries" in checked.stdout, checked.stdout + checked.stderr
    r = si.post_json(daemon.url + "/v1/complaints", {"language": "en", "narrative": "No pay for three months."})
    token = r.json()["token"]
    case_id = json.loads(run_cli(["inspector", "cases", "--server", daemon.url, "--key", str(daemon.key("inspector-1"))]).stdout.splitlines()[0])["case"]
    inspector(daemon, "inspector-1", "reply", case_id, "Please call them today: [help:shelter-kl]")
    page = _status_page(daemon, token)
    assert "Safe House &lt;KL&gt;" in page, "the operator's text is escaped"
    assert 'href="tel:+60312345678"' in page
    assert "The inspector suggests that you contact:" in page
    assert page.count("Safe House") == 2, "in the list and under the message that points to it"


@pytest.mark.parametrize("tamper", ["unsigned", "changed"])
def test_unsigned_or_changed_directory_stops_the_daemon(daemon, tamper):
    path = _write_signed(daemon)
    if tamper == "unsigned":
        path.with_name("en.json.sig").unlink()
    else:
        changed = dict(DIRECTORY, entries=[dict(DIRECTORY["entries"][0], phone="+60 9-9999 9999")])
        path.write_text(json.dumps(changed))
    daemon.stop()
    with pytest.raises(AssertionError) as failed:
        daemon.start()
    assert "en.json" in str(failed.value)
    assert ("no signature" if tamper == "unsigned" else "not signed by operator") in str(failed.value)
