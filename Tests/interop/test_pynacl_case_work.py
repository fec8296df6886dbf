"""Docs/format.md §10–§12 implemented again with PyNaCl, from the text alone: a PyNaCl supervisor
assigns a case (wraps + signed statement), a PyNaCl inspector writes a note and a message to the
reporter, the reporter reads it through the daemon, and PyNaCl opens her answer.
"""

from __future__ import annotations

import hashlib
import json
import os

import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.signing
import pytest
from nacl.public import PublicKey, SealedBox

import safeintake_py as si
from safeintake_py import run_cli
from test_pynacl_interop import file_complaint, load_dev_key

MESSAGE_BLOCK = 256


def canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def signed_post(d, key: si.AgencyKey, path: str, body: dict) -> si.Response:
    return si.signed_request(d.url, key, "POST", path, canonical(body))


def case_file(d, key: si.AgencyKey, case_id: str) -> dict:
    r = si.signed_request(d.url, key, "GET", f"/v1/agency/cases/{case_id}")
    assert r.status == 200, r.body
    return r.json()


def directory(d, key: si.AgencyKey) -> dict:
    r = si.signed_request(d.url, key, "GET", "/v1/agency/keys")
    assert r.status == 200, r.body
    return {k["name"]: k for k in r.json()["keys"]}


def test_pynacl_supervisor_assigns_and_pynacl_inspector_writes_to_the_reporter(daemon):
    token = file_complaint(daemon)
    supervisor = load_dev_key(daemon, "supervisor")
    inspector2 = load_dev_key(daemon, "inspector-2")
    r = si.signed_request(daemon.url, supervisor, "GET", "/v1/agency/cases")
    case_id = r.json()["cases"][0]["case"]

    # §12: wraps of every epoch's key to the assignee, and the signed statement.
    doc = case_file(daemon, supervisor, case_id)
    case_key = si.open_wrap(supervisor, case_id, si.unb64(doc["wraps"][0]["wrap"]))
    assignee = directory(daemon, supervisor)["inspector-2"]
    wrap = si.wrap_case_key(case_key, case_id, si.unb64(assignee["box_public_key"]))
    statement = "\n".join(["safeintake/assignment/v1", case_id, assignee["key_id"], supervisor.key_id, "1",
                           hashlib.sha256(wrap).hexdigest()]).encode()
    forged = signed_post(daemon, supervisor, f"/v1/agency/cases/{case_id}/assign",
                         {"assignee": assignee["key_id"], "wraps": [si.b64(wrap)],
                          "signature": si.b64(inspector2.sign.sign(statement).signature)})
    assert forged.status == 403 and forged.json()["error"] == "bad_signature"
    r = signed_post(daemon, supervisor, f"/v1/agency/cases/{case_id}/assign",
                    {"assignee": assignee["key_id"], "wraps": [si.b64(wrap)],
                     "signature": si.b64(supervisor.sign.sign(statement).signature)})
    assert r.status == 200, r.body

    # §3 record type 0x02: a note sealed under the case key by the new assignee.
    doc2 = case_file(daemon, inspector2, case_id)
    key2 = si.open_wrap(inspector2, case_id, si.unb64(doc2["wraps"][0]["wrap"]))
    assert key2 == case_key
    note = canonical({"author": inspector2.key_id, "case": case_id, "kind": "note", "text": "PyNaCl note"})
    record = si.seal_record(case_key, case_id, note, record_type=0x02)
    assert signed_post(daemon, inspector2, f"/v1/agency/cases/{case_id}/notes",
                       {"epoch": 0, "record": si.b64(record)}).status == 200

    # §11.1: signed, then sealed to the reporter's public key.
    text = "Habari. We have your complaint and will call your employer."
    body = canonical({"case": case_id, "from": inspector2.key_id, "kind": "reply", "text": text})
    signature = inspector2.sign.sign(b"safeintake/inspector-message/v1\x00" + body).signature
    sealed = SealedBox(PublicKey(si.unb64(doc2["reporter_public_key"]))).encrypt(si.pad(signature + body, MESSAGE_BLOCK))
    r = signed_post(daemon, inspector2, f"/v1/agency/cases/{case_id}/messages", {"message": si.b64(b"\x01" + sealed)})
    assert r.status == 200, r.body

    # The reporter reads it through the daemon and answers.
    r = si.post_json(daemon.url + "/v1/status", {"token": token, "message": "Thank you, I am at the same house."})
    assert r.status == 200, r.body
    assert [(m["from"], m["kind"], m["text"]) for m in r.json()["messages"]] == [("inspector", "reply", text)]

    # §11.2: PyNaCl opens her answer with the holder's key.
    answers = case_file(daemon, inspector2, case_id)["answers"]
    raw = si.unb64(answers[0])
    assert raw[0] == 0x01 and (len(raw) - 1 - 48) % MESSAGE_BLOCK == 0
    answer = json.loads(si.unpad(SealedBox(inspector2.box).decrypt(raw[1:]), MESSAGE_BLOCK))
    assert answer == {"case": case_id, "text": "Thank you, I am at the same house."}


