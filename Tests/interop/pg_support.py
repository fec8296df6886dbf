"""The throwaway PostgreSQL server that scripts/with-postgres started, as the tests use it.

scripts/with-postgres exports SAFEINTAKE_TEST_POSTGRES_URL (a login that may create databases) and
SAFEINTAKE_TEST_POSTGRES_DATA (the cluster's folder, scanned by the at-rest tests). Each daemon
gets a database of its own, created here with psql. When SAFEINTAKE_TEST_REQUIRE_POSTGRES=1
(scripts/test sets it, so CI does) a missing server fails the PostgreSQL cases instead of skipping them.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest

URL = os.environ.get("SAFEINTAKE_TEST_POSTGRES_URL") or None
DATA = os.environ.get("SAFEINTAKE_TEST_POSTGRES_DATA") or None
REQUIRED = os.environ.get("SAFEINTAKE_TEST_REQUIRE_POSTGRES") == "1"


def require() -> None:
    """Skips (or, when PostgreSQL is required, fails) a test that needs the server."""
    if URL:
        return
    message = ("SAFEINTAKE_TEST_POSTGRES_URL is not set: run through scripts/with-postgres "
               "(scripts/test does)")
    if REQUIRED:
        pytest.fail(message + ", and SAFEINTAKE_TEST_REQUIRE_POSTGRES=1 says PostgreSQL must be tested")
    pytest.skip(message)


def url_for(database: str) -> str:
    """The test login's URL with another database."""
    parts = urllib.parse.urlsplit(URL)
    return urllib.parse.urlunsplit(parts._replace(path="/" + database))


def _psql() -> str:
    found = shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1:]), None)
    if not found:
        pytest.fail("psql not found: run scripts/install-deps")
    return found


def psql(sql: str, database: str | None = None) -> str:
    """Runs SQL as the test login (on `database`, else the URL's own) and returns the output rows."""
    target = url_for(database) if database else URL
    result = subprocess.run([_psql(), target, "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"psql failed: {result.stderr}"
    return result.stdout.strip()


def create_database() -> str:
    """A new, empty database; returns its name."""
    name = "safeintake_it_" + secrets.token_hex(8)
    psql(f"CREATE DATABASE {name}")
    return name


def wal_position() -> str:
    """The server's current write-ahead-log position: stored_bytes() scans the log from here on."""
    return psql("SELECT pg_current_wal_lsn()")


def stored_bytes(database: str, since: str) -> list[tuple[str, bytes]]:
    """What the server wrote for `database`: the files of its own tables and indexes (not the
    system catalogs every database copies from its template, whose descriptions name languages
    such as "Filipino"), and the write-ahead log from position `since` up to now (a commit
    reaches the log first)."""
    if not DATA:
        pytest.fail("SAFEINTAKE_TEST_POSTGRES_DATA is not set: run through scripts/with-postgres")
    data = Path(DATA)
    blobs = []
    relations = psql("""
        SELECT pg_relation_filepath(c.oid) FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace
           OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
           OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN
                        (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace))""", database)
    for relation in filter(None, relations.splitlines()):
        for path in sorted(data.glob(relation + "*")):  # main fork, _fsm, _vm, .1 segments
            blobs.append((str(path.relative_to(data)), path.read_bytes()))
    rows = psql(f"SELECT file_name, file_offset FROM pg_walfile_name_offset('{since}') "
                "UNION ALL SELECT file_name, file_offset FROM pg_walfile_name_offset(pg_current_wal_lsn())")
    (first, first_offset), (last, last_offset) = [row.split("|") for row in rows.splitlines()]
    for path in sorted((data / "pg_wal").iterdir()):
        if len(path.name) == 24 and first <= path.name <= last:
            content = path.read_bytes()
            end = int(last_offset) if path.name == last else len(content)
            start = int(first_offset) if path.name == first else 0
            blobs.append((f"pg_wal/{path.name}[{start}:{end}]", content[start:end]))
    return blobs
