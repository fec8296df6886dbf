"""Makes what an earlier release leaves behind, for test_upgrade.py (issue 22 #9).

    SAFEINTAKE_BIN=/path/to/previous/safeintake scripts/with-postgres \
        python3 Tests/interop/upgrade_fixture.py Tests/interop/upgrade/RELEASE

It runs the previous release's own daemon and CLI on a fresh SQLite data folder and a fresh
PostgreSQL database, works some cases the way people do (filings, an assignment, a reply, her
answer, a closed case), saves what an auditor would have saved (`audit verify --state`), stops the
daemon cleanly, and keeps: the SQLite data folder (`sqlite.tar.gz`), the PostgreSQL database
(`postgres.dump`, pg_dump's custom format) with its data folder (`postgres-data.tar.gz`: secrets
and the development keys), and `fixture.json` (the release, the live numbers, the cases, the
auditor's state files). Development keys only: nothing here was ever a real complaint.
"""

from __future__ import annotations

import glob
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import pg_support  # noqa: E402
import safeintake_py as si  # noqa: E402
from conftest import Daemon  # noqa: E402

COMPLAINTS = [
    {"language": "tl", "fields": {"employer_name": "Mrs Reyes", "wage_monthly": "HK$ 4,100", "visa_status": "expired"},
     "narrative": "Hindi ako binayaran ng tatlong buwan. Ang amo ko ay si Mrs Reyes sa Sha Tin. Expired na ang visa ko."},
    {"language": "en", "fields": {"employer_name": "Al Noor Cleaning", "hours_per_week": "98"},
     "narrative": "I work 14 hours a day and my employer keeps my passport. My permit was cancelled last year."},
    {"language": "id", "narrative": "Majikan saya tidak bayar gaji 5 bulan dan saya tidak boleh keluar rumah."},
]


def cli(binary: Path, *args: str) -> str:
    r = subprocess.run([str(binary), *args], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, f"{args}: {r.stderr}"
    return r.stdout


def work_cases(binary: Path, d: Daemon, out: Path, backend: str) -> dict:
    key = lambda name: str(d.key(name))  # noqa: E731

    def listed() -> set[str]:
        text = cli(binary, "inspector", "cases", "--server", d.url, "--key", key("supervisor"), "--format", "json")
        return {json.loads(line)["case"] for line in text.splitlines() if line.strip()}

    tokens, cases = [], []
    for complaint in COMPLAINTS:  # one at a time, so each number is paired with its case
        before = listed()
        tokens.append(si.post_json(d.url + "/v1/complaints", complaint).json()["token"])
        (new,) = listed() - before
        cases.append(new)
    first, second = cases[0], cases[1]
    cli(binary, "inspector", "assign", first, "--to", "inspector-2", "--server", d.url, "--key", key("supervisor"))
    cli(binary, "inspector", "reply", first, "Salamat. Kailan ka puwedeng kausapin?", "--server", d.url, "--key", key("inspector-2"))
    cli(binary, "inspector", "note", second, "Passport held by employer: ask for it back.", "--server", d.url, "--key", key("inspector-1"))
    cli(binary, "inspector", "status", second, "closed", "--outcome", "Wages paid after inspection.", "--server", d.url,
        "--key", key("inspector-1"))
    # Her answer in the first case's thread; the number she leaves with is the one that must work after.
    for i, token in enumerate(tokens):
        r = si.post_json(d.url + "/v1/status", {"token": token, **({"message": "Lunes ng hapon po."} if i == 0 else {})})
        assert r.status == 200, r.body
        tokens[i] = r.json()["next_token"]
    state = out / f"{backend}-auditor.json"
    cli(binary, "audit", "verify", "--server", d.url, "--state", str(state))
    # Pairs: tokens[i] is the number of cases[i]; cases[0] was assigned and answered, cases[1] closed.
    return {"tokens": tokens, "cases": cases, "assigned": first, "closed": second}


def make(binary: Path, out: Path, commit: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    version = cli(binary, "--version").strip()
    fixture = {"release": version, "commit": commit, "made": time.strftime("%Y-%m-%d", time.gmtime()), "backends": {}}
    for backend in ["sqlite", "postgres"]:
        workdir = Path(tempfile.mkdtemp(prefix="safeintake-upgrade-fixture-"))
        database = pg_support.create_database() if backend == "postgres" else None
        d = Daemon(binary, workdir, database)
        try:
            d.start()
            fixture["backends"][backend] = work_cases(binary, d, out, backend)
        finally:
            assert d.stop() == 0, d.stderr_text()
        archive = out / ("sqlite.tar.gz" if backend == "sqlite" else "postgres-data.tar.gz")
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(d.data, arcname="data")
        if database:
            pg_dump = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"))[-1]
            subprocess.run([pg_dump, "--format=custom", "--file", str(out / "postgres.dump"), pg_support.url_for(database)],
                           check=True, timeout=120)
        shutil.rmtree(workdir, ignore_errors=True)
    (out / "fixture.json").write_text(json.dumps(fixture, indent=2) + "\n")


if __name__ == "__main__":
    pg_support.require()
    # The folder's name is the release's commit (or tag).
    make(Path(si.BINARY), Path(sys.argv[1]), Path(sys.argv[1]).name)
