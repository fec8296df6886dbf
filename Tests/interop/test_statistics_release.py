"""Issue 21 through the real binary: complaints filed over HTTP, a release made with
`safeintake stats release`, then read as a spreadsheet tool and a statistics office would.

- The CSV from `GET /v1/stats/releases.csv` parses with Python's csv module, its header is exactly
  the column list documented in Docs/statistics.md, and every row obeys the documented meaning.
- The JSON release's signed note verifies with PyNaCl against `GET /v1/audit/log-key` (C2SP signed
  note, parsed here from the spec, not from the Swift code), and the same note is in the public log.
- A second release of the same month is refused (the budget is spent once per month).
- `--local-release language` releases the language figures from the randomised answers alone: the
  signed JSON says so (`local_only`, `epsilon_total_exact`, a smaller `l1_sensitivity`) and the CSV's
  `central_noise` column marks each figure; unknown dimension names are refused.
- `audit verify` and (SQLite) `audit separation` still pass with a release in the log.
"""

from __future__ import annotations

import base64
import csv
from fractions import Fraction
import datetime
import io
import json
import re
import shutil
import time
from pathlib import Path

import safeintake_py as si
from test_acceptance import get_entries, parse_verifier_key

DOCS = Path(__file__).resolve().parents[2] / "Docs" / "statistics.md"

NARRATIVES = [
    ("en", "My employer has not paid my salary for three months. I work 18 hours a day with no day off."),
    ("tl", "Hindi ako binabayaran ng amo ko. Kinuha niya ang passport ko."),
    ("en", "The agency took my passport and says I owe them 2000 dollars. I cannot leave the house."),
]


def documented_columns() -> list[str]:
    """The CSV columns as Docs/statistics.md lists them, in its "CSV" section's table."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### CSV", 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.M)


def file_complaints(daemon, n: int) -> None:
    for i in range(n):
        language, narrative = NARRATIVES[i % len(NARRATIVES)]
        r = si.post_json(daemon.url + "/v1/complaints", {"language": language, "fields": {}, "narrative": narrative})
        assert r.status == 201, r.body


def release(daemon, *args: str):
    """Releases the running month (the complaints were just filed), through the operator's command."""
    month = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m")
    return si.run_cli(["stats", "release", *daemon.store_args(), "--month", month, "--allow-current-month", *args])


def verify_release_note(note: str, verifier: str) -> dict:
    name, keyid, vk = parse_verifier_key(verifier)
    text, sep, signatures = note.partition("\n\n")
    assert sep, "no blank line between the note text and its signatures"
    text += "\n"
    verified = False
    for line in signatures.splitlines():
        m = re.fullmatch(r"\u2014 (\S+) (\S+)", line)
        assert m, f"bad signature line {line!r}"
        blob = base64.b64decode(m.group(2), validate=True)
        if m.group(1) == name and blob[:4] == keyid:
            vk.verify(text.encode("utf-8"), blob[4:])  # raises on a bad signature
            verified = True
    assert verified, "the release is not signed by the log key"
    header, body, end = text.split("\n")
    release = json.loads(body)
    assert header == f"safeintake statistics release v{release['version']}" and end == ""
    return release


