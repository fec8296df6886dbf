"""Privacy scan (issue 7): the daemon must not keep where a request came from or what sent it.

Requests of every kind — accepted complaints, status checks valid and not, agency requests,
rejected bodies, unknown paths — carry marker client addresses (X-Forwarded-For, Forwarded,
X-Real-IP and others), a marker user agent, referer, cookie, authorization and custom headers,
and marker values in the bodies of requests that get refused. Then every file the daemon wrote
is searched: the database, its WAL and shared-memory files, the secrets, and the daemon's own
stdout and stderr, and on PostgreSQL the server's files for the daemon's database and its
write-ahead log; while it runs and again after SIGTERM.
"""

from __future__ import annotations

import json
import re
import socket
import urllib.parse
from pathlib import Path

import safeintake_py as si
from test_acceptance import scan_blobs

IPV4 = ["203.0.113.77", "198.51.100.23", "192.0.2.61"]
IPV6 = ["2001:db8::dead:beef"]
AGENT = "Mozilla/5.0 (Linux; Android 9) MarkerAgentZq7/1.0"
HEADER_MARKERS = {
    "X-Forwarded-For": f"{IPV4[1]}, {IPV4[0]}",
    "Forwarded": f'for={IPV4[2]};proto=https, for="[{IPV6[0]}]"',
    "X-Real-IP": IPV4[0],
    "CF-Connecting-IP": IPV4[1],
    "True-Client-IP": IPV4[2],
    "Via": "1.1 marker-proxy-qx5",
    "User-Agent": AGENT,
    "Referer": "https://referer-marker-k2w.example/complaint?from=whatsapp",
    "Cookie": "session=CookieMarkerB8v",
    "Authorization": "Bearer AuthMarkerP4n",
    "Accept-Language": "tl-PH-x-markerlang",
    "X-Client-Marker": "CustomHeaderMarkerJ3d",
}
HEADER_NEEDLES = IPV4 + IPV6 + ["MarkerAgentZq7", "marker-proxy-qx5", "referer-marker-k2w", "CookieMarkerB8v",
                                "AuthMarkerP4n", "markerlang", "CustomHeaderMarkerJ3d"]
BODY_MARKER = "RejectedBodyMarkerW9"   # only ever in bodies that are refused
STORED_MARKER = "AcceptedNarrativeMarkerT6"  # in an accepted complaint: stored encrypted only
PREVIEW_MARKER = "PreviewOnlyMarkerH5"  # only ever previewed (API and pages): never stored, never logged


def send(d, method: str, path: str, body: bytes | None, content_type: str = "application/json",
         extra: dict | None = None) -> si.Response:
    headers = {**HEADER_MARKERS, **(extra or {})}
    if body is not None:
        headers["Content-Type"] = content_type
    return si.http(method, d.url + path, body, headers)


def exercise(d) -> None:
    ok = send(d, "POST", "/v1/complaints", json.dumps({
        "language": "en", "fields": {"employer_name": "Privacy Scan Ltd"},
        "narrative": f"{STORED_MARKER} I was not paid.", "duress_code": "135791"}).encode())
    assert ok.status == 201, ok.body
    token = ok.json()["token"]
    checked = send(d, "POST", "/v1/status", json.dumps({"token": token, "message": "Thank you"}).encode())
    assert checked.status == 200, checked.body
    for t in (token, "0000-1111-2222-3333-4444-5555", token[:10] + "13579", BODY_MARKER):
        assert send(d, "POST", "/v1/status", json.dumps({"token": t}).encode()).status in (200, 404)

    previewed = send(d, "POST", "/v1/complaints/preview", json.dumps({
        "language": "en", "fields": {"employer_name": PREVIEW_MARKER}, "narrative": f"{PREVIEW_MARKER} My visa expired."}).encode())
    assert previewed.status == 200, previewed.body
    form = si.http("GET", d.url + "/new?lang=en").body.decode()
    form_token = re.search(r'name="form_token" value="([^"]+)"', form).group(1)
    page = send(d, "POST", "/new", urllib.parse.urlencode({
        "lang": "en", "form_token": form_token, "employer": PREVIEW_MARKER, "narrative": f"{PREVIEW_MARKER} No pay."}).encode(),
        "application/x-www-form-urlencoded", extra={"Sec-Fetch-Site": "same-origin"})
    assert page.status == 200 and PREVIEW_MARKER.encode() in page.body, page.status

    refused = [
        ("/v1/complaints", json.dumps({"language": "en", "narrative": BODY_MARKER, BODY_MARKER: IPV4[0]}).encode(), "application/json"),
        ("/v1/complaints", json.dumps({"language": BODY_MARKER, "narrative": IPV4[0]}).encode(), "application/json"),
        ("/v1/complaints", json.dumps({"language": "en", "fields": {"f": [BODY_MARKER, IPV4[1]]}}).encode(), "application/json"),
        ("/v1/complaints", f'{{"language":"en","narrative":"{BODY_MARKER}","narrative":"{IPV4[2]}"}}'.encode(), "application/json"),
        ("/v1/complaints", f'{{"language":"en","narrative":"{BODY_MARKER} \\u0000 {IPV6[0]}"}}'.encode(), "application/json"),
        ("/v1/complaints", f"{BODY_MARKER} {IPV4[0]} not json".encode(), "application/json"),
        ("/v1/complaints", f'{{"language":"en","narrative":"{BODY_MARKER}"}}'.encode(), "text/plain"),
        ("/v1/complaints", (f'{{"language":"en","narrative":"{BODY_MARKER}' + "x" * 70000 + '"}').encode(), "application/json"),
        ("/v1/complaints", b'{"language":"en","narrative":"' + BODY_MARKER.encode() + b'\xff"}', "application/json"),
        ("/v1/status", json.dumps({"token": token, "message": BODY_MARKER + "\u0001", "extra": IPV4[0]}).encode(), "application/json"),
        ("/v1/agency/challenge", json.dumps({"key_id": BODY_MARKER}).encode(), "application/json"),
    ]
    for path, body, ctype in refused:
        r = send(d, "POST", path, body, ctype)
        assert 400 <= r.status < 500, (path, r.status, r.body)
        for needle in [BODY_MARKER] + HEADER_NEEDLES:
            assert needle.encode() not in r.body, f"{needle} echoed back by {path}"

    key = si.load_key_file(json.loads(d.key("inspector-1").read_text()))
    ch = si.post_json(d.url + "/v1/agency/challenge", {"key_id": key.key_id}).json()["challenge"]
    signature = key.sign.sign(si.agency_message("GET", "/v1/agency/cases", ch, b"")).signature
    listed = send(d, "GET", "/v1/agency/cases", None, extra={
        "X-SafeIntake-Key": key.key_id, "X-SafeIntake-Challenge": ch, "X-SafeIntake-Signature": si.b64(signature)})
    assert listed.status == 200, listed.body
    assert send(d, "GET", "/v1/agency/cases", None, extra={"X-SafeIntake-Key": BODY_MARKER}).status == 401
    assert send(d, "GET", f"/v1/{BODY_MARKER}?ip={IPV4[0]}", None).status == 404
    assert send(d, "DELETE", f"/v1/complaints?{BODY_MARKER}=1", None).status == 405
    assert send(d, "GET", f"/v1/audit/entries?start={BODY_MARKER}&end=1", None).status == 400


