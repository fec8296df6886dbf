"""Interoperability with a client nobody here wrote: PyNaCl, driven only by Docs/format.md.

(a) Python opens the daemon's ciphertext; (b) the Swift CLI opens Python's ciphertext and rejects
what the spec says readers must reject; (c) passphrase-protected key files written by Python.
§6 (the token verifier) is server-internal and not observable over HTTP, so it is not tested here;
only §6's observable parsing rule is.
"""

from __future__ import annotations

import json
import re

import nacl.exceptions
import pytest

import safeintake_py as si
from safeintake_py import run_cli

COMPLAINT = {
    "language": "en",
    "fields": {
        "employer_name": "Golden Harvest Plantation Sdn Bhd",
        "wage_monthly": "RM 900",
        "hours_per_week": "84",
        "visa_status": "expired",
        "passport_no": "P7319024",
    },
    "narrative": ("My employer Golden Harvest Plantation Sdn Bhd has not paid my wages of RM 900 "
                  "for three months. My visa expired last month and the supervisor keeps my "
                  "passport P7319024."),
}
LABOUR_FACTS = ["Golden Harvest Plantation Sdn Bhd", "RM 900", "three months"]
STATUS_STRINGS = ["visa_status", "passport_no", "P7319024", "visa expired", "expired"]


def file_complaint(d, complaint=COMPLAINT) -> str:
    r = si.post_json(d.url + "/v1/complaints", complaint)
    assert r.status == 201, r.body
    return r.json()["token"]


def load_dev_key(d, name) -> si.AgencyKey:
    return si.load_key_file(json.loads(d.key(name).read_text()))


def fetch_case(d, key: si.AgencyKey) -> dict:
    r = si.signed_request(d.url, key, "GET", "/v1/agency/cases")
    assert r.status == 200, r.body
    cases = r.json()["cases"]
    assert len(cases) == 1, cases
    case_id = cases[0]["case"]
    r = si.signed_request(d.url, key, "GET", f"/v1/agency/cases/{case_id}")
    assert r.status == 200, r.body
    doc = r.json()
    assert doc["case"] == case_id
    return doc


# ------------------------------------------------------------------------------------------ (a)

ILO_INDICATORS = {"abuse_of_vulnerability", "deception", "restriction_of_movement", "isolation", "physical_sexual_violence",
                  "intimidation_threats", "retention_of_identity_documents", "withholding_of_wages", "debt_bondage",
                  "abusive_working_living_conditions", "excessive_overtime"}


def test_pynacl_opens_a_case_filed_through_the_daemon(daemon):
    file_complaint(daemon)
    key = load_dev_key(daemon, "inspector-1")  # §5.2 parse + public key / key id checks
    doc = fetch_case(daemon, key)               # §8 signed requests
    case_id = doc["case"]
    assert re.fullmatch(r"[0-9a-f]{32}", case_id), case_id  # §1

    wrap = si.unb64(doc["wrap"])
    assert len(wrap) == si.WRAP_LEN and wrap[0] == 0x01  # §4
    case_key = si.open_wrap(key, case_id, wrap)
    with pytest.raises(ValueError, match="another case"):  # §4 case-id binding
        si.open_wrap(key, si.new_case_id(), wrap)

    record = si.unb64(doc["agency_view"])
    assert record[0] == 0x01 and record[1] == 0x01  # §3 version, record type
    assert (len(record) - 2 - 24 - 16) % 1024 == 0  # padded to 1 KiB blocks, + 16-byte tag
    plaintext = si.open_record(case_key, case_id, record)
    with pytest.raises(nacl.exceptions.CryptoError):  # §3 AD binds the case id
        si.open_record(case_key, si.new_case_id(), record)

    view = json.loads(plaintext.decode("utf-8"))  # §2
    assert set(view) == {"case", "fields", "language", "narrative", "indicators"}
    assert view["indicators"] == sorted(view["indicators"]) and set(view["indicators"]) <= ILO_INDICATORS
    assert view["case"] == case_id
    assert view["language"] == "en"
    assert view["fields"] == {k: COMPLAINT["fields"][k]
                              for k in ("employer_name", "wage_monthly", "hours_per_week")}
    for fact in LABOUR_FACTS:
        assert fact in view["narrative"]
    assert "[removed]" in view["narrative"]
    for s in STATUS_STRINGS:
        assert s not in plaintext.decode("utf-8"), s


