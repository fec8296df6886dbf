"""Schemathesis hooks for the SafeIntake API (loaded through SCHEMATHESIS_HOOKS by test_hostile_input.py).

Signs every agency request the way Docs/format.md §8 says, with the key file named in
SAFEINTAKE_ST_KEY (the daemon's dev inspector key), so the fuzzer reaches the agency endpoints'
logic instead of stopping at 401. It is a schemathesis auth provider, so schemathesis still sends
the requests it means to send without credentials (its `ignored_auth` check and negative cases).
The body is signed as schemathesis puts it on the wire: requests' `json=`, i.e. `json.dumps`.
"""

from __future__ import annotations

import hashlib
import json
import os
from urllib.parse import urlencode

import anyio  # noqa: F401  imported before worker threads start: CPython 3.11 can fail compiling it concurrently
import schemathesis
from schemathesis.core import NOT_SET

import safeintake_py as si


def wire_body(body) -> bytes:
    if body is NOT_SET:
        return b""
    if isinstance(body, bytes):
        return body
    if body is None:
        return b"null"
    return json.dumps(body, allow_nan=False).encode("utf-8")


@schemathesis.auth(refresh_interval=None).apply_to(path_regex="^/v1/agency/(?!challenge)")
class AgencySignature:
    """A fresh challenge per request (challenges are single-use), then an Ed25519 signature."""

    def __init__(self) -> None:
        self.key = si.load_key_file(json.loads(open(os.environ["SAFEINTAKE_ST_KEY"]).read()))
        self.server = os.environ["SAFEINTAKE_ST_URL"]

    def get(self, case, context):
        return si.post_json(self.server + "/v1/agency/challenge", {"key_id": self.key.key_id}).json()["challenge"]

    def set(self, case, challenge, context):
        path = case.formatted_path
        if case.query:
            path += "?" + urlencode(case.query, doseq=True)
        message = ("safeintake/agency-request/v1\n" + case.method.upper() + "\n" + path + "\n" + challenge + "\n"
                   + hashlib.sha256(wire_body(case.body)).hexdigest()).encode("utf-8")
        case.headers = {**(case.headers or {}), "X-SafeIntake-Key": self.key.key_id,
                        "X-SafeIntake-Challenge": challenge,
                        "X-SafeIntake-Signature": si.b64(self.key.sign.sign(message).signature)}