def written_files(d) -> list[Path]:
    return [p for p in d.workdir.rglob("*") if p.is_file()]


def written(d) -> list[tuple[str, bytes]]:
    """The data folder (and on PostgreSQL the server's files) plus the daemon's stdout and stderr."""
    logs = [(p.name, p.read_bytes()) for p in (d.stdout_path, d.stderr_path) if p.is_file()]
    return d.stored_blobs() + logs


def scan(blobs: list[tuple[str, bytes]], needles: list[str]) -> list[str]:
    hits = scan_blobs(blobs, needles)
    # addresses also as the raw bytes a careless store would keep
    packed = [socket.inet_aton(ip) for ip in IPV4] + [socket.inet_pton(socket.AF_INET6, ip) for ip in IPV6]
    for name, data in blobs:
        hits += [f"{name}: packed address {p.hex()}" for p in packed if p in data]
    return hits


def test_nothing_about_the_client_reaches_any_file_the_daemon_writes(daemon):
    exercise(daemon)
    blobs = written(daemon)
    names = {name.rsplit("/", 1)[-1] for name, _ in blobs}
    assert {"daemon.stderr", "daemon.stdout"} <= names, names
    if daemon.backend == "sqlite":
        assert {"safeintake.sqlite", "safeintake.sqlite-wal"} <= names, f"no database or WAL to scan: {names}"
    else:
        assert any(name.startswith("pg_wal/") for name, _ in blobs), "no PostgreSQL WAL to scan"
    needles = HEADER_NEEDLES + [BODY_MARKER, STORED_MARKER, PREVIEW_MARKER]
    assert scan(blobs, needles) == [], "client details on disk while running"

    assert daemon.stop() == 0
    assert scan(written(daemon), needles) == [], "client details on disk after shutdown"
    # the peer's own address is not kept either
    data_hits = scan_blobs(daemon.stored_blobs(), ["127.0.0.1"])
    assert data_hits == [], data_hits
    log = (daemon.stderr_text() + (daemon.workdir / "daemon.stdout").read_text(errors="replace"))
    # the daemon's own startup lines name where it listens (and its database server): nothing else may
    mentions = [line for line in log.splitlines() if "127.0.0.1" in line and "listening" not in line and "store=" not in line]
    assert mentions == [], mentions


def test_the_scan_would_find_a_marker_in_each_place_it_looks(daemon, tmp_path):
    """Guards the scan against looking at nothing: a copy of the folder with markers planted."""
    exercise(daemon)
    copy = tmp_path / "copy"
    for src in written_files(daemon):
        dst = copy / src.relative_to(daemon.workdir)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(src.read_bytes())
    (copy / "daemon.stderr").write_text("info: request from 203.0.113.77 MarkerAgentZq7\n")
    planted = copy / "daemon.stdout"
    planted.write_bytes(planted.read_bytes() + socket.inet_aton("198.51.100.23"))

    blobs = [(str(p.relative_to(copy)), p.read_bytes()) for p in copy.rglob("*") if p.is_file()]
    hits = "\n".join(scan(blobs, HEADER_NEEDLES))
    assert "daemon.stderr" in hits and "MarkerAgentZq7" in hits and "203.0.113.77" in hits, hits
    assert "packed address c6336417" in hits, hits
