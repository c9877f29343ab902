"""Random values in real credential formats, with the checksums where the provider has one.

Every function takes the generator's `random.Random`, so a seed gives the same tree every time.
Nothing here is a real credential: every value is drawn at random in a public format.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import random
import string
import uuid

BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
LETTERS = string.ascii_letters
URLSAFE = ALNUM + "_-"
HEX = "0123456789abcdef"
UPPER_B32 = string.ascii_uppercase + "234567"


def pick(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def hexs(rng: random.Random, n: int) -> str:
    return pick(rng, HEX, n)


def uuid4(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def base62(number: int, width: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 62)
        digits = BASE62[rest] + digits
    return digits.rjust(width, "0")


def crc32_base62_token(rng: random.Random, prefix: str, random_len: int = 30) -> str:
    """GitHub's token layout (also npm's): prefix, 30 base62 characters of entropy, then the
    CRC32 of that entropy in base62, zero-padded to 6 characters."""
    entropy = pick(rng, BASE62, random_len)
    return prefix + entropy + base62(binascii.crc32(entropy.encode()), 6)


def github_fine_grained(rng: random.Random) -> str:
    return "github_pat_" + pick(rng, ALNUM, 22) + "_" + pick(rng, ALNUM, 59)


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(kind: int, payload: bytes) -> bytes:
    return bytes([kind]) + _varint(len(payload)) + payload


def pypi_token(rng: random.Random) -> str:
    """A PyPI API token: `pypi-` and a base64url binary (v2) macaroon located at pypi.org, with
    an identifier, one permissions caveat and a 32-byte signature. Its serialisation is what
    makes every real token start `pypi-AgEIcHlwaS5vcmc`."""
    identifier = uuid4(rng).encode()
    caveat = json.dumps({"version": 1, "permissions": "user"}, separators=(",", ":")).encode()
    macaroon = (
        b"\x02"
        + _field(1, b"pypi.org")
        + _field(2, identifier)
        + b"\x00"
        + _field(2, caveat)
        + b"\x00"
        + b"\x00"
        + _field(6, rng.randbytes(32))
    )
    return "pypi-" + b64url(macaroon)


def jwt(rng: random.Random, claims: dict[str, object], alg: str = "HS256") -> str:
    header = b64url(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{header}.{payload}.{b64url(rng.randbytes(32))}"


def neptune_token(rng: random.Random) -> str:
    """Neptune API tokens are base64 of a small JSON document naming the API address and key."""
    body = {"api_address": "https://app.neptune.ai", "api_url": "https://app.neptune.ai", "api_key": uuid4(rng)}
    return base64.b64encode(json.dumps(body).encode()).decode().rstrip("=")


def password(rng: random.Random, length: int | None = None) -> str:
    """A human-chosen-looking strong password: letters, digits and a few symbols, URL-safe
    enough to sit in a connection string (no `@ / : # ?`)."""
    length = length or rng.randint(12, 22)
    symbols = "!$%^*_-+=~."
    while True:
        value = "".join(rng.choice(ALNUM + symbols) for _ in range(length))
        if any(c.isdigit() for c in value) and any(c.isupper() for c in value) and any(c in symbols for c in value):
            return value


def b64_key(rng: random.Random, nbytes: int = 32) -> str:
    return base64.b64encode(rng.randbytes(nbytes)).decode()


def pem_rsa_private_key(rng: random.Random) -> list[str]:
    """A PEM block with random DER-looking body (not a valid key; nothing needs to parse it)."""
    body = base64.b64encode(b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00" + rng.randbytes(600)).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return ["-----BEGIN RSA PRIVATE KEY-----", *lines, "-----END RSA PRIVATE KEY-----"]


def sha256_hex(rng: random.Random) -> str:
    return hashlib.sha256(rng.randbytes(32)).hexdigest()
