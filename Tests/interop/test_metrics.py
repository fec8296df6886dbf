"""`serve --metrics-port` (issue 22, item 4): Prometheus counters and latency histograms on a
listener of its own, loopback by default, that say nothing about reporters.

Complaints and status checks full of markers go through the reporters' listener; the metrics
count them by route pattern, method and status, and no marker, token, address or user agent
appears anywhere in the output. The reporters' listener does not serve /metrics.
"""

from __future__ import annotations

import re
import socket
import urllib.request

import safeintake_py as si
from test_acceptance import COMPLAINT

MARKERS = ["Qzxmarkerfarm", "Wvqmarkercity", "Pzqmarkernarrative", "P7319024", "overstayed"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scrape(port: int) -> str:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"http://127.0.0.1:{port}/metrics", timeout=10) as r:
        assert r.status == 200 and r.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        return r.read().decode()


def test_metrics_count_by_route_and_status_and_carry_nothing_a_reporter_sent(daemon_factory):
    port = free_port()
    d = daemon_factory(["--metrics-port", str(port)])
    complaint = dict(COMPLAINT, fields=dict(COMPLAINT["fields"], employer_name="Qzxmarkerfarm", workplace_city="Wvqmarkercity"),
                     narrative=COMPLAINT["narrative"] + " Pzqmarkernarrative.")
    r = si.post_json(d.url + "/v1/complaints", complaint)
    assert r.status == 201
    token = r.json()["token"]
    assert si.post_json(d.url + "/v1/status", {"token": token}).status == 200
    assert si.post_json(d.url + "/v1/status", {"token": token}).status == 404  # spent
    bad = si.http("POST", d.url + "/v1/complaints", b"Pzqmarkernarrative not json", {"Content-Type": "application/json"})
    assert bad.status == 400
    assert si.http("GET", d.url + "/metrics").status == 404, "the reporters' listener must not serve metrics"

    text = scrape(port)
    for line in ('safeintake_http_requests_total{route="/v1/complaints",method="POST",code="201"} 1',
                 'safeintake_http_requests_total{route="/v1/complaints",method="POST",code="400"} 1',
                 'safeintake_http_requests_total{route="/v1/status",method="POST",code="200"} 1',
                 'safeintake_http_requests_total{route="/v1/status",method="POST",code="404"} 1',
                 'safeintake_http_request_duration_seconds_count{route="/v1/complaints"} 2'):
        assert line in text, f"missing {line!r} in:\n{text}"
    entries = re.search(r"^safeintake_audit_log_entries (\d+(\.\d+)?)$", text, re.M)
    assert entries and float(entries.group(1)) > 0
    assert re.search(r"^safeintake_work_queue_depth \d", text, re.M)
    age = re.search(r"^safeintake_checkpoint_age_seconds (\S+)$", text, re.M)  # signed at start
    assert age and 0 <= float(age.group(1)) < 600, text
    if d.backend == "sqlite":
        assert re.search(r"^safeintake_database_bytes [1-9]", text, re.M)

    for forbidden in MARKERS + [token, token.replace("-", ""), "127.0.0.1", "Python-urllib", "urllib"]:
        assert forbidden not in text, f"{forbidden!r} reached the metrics"
    for labels in re.findall(r"\{([^}]*)\}", text):
        for name, value in re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', labels):
            assert (name, bool(re.fullmatch({"route": r"/[\w/{}:.*-]*|unmatched", "method": r"[A-Z]+",
                                              "code": r"\d{3}", "le": r"[\d.]+|\+Inf"}[name], value))) == (name, True), (name, value)

    # SIGTERM stops both listeners: the daemon exits cleanly and the metrics port closes.
    assert d.stop() == 0, d.stderr_text()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0, "the metrics listener outlived the daemon"
