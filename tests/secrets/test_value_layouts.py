"""Layouts that say a value is typed or public, not generated or secret: a block typed again and
again, a bare UUID in the tests, a salt. Each beside a value of the same place that still blocks."""

from __future__ import annotations

from pathlib import Path

from hooks._shared.credential_filters import is_periodic
from tests.secrets.helpers import fake, scan_text


def blocking(findings: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line) for f in findings if f.severity.value != "low")


def test_a_repeated_block_is_a_filler_and_a_generated_value_is_not() -> None:
    assert is_periodic("1234567890abcdef1234567890abcdef")
    assert is_periodic("abc1abc1abc1")
    assert is_periodic("Xy7qXy7qXy7qX")  # a block, then part of it
    assert not is_periodic(fake("", 32, seed=3))
    assert not is_periodic("abcabca")  # too short to say
    assert not is_periodic("Zq8vLm2pZq8vLm3p")  # nearly, but not, a repeat


def test_a_fixture_token_typed_twice_does_not_block_and_a_generated_one_does(tmp_path: Path) -> None:
    typed = '{"experiment": {"token": "1234567890abcdef1234567890abcdef"}}\n'
    assert blocking(scan_text(tmp_path, "fixtures/set-a.json", typed)) == []
    generated = '{"experiment": {"token": "' + fake("", 32, seed=5) + '"}}\n'
    assert blocking(scan_text(tmp_path, "fixtures/set-b.json", generated)) == [("MLS223", 1)]


def test_a_bare_uuid_in_the_tests_is_a_fixture_and_a_prefixed_one_is_a_vendors_key(tmp_path: Path) -> None:
    bare = 'def test_login():\n    password = "AB832ABC-fc98-4c73-a0bd-c4708e6479d9"\n'
    assert blocking(scan_text(tmp_path, "tests/test_login.py", bare)) == []
    prefixed = 'def test_login():\n    api_key = "sk-lf-9d2c41e7-5a3b-4f08-b6e1-0c7d2a9f4e13"\n'
    assert blocking(scan_text(tmp_path, "tests/test_client.py", prefixed)) == [("MLS223", 2)]
    # Outside the tests a bare UUID given to a credential name still blocks.
    assert blocking(scan_text(tmp_path, "deploy/settings.py", bare.replace("def test_login():\n    ", ""))) == [
        ("MLS223", 1)
    ]


def test_a_password_salt_is_public_and_the_password_beside_it_is_not(tmp_path: Path) -> None:
    text = f'PASSWORD_SALT = "GubPEmmotfiK9TMD6Zdw"\nADMIN_PASSWORD = "{fake("", 20, seed=7)}"\n'
    assert blocking(scan_text(tmp_path, "auth.py", text)) == [("MLS223", 2)]


def test_a_statistics_key_is_not_a_credential(tmp_path: Path) -> None:
    text = f'const thresholdStatKey = "p(95)<1000";\nconst apiKey = "{fake("", 32, seed=9)}";\n'
    assert blocking(scan_text(tmp_path, "helpers.ts", text)) == [("MLS223", 2)]
