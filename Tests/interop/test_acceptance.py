"""Issue 2's "Done when", run from the outside: the real binary, HTTP on 127.0.0.1, and files.

Each test starts its own daemon on an empty data folder (see conftest.py).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

import safeintake_py as si
from safeintake_py import run_cli

# The contract's complaint: status fields and phrases mixed with the labour facts.
COMPLAINT = {
    "language": "tl",
    "fields": {
        "employer_name": "Golden Harvest Plantation Sdn Bhd",
        "wage_monthly": "RM 900",
        "hours_per_week": "84",
        "workplace_city": "Kota Tinggi",
        "visa_status": "overstayed",
        "passport_no": "P7319024",
        "immigration_status": "undocumented",
    },
    "narrative": ("My employer Golden Harvest Plantation Sdn Bhd has not paid my wages of RM 900 "
                  "for three months. I work 14 hours a day on the palm oil estate near Kota Tinggi. "
                  "My visa expired last month and the supervisor keeps my passport P7319024."),
}
KEPT_FIELDS = {"employer_name", "wage_monthly", "hours_per_week", "workplace_city"}
STATUS_FIELDS = ["visa_status", "passport_no", "immigration_status"]
LABOUR_FACTS = ["Golden Harvest Plantation Sdn Bhd", "RM 900", "three months", "14 hours a day",
                "palm oil estate", "Kota Tinggi"]
STATUS_VALUES = ["overstayed", "P7319024", "undocumented", "visa expired", "my visa"]
TOKEN_RE = re.compile(r"\d{4}(-\d{4}){4,}")
STATUSES = {"received", "assigned", "investigating", "action_taken", "closed"}


def file_complaint(d, complaint=COMPLAINT) -> str:
    r = si.post_json(d.url + "/v1/complaints", complaint)
    assert r.status == 201, (r.status, r.body)
    return r.json()["token"]


def cli_cases(d, key: str):
    r = run_cli(["inspector", "cases", "--server", d.url, "--key", d.key(key)])
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def cli_show(d, key: str, case_id: str):
    return run_cli(["inspector", "show", case_id, "--server", d.url, "--key", d.key(key)])


# ------------------------------------------------------------------------------------- start

def test_daemon_starts_on_an_empty_folder_answers_root_and_makes_dev_keys(daemon):
    r = si.http("GET", daemon.url + "/")
    assert r.status == 200
    for name in ("supervisor", "inspector-1", "inspector-2"):
        doc = json.loads(daemon.key(name).read_text())
        assert doc["dev_only"] is True and doc["secret"]["protection"] == "none"
        si.load_key_file(doc)  # consistent per format §5.2
    assert re.search(r"warn.*development|development.*warn", daemon.stderr_text(), re.I), \
        "no loud dev-key warning in the log"


def test_complaint_gets_201_and_a_token_of_digit_groups(daemon):
    r = si.post_json(daemon.url + "/v1/complaints", COMPLAINT)
    assert r.status == 201, r.body
    body = r.json()
    assert set(body) == {"token"}
    assert TOKEN_RE.fullmatch(body["token"]), body["token"]
    assert file_complaint(daemon) != body["token"]  # tokens are fresh per complaint


# -------------------------------------------------------------------------------- inspectors

def test_inspector1_lists_and_decrypts_with_the_firewall_applied(daemon):
    file_complaint(daemon)
    cases = cli_cases(daemon, "inspector-1")
    assert len(cases) == 1, cases
    assert set(cases[0]) == {"case", "status", "day", "language", "last_activity", "unread"}
    assert cases[0]["language"] == COMPLAINT["language"] and cases[0]["unread"] == 0
    assert re.fullmatch(r"[0-9a-f]{32}", cases[0]["case"])
    assert cases[0]["status"] in STATUSES

    r = cli_show(daemon, "inspector-1", cases[0]["case"])
    assert r.returncode == 0, r.stderr
    view = json.loads(r.stdout)
    assert set(view) == {"case", "language", "fields", "narrative"}
    assert view["case"] == cases[0]["case"] and view["language"] == "tl"
    assert view["fields"] == {k: COMPLAINT["fields"][k] for k in KEPT_FIELDS}
    for fact in LABOUR_FACTS:
        assert fact in view["narrative"], fact
    for s in STATUS_FIELDS + STATUS_VALUES:
        assert s.lower() not in r.stdout.lower(), s


def test_inspector2_cannot_open_the_case_and_lists_nothing(daemon):
    file_complaint(daemon)
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    assert cli_cases(daemon, "inspector-2") == []
    r = cli_show(daemon, "inspector-2", case_id)
    assert r.returncode != 0
    assert r.stderr.strip().lower().startswith("error"), r.stderr
    assert case_id in r.stderr, r.stderr
    assert "Fatal error" not in r.stderr and "Golden Harvest" not in r.stdout + r.stderr


# ------------------------------------------------------------------------------------ tokens

def test_token_rotates_and_every_404_is_byte_identical(daemon):
    token = file_complaint(daemon)
    r = si.post_json(daemon.url + "/v1/status", {"token": token})
    assert r.status == 200, r.body
    body = r.json()
    assert body["status"] in STATUSES and body["messages"] == []
    assert TOKEN_RE.fullmatch(body["next_token"]) and body["next_token"] != token

    spent = si.post_json(daemon.url + "/v1/status", {"token": token})
    digits = re.sub(r"\D", "", token)
    flipped = digits[:8] + "".join(str((int(c) + 1) % 10) for c in digits[8:])  # same locator
    unknown_secret = si.post_json(daemon.url + "/v1/status", {"token": flipped})
    unknown = si.post_json(daemon.url + "/v1/status", {"token": "1111-2222-3333-4444-5555-6666"})
    malformed = si.post_json(daemon.url + "/v1/status", {"token": "12ab-not-a-token"})
    # padded with spaces to the size of every status answer (Docs/abuse-resistance.md)
    assert spent.status == 404 and spent.body.rstrip(b" ") == b'{"error":"not_found"}', spent.body
    assert len(spent.body) == len(r.body), (len(spent.body), len(r.body))
    for other in (unknown_secret, unknown, malformed):
        assert (other.status, other.body) == (spent.status, spent.body)
        assert other.headers.get("content-type") == spent.headers.get("content-type")

    # the next token works once, and issues yet another
    r2 = si.post_json(daemon.url + "/v1/status", {"token": body["next_token"]})
    assert r2.status == 200, r2.body
    assert r2.json()["next_token"] not in (token, body["next_token"])
    assert si.post_json(daemon.url + "/v1/status", {"token": body["next_token"]}).body == spent.body


# ------------------------------------------------------------------------------------- audit

def _h(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def mth(leaves: list[bytes]) -> bytes:
    """RFC 9162 §2.1.1 Merkle Tree Hash over leaf data."""
    n = len(leaves)
    if n == 0:
        return _h(b"")
    if n == 1:
        return _h(b"\x00" + leaves[0])
    k = 1 << ((n - 1).bit_length() - 1)  # largest power of two < n
    return _h(b"\x01" + mth(leaves[:k]) + mth(leaves[k:]))


def verify_inclusion(index: int, size: int, leaf_hash: bytes, proof: list[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf_hash
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _h(b"\x01" + p + r)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            r = _h(b"\x01" + r + p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first: int, second: int, first_hash: bytes, second_hash: bytes,
                       proof: list[bytes]) -> bool:
    """RFC 9162 §2.1.4.2."""
    if first == second:
        return not proof and first_hash == second_hash
    if first == 0 or first > second or not proof and first & (first - 1):
        return False
    if first & (first - 1) == 0:
        proof = [first_hash] + proof
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = _h(b"\x01" + c + fr)
            sr = _h(b"\x01" + c + sr)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            sr = _h(b"\x01" + sr + c)
        fn >>= 1
        sn >>= 1
    return fr == first_hash and sr == second_hash and sn == 0


def parse_verifier_key(text: str):
    name, keyid_hex, key_b64 = text.strip().split("+", 2)  # base64 may itself hold "+"
    raw = base64.b64decode(key_b64, validate=True)
    assert raw[0] == 0x01 and len(raw) == 33, "not an Ed25519 C2SP verifier key"
    keyid = bytes.fromhex(keyid_hex)
    assert keyid == _h(name.encode() + b"\n" + raw)[:4], "key id is not SHA-256(name\\n0x01||pk)[:4]"
    return name, keyid, VerifyKey(raw[1:])


def verify_checkpoint(note: str, verifier: str):
    """C2SP signed-note + tlog-checkpoint; returns (origin, size, root)."""
    name, keyid, vk = parse_verifier_key(verifier)
    text, sep, sigs = note.partition("\n\n")
    assert sep, "no blank line between note text and signatures"
    text += "\n"
    verified = False
    for line in sigs.splitlines():
        m = re.fullmatch(r"\u2014 (\S+) (\S+)", line)
        assert m, f"bad signature line {line!r}"
        blob = base64.b64decode(m.group(2), validate=True)
        if m.group(1) == name and blob[:4] == keyid:
            vk.verify(text.encode("utf-8"), blob[4:])  # raises BadSignatureError
            verified = True
    assert verified, "no signature by the log key"
    lines = text.splitlines()
    origin, size, root = lines[0], int(lines[1]), base64.b64decode(lines[2], validate=True)
    assert origin == name and len(root) == 32
    return origin, size, root


def get_entries(d, size: int) -> list[bytes]:
    out: list[bytes] = []
    while len(out) < size:
        r = si.http("GET", f"{d.url}/v1/audit/entries?start={len(out)}&end={size}")
        assert r.status == 200, r.body
        batch = r.json()["entries"]
        assert batch, "server returned no entries before the checkpoint size was reached"
        for e in batch:
            assert e["index"] == len(out)
            out.append(base64.b64decode(e["data"], validate=True))
    return out


def test_audit_checkpoint_is_signed_and_its_root_recomputes_from_entries(daemon):
    verifier = si.http("GET", daemon.url + "/v1/audit/log-key")
    assert verifier.status == 200 and verifier.headers["content-type"].startswith("text/plain")
    key_text = verifier.body.decode()

    cp1 = si.http("GET", daemon.url + "/v1/audit/checkpoint")
    assert cp1.status == 200 and cp1.headers["content-type"].startswith("text/plain")
    _, size1, root1 = verify_checkpoint(cp1.body.decode(), key_text)

    token = file_complaint(daemon)
    cp2 = si.http("GET", daemon.url + "/v1/audit/checkpoint").body.decode()
    _, size2, root2 = verify_checkpoint(cp2, key_text)
    assert size2 > size1, "filing a complaint was not logged"

    entries = get_entries(daemon, size2)
    assert mth(entries[:size1]) == root1
    assert mth(entries) == root2

    # a tampered note must not verify (guards the verifier itself)
    forged = cp2.replace(f"\n{size2}\n", f"\n{size2 + 1}\n", 1)
    with pytest.raises(BadSignatureError):
        verify_checkpoint(forged, key_text)

    for i in range(size2):
        r = si.http("GET", f"{daemon.url}/v1/audit/proof/inclusion?index={i}&size={size2}")
        assert r.status == 200, r.body
        proof = [base64.b64decode(p) for p in r.json()["proof"]]
        assert verify_inclusion(i, size2, _h(b"\x00" + entries[i]), proof, root2), i
    r = si.http("GET", f"{daemon.url}/v1/audit/proof/consistency?from={size1}&to={size2}")
    assert r.status == 200, r.body
    proof = [base64.b64decode(p) for p in r.json()["proof"]]
    assert verify_consistency(size1, size2, root1, root2, proof)
    assert not verify_consistency(size1, size2, root1, _h(b"x"), proof)

    # the log is public: it must hold no complaint content, status or token
    digits = re.sub(r"\D", "", token)
    public = b"\n".join(entries).lower()
    for needle in LABOUR_FACTS + STATUS_FIELDS + STATUS_VALUES + [token, digits, digits[8:]]:
        assert needle.lower().encode() not in public, needle


# ---------------------------------------------------------------- shutdown and data at rest

def _needle_forms(needle: str) -> dict[str, bytes]:
    raw = needle.encode("utf-8")
    forms = {"utf-8": raw.lower(), "utf-16le": needle.lower().encode("utf-16-le")}
    for offset in range(3):  # base64 at each of the three alignments
        enc = base64.b64encode(b"\x00" * offset + raw).rstrip(b"=")
        start = -(-offset * 4 // 3)
        end = len(enc) - (1 if (offset + len(raw)) % 3 else 0)
        core = enc[start:end]
        if len(core) >= 8:
            forms[f"base64+{offset}"] = core
    return forms


def find_in_files(root: Path, needles: list[str]) -> list[str]:
    return scan_blobs([(str(p.relative_to(root)), p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()], needles)


def scan_blobs(blobs: list[tuple[str, bytes]], needles: list[str]) -> list[str]:
    hits = []
    for name, data in blobs:
        lowered = data.lower()
        for needle in needles:
            for form, pattern in _needle_forms(needle).items():
                hay = data if form.startswith("base64") else lowered
                if pattern in hay:
                    hits.append(f"{name}: {needle!r} ({form})")
    return hits


def test_sigterm_is_clean_and_nothing_readable_is_left_at_rest(daemon):
    tokens = [file_complaint(daemon)]
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]
    assert cli_show(daemon, "inspector-1", case_id).returncode == 0
    for _ in range(2):  # rotate twice: three issued tokens, two spent
        r = si.post_json(daemon.url + "/v1/status", {"token": tokens[-1]})
        assert r.status == 200, r.body
        tokens.append(r.json()["next_token"])
    # rejected bodies must leave nothing behind either
    marker = "Zebulon Quarry Ltd owes wages"
    for bad in ({"language": "tl", "fields": {"visa_status": ["overstayed"]}, "narrative": marker},
                {"language": "tl", "fields": {}, "narrative": marker, "extra": 1},
                {"fields": {}, "narrative": marker}):
        r = si.post_json(daemon.url + "/v1/complaints", bad)
        assert r.status == 400, (bad, r.status, r.body)
        assert set(r.json()) == {"error", "message"}
    bad_utf8 = si.http("POST", daemon.url + "/v1/complaints",
                       b'{"language":"tl","fields":{},"narrative":"' + marker.encode() + b'\xff"}',
                       {"Content-Type": "application/json"})
    assert bad_utf8.status == 400, bad_utf8.body

    rc = daemon.stop(timeout=10)
    assert rc == 0, f"daemon exit code {rc} after SIGTERM (None = had to be killed)"

    token_needles = []
    for t in tokens:
        digits = re.sub(r"\D", "", t)
        secret = digits[8:]
        token_needles += [t, digits, " ".join(t.split("-")), secret,
                          "-".join(secret[i:i + 4] for i in range(0, 16, 4))]
    plaintext_needles = LABOUR_FACTS + STATUS_FIELDS + STATUS_VALUES + [
        COMPLAINT["narrative"][:40], marker]

    blobs = daemon.stored_blobs()  # on PostgreSQL also the server's files, where the cases live
    assert blobs, "the data folder is empty: nothing was stored at all"
    # the content did reach the disk (encrypted): the scan looks at files that hold the case
    assert any(case_id.encode() in data for _, data in blobs), "case id not found on disk"

    hits = scan_blobs(blobs, plaintext_needles + token_needles)
    assert hits == [], "readable content at rest:\n" + "\n".join(hits)

    log = daemon.stderr_text().lower()
    logged = [n for n in plaintext_needles + token_needles if n.lower() in log]
    assert logged == [], f"the daemon log holds {logged}"


def test_scanner_finds_what_it_looks_for(tmp_path):
    """Guards the at-rest scan above against silently looking at nothing."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.bin").write_bytes(b"\x00xx My VISA expired \x01")
    (tmp_path / "b.bin").write_bytes(base64.b64encode(b"zz 1234-5678-9012-3456 zz"))
    (tmp_path / "c.bin").write_bytes("Kota Tinggi".encode("utf-16-le"))
    hits = find_in_files(tmp_path, ["visa expired", "1234-5678-9012-3456", "Kota Tinggi", "absent"])
    assert len(hits) == 3 and not any("absent" in h for h in hits), hits
