"""`safeintake --version` (../shared/CONTRACT.md, "Additions"): the version and the commit, exit 0.

A plain `swift build` cannot know its commit and says so ("unknown commit (development build …)");
a binary from scripts/release names the full commit hash (test_release_packaging.py checks that).
"""

from __future__ import annotations

import re

from safeintake_py import run_cli


def test_version_names_the_version_and_the_commit():
    result = run_cli(["--version"])
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert re.fullmatch(r"\d+\.\d+\.\d+ \((commit [0-9a-f]{40}(-dirty)?|unknown commit \(development build[^)]*\))\)", line), line
