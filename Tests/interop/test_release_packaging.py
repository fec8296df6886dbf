"""The release packaging (issue 22, items 1-2): `scripts/release --package BINARY` run on the
binary under test, in the default run, so that the packaging logic is tested without a release
build (10-20 minutes here). The .deb must hold the binary with its resources, a system user's
postinst, the data folder 0700, the hardened unit and a default config; the unit's
`systemd-analyze security` exposure must stay low. The tarball's binary must run from where it
is unpacked.

With SAFEINTAKE_TEST_RELEASE=1 (scripts/test --release) the real release is built and
scripts/release-smoke runs it in a chroot without a Swift toolchain.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from safeintake_py import BINARY, PROJECT_ROOT, run_bounded

# systemd-analyze's scale: 0 = fully locked down, 10 = unprotected. 1.2 before attachments; 2.1 since
# the attachment sandbox (bubblewrap) needs user/mount/pid/net/ipc/uts namespaces and mount calls
# (Docs/operations.md). Raised once, on purpose, for that; anything more must be argued the same way.
MAX_EXPOSURE = 2.2


@pytest.fixture(scope="module")
def packaged(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, SAFEINTAKE_RELEASE_OUT=str(out), SAFEINTAKE_RELEASE_FAST="1")
    result = run_bounded([str(PROJECT_ROOT / "scripts" / "release"), "--package", str(BINARY)], timeout=600, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def only(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, (pattern, found)
    return found[0]


def test_the_deb_installs_binary_unit_config_and_a_private_data_folder(packaged, tmp_path):
    deb = only(packaged, "safeintake_*.deb")
    info = subprocess.run(["dpkg-deb", "--info", deb], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Package: safeintake\n", info) and "Depends:" in info and "libsodium23" in info
    # The attachment reader's tools: recommended, so a server without them still runs (attachments
    # are then refused with 503 attachments_unavailable and her words kept).
    assert "Recommends:" in info and "bubblewrap" in info and "tesseract-ocr-fil" in info
    contents = subprocess.run(["dpkg-deb", "--contents", deb], capture_output=True, text=True, check=True).stdout
    for line in contents.splitlines():
        assert " root/root " in line, f"a file not owned by root: {line}"
    assert re.search(r"^-rwxr-xr-x root/root .* \./usr/lib/safeintake/safeintake$", contents, re.M)
    assert "./usr/lib/safeintake/SafeIntake_ReporterWeb.resources/" in contents
    assert "./usr/bin/safeintake -> ../lib/safeintake/safeintake" in contents
    assert "./lib/systemd/system/safeintake.service" in contents and "./etc/default/safeintake" in contents

    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "--control", deb, control], check=True)
    postinst = (control / "postinst").read_text()
    assert "adduser --system" in postinst and "install -d -m 0700 -o safeintake -g safeintake /var/lib/safeintake" in postinst
    assert (control / "conffiles").read_text().split() == ["/etc/default/safeintake"]

    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "--extract", deb, root], check=True)
    unit = (root / "lib/systemd/system/safeintake.service").read_text()
    for setting in ("ProtectSystem=strict", "PrivateTmp=yes", "NoNewPrivileges=yes", "MemoryDenyWriteExecute=yes",
                    "RestrictAddressFamilies=", "SystemCallFilter=@system-service", "LimitCORE=0", "StateDirectoryMode=0700",
                    "User=safeintake", "ConditionPathExists=/var/lib/safeintake/secrets/operator.pub"):
        assert setting in unit, setting
    # The symlinked command finds its resources (Foundation resolves /proc/self/exe).
    version = subprocess.run([root / "usr/bin/safeintake", "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith(only(packaged, "*.deb").name.split("_")[1]), version


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_unit_is_hardened_by_systemd_analyze(packaged, tmp_path):
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "--extract", only(packaged, "safeintake_*.deb"), root], check=True)
    unit = root / "lib/systemd/system/safeintake.service"
    result = subprocess.run(["systemd-analyze", "security", "--offline=yes", "--no-pager", str(unit)],
                            capture_output=True, text=True, timeout=120)
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout + result.stderr)
    assert match, result.stdout + result.stderr
    assert float(match.group(1)) <= MAX_EXPOSURE, result.stdout


def test_the_tarball_runs_from_where_it_is_unpacked(packaged, tmp_path):
    tarball = only(packaged, "safeintake-*-linux-*.tar.gz")
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    top = names[0].split("/")[0]
    assert {f"{top}/safeintake", f"{top}/safeintake.service", f"{top}/safeintake.default"} <= set(names)
    result = subprocess.run([tmp_path / top / "safeintake", "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "commit" in result.stdout


@pytest.mark.skipif(not os.environ.get("SAFEINTAKE_TEST_RELEASE"), reason="the release build takes 10-20 minutes: scripts/test --release")
def test_the_release_build_runs_without_a_swift_toolchain(tmp_path):
    env = dict(os.environ, SAFEINTAKE_RELEASE_OUT=str(tmp_path))
    built = run_bounded([str(PROJECT_ROOT / "scripts" / "release")], timeout=3600, env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    assert re.search(r"\(commit [0-9a-f]{40}(-dirty)?\)", built.stdout), built.stdout
    smoke = run_bounded([str(PROJECT_ROOT / "scripts" / "release-smoke"), str(only(tmp_path, "safeintake-*.tar.gz"))], timeout=300)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "PASS" in smoke.stdout
