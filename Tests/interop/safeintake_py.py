"""An independent SafeIntake client written from Docs/format.md with PyNaCl only.

Nothing here is derived from the Swift sources: every construction cites the section of
Docs/format.md (or shared/CONTRACT.md) it implements, so a failure here points at a gap or a
disagreement between the spec and the binary.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nacl.bindings as sodium
import nacl.hash
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.encoding import RawEncoder
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
BINARY = Path(os.environ.get("SAFEINTAKE_BIN", PROJECT_ROOT / ".build" / "debug" / "safeintake"))
CLI_TIMEOUT = 60.0

FORMAT_VERSION = 0x01
RECORD_AGENCY_VIEW = 0x01
PAD_BLOCK = 1024
WRAP_LEN = 113


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


# ---------------------------------------------------------------------------- §5 agency keys

def key_id(box_public: bytes, sign_public: bytes) -> str:
    """§5: hex(BLAKE2b-128(UTF8("safeintake/key-id") || 0x00 || box_public || sign_public))."""
    digest = nacl.hash.blake2b(
        b"safeintake/key-id" + b"\x00" + box_public + sign_public,
        digest_size=16,
        encoder=RawEncoder,
    )
    return digest.hex()


@dataclass
class AgencyKey:
    name: str
    role: str
    box: PrivateKey
    sign: SigningKey

    @classmethod
    def generate(cls, name: str = "py-inspector", role: str = "inspector") -> "AgencyKey":
        # §5: crypto_box_keypair + crypto_sign_seed_keypair from a 32-byte random seed.
        return cls(name, role, PrivateKey.generate(), SigningKey(nacl.utils.random(32)))

    @property
    def box_public(self) -> bytes:
        return bytes(self.box.public_key)

    @property
    def sign_public(self) -> bytes:
        return bytes(self.sign.verify_key)

    @property
    def key_id(self) -> str:
        return key_id(self.box_public, self.sign_public)

    @property
    def secret(self) -> bytes:
        # §5.2: box_secret_key (32) || sign_seed (32)
        return bytes(self.box) + bytes(self.sign)

    def key_file(self, passphrase: bytes | None = None, *, opslimit: int | None = None,
                 memlimit: int | None = None) -> dict:
        """§5.2 private key file; unprotected (dev_only) when passphrase is None."""
        if passphrase is None:
            secret = {"protection": "none", "secret": b64(self.secret)}
            dev_only = True
        else:
            ops = opslimit if opslimit is not None else nacl.pwhash.argon2id.OPSLIMIT_MIN
            mem = memlimit if memlimit is not None else nacl.pwhash.argon2id.MEMLIMIT_MIN
            salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)  # 16
            k = nacl.pwhash.argon2id.kdf(32, passphrase, salt, opslimit=ops, memlimit=mem)
            nonce = nacl.utils.random(nacl.secret.SecretBox.NONCE_SIZE)  # 24
            ct = nacl.secret.SecretBox(k).encrypt(self.secret, nonce).ciphertext
            assert len(ct) == 80
            secret = {"protection": "argon2id-secretbox", "salt": b64(salt), "opslimit": ops,
                      "memlimit": mem, "nonce": b64(nonce), "ciphertext": b64(ct)}
            dev_only = False
        return {"safeintake_key": 1, "name": self.name, "role": self.role, "key_id": self.key_id,
                "box_public_key": b64(self.box_public), "sign_public_key": b64(self.sign_public),
                "dev_only": dev_only, "secret": secret}


def load_key_file(doc: dict, passphrase: bytes | None = None) -> AgencyKey:
    """Reads a §5.2 private key file and performs the checks §5.2 requires of readers."""
    if doc.get("safeintake_key") != 1:
        raise ValueError(f"unknown key file version {doc.get('safeintake_key')!r}")
    sec = doc["secret"]
    if sec["protection"] == "none":
        if doc.get("dev_only") is not True:
            raise ValueError("unprotected key file not marked dev_only")
        secret = unb64(sec["secret"])
    elif sec["protection"] == "argon2id-secretbox":
        if passphrase is None:
            raise ValueError("passphrase required")
        k = nacl.pwhash.argon2id.kdf(32, passphrase, unb64(sec["salt"]),
                                     opslimit=sec["opslimit"], memlimit=sec["memlimit"])
        secret = nacl.secret.SecretBox(k).decrypt(unb64(sec["ciphertext"]), unb64(sec["nonce"]))
    else:
        raise ValueError(f"unknown protection {sec['protection']!r}")
    if len(secret) != 64:
        raise ValueError("secret must be 64 bytes")
    key = AgencyKey(doc["name"], doc["role"], PrivateKey(secret[:32]), SigningKey(secret[32:]))
    if (b64(key.box_public) != doc["box_public_key"] or b64(key.sign_public) != doc["sign_public_key"]
            or key.key_id != doc["key_id"]):
        raise ValueError("public keys / key id do not match the secret")
    return key


# ---------------------------------------------------------------------------- §3 sealed records

def pad(data: bytes, block: int = PAD_BLOCK) -> bytes:
    """§3 ISO/IEC 7816-4: 0x80 then zeros to the next multiple of block (always adds >= 1 byte)."""
    out = data + b"\x80"
    return out + b"\x00" * ((-len(out)) % block)


def unpad(data: bytes, block: int = PAD_BLOCK) -> bytes:
    if len(data) == 0 or len(data) % block != 0:
        raise ValueError("padded length is not a positive multiple of the block size")
    stripped = data.rstrip(b"\x00")
    if not stripped.endswith(b"\x80") or len(data) - len(stripped) >= block:
        raise ValueError("bad padding")
    return stripped[:-1]


def record_ad(case_id: str, version: int = FORMAT_VERSION, record_type: int = RECORD_AGENCY_VIEW) -> bytes:
    return b"safeintake/record" + b"\x00" + bytes([version, record_type]) + case_id.encode("utf-8")


def seal_record(case_key: bytes, case_id: str, plaintext: bytes, *, version: int = FORMAT_VERSION,
                record_type: int = RECORD_AGENCY_VIEW, ad_case_id: str | None = None) -> bytes:
    """§3; ad_case_id lets a test bind the record to another case on purpose."""
    nonce = nacl.utils.random(24)
    ad = record_ad(ad_case_id if ad_case_id is not None else case_id, version, record_type)
    ct = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(pad(plaintext), ad, nonce, case_key)
    return bytes([version, record_type]) + nonce + ct


def open_record(case_key: bytes, case_id: str, record: bytes,
                expected_type: int = RECORD_AGENCY_VIEW) -> bytes:
    version, record_type = record[0], record[1]
    if version != FORMAT_VERSION:
        raise ValueError(f"unknown record version {version:#x}")
    if record_type != expected_type:
        raise ValueError(f"unexpected record type {record_type:#x}")
    nonce, ct = record[2:26], record[26:]
    padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        ct, record_ad(case_id, version, record_type), nonce, case_key)
    if len(padded) % PAD_BLOCK != 0:
        raise ValueError("plaintext is not padded to 1024 bytes")
    return unpad(padded)


# ---------------------------------------------------------------------------- §4 key wraps

def new_case_key() -> bytes:
    return nacl.utils.random(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES)


def new_case_id() -> str:
    return nacl.utils.random(16).hex()


def wrap_case_key(case_key: bytes, case_id: str, recipient_box_public: bytes,
                  *, version: int = FORMAT_VERSION) -> bytes:
    sealed = SealedBox(PublicKey(recipient_box_public)).encrypt(case_key + case_id.encode("utf-8"))
    return bytes([version]) + bytes(sealed)


def open_wrap(key: AgencyKey, case_id: str, wrap: bytes) -> bytes:
    if len(wrap) != WRAP_LEN:
        raise ValueError(f"wrap is {len(wrap)} bytes, expected {WRAP_LEN}")
    if wrap[0] != FORMAT_VERSION:
        raise ValueError(f"unknown wrap version {wrap[0]:#x}")
    opened = SealedBox(key.box).decrypt(wrap[1:])
    if opened[32:] != case_id.encode("utf-8"):
        raise ValueError("wrap is bound to another case id")
    return opened[:32]


# ---------------------------------------------------------------------------- HTTP (loopback only)

def _check_loopback(url: str) -> None:
    if not (url.startswith("http://127.0.0.1:") or url.startswith("http://127.0.0.1/")):
        raise AssertionError(f"refusing non-loopback URL {url}")


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


def http(method: str, url: str, body: bytes | None = None, headers: dict | None = None,
         timeout: float = 30.0) -> Response:
    _check_loopback(url)
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    try:
        with opener.open(req, timeout=timeout) as r:
            return Response(r.status, {k.lower(): v for k, v in r.headers.items()}, r.read())
    except urllib.error.HTTPError as e:
        return Response(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())


def post_json(url: str, obj, timeout: float = 30.0) -> Response:
    return http("POST", url, json.dumps(obj).encode("utf-8"),
                {"Content-Type": "application/json"}, timeout)


# ---------------------------------------------------------------------------- §8 signed requests

def agency_message(method: str, path_and_query: str, challenge: str, body: bytes) -> bytes:
    return ("safeintake/agency-request/v1" + "\n" + method + "\n" + path_and_query + "\n"
            + challenge + "\n" + hashlib.sha256(body).hexdigest()).encode("utf-8")


def signed_request(server: str, key: AgencyKey, method: str, path_and_query: str,
                   body: bytes = b"") -> Response:
    ch = post_json(server + "/v1/agency/challenge", {"key_id": key.key_id})
    for _ in range(3):  # the challenge cap: wait as told (at most 10 s), as the inspector client does
        if ch.status != 429:
            break
        time.sleep(min(10, int(ch.headers.get("retry-after", "1"))))
        ch = post_json(server + "/v1/agency/challenge", {"key_id": key.key_id})
    if ch.status != 200:
        raise AssertionError(f"challenge: {ch.status} {ch.body!r}")
    challenge = ch.json()["challenge"]
    assert len(unb64(challenge)) == 32
    sig = key.sign.sign(agency_message(method, path_and_query, challenge, body)).signature
    headers = {"X-SafeIntake-Key": key.key_id, "X-SafeIntake-Challenge": challenge,
               "X-SafeIntake-Signature": b64(sig)}
    if body:
        headers["Content-Type"] = "application/json"
    return http(method, server + path_and_query, body if body or method != "GET" else None, headers)


# ---------------------------------------------------------------------------- the CLI under test

def run_cli(args, *, env_extra=None, timeout=CLI_TIMEOUT) -> subprocess.CompletedProcess:
    """Runs the safeintake CLI with no stdin (so nothing can prompt) and a bounded time."""
    env = {k: v for k, v in os.environ.items() if k != "SAFEINTAKE_PASSPHRASE"}
    for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(k, None)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    if env_extra:
        env.update(env_extra)
    return run_bounded([str(BINARY), *map(str, args)], timeout=timeout, env=env)


def run_bounded(argv, *, timeout: float, env=None, cwd=None) -> subprocess.CompletedProcess:
    """subprocess.run(capture_output=True, text=True, no stdin), in a process group of its own
    that is killed whole when the time runs out or anything goes wrong: a CLI that starts
    processes of its own (`bench intake` starts daemons) leaves none running behind it, where
    subprocess.run would kill only the CLI (issue 17, item 16)."""
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=cwd, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except BaseException:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