def test_supervisor_can_open_and_inspector2_gets_nothing(daemon):
    file_complaint(daemon)
    sup = load_dev_key(daemon, "supervisor")
    doc = fetch_case(daemon, sup)
    case_key = si.open_wrap(sup, doc["case"], si.unb64(doc["wrap"]))
    assert b"Golden Harvest" in si.open_record(case_key, doc["case"], si.unb64(doc["agency_view"]))

    i2 = load_dev_key(daemon, "inspector-2")
    r = si.signed_request(daemon.url, i2, "GET", "/v1/agency/cases")
    assert r.status == 200 and r.json()["cases"] == []
    r = si.signed_request(daemon.url, i2, "GET", f"/v1/agency/cases/{doc['case']}")
    assert r.status in (403, 404), (r.status, r.body)
    assert b"Golden Harvest" not in r.body and b"agency_view" not in r.body


def test_signed_requests_reject_replay_bad_signature_and_unknown_key(daemon):
    """§8: challenge used once; bad signature and unknown key get the same 401 bytes."""
    key = load_dev_key(daemon, "inspector-1")
    path = "/v1/agency/cases"

    def headers(k, challenge, message_key=None):
        msg = si.agency_message("GET", path, challenge, b"")
        sig = (message_key or k).sign.sign(msg).signature
        return {"X-SafeIntake-Key": k.key_id, "X-SafeIntake-Challenge": challenge,
                "X-SafeIntake-Signature": si.b64(sig)}

    def challenge(k):
        r = si.post_json(daemon.url + "/v1/agency/challenge", {"key_id": k.key_id})
        assert r.status == 200, r.body
        return r.json()["challenge"]

    c = challenge(key)
    h = headers(key, c)
    first = si.http("GET", daemon.url + path, None, h)
    assert first.status == 200, first.body
    replay = si.http("GET", daemon.url + path, None, h)
    assert (replay.status, replay.body) == (401, b'{"error":"unauthorized"}')

    stranger = si.AgencyKey.generate()
    bad_sig = si.http("GET", daemon.url + path, None, headers(key, challenge(key), stranger))
    c2 = challenge(key)  # a real challenge, presented with an unregistered key id
    unknown = si.http("GET", daemon.url + path, None, headers(stranger, c2))
    assert (bad_sig.status, bad_sig.body) == (replay.status, replay.body)
    assert (unknown.status, unknown.body) == (replay.status, replay.body)
    # a challenge is removed on first use even when the signature was bad
    h2 = headers(key, c2)
    assert si.http("GET", daemon.url + path, None, h2).status == 401


def test_token_parsing_accepts_digits_without_dashes_or_with_spaces(daemon):
    """§6, the observable part: the digits with or without dashes or spaces."""
    token = file_complaint(daemon)
    digits = re.sub(r"\D", "", token)
    assert len(digits) == 24 and re.fullmatch(r"\d{4}(-\d{4}){5}", token), token
    r = si.post_json(daemon.url + "/v1/status", {"token": digits})
    assert r.status == 200, r.body
    spaced = " ".join(re.findall(r"\d{4}", re.sub(r"\D", "", r.json()["next_token"])))
    r = si.post_json(daemon.url + "/v1/status", {"token": spaced})
    assert r.status == 200, r.body


# ------------------------------------------------------------------------------------------ (b)

VIEW_KEYS = ("case", "fields", "language", "narrative")


def make_bundle(tmp_path, *, key: si.AgencyKey, name="bundle.json", case_id=None, view=None,
                record_version=0x01, record_type=0x01, ad_case_id=None, wrap_to=None,
                wrap_case_id=None, wrap_version=0x01, pad=True):
    case_id = case_id or si.new_case_id()
    case_key = si.new_case_key()
    view = view if view is not None else {
        "case": case_id, "language": "tl",
        "fields": {"employer_name": "Mrs. Lim", "wage_monthly": "450 SGD", "hours_per_week": "98"},
        "narrative": "Hindi ako binayaran ng 3 buwan. Nagtatrabaho ako 14 oras araw-araw. [removed]",
    }
    plaintext = json.dumps(view, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":")).encode("utf-8")
    if pad:
        record = si.seal_record(case_key, case_id, plaintext, version=record_version,
                                record_type=record_type, ad_case_id=ad_case_id)
    else:  # a well-formed AEAD record whose plaintext was never padded
        import nacl.bindings as b
        import nacl.utils
        nonce = nacl.utils.random(24)
        record = bytes([0x01, 0x01]) + nonce + b.crypto_aead_xchacha20poly1305_ietf_encrypt(
            plaintext, si.record_ad(case_id), nonce, case_key)
    wrap = si.wrap_case_key(case_key, wrap_case_id or case_id,
                            (wrap_to or key).box_public, version=wrap_version)
    path = tmp_path / name
    path.write_text(json.dumps({"case": case_id, "agency_view": si.b64(record), "wrap": si.b64(wrap)}))
    return path, view


