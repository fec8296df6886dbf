"""Issue 22 #3: `serve --config FILE` takes every serve option from one JSON file (keys are the
options without their dashes); an option on the command line wins; a typo is refused by name."""

from __future__ import annotations

import json
import subprocess

import safeintake_py as si
from conftest import Daemon


def test_the_config_file_sets_options_and_the_command_line_wins(safeintake_bin, tmp_path):
    config = tmp_path / "safeintake.json"
    config.write_text(json.dumps({
        "organisation": ["Migrant Workers' Centre", "ar=مركز العمال المهاجرين"],
        "attachments": False, "acknowledge-days": 5, "request-timeout": 45,
        "feedback-days": 30,
    }))
    d = Daemon(safeintake_bin, tmp_path)
    try:
        d.start(["--config", str(config), "--feedback-days", "60"])
        start = si.http("GET", d.url + "/?lang=ar").body.decode()
        assert "مركز العمال المهاجرين" in start, "the file's organisation reached the start page"
        token = si.post_json(d.url + "/v1/complaints", {"language": "en", "narrative": "Not paid since May."}).json()["token"]
        answer = si.post_json(d.url + "/v1/status", {"token": token}).json()
        received = answer["received"]
        import datetime
        day = datetime.date.fromisoformat(received)
        assert answer["reply_by"] == (day + datetime.timedelta(days=5)).isoformat(), "acknowledge-days 5 from the file"
        photo = {"language": "en", "narrative": "x", "attachments": [{"data": "/9j/4AAQSkZJRg=="}]}
        refused = si.post_json(d.url + "/v1/complaints", photo)
        assert refused.status == 503 and refused.json()["error"] == "attachments_unavailable", "attachments: false from the file"
    finally:
        d.stop()


def test_an_unknown_key_is_refused_by_name(safeintake_bin, tmp_path):
    config = tmp_path / "bad.json"
    config.write_text(json.dumps({"prot": 8080}))
    r = subprocess.run([str(safeintake_bin), "serve", "--config", str(config), "--data", str(tmp_path / "data")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert "unknown key prot" in r.stderr and "port" in r.stderr
    assert not (tmp_path / "data").exists(), "nothing was created"


def test_the_operator_guide_documents_every_key(safeintake_bin):
    import re
    from pathlib import Path
    help_text = subprocess.run([str(safeintake_bin), "serve", "--help"], capture_output=True, text=True).stdout
    options = set(re.findall(r"^  --([a-z0-9-]+)", help_text, re.M)) - {"help", "version", "config"}
    guide = (Path(__file__).parents[2] / "Docs" / "operations.md").read_text()
    section = guide.split("## The config file", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M))
    assert options == documented, f"undocumented: {sorted(options - documented)}; no such option: {sorted(documented - options)}"
