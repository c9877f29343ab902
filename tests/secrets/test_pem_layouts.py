"""PEM private keys in every layout a file holds them: OpenSSH's format (its body is full of
zero runs), narrow wrapping, deep indentation, JSON's `\\u000a` escapes; and the look-alikes
(truncated examples in documents) stay quiet."""

from __future__ import annotations

import base64
import json
import random
import struct
import textwrap
from pathlib import Path

import pytest

from tests.secrets.helpers import scan_text


def _openssh_body() -> str:
    """The base64 of an unencrypted `openssh-key-v1` key, laid out as ssh-keygen writes it: its
    length fields and `none` cipher make `AAAAA` runs on the first line."""
    rng = random.Random(7)
    public = rng.randbytes(32)

    def field(data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + data

    blob = (
        b"openssh-key-v1\x00"
        + field(b"none")
        + field(b"none")
        + field(b"")
        + struct.pack(">I", 1)
        + field(field(b"ssh-ed25519") + field(public))
        + field(rng.randbytes(8) + field(b"ssh-ed25519") + field(public) + field(rng.randbytes(64)) + field(b"c"))
    )
    return base64.b64encode(blob).decode()


def _pem(body: str, width: int, kind: str = "OPENSSH PRIVATE KEY") -> str:
    lines = "\n".join(body[i : i + width] for i in range(0, len(body), width))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----\n"


_DER = base64.b64encode(
    bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7") + random.Random(3).randbytes(1100)
).decode()


def test_an_openssh_key_is_found_though_its_body_has_zero_runs(tmp_path: Path) -> None:
    body = _openssh_body()
    assert "AAAAA" in body[:70]
    [finding] = scan_text(tmp_path, "deploy/id_ed25519", _pem(body, 70))
    assert (finding.rule_id, finding.severity.value) == ("MLS220", "critical")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("server.key", _pem(_DER, 32, "PRIVATE KEY")),  # wrapped narrower than 40 columns
        ("values.yaml", "tls:\n  key: |\n" + textwrap.indent(_pem(_DER, 64, "PRIVATE KEY"), " " * 10)),
        (
            "keys.py",
            "class Keys:\n    KEY = '''\n" + textwrap.indent(_pem(_DER, 64, "RSA PRIVATE KEY"), " " * 8) + "'''\n",
        ),
    ],
)
def test_a_key_wrapped_narrow_or_indented_deep_is_found(tmp_path: Path, name: str, text: str) -> None:
    assert [f.rule_id for f in scan_text(tmp_path, name, text)] == ["MLS220"], name


def test_a_service_account_key_with_json_unicode_escapes_is_found(tmp_path: Path) -> None:
    key = _pem(_DER, 64, "PRIVATE KEY")
    text = json.dumps({"type": "service_account", "private_key": key}).replace("\\n", "\\u000a")
    assert json.loads(text)["private_key"] == key
    found = scan_text(tmp_path, "sa.json", text)
    assert found and all(f.severity.value == "critical" for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq...\n-----END PRIVATE KEY-----\n",  # truncated example
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY-----\n",  # one short line
        "-----BEGIN OPENSSH PRIVATE KEY-----\n<your key here>\n-----END OPENSSH PRIVATE KEY-----\n",
    ],
)
def test_truncated_and_template_keys_stay_quiet(tmp_path: Path, text: str) -> None:
    assert scan_text(tmp_path, "README.md", text) == []


def test_two_openssh_keys_have_different_identities(tmp_path: Path) -> None:
    first = _openssh_body()
    second = first[:70] + base64.b64encode(random.Random(9).randbytes(len(first) * 3 // 4)).decode()[70:]
    hashes = {scan_text(tmp_path, f"k{i}", _pem(body, 70))[0].message for i, body in enumerate((first, second))}
    assert len(hashes) == 2  # same header line, different keys: never one allowlist entry for both


@pytest.mark.parametrize(
    "text",
    [
        # the header line every unencrypted OpenSSH key shares, then an elision (docs)
        "-----BEGIN OPENSSH PRIVATE KEY-----\n" + _openssh_body()[:70] + "\n...\n-----END OPENSSH PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\n" + "A" * 64 + "\n" + "A" * 64 + "\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\n" + "0" * 64 + "\n" + "0" * 64 + "\n-----END PRIVATE KEY-----\n",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nxxxxxxxxxxxxxxxxxxxx\n-----END RSA PRIVATE KEY-----\n",
    ],
)
def test_placeholder_and_elided_bodies_stay_quiet(tmp_path: Path, text: str) -> None:
    assert scan_text(tmp_path, "docs/ssh.md", text) == []


def test_a_key_on_one_line_and_a_legacy_encrypted_key_are_found(tmp_path: Path) -> None:
    one_line = "-----BEGIN PRIVATE KEY-----" + _DER + "-----END PRIVATE KEY-----\n"
    assert [f.rule_id for f in scan_text(tmp_path, "k.env", "KEY=" + one_line)] == ["MLS220"]
    legacy = (
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
        "DEK-Info: AES-256-CBC,A3422E1DB73095A05CE44B18C17AA777\n\n"
        + "\n".join(_DER[i : i + 64] for i in range(0, len(_DER), 64))
        + "\n-----END RSA PRIVATE KEY-----\n"
    )
    assert [f.rule_id for f in scan_text(tmp_path, "legacy.pem", legacy)] == ["MLS220"]