def test_release_as_csv_and_signed_json(daemon, tmp_path):
    file_complaints(daemon, 30)
    made = release(daemon, "--epsilon", "2", "--delta", "1e-6", "--threshold", "5")
    assert made.returncode == 0, made.stderr
    again = release(daemon, "--epsilon", "2")
    assert again.returncode != 0 and "released already" in again.stderr

    columns = documented_columns()
    assert columns[:4] == ["month", "dimension", "cell", "value"], columns
    r = si.http("GET", daemon.url + "/v1/stats/releases.csv")
    assert r.status == 200 and r.headers.get("content-type", "").startswith("text/csv")
    reader = csv.DictReader(io.StringIO(r.body.decode("utf-8"), newline=""))
    assert reader.fieldnames == columns
    rows = list(reader)

    listing = si.http("GET", daemon.url + "/v1/stats/releases").json()["releases"]
    assert len(listing) == 1
    published = listing[0]
    handling = published["handling"]
    noisy, exact = rows[:len(published["cells"])], rows[len(published["cells"]):]
    assert len(published["cells"]) > 40 and len(exact) == len(handling["figures"]) >= 6
    month = published["month"]
    # The case-handling rows: exact counts from the public log about the month three before.
    year, mon = map(int, month.split("-"))
    assert handling["cohort"] == f"{year - (mon <= 3):04d}-{(mon - 4) % 12 + 1:02d}"
    for row, figure in zip(exact, handling["figures"]):
        assert (row["month"], row["dimension"], row["cell"]) == (handling["cohort"], "handling", figure["cell"])
        assert int(row["value"]) == figure["value"] >= 0 and row["suppressed"] == "false" and row["mechanism"] == "none"
        assert row["epsilon"] == row["delta"] == row["noise_parameter"] == row["suppression_threshold"] == row["local_epsilon"] == ""
        assert row["central_noise"] == ""
    rows = noisy
    for row, cell in zip(rows, published["cells"]):
        assert row["month"] == month and row["dimension"] == cell["dimension"] and row["cell"] == cell["cell"]
        assert row["dimension"] in {"total", "language", "region", "indicator", "firewall"}
        assert row["mechanism"] == "discrete_gaussian" and float(row["epsilon"]) == 2.0 and float(row["delta"]) == 1e-6
        assert row["suppression_threshold"] == "5" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["released"])
        # the dimension's ε₀ at rest, as the release states it exactly ("11/10" -> 1.1); none for the total
        local = (published["local_epsilon"] or {}).get(row["dimension"])
        assert row["local_epsilon"] == ("" if local is None else str(float(Fraction(local))))
        assert row["central_noise"] == "yes", "without --local-release every figure has the central noise"
        if row["suppressed"] == "true":
            assert row["value"] == "" and cell["value"] is None
        else:
            assert row["suppressed"] == "false" and int(row["value"]) >= 5 and int(row["value"]) == cell["value"]
    assert {r["dimension"] for r in rows} == {"total", "language", "indicator", "firewall"}

    verifier = si.http("GET", daemon.url + "/v1/audit/log-key").body.decode()
    signed = verify_release_note(published["signed_note"], verifier)
    assert signed["cells"] == published["cells"] and signed["month"] == month
    assert signed["version"] == 2 and signed["local_only"] == [] and signed["epsilon_total_exact"] == signed["epsilon_exact"] == "2"

    size = int(si.http("GET", daemon.url + "/v1/audit/checkpoint").body.decode().split("\n")[1])
    entries = [json.loads(e) for e in get_entries(daemon, size)]
    logged = [e for e in entries if e["type"] == "statistics_released"]
    assert len(logged) == 1 and logged[0]["note"] == published["signed_note"] and "case" not in logged[0]
    case_ids = {e["case"] for e in entries if e["type"] == "complaint_accepted"}
    assert len(case_ids) == 30 and not any(c in r.body.decode() or c in published["signed_note"] for c in case_ids)

    verified = si.run_cli(["audit", "verify", "--server", daemon.url])
    assert verified.returncode == 0, verified.stderr

    if daemon.backend == "sqlite":
        # The auditor's six offline checks still pass on a folder with tallies and a release.
        assert daemon.stop() == 0
        copy = tmp_path / "copy"
        shutil.copytree(daemon.data, copy)
        separation = si.run_cli(["audit", "separation", "--data", copy])
        assert separation.returncode == 0, separation.stdout + separation.stderr


