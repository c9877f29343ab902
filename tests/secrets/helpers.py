"""Fake credentials in real formats, generated at test time so the repository holds none."""

from __future__ import annotations

import random
import string
from pathlib import Path

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks.secrets.spec import SPEC
from tests.scanning import findings_of

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def fake(prefix: str, length: int, alphabet: str = ALNUM, seed: int = 1) -> str:
    """A random value without three equal characters in a row (which placeholders such as `xxx`
    would look like); long values are rarely free of them, so they are built without the rule."""
    rng = random.Random(f"{prefix}{length}{seed}")
    if length > 512:
        return prefix + "".join(rng.choice(alphabet) for _ in range(length))
    while True:
        body = "".join(rng.choice(alphabet) for _ in range(length))
        if not any(body[i] == body[i + 1] == body[i + 2] for i in range(len(body) - 2)):
            return prefix + body


def scan_text(directory: Path, name: str, text: str, policy: Policy | None = None) -> list[Finding]:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return findings_of(SPEC, path, name, policy or Policy(root=directory))


def rules(findings: list[Finding]) -> list[str]:
    return sorted(f.rule_id for f in findings)


def jwt(claims: dict[str, object], alg: str = "HS256", seed: int = 1) -> str:
    """A signed-looking JWT: JSON header and payload, a random signature of the algorithm's length."""
    import base64
    import json

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    length = {"HS384": 48, "HS512": 64, "ES256": 64, "ES384": 96, "ES512": 132}.get(
        alg, 256 if alg[:2] in ("RS", "PS") else 32
    )
    signature = random.Random(f"jwt{seed}").randbytes(length)
    header = part(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    return f"{header}.{part(json.dumps(claims).encode())}.{part(signature)}"


def secret_value(line: str) -> str:
    """The longest run of value characters holding a digit: the value a test line plants (names
    such as DB_PASSWORD have none), good enough to check that messages never echo it."""
    import re

    runs = [run for run in re.findall(r"[^\s\"'=:<>]{8,}", line) if any(c.isdigit() for c in run)]
    return max(runs, key=len) if runs else line