def write_key(tmp_path, key: si.AgencyKey, name="py.key", **kw) -> tuple:
    doc = key.key_file(**kw)
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path, doc


def decrypt(bundle, key_path, env=None):
    return run_cli(["inspector", "decrypt", bundle, "--key", key_path], env_extra=env)


def assert_rejected(result):
    assert result.returncode != 0, (result.stdout, result.stderr)
    assert "error" in result.stderr.lower(), result.stderr
    assert result.stdout.strip() == "" or "Mrs. Lim" not in result.stdout


def test_swift_opens_a_record_and_wrap_sealed_by_pynacl(safeintake_bin, tmp_path):
    key = si.AgencyKey.generate("py-inspector")
    key_path, doc = write_key(tmp_path, key)
    assert doc["dev_only"] is True and re.fullmatch(r"[0-9a-f]{32}", doc["key_id"])
    bundle, view = make_bundle(tmp_path, key=key)
    r = decrypt(bundle, key_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == view


def test_swift_opens_a_view_needing_several_padding_blocks(safeintake_bin, tmp_path):
    key = si.AgencyKey.generate()
    key_path, _ = write_key(tmp_path, key)
    case_id = si.new_case_id()
    # exactly 1023 bytes of JSON would pad to 1024; make one that fills blocks exactly (2048)
    base = {"case": case_id, "language": "en", "fields": {}, "narrative": ""}
    filler = 2048 - len(json.dumps(base, separators=(",", ":")).encode())
    base["narrative"] = "x" * filler
    assert len(json.dumps(base, separators=(",", ":")).encode()) == 2048
    bundle, view = make_bundle(tmp_path, key=key, case_id=case_id, view=base)
    r = decrypt(bundle, key_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == view


@pytest.mark.parametrize("variant", [
    "record_ad_other_case", "wrap_other_key", "record_version_2", "record_type_unknown",
    "wrap_version_2", "wrap_bound_to_other_case", "unpadded_plaintext",
])
def test_swift_rejects_what_the_spec_says_readers_reject(safeintake_bin, tmp_path, variant):
    key = si.AgencyKey.generate()
    key_path, _ = write_key(tmp_path, key)
    kw = {
        "record_ad_other_case": {"ad_case_id": si.new_case_id()},           # §3
        "wrap_other_key": {"wrap_to": si.AgencyKey.generate()},            # §4
        "record_version_2": {"record_version": 0x02},                      # §3 unknown version
        "record_type_unknown": {"record_type": 0x7F},                      # §3 unknown type
        "wrap_version_2": {"wrap_version": 0x02},                          # §4 (+ preamble)
        "wrap_bound_to_other_case": {"wrap_case_id": si.new_case_id()},    # §4 id check
        "unpadded_plaintext": {"pad": False},                              # §3 padding
    }[variant]
    bundle, _ = make_bundle(tmp_path, key=key, **kw)
    result = decrypt(bundle, key_path)
    assert_rejected(result)
    reason = {  # rejected for the injected fault, not for some unrelated parse error
        "record_ad_other_case": r"decrypt|authenticat", "wrap_other_key": r"wrap",
        "record_version_2": r"version", "record_type_unknown": r"type",
        "wrap_version_2": r"version", "wrap_bound_to_other_case": r"another case",
        "unpadded_plaintext": r"pad",
    }[variant]
    assert re.search(reason, result.stderr, re.I), result.stderr


def test_control_same_bundle_builder_succeeds_without_the_fault(safeintake_bin, tmp_path):
    """Guards the rejection tests: with no fault injected the same helper's bundle opens."""
    key = si.AgencyKey.generate()
    key_path, _ = write_key(tmp_path, key)
    bundle, view = make_bundle(tmp_path, key=key, record_type=0x01, record_version=0x01,
                               wrap_version=0x01)
    r = decrypt(bundle, key_path)
    assert r.returncode == 0 and json.loads(r.stdout) == view, r.stderr


@pytest.mark.parametrize("fault", ["key_id", "box_public_key", "unprotected_not_dev_only",
                                   "key_file_version"])
def test_swift_rejects_inconsistent_key_files(safeintake_bin, tmp_path, fault):
    """§5.2: readers recompute the public keys and key id; unprotected requires dev_only."""
    key = si.AgencyKey.generate()
    other = si.AgencyKey.generate()
    key_path, doc = write_key(tmp_path, key)
    if fault == "key_id":
        doc["key_id"] = other.key_id
    elif fault == "box_public_key":
        doc["box_public_key"] = si.b64(other.box_public)
    elif fault == "unprotected_not_dev_only":
        doc["dev_only"] = False
    else:
        doc["safeintake_key"] = 2
    key_path.write_text(json.dumps(doc))
    bundle, _ = make_bundle(tmp_path, key=key)
    r = decrypt(bundle, key_path)
    assert r.returncode != 0, (fault, r.stdout)
    assert "Mrs. Lim" not in r.stdout
    assert "key file" in r.stderr.lower(), r.stderr


# ------------------------------------------------------------------------------------------ (c)

def test_swift_opens_a_passphrase_protected_key_file_written_by_pynacl(safeintake_bin, tmp_path):
    key = si.AgencyKey.generate("py-inspector-protected")
    passphrase = "paalam sa visa, hindi sa sahod 7"
    key_path, doc = write_key(tmp_path, key, passphrase=passphrase.encode())
    assert doc["secret"]["protection"] == "argon2id-secretbox" and doc["dev_only"] is False
    assert len(si.unb64(doc["secret"]["ciphertext"])) == 80
    assert si.load_key_file(doc, passphrase.encode()).key_id == key.key_id  # self-check
    bundle, view = make_bundle(tmp_path, key=key)

    ok = decrypt(bundle, key_path, {"SAFEINTAKE_PASSPHRASE": passphrase})
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout) == view

    wrong = decrypt(bundle, key_path, {"SAFEINTAKE_PASSPHRASE": passphrase + "x"})
    assert wrong.returncode != 0
    assert "passphrase" in wrong.stderr.lower(), wrong.stderr
    assert "Mrs. Lim" not in wrong.stdout

    missing = decrypt(bundle, key_path)  # no passphrase and no terminal: must not hang or open
    assert missing.returncode != 0
    assert "passphrase" in missing.stderr.lower(), missing.stderr


def test_pynacl_opens_a_protected_key_file_written_by_the_binary(safeintake_bin, tmp_path):
    """The other direction of §5.2/§5.1: `safeintake keys generate` output read by PyNaCl."""
    out = tmp_path / "gen"
    out.mkdir()
    passphrase = "correct horse battery staple"
    r = run_cli(["keys", "generate", "--name", "inspector-9", "--out", out / "inspector-9.key"],
                env_extra={"SAFEINTAKE_PASSPHRASE": passphrase}, timeout=120)
    assert r.returncode == 0, r.stderr
    keys = list(out.glob("*.key"))
    pubs = list(out.glob("*.pub"))
    assert len(keys) == 1 and len(pubs) == 1, list(out.iterdir())
    doc = json.loads(keys[0].read_text())
    assert doc["secret"]["protection"] == "argon2id-secretbox"
    assert doc["dev_only"] is False
    key = si.load_key_file(doc, passphrase.encode())
    with pytest.raises(nacl.exceptions.CryptoError):
        si.load_key_file(doc, b"wrong")
    pub = json.loads(pubs[0].read_text())  # §5.1
    assert pub["safeintake_public_key"] == 1
    assert pub["key_id"] == key.key_id == si.key_id(si.unb64(pub["box_public_key"]),
                                                     si.unb64(pub["sign_public_key"]))
    assert pub["box_public_key"] == si.b64(key.box_public)
    assert pub["sign_public_key"] == si.b64(key.sign_public)
