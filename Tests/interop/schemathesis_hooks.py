"""Schemathesis hooks for the SafeIntake API (loaded through SCHEMATHESIS_HOOKS by test_hostile_input.py).

Signs every agency request the way Docs/format.md §8 says, with the key file named in
SAFEINTAKE_ST_KEY (the daemon's dev inspector key), so the fuzzer reaches the agency endpoints'
logic instead of stopping at 401. Unauthenticated variants are still tried by schemathesis's own
`ignored_auth` and `missing_required_header` checks.
"""

from __future__ import annotations

import json
import os
from urllib.parse import urlencode

import anyio  # noqa: F401  imported before worker threads start: CPython 3.11 can fail compiling it concurrently
import schemathesis

import safeintake_py as si


@schemathesis.auth(refresh_interval=None).apply_to(path_regex="^/v1/agency/cases")
class AgencySignature:
    """A fresh challenge per request (challenges are single-use), then an Ed25519 signature."""

    def __init__(self) -> None:
        self.key = si.load_key_file(json.loads(open(os.environ["SAFEINTAKE_ST_KEY"]).read()))
        self.server = os.environ["SAFEINTAKE_ST_URL"]

    def get(self, case, context):
        r = si.post_json(self.server + "/v1/agency/challenge", {"key_id": self.key.key_id})
        return r.json()["challenge"]

    def set(self, case, challenge, context):
        path = case.formatted_path
        if case.query:
            path += "?" + urlencode(case.query, doseq=True)
        signature = self.key.sign.sign(si.agency_message(case.method.upper(), path, challenge, b"")).signature
        case.headers = {**(case.headers or {}), "X-SafeIntake-Key": self.key.key_id,
                        "X-SafeIntake-Challenge": challenge, "X-SafeIntake-Signature": si.b64(signature)}
