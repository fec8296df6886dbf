"""Issue 18 #11 from the outside: with her number, a worker gets a receipt that an embassy, NGO or
tribunal verifies offline with the deployment's published log key: PyNaCl (which nobody here
wrote) checks the Ed25519 signature of the C2SP signed note, and `safeintake receipt verify` agrees.
The receipt names the filing day and, only when she asks, the employer: never a case, a token or
her words; it is not stored and not logged.
"""

from __future__ import annotations

import base64
import json
import re
import time

import pytest
from nacl.exceptions import BadSignatureError

import safeintake_py as si
from safeintake_py import run_cli
from test_acceptance import COMPLAINT, parse_verifier_key, scan_blobs


def status(d, body: dict) -> si.Response:
    return si.post_json(d.url + "/v1/status", body)


def verify_with_pynacl(note: str, verifier: str) -> list[str]:
    name, keyid, vk = parse_verifier_key(verifier)
    text, sep, sigs = note.partition("\n\n")
    assert sep, "no blank line between the receipt's text and its signature"
    text += "\n"
    (line,) = sigs.splitlines()
    m = re.fullmatch(r"\u2014 (\S+) (\S+)", line)
    assert m and m.group(1) == name
    blob = base64.b64decode(m.group(2), validate=True)
    assert blob[:4] == keyid
    vk.verify(text.encode("utf-8"), blob[4:])
    return text.splitlines()


def test_a_receipt_verifies_offline_and_says_only_the_day_and_if_asked_the_employer(daemon, tmp_path):
    r = si.post_json(daemon.url + "/v1/complaints", COMPLAINT)
    assert r.status == 201
    token = r.json()["token"]
    log_key = si.http("GET", daemon.url + "/v1/audit/log-key").body.decode().strip()
    size_before = si.http("GET", daemon.url + "/v1/audit/checkpoint").body.decode().split("\n")[1]

    first = status(daemon, {"token": token, "receipt": "employer"})
    assert first.status == 200
    answer = first.json()
    receipt = answer["receipt"]
    today = time.strftime("%Y-%m-%d", time.gmtime())
    lines = verify_with_pynacl(receipt, log_key)
    assert lines[0] == "SafeIntake complaint receipt v1"
    assert lines[2] == f"filed: {today}"
    assert lines[3] == "employer: Golden Harvest Plantation Sdn Bhd"
    assert len(lines) == 4
    for secret in [token, answer["next_token"], "palm oil", "visa", "P7319024"]:
        assert secret not in receipt

    day_only = status(daemon, {"token": answer["next_token"], "receipt": "day"}).json()
    assert "employer" not in day_only["receipt"]

    (tmp_path / "receipt.txt").write_text(receipt)
    ok = run_cli(["receipt", "verify", str(tmp_path / "receipt.txt"), "--log-key", log_key])
    assert ok.returncode == 0, ok.stderr
    checked = json.loads(ok.stdout)
    assert checked["valid"] is True and checked["filed"] == today
    assert checked["employer"] == "Golden Harvest Plantation Sdn Bhd"

    forged = receipt.replace("Golden Harvest", "Silver Harvest")
    with pytest.raises(BadSignatureError):
        verify_with_pynacl(forged, log_key)
    (tmp_path / "forged.txt").write_text(forged)
    bad = run_cli(["receipt", "verify", str(tmp_path / "forged.txt"), "--log-key", log_key])
    assert bad.returncode != 0 and "does not verify" in bad.stderr

    # Two checks, two token_spent entries: nothing about receipts reaches the public log.
    size_after = si.http("GET", daemon.url + "/v1/audit/checkpoint").body.decode().split("\n")[1]
    assert int(size_after) == int(size_before) + 2
    assert scan_blobs(daemon.stored_blobs(), ["SafeIntake complaint receipt", "Silver Harvest"]) == []


def test_a_bad_receipt_request_spends_nothing(daemon):
    token = si.post_json(daemon.url + "/v1/complaints", COMPLAINT).json()["token"]
    r = status(daemon, {"token": token, "receipt": "everything"})
    assert r.status == 400 and r.json()["error"] == "invalid_value"
    assert status(daemon, {"token": token}).status == 200, "the number still works"
