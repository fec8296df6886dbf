"""Issue 17, item 1 (the December 2026 review), from the outside: status in a field's *name* or in
the language tag reached `inspector show` verbatim. Every string a reporter chooses now goes
through the firewall: names as well as values, and the language tag is restricted to known
languages. Drives the real binary over HTTP and decrypts with the CLI, as an inspector would.
"""

from __future__ import annotations

import json

import safeintake_py as si
from test_acceptance import cli_cases, cli_show, file_complaint

# The names the review sent through the JSON API, each of which reached the inspector.
REVIEW_NAMES = [
    "employer_knows_i_have_no_papers",
    "passport_kept_by_employer_i_overstayed_my_visa",
    "wages_withheld_since_my_visa_expired",
    "Has your employer threatened to call immigration because you are undocumented?",
]
STATUS_WORDS = ["papers", "overstayed", "visa", "undocumented", "noVisa"]


def test_field_names_that_disclose_never_reach_the_inspector(daemon):
    fields = {name: "yes" for name in REVIEW_NAMES}
    fields["employer_name"] = "Mrs. Lim"
    fields["月薪"] = "HK$4,000"  # a wage named in Chinese: no stem needed, judged by what it says
    file_complaint(daemon, {"language": "en", "fields": fields, "narrative": "She pays me 300 dollars a month."})
    [case] = cli_cases(daemon, "inspector-1")
    shown = cli_show(daemon, "inspector-1", case["case"])
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    assert view["fields"] == {"employer_name": "Mrs. Lim", "月薪": "HK$4,000"}
    for word in STATUS_WORDS:
        assert word not in shown.stdout, word


def test_a_language_tag_that_carries_anything_but_a_language_is_refused(daemon):
    for tag in ["en-x-noVisa", "en-overstay", "xx"]:
        r = si.post_json(daemon.url + "/v1/complaints",
                         {"language": tag, "fields": {}, "narrative": "She pays me 300 dollars a month."})
        assert r.status == 400, (tag, r.status, r.body)
        assert r.json()["error"] == "invalid_value", r.body
    assert cli_cases(daemon, "inspector-1") == []
    ok = si.post_json(daemon.url + "/v1/complaints",
                      {"language": "ne-Latn", "fields": {}, "narrative": "malik le talab diyena"})
    assert ok.status == 201, ok.body


def test_a_token_typed_in_native_digits_is_accepted(daemon):
    """Issue 18, item 1 and CONTRACT.md: POST /v1/status takes any Unicode decimal digits."""
    token = file_complaint(daemon, {"language": "ar", "fields": {}, "narrative": "لم تدفع راتبي منذ أربعة أشهر"})
    arabic_indic = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in token)
    r = si.post_json(daemon.url + "/v1/status", {"token": arabic_indic})
    assert r.status == 200, (r.status, r.body)
    assert r.json()["status"] == "received"
    spent = si.post_json(daemon.url + "/v1/status", {"token": token})
    assert spent.status == 404, "the native-digit check spent the same token"