def test_a_message_signed_by_a_key_that_is_not_the_named_author_is_not_shown(daemon):
    token = file_complaint(daemon)
    inspector1 = load_dev_key(daemon, "inspector-1")
    stranger = si.AgencyKey.generate("stranger")
    case_id = si.signed_request(daemon.url, inspector1, "GET", "/v1/agency/cases").json()["cases"][0]["case"]
    doc = case_file(daemon, inspector1, case_id)
    body = canonical({"case": case_id, "from": inspector1.key_id, "kind": "reply", "text": "come alone"})
    signature = stranger.sign.sign(b"safeintake/inspector-message/v1\x00" + body).signature
    sealed = SealedBox(PublicKey(si.unb64(doc["reporter_public_key"]))).encrypt(si.pad(signature + body, MESSAGE_BLOCK))
    assert signed_post(daemon, inspector1, f"/v1/agency/cases/{case_id}/messages", {"message": si.b64(b"\x01" + sealed)}).status == 200
    r = si.post_json(daemon.url + "/v1/status", {"token": token})
    assert r.status == 200 and r.json()["messages"] == []


# ------------------------------------------------------------------ issue 17 #7: junk from a holder

def signed_note(key: si.AgencyKey, case_id: str, kind: str, text: str) -> bytes:
    """§3.1 note format 2, written from the text alone: the fields signed with the author's key."""
    signed = b"\x00".join([b"safeintake/case-note/v2", case_id.encode(), key.key_id.encode(), kind.encode(), text.encode("utf-8")])
    signature = key.sign.sign(signed).signature
    return canonical({"author": key.key_id, "case": case_id, "kind": kind, "sig": si.b64(signature), "text": text, "v": 2})


def post_note(d, key: si.AgencyKey, case_id: str, record: bytes) -> si.Response:
    return signed_post(d, key, f"/v1/agency/cases/{case_id}/notes", {"epoch": 0, "record": si.b64(record)})


def test_a_junk_note_leaves_the_case_readable_and_is_counted(daemon):
    """The review's repro: a holder stores a note nobody can open. Every holder's CLI still opens
    the case, shows the other notes (a PyNaCl-signed one verified, an old unsigned one marked),
    and says what it skipped."""
    file_complaint(daemon)
    inspector1 = load_dev_key(daemon, "inspector-1")
    case_id = si.signed_request(daemon.url, inspector1, "GET", "/v1/agency/cases").json()["cases"][0]["case"]
    case_key = si.open_wrap(inspector1, case_id, si.unb64(case_file(daemon, inspector1, case_id)["wraps"][0]["wrap"]))

    signed = si.seal_record(case_key, case_id, signed_note(inspector1, case_id, "note", "Signed by PyNaCl ✓"), record_type=0x02)
    assert post_note(daemon, inspector1, case_id, signed).status == 200
    junk = post_note(daemon, inspector1, case_id, bytes([1, 2]) + os.urandom(200))
    assert junk.status == 200, "the server cannot tell junk from a note"
    old = canonical({"author": inspector1.key_id, "case": case_id, "kind": "note", "text": "Format 1, unsigned"})
    assert post_note(daemon, inspector1, case_id, si.seal_record(case_key, case_id, old, record_type=0x02)).status == 200

    for holder in ["supervisor", "inspector-1"]:
        r = run_cli(["inspector", "show", case_id, "--full", "--server", daemon.url, "--key", daemon.key(holder)])
        assert r.returncode == 0, f"{holder}: {r.stderr}"
        full = json.loads(r.stdout)
        assert full["case"] == case_id and "Golden Harvest" in json.dumps(full, ensure_ascii=False), "the agency view opened"
        assert [(n["text"], n["signed"]) for n in full["notes"]] == [("Signed by PyNaCl ✓", True), ("Format 1, unsigned", False)]
        assert [(u["kind"], u["sender"]) for u in full["unopened"]] == [("note", inspector1.key_id)]
        assert "warning: 1 note could not be opened" in r.stderr