def test_local_release_of_language(daemon):
    """`stats release --local-release language`: the language figures come from the randomised
    answers alone, and the release says so, signed, in JSON and in the CSV."""
    file_complaints(daemon, 30)
    refused = release(daemon, "--epsilon", "1", "--local-release", "language,nationality")
    assert refused.returncode != 0 and "'nationality' is not a randomised dimension" in refused.stderr
    assert "language, region, indicator, firewall" in refused.stderr
    made = release(daemon, "--epsilon", "1", "--local-release", "language")
    assert made.returncode == 0, made.stderr
    assert "language from randomised answers alone" in made.stdout

    published = si.http("GET", daemon.url + "/v1/stats/releases").json()["releases"][0]
    verifier = si.http("GET", daemon.url + "/v1/audit/log-key").body.decode()
    signed = verify_release_note(published["signed_note"], verifier)
    for release_json in (signed, published):
        assert release_json["version"] == 2 and release_json["local_only"] == ["language"]
        # ε plus the language's ε₀ (one answer per case): basic composition, exact.
        local = Fraction(release_json["local_epsilon"]["language"])
        assert Fraction(release_json["epsilon_total_exact"]) == Fraction(release_json["epsilon_exact"]) + local == Fraction(21, 10)
        assert abs(release_json["epsilon_total"] - 2.1) < 1e-12
        # The central mechanism no longer counts the language: total 1 + indicators 11 + firewall 9 cells
        # (no regions file), where the full domain has 22.
        assert release_json["l1_sensitivity"] == release_json["l2_sensitivity_squared"] == 21
        assert release_json["noise_parameter"] == "scale=21"
    assert signed["cells"] == published["cells"]

    r = si.http("GET", daemon.url + "/v1/stats/releases.csv")
    rows = list(csv.DictReader(io.StringIO(r.body.decode("utf-8"), newline="")))
    assert rows and all("central_noise" in row for row in rows)
    for row in rows:
        if row["dimension"] == "handling":
            assert row["central_noise"] == ""
        elif row["dimension"] == "language":
            assert row["central_noise"] == "no" and row["local_epsilon"] == "1.1"
        else:
            assert row["central_noise"] == "yes"
    assert sum(row["dimension"] == "language" for row in rows) == 32

    # The page says which figures have no added noise and the release's total ε.
    page = si.http("GET", daemon.url + "/stats").body.decode()
    assert "The figures by language have no added noise" in page and "ε = 2.1 in total" in page

    # The scheduled release refuses an unknown name at start, before serving.
    bad = si.run_cli(["serve", "--data", str(daemon.data), "--port", "0", "--stats-epsilon", "1", "--stats-local-release", "languages"])
    assert bad.returncode != 0 and "--stats-local-release: 'languages' is not a randomised dimension" in bad.stderr


def previous_month() -> str:
    today = datetime.datetime.now(datetime.timezone.utc)
    return (today.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")


def wait_for_releases(daemon, count: int, timeout: float = 30.0) -> list:
    deadline = time.monotonic() + timeout
    while True:
        releases = si.http("GET", daemon.url + "/v1/stats/releases").json()["releases"]
        if len(releases) >= count or time.monotonic() > deadline:
            return releases
        time.sleep(0.2)


def test_the_daemon_releases_the_previous_month_once(daemon_factory):
    """`serve --stats-epsilon`: at start the daemon releases the month that ended; restarted, it
    finds it released and publishes nothing more; a malformed budget stops it before it serves."""
    d = daemon_factory(["--stats-epsilon", "1", "--stats-delta", "1e-6"])
    releases = wait_for_releases(d, 1)
    assert [r["month"] for r in releases] == [previous_month()]
    assert releases[0]["mechanism"] == "discrete_gaussian" and releases[0]["epsilon"] == 1
    assert d.stop() == 0
    d.start(["--stats-epsilon", "1", "--stats-delta", "1e-6"])
    time.sleep(2)
    assert [r["month"] for r in wait_for_releases(d, 2, timeout=3)] == [previous_month()]
    assert d.stop() == 0
    refused = si.run_cli(["serve", "--data", str(d.data), "--port", "0", "--stats-epsilon", "50"])
    assert refused.returncode != 0 and "ε must be between" in refused.stderr
