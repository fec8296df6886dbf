#!/usr/bin/env python3
"""Pages written per complaint, by table: what one durable commit costs the disk.

Starts a daemon (release build by default, minimum Argon2id cost) on a fresh data folder, files
`--warm-up` complaints, empties the write-ahead log with a truncating checkpoint, files `--count`
more one after another (one commit each), then reads the log's frame headers and attributes each
written page to its table or index with SQLite's `dbstat`. Unlike complaints per second, the
result does not depend on how busy the host is. Results go to Docs/benchmarks.md ("What limits
intake now"). Not part of the test suite.

Keep `--count` small enough that the log stays under SQLite's automatic checkpoint (1,000 pages):
the log is then one run of frames, all counted.

    python3 Benchmarks/wal_pages.py [--count 50] [--warm-up 300] [--binary .build/release/safeintake]
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import shutil
import sqlite3
import struct
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "Tests" / "interop"))
from conftest import Daemon  # noqa: E402  (the test suite's daemon launcher: minimum Argon2id cost)

COMPLAINT = {"language": "en", "fields": {"employer_name": "Mrs. Lim", "wage_monthly": "450 SGD", "visa_status": "overstayed"},
             "narrative": "My employer pays me 450 dollars a month and I work 18 hours a day with no rest day. "
                          "My work permit expired in March."}  # the body `bench intake` sends
UNLIMITED = ["--pow-threshold", "0", "--intake-rate", "1e6", "--locator-free-checks", "1000000"]
FRAME_HEADER = 24
WAL_HEADER = 32


def file_complaints(port: int, count: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = json.dumps(COMPLAINT).encode()
    for _ in range(count):
        conn.request("POST", "/v1/complaints", body=body, headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        if r.status != 201:
            raise SystemExit(f"filing answered {r.status}")


def frames(wal: bytes) -> list[tuple[int, bool]]:
    """(page number, ends a commit) for every frame of a log that was emptied before it was written."""
    page_size = struct.unpack(">I", wal[8:12])[0]
    found, offset = [], WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(wal):
        page, commit_size = struct.unpack(">II", wal[offset:offset + 8])
        found.append((page, commit_size != 0))
        offset += FRAME_HEADER + page_size
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--warm-up", type=int, default=300)
    parser.add_argument("--binary", type=Path, default=ROOT / ".build/release/safeintake")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="safeintake-wal-pages-"))
    daemon = Daemon(args.binary, folder)
    daemon.start(UNLIMITED)
    try:
        database = daemon.data / "safeintake.sqlite"
        file_complaints(daemon.port, args.warm_up)
        with sqlite3.connect(database) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        file_complaints(daemon.port, args.count)
        # Copy while the daemon idles: it checkpoints and removes its log when it stops.
        copy = folder / "copy.sqlite"
        shutil.copy(database, copy)
        shutil.copy(str(database) + "-wal", str(copy) + "-wal")
    finally:
        daemon.stop()
    written = frames(Path(str(copy) + "-wal").read_bytes())
    with sqlite3.connect(copy) as db:
        owner = dict((page, name) for name, page in db.execute("SELECT name, pageno FROM dbstat"))
    commits = sum(1 for _, ends in written if ends)
    if commits != args.count:
        raise SystemExit(f"{commits} commits in the log for {args.count} complaints: lower --count so that no checkpoint runs")
    by_table = collections.Counter("page 1 (header)" if page == 1 else owner.get(page, "(free)") for page, _ in written)
    print(f"{len(written)} pages written for {args.count} complaints: {len(written) / args.count:.1f} per complaint")
    for name, pages in by_table.most_common():
        print(f"{pages / args.count:6.2f}  {name}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
