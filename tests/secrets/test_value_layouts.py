"""Layouts that say a value is typed, not generated: a block typed again and again, a bare UUID in
the tests. Each beside a value of the same place that still blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._shared.credential_filters import is_periodic
from tests.secrets.helpers import fake, rules, scan_text


def blocking(findings: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line) for f in findings if f.severity.value != "low")


def test_a_repeated_block_is_a_filler_and_a_generated_value_is_not() -> None:
    assert is_periodic("1234567890abcdef1234567890abcdef")  # twice, a typed run inside
    assert is_periodic("abc1abc1abc1")  # three times
    assert is_periodic("Xy7qXy7qXy7qX")  # three times, then part of it
    assert is_periodic("ABCDEF1234567890abcdef1234567890")  # typed again in the other case
    assert not is_periodic(fake("", 32, seed=3))
    assert not is_periodic("abcabca")  # too short to say
    assert not is_periodic("Zq8vLm2pZq8vLm3p")  # nearly, but not, a repeat
    # A person's doubled password is their real choice.
    assert not is_periodic("Summer24Summer24")
    assert not is_periodic("Summer24sUMMER24")  # a doubled password in two cases: no typed run
    assert not is_periodic("a1B2c3D4A1b2C3d4a1B2C3d4")  # a case chosen letter by letter, not caps lock
    assert not is_periodic("Kx9#mQ2vKx9#mQ2v")
    assert not is_periodic("ab" * 400)  # past the length a person types


def test_a_doubled_password_still_blocks(tmp_path: Path) -> None:
    assert blocking(scan_text(tmp_path, "app/pw.py", 'DB_PASSWORD = "Kx9#mQ2vKx9#mQ2v"\n')) == [("MLS223", 1)]
    assert blocking(scan_text(tmp_path, "app/pw2.py", 'DB_PASSWORD = "Zq8vLm2pZq8vLm2p"\n')) == [("MLS223", 1)]


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


def test_a_salt_named_as_a_secret_still_blocks(tmp_path: Path) -> None:
    """WordPress's AUTH_SALT and Flask-Security's SECURITY_PASSWORD_SALT are secret keys; a salt
    is not told apart by its name, so every salt keeps the severity of its value."""
    text = f"define('AUTH_SALT', '{fake('', 32, seed=11)}');\nSECURITY_PASSWORD_SALT = \"{fake('', 24, seed=13)}\"\n"
    assert blocking(scan_text(tmp_path, "wp-config.php", text)) == [("MLS223", 1), ("MLS223", 2)]


def test_a_uuid_named_as_a_service_whose_tokens_are_uuids_blocks_in_the_tests_too(tmp_path: Path) -> None:
    """Heroku API keys, Snyk tokens, Consul and Nomad ACL tokens are bare UUIDs: the name says whose."""
    text = 'def test_deploy():\n    HEROKU_API_KEY = "3f9c2a71-8d4e-4b6a-9c1f-2e7d5a8b0c4f"\n'
    assert blocking(scan_text(tmp_path, "tests/test_deploy.py", text)) == [("MLS223", 2)]
    snyk = 'def test_scan():\n    snyk_token = "c41e8b27-95fa-4d03-b6e1-2a7f0d9c5e84"\n'
    assert blocking(scan_text(tmp_path, "tests/test_scan.py", snyk)) == [("MLS223", 2)]
    # Any other name: a UUID in the tests is a fixture's id.
    other = 'def test_run():\n    run_token = "c41e8b27-95fa-4d03-b6e1-2a7f0d9c5e84"\n'
    assert blocking(scan_text(tmp_path, "tests/test_run.py", other)) == []


def test_a_uuid_under_a_key_name_in_a_record_of_uuid_ids_is_the_records_id(tmp_path: Path) -> None:
    """blind56: Watson ML prints each asset's metadata (`id`, `resource_key`, `space_id`, all UUIDs)
    in saved outputs. A UUID under a name that only may be a credential's, among UUIDs that the
    same record names as ids, is one more identifier: reported low."""
    uuid, asset, space = (
        "3f9c2a71-8d4e-4b6a-9c1f-2e7d5a8b0c4f",
        "b04d570d-181c-45e9-a586-3f2c5b404334",
        "cbd87244-b000-4279-b991-3cefbf8b1555",
    )
    metadata = (
        '{"metadata": {"id": "' + asset + '", "owner": "1000330999", "resource_key": "' + uuid + '",'
        ' "space_id": "' + space + '"}}\n'
    )
    found = scan_text(tmp_path, "deploy/model.json", metadata)
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "low")]
    assert "in a record whose other UUIDs are named as ids" in found[0].message
    escaped = metadata.replace('"', "&quot;")  # the notebook's HTML export
    assert blocking(scan_text(tmp_path, "deploy/model.html", f"<pre>{escaped}</pre>\n")) == []
    yaml = f"catalog:\n  - guid: {asset}\n    key: {uuid}\n"
    assert blocking(scan_text(tmp_path, "conf/catalog.yaml", yaml)) == []


def test_a_uuid_under_a_key_name_without_uuid_ids_beside_it_still_blocks(tmp_path: Path) -> None:
    """Many services' keys are bare UUIDs under names that only say key (Cypress record keys,
    NetBird setup keys, legacy Pinecone keys, GraphHopper's `key`): alone, or beside ids that are
    not UUIDs, or beside its own value named again, a UUID under such a name blocks."""
    uuid = "3f9c2a71-8d4e-4b6a-9c1f-2e7d5a8b0c4f"
    for path, text in (
        ("ci/.env", f"CYPRESS_RECORD_KEY={uuid}\n"),
        ("ci/compose.yml", f"services:\n  vpn:\n    environment:\n      NB_SETUP_KEY: {uuid.upper()}\n"),
        ("app/vec.yaml", f"provider: pinecone\nkey: {uuid}\n"),
        ("app/model.json", '{"metadata": {"id": "m1", "resource_key": "' + uuid + '", "space_id": "s1"}}\n'),
        ("app/self.json", '{"key_id": "' + uuid + '", "key": "' + uuid + '"}\n'),
    ):
        assert [rule for rule, _ in blocking(scan_text(tmp_path, path, text))] == ["MLS223"], text
    # Look-alike: the same name given a generated value that is not a UUID blocks among UUID ids too.
    other = '{"id": "b04d570d-181c-45e9-a586-3f2c5b404334", "resource_key": "' + fake("", 32, seed=17) + '"}\n'
    assert [rule for rule, _ in blocking(scan_text(tmp_path, "deploy/other.json", other))] == ["MLS223"]


def test_a_uuid_under_a_credentials_name_or_a_uuid_services_name_still_blocks(tmp_path: Path) -> None:
    """Some tokens are bare UUIDs (Heroku, Snyk, Consul, Nomad, Sauce Labs, Scaleway, service
    principals' old passwords): a name that says credential, a service whose tokens are UUIDs, or an
    `Authorization` header keeps a UUID blocking."""
    uuid = "c41e8b27-95fa-4d03-b6e1-2a7f0d9c5e84"
    for path, text in (
        ("a/token.yaml", f"token: {uuid}\n"),
        ("a/secret.py", f'client_secret = "{uuid}"\n'),
        ("a/access.env", f"ACCESS_KEY={uuid}\n"),
        ("a/sauce.py", f'SAUCE_KEY = "{uuid}"\n'),
        ("a/scw.env", f"SCW_KEY={uuid}\n"),
        ("a/call.sh", f'curl -H "Authorization: Bearer {uuid}" https://api.acme.io/v1/runs\n'),
        # WebdriverIO's Sauce Labs login: an account name beside a bare `key` makes it the account's key.
        ("a/wdio.conf.js", f"exports.config = {{\n  user: 'ci-bot',\n  key: '{uuid}',\n}};\n"),
    ):
        assert [rule for rule, _ in blocking(scan_text(tmp_path, path, text))] == ["MLS223"], text


def test_an_fstring_of_expression_fields_holds_no_literal_secret(tmp_path: Path) -> None:
    # Every `{...}` of an f-string is run-time text, a call or a subscript as much as a name
    # (blind38: an LMDB record key `f"{self.resolution}-{str(index).zfill(5)}"`).
    for line in (
        "key = f'{self.resolution}-{str(index).zfill(5)}'.encode('utf-8')\n",
        'token = f"{headers[\\"x-token\\"]}:{ids[0]}"\n',
    ):
        assert scan_text(tmp_path, "dataset.py", line) == [], line
    # Look-alike: the literal text around the fields can still be a committed secret.
    assert rules(scan_text(tmp_path, "app.py", 'api_key = f"sk-{env}Zq8XrT2vLp9WmN4cQs7BaK3d"\n')) != []


def test_a_string_literal_inside_an_fstring_field_is_still_written_text(tmp_path: Path) -> None:
    # `f"{'...'}"` writes the literal into the file: hiding a value in a field hides nothing.
    assert rules(scan_text(tmp_path, "app.py", "password = f\"{'Zq8XrT2vLp9WmN4cQs7BaK3d'}\"\n")) != []


def test_a_vendors_prefix_is_one_case_and_base64urls_own_dash_is_no_prefix(tmp_path: Path) -> None:
    """blind59: Drupal's `theme_token` in a scraped page's script is base64url, whose `-` and `_`
    fall anywhere: `WGdOX9GIo1-...` has no vendor's prefix, so the page's script lowers it. A
    vendor's prefix (`sk-or-v1-`, `PMAK-`, `glsa_`) keeps its severity in the same script."""
    from hooks.secrets.detection import is_vendor_key

    assert not is_vendor_key("WGdOX9GIo1-RMafKAQwjSsmyLL7WEeiQbYRjewm_I0c")
    assert not is_vendor_key("aB3_" + fake("", 40, seed=21))
    assert is_vendor_key("sk-or-v1-" + "a1" * 32)
    assert is_vendor_key("PMAK-" + fake("", 24, seed=22) + "-" + fake("", 34, seed=23))
    assert is_vendor_key("glsa_" + fake("", 32, seed=24) + "_0a1b2c3d")
    assert is_vendor_key("lsv2_pt_" + "0f" * 16 + "_" + "0a1b2c3d4e")
    page = '<html><script>jQuery.extend(Drupal.settings, {"ajaxPageState": {"theme_token": "%s"}});</script></html>\n'
    random_token = "WGdOX9GIo1-RMafKAQwjSsmyLL7WEeiQbYRjewm_I0c"
    assert blocking(scan_text(tmp_path, "site/page.html", page % random_token)) == []
    vendor = "sk-or-v1-" + "3f9c2a718d4e4b6a" * 4
    assert blocking(scan_text(tmp_path, "site/other.html", page % vendor)) != []


@pytest.mark.parametrize(
    "token",
    [
        "EAAAl-7kQ2Xz9" + "pR4sT8vW1yB3dF6hJ0kL2mN5qS7uV9xZ1aC4eG6iK8oM0rT2wY",  # Square
        "EAABwzLixnjYBO" + "x7Qp2Rt5Vw8Yz1Bc4Df7Gh0Jk3Lm6Np9Qr2St5Uv8Wx1Yz4",  # Meta
        "IGQVJ" + "Xk9mQ2vL8pR4sT7wZ1bD5fH3jN6qU0yC2eG4iK6oM8rT0wY2aB",  # Instagram
        "A21AA" + "Kx9mQ2vL8pR4sT7wZ1bD5fH3jN6qU0yC2eG4iK6oM8rT0wY2aB",  # PayPal
        "AQVN" + "1Kx9mQ2vL8pR4_sT7wZ1bD5fH3jN6qU0yC2eG",  # Yandex Cloud API key
    ],
)
def test_a_vendors_prefix_glued_to_its_body_keeps_blocking_in_the_tests(tmp_path: Path, token: str) -> None:
    """Stop 79's red team: these layouts were caught before only when base64url put a `-` early."""
    from hooks.secrets.detection import is_vendor_key

    assert is_vendor_key(token)
    text = f'def test_api():\n    api_token = "{token}"\n'
    assert blocking(scan_text(tmp_path, "tests/test_api.py", text)) == [("MLS223", 2)]
