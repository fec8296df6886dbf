"""Issue 19 #5 from the outside: two daemons, two organisations, each with its own data folder and
operator key. A case filed at A, with a note, a message to the reporter, her answer and photos, is
handed to B's supervisor: without a copy it opens at B only, with a copy at both; her number keeps
working at A, which tells her where her case went and shows the notice, except under duress. Both
logs verify (`audit verify`, `audit separation`), and the two `case_transferred` entries carry the
very same statement, whose signature chain PyNaCl checks from B's entry alone.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
from pathlib import Path

import nacl.hash
import pytest
from nacl.encoding import RawEncoder
from nacl.signing import VerifyKey

import safeintake_py as si
from safeintake_py import run_cli
from test_acceptance import cli_cases
from test_case_export import log_entries
from test_case_workflow import inspector, inspector_fails, show_full

NOTICE = "The Labour Inspectorate will call you at the shelter on Monday. You can also call them on 1800 22 55."
REPLY = "Which days is the supervisor there?"
ANSWER = "He comes Monday and Thursday. My visa expired but I have my payslips."


@pytest.fixture
def backend():
    """Two SQLite daemons (overrides conftest's two backends): the handover is between stores."""
    return "sqlite"


@pytest.fixture
def orgs(daemon_factory, tmp_path):
    a, b = daemon_factory(), daemon_factory()
    # What B's supervisor hands A, out of band: B's operator.pub and the supervisor's registration.
    registration = tmp_path / "b-supervisor.registration"
    out = json.loads(inspector(b, "supervisor", "export-registration", "--out", str(registration)))
    assert out["role"] == "supervisor" and registration.is_file()
    return a, b, registration


def operator_pub(d) -> Path:
    return d.data / "dev-keys" / "operator.pub"


def photo(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    subprocess.run([shutil.which("vips") or pytest.fail("vips is needed"), "gaussnoise", str(path), "320", "240"], check=True)
    return base64.b64encode(path.read_bytes()).decode()


def file_case(d, tmp_path, *, duress: str | None = None, photos: bool = False) -> tuple[str, str]:
    body = {"language": "en", "fields": {"employer_name": "Mrs. Lim"},
            "narrative": "My employer has not paid me since May and keeps me inside the house."}
    if duress:
        body["duress_code"] = duress
    if photos:
        body["attachments"] = [{"data": photo(tmp_path, "room.jpg")}]
    before = {c["case"] for c in cli_cases(d, "supervisor")}
    r = si.post_json(d.url + "/v1/complaints", body)
    assert r.status == 201, r.body
    (case_id,) = {c["case"] for c in cli_cases(d, "supervisor")} - before
    return r.json()["token"], case_id


def transfer(a, b, case_id: str, registration: Path, out: Path, *extra: str) -> dict:
    return json.loads(inspector(a, "supervisor", "transfer", case_id, "--to-operator", str(operator_pub(b)), "--to-key", str(registration),
                                "--to-name", "Labour Inspectorate", "--from-name", "Migrant Workers' Centre", "--out", str(out), *extra))


def import_transfer(a, b, bundle: Path) -> str:
    return json.loads(inspector(b, "supervisor", "import-transfer", str(bundle), "--from-operator", str(operator_pub(a))))["case"]


def status(d, token: str, message: str | None = None) -> dict:
    body = {"token": token} if message is None else {"token": token, "message": message}
    r = si.post_json(d.url + "/v1/status", body)
    assert r.status == 200, (r.status, r.body)
    return r.json()


def audit_verify(d, state: Path) -> None:
    r = run_cli(["audit", "verify", "--server", d.url, "--state", str(state)])
    assert r.returncode == 0, r.stdout + r.stderr


def transfer_entries(d) -> list[dict]:
    return [e for e in log_entries(d) if e["type"] == "case_transferred"]


def test_a_case_moves_between_two_organisations(orgs, tmp_path):
    a, b, registration = orgs
    today = time.strftime("%Y-%m-%d", time.gmtime())

    # At A: a complaint with a photo, a note, a question to her, her answer with another photo.
    token, case_id = file_case(a, tmp_path, photos=True)
    inspector(a, "inspector-1", "note", case_id, "Payslips requested from the employer")
    inspector(a, "inspector-1", "reply", case_id, REPLY, "--request-info")
    answered = si.post_json(a.url + "/v1/status", {"token": token, "message": ANSWER, "attachments": [{"data": photo(tmp_path, "payslip.jpg")}]})
    assert answered.status == 200 and answered.json()["attachments"] == [{"index": 0, "outcome": "delivered"}], answered.body
    token = answered.json()["next_token"]
    before = show_full(a, "supervisor", case_id)
    assert [e["kind"] for e in before["thread"]] == ["note", "message_to_reporter", "answer"]

    # A's supervisor hands it to B without keeping a copy, with a notice for her.
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE + "\n")
    bundle = tmp_path / "case.transfer"
    out = transfer(a, b, case_id, registration, bundle, "--notice-file", str(notice))
    assert out["notice_delivered"] is True and out["keep_copy"] is False and bundle.is_file()
    assert not (tmp_path / "case.transfer.partial").exists()
    assert "not assigned" in inspector_fails(a, "supervisor", "show", case_id), "A cannot open it any more"
    assert "not assigned" in inspector_fails(a, "inspector-1", "show", case_id)
    assert cli_cases(a, "supervisor") == []

    # At B: checked against A's operator.pub, stored for B's supervisor, who reads everything.
    received = import_transfer(a, b, bundle)
    assert received == out["receiver_case"] and received != case_id
    case = show_full(b, "supervisor", received)
    assert case["fields"] == {"employer_name": "Mrs. Lim"} and "not paid me since May" in case["narrative"]
    assert [(e["kind"], e["day"], e["organisation"]) for e in case["thread"]] == [
        ("note", today, "Migrant Workers' Centre"), ("message_to_reporter", today, "Migrant Workers' Centre"),
        ("answer", today, "Migrant Workers' Centre"), ("message_to_reporter", today, "Migrant Workers' Centre")]
    a_keys = {n: json.loads((a.data / "dev-keys" / f"{n}.pub").read_text())["key_id"] for n in ("supervisor", "inspector-1")}
    assert [e["author"] for e in case["thread"]] == [a_keys["inspector-1"], a_keys["inspector-1"], "reporter", a_keys["supervisor"]]
    assert case["thread"][2]["text"].startswith("He comes Monday and Thursday") and "visa" not in case["thread"][2]["text"]
    assert case["thread"][3]["text"] == NOTICE
    assert [x["number"] for x in case["attachments"]] == [1, 2]
    for number in (1, 2):
        copy = tmp_path / f"at-b-{number}.jpg"
        inspector(b, "supervisor", "attachment", received, str(number), "--out", str(copy))
        assert copy.read_bytes()[:3] == b"\xff\xd8\xff"
    assert case["transfers"][0]["from_name"] == "Migrant Workers' Centre" and case["transfers"][0]["keep_copy"] is False
    exported = tmp_path / "received.jsonl"
    inspector(b, "supervisor", "export", received, "--format", "json", "--out", str(exported))
    assert [e["organisation"] for e in json.loads(exported.read_text())["thread"]] == ["Migrant Workers' Centre"] * 4
    # B's supervisor gives it to B's inspector as any other case.
    inspector(b, "supervisor", "assign", received, "--to", "inspector-2")
    assert [e["text"] for e in show_full(b, "inspector-2", received)["thread"]][-1] == NOTICE

    # Her number keeps working at A: her case moved, with the notice; an answer now is refused.
    shown = status(a, token)
    # CONTRACT.md's five status values: a case handed on reads "closed" here, and `moved` says where.
    assert shown["status"] == "closed" and shown["moved"] == {"organisation": "Labour Inspectorate", "day": today}
    assert [m["text"] for m in shown["messages"]] == [REPLY, NOTICE] and "reply_by" not in shown
    late = status(a, shown["next_token"], "Hello, is anyone there?")
    assert late["answer_refused"] == "case_transferred" and [x["text"] for x in late["answers"]] == [shown["answers"][0]["text"]]

    # A second case, handed on with a copy kept: both organisations open it.
    _, kept_id = file_case(a, tmp_path)
    kept = transfer(a, b, kept_id, registration, tmp_path / "kept.transfer", "--keep-copy")
    kept_here = import_transfer(a, b, tmp_path / "kept.transfer")
    kept_view = show_full(a, "supervisor", kept_id)
    assert kept_view["status"] == "closed" and kept_view["handed_over"] is True
    listed = {row["case"]: row for row in cli_cases(a, "supervisor")}
    assert listed[kept_id]["status"] == "closed" and listed[kept_id]["handed_over"] is True
    assert show_full(b, "supervisor", kept_here)["status"] == "received"
    assert kept["keep_copy"] is True
    inspector_fails(a, "supervisor", "transfer", kept_id, "--to-operator", str(operator_pub(b)), "--to-key", str(registration),
                    "--to-name", "Labour Inspectorate", "--from-name", "Migrant Workers' Centre", "--out", str(tmp_path / "again.transfer"))
    assert not (tmp_path / "again.transfer").exists(), "no bundle for a handover the server refused"

    # A third, under duress: nothing about the move shows to her, no notice.
    duress_token, duress_id = file_case(a, tmp_path, duress="246802")
    groups = duress_token.split("-")
    coerced = status(a, "-".join(groups[:2]) + "-246802")
    real_before = status(a, duress_token)
    moved = transfer(a, b, duress_id, registration, tmp_path / "duress.transfer", "--notice-file", str(notice))
    assert moved["notice_delivered"] is False
    import_transfer(a, b, tmp_path / "duress.transfer")
    real_after = status(a, real_before["next_token"])
    assert real_after["status"] == real_before["status"] and "moved" not in real_after and real_after["messages"] == []
    assert status(a, coerced["next_token"])["status"] == "received", "the decoy answers as before"

    # A bundle is imported once; another organisation's operator key is not the sender's.
    assert "already" in inspector_fails(b, "supervisor", "import-transfer", str(bundle), "--from-operator", str(operator_pub(a)))
    assert "operator" in inspector_fails(b, "supervisor", "import-transfer", str(tmp_path / "kept.transfer"), "--from-operator", str(operator_pub(b)))

    # Both logs verify, and each pair of entries carries the very same statement and signature.
    audit_verify(a, tmp_path / "a.state")
    audit_verify(b, tmp_path / "b.state")
    sent, got = transfer_entries(a), transfer_entries(b)
    assert [e["direction"] for e in sent] == ["sent"] * 3 and [e["direction"] for e in got] == ["received"] * 3
    assert [(e["statement"], e["sig"]) for e in sent] == [(e["statement"], e["sig"]) for e in got]
    assert all("hour" in e and "day" not in e for e in sent + got)
    supervisor_pub = json.loads((a.data / "dev-keys" / "supervisor.pub").read_text())
    for entry in got:
        verify_chain(entry, supervisor_pub, json.loads(operator_pub(a).read_text()), json.loads(operator_pub(b).read_text()))

    # And the separation checks pass on both data folders, copied once the daemons stopped.
    for d, name in ((a, "a"), (b, "b")):
        assert d.stop() == 0
        copy = tmp_path / f"copy-{name}"
        shutil.copytree(d.data, copy)
        r = run_cli(["audit", "separation", "--data", str(copy)])
        assert r.returncode == 0, r.stdout + r.stderr
        assert "signed handovers between organisations" in r.stdout


def verify_chain(entry: dict, supervisor_pub: dict, sender_operator: dict, receiver_operator: dict) -> None:
    """The chain from B's entry alone, with PyNaCl (Docs/format.md §5.3, §12, §17)."""
    statement = json.loads(entry["statement"])
    assert json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False) == entry["statement"], "canonical JSON"
    operator_key = base64.b64decode(entry["from_operator_key"])
    operator_id = nacl.hash.blake2b(b"safeintake/operator-key-id\x00" + operator_key, digest_size=16, encoder=RawEncoder).hex()
    assert operator_id == statement["from_operator"] == sender_operator["key_id"]
    assert statement["to_operator"] == receiver_operator["key_id"]
    box, sign = base64.b64decode(entry["signer_box_key"]), base64.b64decode(entry["signer_sign_key"])
    assert si.key_id(box, sign) == statement["by"] == supervisor_pub["key_id"]
    registration = "\n".join(["safeintake/key-registration/v1", statement["by"], entry["signer_name"], "supervisor",
                              entry["signer_box_key"], entry["signer_sign_key"], entry["signer_team"], str(entry["signer_new_cases"])])
    VerifyKey(operator_key).verify(registration.encode(), base64.b64decode(entry["signer_reg_sig"]))
    VerifyKey(sign).verify(b"safeintake/case-transfer/v1\x00" + entry["statement"].encode(), base64.b64decode(entry["sig"]))
    assert statement["v"] == 1 and len(statement["bundle_hash"]) == 64
