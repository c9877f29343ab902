"""Passwords people choose: words with digits or symbols added, assigned to a password name.

A generated key is judged by its randomness; a chosen password is not random (`Californiahousing1`,
`Summer2024!`) and reads like words, as identifiers do. What tells them apart is where the value
stands: a password name holds a password; any other name holding word-like text holds a name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.secrets.helpers import scan_text

BLOCKING = ("medium", "high", "critical")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.py", 'password = "Californiahousing1"\n'),
        ("a.py", 'conn = psycopg2.connect(user="admin", password="Summer2024!")\n'),
        ("a.py", 'client.create_secret(SecretString=\'{"username": "admin", "password": "Riverbank77"}\')\n'),
        ("settings.yaml", "database:\n  user: app\n  passwd: Bluemoon42\n"),
        (".env", "DB_PWD=Lighthouse2023\n"),
    ],
)
def test_a_chosen_password_under_a_password_name_blocks(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert [f.rule_id for f in findings if f.severity.value in BLOCKING] == ["MLS223"]
    assert "Californiahousing1" not in findings[0].message and "Summer2024" not in findings[0].message


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.py", 'version = "Californiahousing1"\n'),  # word-like text under another name is a name
        ("a.py", 'password = "Password1"\n'),  # a well-known password: an example
        ("a.py", 'password = "yourpassword123"\n'),  # a placeholder
        ("a.py", 'password = "password_from_env"\n'),  # an identifier
        ("a.py", 'password = "modelName2"\n'),  # camelCase: an identifier
        ("a.py", 'password_field = "confirm_password2"\n'),  # names a credential instead of being one
        ("a.py", 'token = "Californiahousing1"\n'),  # tokens are generated, not chosen
    ],
)
def test_word_like_values_elsewhere_do_not_block(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert [f for f in findings if f.severity.value in BLOCKING] == []


def test_a_long_word_like_value_under_a_password_name_is_judged_in_linear_time() -> None:
    import time

    from hooks._shared.credential_shape import judge_value

    started = time.process_time()
    for length in range(400, 512):
        judge_value("A" + "a" * length + "X", "password")
    assert time.process_time() - started < 2.0  # cubic backtracking took about 20 s here
