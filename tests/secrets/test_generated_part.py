"""A secret has a generated part; a value made only of names, numbers and short fields has none.

`sk-or-v1-test` carries a vendor's prefix and a word; a real OpenRouter key carries the prefix and
64 generated hex digits. Test suites and docs fill credential slots with such compositions: a
prefix and a word, a SAS string without its signature, a JWT header with no claims or signature.
The names around them matter too: `$PWD` is the shell's working directory, `NextToken` and
`CreationToken` are page cursors and idempotency ids, `ParameterKey` names a parameter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._shared.credential_shape import judge_value
from tests.secrets.helpers import scan_text

BLOCKING = ("medium", "high", "critical")
_HEX64 = "3f9a2c7d81e04b6f95a2d3c8e7f1a0b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0"
_SIGNATURE = "kR7vQ2mX9pL4sT8wZ1nB6cY3dF5gH0jK2aE7uI4oP9q"
# base64 of {"a":"9f2c41d7e8","t":"6b1e0a5d-tunnel","s":"Zm9yZXZlcnNlY3JldHZhbHVlMTIz"}
_TUNNEL = "eyJhIjoiOWYyYzQxZDdlOCIsInQiOiI2YjFlMGE1ZC10dW5uZWwiLCJzIjoiWm05eVpYWmxjbk5sWTNKbGRIWmhiSFZsTVRJeiJ9"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("test_client.py", f'client = OpenRouter(api_key="sk-or-v1-{_HEX64}")\n'),
        ("a.py", 'headers = {"X-Api-Key": "630a6130-8475-44c3-aaa7-3a538ee36579"}\n'),
        ("a.py", 'password = "Xk9-4Rt_pQ2!"\n'),  # short fields, but generated ones
        ("a.py", f'token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtbC1zZXJ2aWNlIn0.{_SIGNATURE}"\n'),
        ("a.py", f'AZURE_STORAGE_SAS_TOKEN = "sv=2021-06-08&ss=b&srt=sco&sp=rl&se=2024-12-31&sig={_SIGNATURE}%3D"\n'),
    ],
)
def test_a_value_with_a_generated_part_blocks(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert [f.rule_id for f in findings if f.severity.value in BLOCKING]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("test_client.py", 'client = OpenRouter(api_key="sk-or-v1-test")\n'),
        ("test_client.py", 'block.run(openai_api_key="rf_key:user:12345")\n'),
        ("test_storage.py", 'env = {"AZURE_STORAGE_SAS_TOKEN": "sv=2021-06-08&ss=b&srt=sco&sp=rl&se=2024-12-31"}\n'),
        ("test_auth.py", 'cfg = AuthConfig(type="oidc", token="eyJhbGciOiJSUzI1NiJ9.test")\n'),
        ("build.sh", 'alias h=\'docker run --rm -ti -v "$PWD:$PWD:Z" -w "$PWD" quay.io/konflux-ci/hermeto:0.25.0\''),
        ("deploy.sh", "aws cloudformation create-stack --parameters ParameterKey=CfnresponseLayerArn,ParameterValue=x"),
        ("README.md", "CreationToken: quickstart-efs-20231\nNextToken: AbCdEf123456GhIjKl\n"),
        # a listing's next-page cursor, and a WebSocket handshake's nonce (RFC 6455)
        ("search.py", 'next_page_token = "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA"\n'),
        ("client.js", 'const r = await list({ nextPageToken: "Qm9va3NfMjAyNF8wOV8xNA9xk2" });\n'),
        ("README.md", 'curl -H "Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==" -H "Upgrade: websocket" $URL\n'),
    ],
)
def test_a_value_of_names_numbers_and_short_fields_does_not_block(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert [f for f in findings if f.severity.value in BLOCKING] == []


@pytest.mark.parametrize(
    ("value", "strength"),
    [
        ("sk-or-v1-test", 0),
        ("sv=2021-06-08&ss=b&srt=sco", 0),
        ("CfnresponseLayerArn", 0),  # capitalised syllables, `Arn` included: an identifier
        ("Xk9-4Rt_pQ2!", 2),
        ("630a6130-8475-44c3-aaa7-3a538ee36579", 2),
    ],
)
def test_judged_strength(value: str, strength: int) -> None:
    assert judge_value(value, "api_key").strength == strength


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("settings.py", 'FB_PAGE_TOKEN = "EAAGm0PX4ZCpsBAKb8ZBqR2xZCwZDZD7nLq9tYvQhW3uK1sF5jD8"\n'),  # a Page token
        ("settings.py", 'PAGE_TOKEN = "Kq7vX9mZ2pL4wT8sR1nB6cY3dF5gH0jK"\n'),  # a Page token, no cursor word
        ("ws.py", 'SOCKET_KEY = "Kq7vX9mZ2pL4wT8sR1nB6cY3dF5gH0jK"\n'),  # not the handshake header
        ("deploy.ps1", '$PWD = "Kq7#vX9!mZ2@pL4w"\n'),  # PowerShell's variable holding a password
        ("ci.py", 'api_key = "sk-or-v1-QMZV-KTXR-HBWJ-PFYN"\n'),  # four random letters per group
        ("ci.py", 'app_password = "abcd:EFGH:ijkl:MNOP:qrst:UVWX"\n'),
        ("ci.py", 'RECOVERY_KEY = "XJQ-4821-PZT-9937-MKL-0412-RWB-5530"\n'),  # random groups
        ("ci.py", f'TUNNEL_TOKEN = "{_TUNNEL},backup"\n'),  # base64 JSON that holds a secret
    ],
)
def test_look_alikes_of_the_quiet_shapes_still_block(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert [f.rule_id for f in findings if f.severity.value in BLOCKING]


@pytest.mark.parametrize(
    "word", ["Injection", "injection", "Projection", "Objective", "Majority", "Adjustment", "Rejection", "Enjoyment"]
)
def test_english_words_with_a_j_are_words(word: str) -> None:
    """Pairs of the rare letter j (`je`, `oj`, `nj`, `aj`) are how everyday words are built."""
    assert judge_value(word, "secrets").strength == 0


def test_a_roadmap_item_naming_secrets_is_prose(tmp_path: Path) -> None:
    findings = scan_text(tmp_path, "README.md", "## Roadmap\n\n- [ ] Secrets Injection\n- [ ] Token Rotation\n")
    assert [f for f in findings if f.severity.value in BLOCKING] == []


@pytest.mark.parametrize(
    "value",
    [
        "jeXoJq9aKzWmRt4P",
        "Kj7ojNJe2xAjQ8dJ",
        "xqJzvOjekWpnjdaj",
        # found by a red team: random runs that read as words when j's pairs counted everywhere
        "UYETBRSY5JEENJOJ",
        "patEjmmlteq8kzOZ",
        "MW4JANG2ANEUOQ2G",
        "DJotQUDxJuwovo",
    ],
)
def test_generated_values_with_those_pairs_still_block(tmp_path: Path, value: str) -> None:
    findings = scan_text(tmp_path, "settings.py", f'SECRET_KEY = "{value}"\n')
    assert [f.rule_id for f in findings if f.severity.value in BLOCKING]


def test_a_database_url_password_with_those_pairs_still_blocks(tmp_path: Path) -> None:
    findings = scan_text(tmp_path, "settings.py", 'DB = "postgresql://admin:VHJouVQ!2gep@db.internal:5432/app"\n')
    assert [f.rule_id for f in findings if f.severity.value in BLOCKING]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # a Go struct field's or parameter's pointer type under a token's name
        ("sample.go", "type Result struct {\n\tToken       *mlx.Array // sampled token ids\n}\n"),
        ("pipeline.go", "func (t *decoder) dispatch(token *mlx.Array) Result {\n"),
        # the file name ssh-keygen gives a key, not the key
        ("auth.go", 'const defaultPrivateKey = "id_ed25519"\n'),
        ("deploy.py", 'SSH_KEY = "id_rsa.pub"\n'),
    ],
)
def test_a_pointer_type_or_a_key_files_name_does_not_block(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert [f for f in findings if f.severity.value in BLOCKING] == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.go", 'const apiToken = "*Xk9fQ2mZ7pL4sT8wZ1nB"\n'),  # a star in front of a generated value
        ("a.py", 'PRIVATE_KEY = "id_ed25519x9Kq2mZ7pL4sT8w"\n'),  # a key file's name as a prefix only
    ],
)
def test_look_alikes_of_pointers_and_key_file_names_still_block(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert [f.rule_id for f in findings if f.severity.value in BLOCKING]