def test_junk_messages_do_not_hide_a_real_reply(daemon):
    """The review's repro: inspector-1 replies, then the supervisor stores 10 junk messages."""
    token = file_complaint(daemon)
    inspector1 = load_dev_key(daemon, "inspector-1")
    supervisor = load_dev_key(daemon, "supervisor")
    case_id = si.signed_request(daemon.url, inspector1, "GET", "/v1/agency/cases").json()["cases"][0]["case"]
    doc = case_file(daemon, inspector1, case_id)
    text = "We will visit on Monday."
    body = canonical({"case": case_id, "from": inspector1.key_id, "kind": "reply", "text": text})
    signature = inspector1.sign.sign(b"safeintake/inspector-message/v1\x00" + body).signature
    sealed = SealedBox(PublicKey(si.unb64(doc["reporter_public_key"]))).encrypt(si.pad(signature + body, MESSAGE_BLOCK))
    assert signed_post(daemon, inspector1, f"/v1/agency/cases/{case_id}/messages", {"message": si.b64(b"\x01" + sealed)}).status == 200
    for _ in range(10):
        junk = si.b64(b"\x01" + os.urandom(300))
        assert signed_post(daemon, supervisor, f"/v1/agency/cases/{case_id}/messages", {"message": junk}).status == 200
    r = si.post_json(daemon.url + "/v1/status", {"token": token})
    assert r.status == 200 and [(m["from"], m["kind"], m["text"]) for m in r.json()["messages"]] == [("inspector", "reply", text)]


def test_notes_and_messages_are_bounded_per_holder(daemon):
    """Over 8192 bytes sealed: 413 too_large. The 51st message from one key on one case: 409
    limit_reached, and another holder can still write to her."""
    file_complaint(daemon)
    inspector1 = load_dev_key(daemon, "inspector-1")
    supervisor = load_dev_key(daemon, "supervisor")
    case_id = si.signed_request(daemon.url, inspector1, "GET", "/v1/agency/cases").json()["cases"][0]["case"]
    big = post_note(daemon, inspector1, case_id, bytes([1, 2]) + os.urandom(8191))
    assert big.status == 413 and big.json()["error"] == "too_large", big.body
    r = signed_post(daemon, inspector1, f"/v1/agency/cases/{case_id}/messages", {"message": si.b64(b"\x01" + os.urandom(8192))})
    assert r.status == 413 and r.json()["error"] == "too_large", r.body
    for _ in range(50):
        assert signed_post(daemon, supervisor, f"/v1/agency/cases/{case_id}/messages", {"message": si.b64(b"\x01" + os.urandom(100))}).status == 200
    r = signed_post(daemon, supervisor, f"/v1/agency/cases/{case_id}/messages", {"message": si.b64(b"\x01" + os.urandom(100))})
    assert r.status == 409 and r.json()["error"] == "limit_reached", r.body
    assert signed_post(daemon, inspector1, f"/v1/agency/cases/{case_id}/messages", {"message": si.b64(b"\x01" + os.urandom(100))}).status == 200


def test_pynacl_verifies_the_directory_against_the_pinned_operator_key(daemon):
    """Docs/format.md §5.3 and §12, from the spec alone: every dev key's registration in the directory
    verifies with the dev operator key (id recomputed), and a release nonce is logged (§8)."""
    operator = json.loads((daemon.data / "dev-keys" / "operator.pub").read_text())
    assert operator["safeintake_operator_public_key"] == 1
    operator_public = si.unb64(operator["sign_public_key"])
    operator_id = nacl.hash.blake2b(b"safeintake/operator-key-id" + b"\x00" + operator_public, digest_size=16,
                                    encoder=nacl.encoding.RawEncoder).hex()
    assert operator_id == operator["key_id"]
    verify = nacl.signing.VerifyKey(operator_public)
    supervisor = load_dev_key(daemon, "supervisor")
    keys = directory(daemon, supervisor)
    assert set(keys) == {"supervisor", "inspector-1", "inspector-2"}
    for name, entry in keys.items():
        reg = entry["registration"]
        assert reg["operator"] == operator_id
        message = "\n".join(["safeintake/key-registration/v1", entry["key_id"], name, entry["role"], entry["box_public_key"],
                             entry["sign_public_key"], reg["team"], "1" if reg["receives_new_cases"] else "0"]).encode()
        verify.verify(message, si.unb64(reg["signature"]))  # raises BadSignatureError otherwise
        forged = message.replace(name.encode(), b"attacker", 1)
        with pytest.raises(nacl.exceptions.BadSignatureError):
            verify.verify(forged, si.unb64(reg["signature"]))

    file_complaint(daemon)
    case_id = si.signed_request(daemon.url, supervisor, "GET", "/v1/agency/cases").json()["cases"][0]["case"]
    nonce = "0123456789abcdef0123456789abcdef"
    fetched = si.signed_request(daemon.url, supervisor, "GET", f"/v1/agency/cases/{case_id}?release={nonce}")
    assert fetched.status == 200, fetched.body
    index = fetched.json()["release_entry"]
    entry = si.http("GET", daemon.url + f"/v1/audit/entries?start={index}&end={index + 1}").json()["entries"][0]
    logged = json.loads(si.unb64(entry["data"]))
    assert logged["type"] == "key_released" and logged["request"] == nonce and logged["case"] == case_id
    bad = si.signed_request(daemon.url, supervisor, "GET", f"/v1/agency/cases/{case_id}?release=NOT-HEX")
    assert bad.status == 400
