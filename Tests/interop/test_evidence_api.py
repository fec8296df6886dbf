"""Issue 20 through the JSON API with the real sandboxed reader: a phone photo (made with vips,
given GPS by exiftool) sent at filing and another with her answer both reach the inspector, whose
decrypted copies exiftool finds without GPS; a truncated JPEG and a PDF cut short get a clear 422
with nothing stored, and the daemon stays up. And `serve`'s start-up check: with the reader's tools
missing it warns once and runs on (issue 22 #8).
"""

from __future__ import annotations

import base64
import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest

import safeintake_py as si
from conftest import Daemon
from safeintake_py import run_cli
from test_acceptance import cli_cases
from test_case_export import log_entries
from test_reporter_evidence_browser import gps, tool


def make_photo(path: Path) -> bytes:
    subprocess.run([tool("vips"), "gaussnoise", str(path), "640", "480"], check=True)
    subprocess.run([tool("exiftool"), "-overwrite_original", "-GPSLatitude=1.2903", "-GPSLatitudeRef=N",
                    "-GPSLongitude=103.8519", "-GPSLongitudeRef=E", "-Make=Samsung", str(path)], check=True, capture_output=True)
    assert gps(path), "exiftool should have given the photo GPS"
    return path.read_bytes()


def attachment(d, case_id: str, number: int, out: Path) -> Path:
    r = run_cli(["inspector", "attachment", case_id, str(number), "--out", str(out), "--server", d.url, "--key", str(d.key("inspector-1"))])
    assert r.returncode == 0, r.stderr
    return out


def test_photos_at_filing_and_with_an_answer_arrive_without_their_location(daemon, tmp_path):
    photo = make_photo(tmp_path / "photo.jpg")
    b64 = base64.b64encode(photo).decode()
    filed = si.post_json(daemon.url + "/v1/complaints", {
        "language": "en", "narrative": "My employer has not paid me since May.", "attachments": [{"data": b64}]})
    assert filed.status == 201, filed.body
    assert filed.json()["attachments"] == [{"index": 0, "outcome": "delivered"}]
    case_id = cli_cases(daemon, "inspector-1")[0]["case"]

    answered = si.post_json(daemon.url + "/v1/status", {"token": filed.json()["token"], "message": "Another photo of my room.",
                                                        "attachments": [{"data": b64}]})
    assert answered.status == 200, answered.body
    assert answered.json()["attachments"] == [{"index": 0, "outcome": "delivered"}]

    shown = json.loads(run_cli(["inspector", "show", case_id, "--server", daemon.url, "--key", str(daemon.key("inspector-1"))]).stdout)
    assert [a["number"] for a in shown["attachments"]] == [1, 2] and all(a["media_type"] == "image/jpeg" for a in shown["attachments"])
    for number in (1, 2):
        copy = attachment(daemon, case_id, number, tmp_path / f"copy-{number}.jpg")
        assert copy.read_bytes()[:3] == b"\xff\xd8\xff"
        assert gps(copy) == {}, f"attachment {number} still has GPS"
    sealed = [e for e in log_entries(daemon) if e["type"] == "attachments_sealed"]
    assert [(e["case"], e["count"]) for e in sealed] == [(case_id, 1)], "the answer's photo is not logged: that would date her visit"


def test_damaged_files_get_a_clear_422_and_nothing_is_stored(daemon, tmp_path):
    photo = make_photo(tmp_path / "photo.jpg")
    before = len(log_entries(daemon))
    for name, data in [("truncated JPEG", photo[:len(photo) // 3]), ("PDF cut short", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")]:
        r = si.post_json(daemon.url + "/v1/complaints", {"language": "en", "narrative": "unpaid",
                                                         "attachments": [{"data": base64.b64encode(data).decode()}]})
        assert r.status == 422 and r.json()["error"] == "malformed_attachment", (name, r.status, r.body)
        assert "attachment 1" in r.json()["message"]
    assert len(log_entries(daemon)) == before, "nothing was stored"
    assert si.http("GET", daemon.url + "/").status == 200, "the daemon is up"
    assert si.post_json(daemon.url + "/v1/complaints", {"language": "en", "narrative": "unpaid"}).status == 201


def _without_tools(safeintake_bin, folder: Path, hidden: list[str]) -> Path:
    """A wrapper that runs the real binary in a mount namespace of its own where each of `hidden`
    is /dev/null (not executable): the tools look uninstalled to the daemon, and only to it."""
    mounts = " && ".join(f"mount --bind /dev/null {shlex.quote(path)}" for path in hidden)
    wrapper = folder / "safeintake-without-tools"
    wrapper.write_text(f"#!/bin/sh\nexec unshare --mount sh -c '{mounts} && exec \"$0\" \"$@\"' {shlex.quote(str(safeintake_bin))} \"$@\"\n")
    wrapper.chmod(0o755)
    return wrapper


def test_serve_warns_once_at_start_when_the_readers_tools_are_missing_and_keeps_running(safeintake_bin, tmp_path):
    """Issue 22 #8, item 7: attachments on (the default) and bwrap, vips and pdftoppm missing: one warning
    line on stderr naming them and what reporters see; the daemon runs, files words, and answers an
    attachment with 503 attachments_unavailable."""
    if os.geteuid() != 0 or subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs root and mount namespaces (unshare --mount) to hide the tools from the daemon alone")
    hidden = ["/usr/bin/bwrap", "/usr/bin/vips", "/usr/bin/pdftoppm"]
    d = Daemon(_without_tools(safeintake_bin, tmp_path, hidden), tmp_path / "daemon")
    d.workdir.mkdir()
    try:
        d.start()
        assert si.post_json(d.url + "/v1/complaints", {"language": "en", "narrative": "unpaid since May"}).status == 201
        photo = base64.b64encode(b"\xff\xd8\xff\xe0" + bytes(200)).decode()
        r = si.post_json(d.url + "/v1/complaints", {"language": "en", "narrative": "unpaid", "attachments": [{"data": photo}]})
        assert r.status == 503 and r.json()["error"] == "attachments_unavailable", (r.status, r.body)
        warnings = [line for line in d.stderr_text().splitlines() if "warning" in line and "attachments" in line]
        assert len(warnings) == 1, d.stderr_text()
        assert "missing: bwrap, vips, pdftoppm;" in warnings[0] and "attachments_unavailable" in warnings[0], warnings[0]
        assert "--no-attachments" in warnings[0]
    finally:
        d.stop()
    # With every tool there (this machine, scripts/install-deps), or attachments off: no warning.
    for args, folder in [((), "all-tools"), (("--no-attachments",), "off")]:
        quiet = Daemon(safeintake_bin if not args else _without_tools(safeintake_bin, tmp_path, hidden), tmp_path / folder)
        quiet.workdir.mkdir()
        try:
            quiet.start(args)
        finally:
            quiet.stop()
        assert "warning: attachments" not in quiet.stderr_text(), quiet.stderr_text()
