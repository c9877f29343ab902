"""Structural checks of a matched value: checksums and encodings a real credential has.

A check says whether the value is provably in the provider's live format (`verified`: a
GitHub/npm CRC32 that matches, a PyPI macaroon located at pypi.org), merely has its shape
(`plausible`), is unlikely to be a usable credential (`doubtful`: a checksum that fails, an
expired JWT), or is not one at all (`reject`: an unsigned or undecodable JWT, a documented demo
token). Pure functions of the value; nothing is looked up anywhere.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

VERIFIED = "verified"
PLAUSIBLE = "plausible"
DOUBTFUL = "doubtful"
REJECT = "reject"

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Issuers of JWTs that are published on purpose: Supabase's local development keys.
_DEMO_ISSUERS = frozenset({"supabase-demo"})
# HMAC keys that documentation signs its example tokens with: jwt.io's debugger defaults and the
# `"secret"` of PyJWT's and most tutorials' first example. A token that verifies under one of
# them can be minted by anyone: an example, or a server left on a default key. Reported low.
_DEMO_HMAC_KEYS = (b"secret", b"your-256-bit-secret", b"your-384-bit-secret", b"your-512-bit-secret")
_HMAC_DIGESTS = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
# The bytes of a signature for each algorithm (RFC 7518 section 3; RFC 8037 for EdDSA): an HMAC's
# digest, ECDSA's R and S, and RSA's modulus (any size from 1024 to 8192 bits: keys of 2040 or
# 3000 bits exist).
_RSA_BYTES = range(128, 1025)
_SIGNATURE_BYTES: dict[str, frozenset[int] | range] = {
    "HS256": frozenset({32}),
    "HS384": frozenset({48}),
    "HS512": frozenset({64}),
    "ES256": frozenset({64}),
    "ES384": frozenset({96}),
    "ES512": frozenset({132}),
    "EDDSA": frozenset({64, 114}),  # Ed25519, Ed448
    **{f"{family}{bits}": _RSA_BYTES for family in ("RS", "PS") for bits in (256, 384, 512)},
}


@dataclass(frozen=True)
class CheckResult:
    verdict: str
    note: str = ""  # said in the finding's message (never the value)


def _base62(number: int, width: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 62)
        digits = _BASE62[rest] + digits
    return digits.rjust(width, "0")


def github_crc32(value: str) -> CheckResult:
    """GitHub's token layout (npm's too): prefix, 30 base62 characters, then the CRC32 of those
    30 in base62, 6 characters. Fine-grained `github_pat_` tokens carry no public checksum."""
    prefix, _, body = value.partition("_")
    if prefix == "github" or len(body) != 36:
        return CheckResult(PLAUSIBLE)
    entropy, checksum = body[:30], body[30:]
    if _base62(binascii.crc32(entropy.encode()), 6) == checksum:
        return CheckResult(VERIFIED, "; its checksum is valid")
    return CheckResult(DOUBTFUL, "; its checksum does not match, so it is probably not a real token")


def _b64decode(text: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None


def pypi_macaroon(value: str) -> CheckResult:
    """PyPI tokens are `pypi-` and a base64url binary (v2) macaroon whose location is pypi.org."""
    data = _b64decode(value.removeprefix("pypi-"))
    if data and data[:1] == b"\x02" and (b"pypi.org" in data[:40] or b"test.pypi.org" in data[:40]):
        return CheckResult(VERIFIED, "; it decodes as a PyPI macaroon")
    return CheckResult(DOUBTFUL, "; it does not decode as a PyPI macaroon")


def jwt(value: str, now: float | None = None) -> CheckResult:
    """A JWT must decode to a JSON header and payload and be signed; a published demo issuer or
    an expiry in the past makes it nothing to act on."""
    parts = value.split(".")
    if len(parts) != 3 or not parts[2]:
        return CheckResult(REJECT)
    try:
        header = json.loads(_b64decode(parts[0]) or b"")
        payload = json.loads(_b64decode(parts[1]) or b"")
    except (ValueError, UnicodeDecodeError):
        return CheckResult(REJECT)
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return CheckResult(REJECT)
    if str(header.get("alg", "")).lower() == "none":
        return CheckResult(REJECT)
    if payload.get("iss") in _DEMO_ISSUERS:
        return CheckResult(REJECT)
    alg = str(header.get("alg", "")).upper()
    lengths = _SIGNATURE_BYTES.get(alg)
    if lengths is not None and not _signature_fits(parts[2], lengths) and not _der_ecdsa(parts[2], alg):
        # `eyJ...In0.SflKxwRJSMeKKF2QT`: a signature cut short (a test's input, a doc's elided
        # token) or padded out; no key makes an HS256 signature of 13 bytes, so nothing accepts it.
        # (`alg` is one of the table's names here, never the header's raw text)
        return CheckResult(DOUBTFUL, f"; its signature's length does not fit {alg}, so no server accepts it")
    if _signed_with_demo_key(parts, str(header.get("alg", ""))):
        # An example (PyJWT's README token), or a server still on a default key: low, not silent
        return CheckResult(DOUBTFUL, "; it is signed with a published demo key (`secret`), so anyone can make it")
    expiry = payload.get("exp")
    reference = time.time() if now is None else now
    if isinstance(expiry, (int, float)) and not isinstance(expiry, bool) and expiry < reference:
        return CheckResult(DOUBTFUL, "; it has expired")
    return CheckResult(PLAUSIBLE)


def _signature_fits(signature: str, lengths: frozenset[int] | range) -> bool:
    """Whether the signature is one of these byte lengths, also with `-` or `_` glued after it
    (`<!--eyJ...-->`: the comment's end runs on from the base64url text)."""
    decoded = _b64decode(signature)
    if decoded is not None and len(decoded) in lengths:
        return True
    trimmed = signature.rstrip("-_")
    if trimmed == signature:
        return False
    for length in lengths:
        chars = -(-length * 4 // 3)  # unpadded base64url of `length` bytes
        if len(trimmed) <= chars <= len(signature):
            return True
    return False


# An ECDSA signature in DER (a SEQUENCE of R and S), as key services return it: JWS wants R and S
# raw, yet lenient verifiers (JJWT 0.11 and older) take DER too.
_DER_ECDSA_MAX = {"ES256": 72, "ES384": 104, "ES512": 139}


def _der_ecdsa(signature: str, alg: str) -> bool:
    decoded = _b64decode(signature)
    most = _DER_ECDSA_MAX.get(alg)
    return most is not None and decoded is not None and decoded[:1] == b"\x30" and 8 <= len(decoded) <= most


def _signed_with_demo_key(parts: list[str], alg: str) -> bool:
    digest = _HMAC_DIGESTS.get(alg.upper())
    signature = _b64decode(parts[2])
    if digest is None or signature is None:
        return False
    signed = f"{parts[0]}.{parts[1]}".encode()
    return any(hmac.compare_digest(hmac.new(key, signed, digest).digest(), signature) for key in _DEMO_HMAC_KEYS)


def aws_key_id(value: str) -> CheckResult:
    """Real key ids almost always hold a digit (base32 over A-Z2-7); a run of letters such as a
    peptide sequence starting `AKIA` does not, so without a digit it needs a credential name."""
    return CheckResult(PLAUSIBLE if any(c.isdigit() for c in value) else DOUBTFUL)


def telegram(value: str) -> CheckResult:
    bot_id = value.partition(":")[0]
    return CheckResult(PLAUSIBLE if 8 <= len(bot_id) <= 10 and bot_id.isdigit() else REJECT)


CHECKS: dict[str, Callable[[str], CheckResult]] = {
    "github_crc32": github_crc32,
    "pypi_macaroon": pypi_macaroon,
    "jwt": jwt,
    "aws_key_id": aws_key_id,
    "telegram": telegram,
}
