from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

import pytest

from hooks._core.policy import Policy
from hooks.cli.entry_points import mlsec_secrets as main
from hooks.secrets.scanner import secret_hash
from tests.secrets.helpers import fake, rules, scan_text

HF = fake("hf_", 34)


def test_pragma_and_mlsec_ignore(tmp_path: Path) -> None:
    text = (
        f'a = "{HF}"  # pragma: allowlist secret\n'
        f"# pragma: allowlist nextline secret\nb = '{HF}'\n"
        f'c = "{HF}"  # mlsec: ignore[MLS201] demo token, revoked\n'
        f'd = "{HF}"  # mlsec: ignore[MLS202] wrong rule\n'
        f'e = "{HF}"  # mlsec: ignore\n'
    )
    findings = scan_text(tmp_path, "settings.yaml", text)
    assert sorted((f.rule_id, f.line) for f in findings) == [("MLS001", 6), ("MLS003", 5), ("MLS201", 5), ("MLS201", 6)]


def test_bare_markers_are_reported_once_and_not_in_prose(tmp_path: Path) -> None:
    text = "x = 1  # mlsec: ignore\n"
    assert [f.rule_id for f in scan_text(tmp_path, "a.py", text)] == []  # mlsec-code reports it
    assert [f.rule_id for f in scan_text(tmp_path, "notes.md", "Never write `# mlsec: ignore` alone.\n")] == []
    assert [f.rule_id for f in scan_text(tmp_path, ".env", "A=1  # mlsec: ignore\n")] == ["MLS001"]


def test_policy_allowlist_by_hash_with_expiry(tmp_path: Path) -> None:
    short = secret_hash(HF)[:8]
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    past = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    allowed = Policy(
        root=tmp_path,
        sections={"secrets": {"allowlist": [{"fingerprint": short, "reason": "public demo token", "expires": future}]}},
    )
    assert scan_text(tmp_path, "a.py", f'T = "{HF}"\n', allowed) == []
    expired = Policy(
        root=tmp_path,
        sections={"secrets": {"allowlist": [{"fingerprint": short, "reason": "public demo token", "expires": past}]}},
    )
    (finding,) = scan_text(tmp_path, "a.py", f'T = "{HF}"\n', expired)
    assert f"expired on {past}" in finding.message


def test_policy_placeholders_and_disabled_detectors(tmp_path: Path) -> None:
    token = fake("hf_dummy", 30)
    policy = Policy(root=tmp_path, sections={"secrets": {"placeholder_patterns": ["^hf_dummy"], "disable": ["jwt"]}})
    jwt = f"eyJ{fake('', 20)}.eyJ{fake('', 20)}.{fake('', 30)}"
    assert scan_text(tmp_path, "a.py", f'T = "{token}"\nJ = "{jwt}"\n', policy) == []


def test_detect_secrets_baseline_is_honoured(repo: Path) -> None:
    (repo / "a.py").write_text(f'T = "{HF}"\n')
    assert main(["a.py"]) == 1
    hashed = hashlib.sha1(HF.encode(), usedforsecurity=False).hexdigest()
    baseline = {
        "version": "1.5.0",
        "results": {"old/place.py": [{"type": "Hugging Face", "hashed_secret": hashed, "line_number": 3}]},
    }
    (repo / ".secrets.baseline").write_text(json.dumps(baseline))
    assert main(["a.py"]) == 0


def test_mlsec_baseline_follows_a_moved_secret(repo: Path) -> None:
    import subprocess

    from hooks.cli.mlsec import main as mlsec

    (repo / "a.py").write_text(f'T = "{HF}"\n')
    (repo / ".git").rmdir()  # mlsec baseline accepts findings only in files git tracks
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run(["git", "add", "a.py"], check=True)
    assert mlsec(["baseline", "a.py"]) == 0
    (repo / "a.py").write_text(f'import os\n\n\nT = "{HF}"\n')
    assert main(["a.py"]) == 0


def test_hostile_inputs(repo: Path) -> None:
    (repo / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (repo / "long.txt").write_text("a" * 300_000 + f" {HF} " + "b" * 300_000)
    (repo / "latin.txt").write_bytes(b"caf\xe9 " + HF.encode())
    assert main(["bin.txt", "long.txt", "latin.txt"]) == 1
    findings = scan_text(repo, "bin2.dat", "\x00")
    assert rules(findings) == ["MLS906"]  # binary by its bytes and its name: said, not scanned
    # A name that says text is text, a NUL or not (pre-commit hands it over by its name), and
    # UTF-16 is text by its byte-order mark: a credential in either is found.
    assert rules(scan_text(repo, "config.yaml", f"token: {HF}\n# \x00\n")) != []
    (repo / "win.env").write_bytes(f"TOKEN={HF}\r\n".encode("utf-16"))
    from hooks._core.policy import Policy
    from hooks.secrets.spec import SPEC
    from tests.scanning import findings_of

    assert findings_of(SPEC, repo / "win.env", "win.env", Policy(root=repo)) != []


def test_secret_never_printed(repo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (repo / "a.py").write_text(f'T = "{HF}"\n')
    for fmt in ("text", "json", "sarif"):
        main(["a.py", "--format", fmt])
        assert HF[5:] not in capsys.readouterr().out


def test_a_generic_value_in_the_tests_is_low_and_strict_blocks_it(tmp_path: Path) -> None:
    from hooks._core.policy import Policy

    line = 'DB_PASSWORD = "Zq8XrT2vLp9WmN4cQs7B"\n'
    for name in ("tests/test_db.py", "test/e2e/conftest.py", "tests/unit/values.py"):
        [finding] = scan_text(tmp_path, name, line)
        assert finding.rule_id == "MLS223" and finding.severity.value == "low", name
        assert "most likely a fixture's value" in finding.message
    [strict] = scan_text(tmp_path, "tests/test_db.py", line, Policy(root=tmp_path, profile="strict"))
    assert strict.severity.value == "medium"
    [script] = scan_text(tmp_path, "scripts/test.py", line)  # a script called test: not the tests
    assert script.severity.value == "medium"
    vendor = 'client = Acme(api_key="ak-live-' + "3f9a2c7d81e04b6f95a2d3c8e7f1a0b4c5d6e7f8" + '")\n'
    [key] = scan_text(tmp_path, "tests/test_client.py", vendor)  # a vendor's prefix and a generated part
    assert key.severity.value == "medium"


def test_a_provider_token_in_the_tests_still_blocks(tmp_path: Path) -> None:
    token = fake("hf_", 34, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    [finding] = scan_text(tmp_path, "tests/test_hub.py", f'TOKEN = "{token}"\n')
    assert finding.rule_id == "MLS201" and finding.severity.value in ("medium", "high", "critical")


def test_a_generic_value_in_an_example_configuration_file_is_low_and_strict_blocks_it(tmp_path: Path) -> None:
    for name, text in (
        (".env.example", "DB_PASSWORD=Zq8XrT2vLp9WmN4cQs7B\n"),
        ("tutorials/terraform/env-vars.template", 'export GRAFANA_PASSWORD="Zq8XrT2vLp9WmN4cQs7B"\n'),
        ("deploy/terraform.tfvars.template", 'admin_password = "Zq8XrT2vLp9WmN4cQs7B"\n'),
        ("config/settings.example.yaml", "api_secret: Zq8XrT2vLp9WmN4cQs7B\n"),
    ):
        [finding] = scan_text(tmp_path, name, text)
        assert finding.rule_id == "MLS223" and finding.severity.value == "low", name
        assert "a sample to replace" in finding.message
        [strict] = scan_text(tmp_path, name, text, Policy(root=tmp_path, profile="strict"))
        assert strict.severity.value == "medium", name


def test_a_provider_token_in_an_example_file_and_a_generic_value_in_look_alikes_keep_blocking(tmp_path: Path) -> None:
    token = fake("hf_", 34, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    [provider] = scan_text(tmp_path, ".env.example", f"HF_TOKEN={token}\n")  # a pasted real key
    assert provider.rule_id == "MLS201" and provider.severity.value in ("medium", "high", "critical")
    line = 'DB_PASSWORD = "Zq8XrT2vLp9WmN4cQs7B"\n'
    for name in (
        "example.py",
        "examples/serve.py",
        "sampler.yaml",
        ".env",
        "templates/app.yaml",
        ".github/workflows/deploy.example.yml",  # a folder the tool loads whole
        "stack.template.json",  # a deployed CloudFormation template
    ):
        [finding] = scan_text(tmp_path, name, line if name.endswith(".py") else "DB_PASSWORD: Zq8XrT2vLp9WmN4cQs7B\n")
        assert finding.severity.value == "medium", name


def test_credentials_that_only_look_like_tests_keep_blocking(tmp_path: Path) -> None:
    line = 'DB_PASSWORD = "Zq8XrT2vLp9WmN4cQs7B"\n'
    for name, text in (
        ("k8s/overlays/test/settings.py", line),  # the test environment of a deployment
        ("src/serve/ab_test.py", line),  # named like a test, defines none
        ("e2e/.env", "STAGING_API_KEY=Zq8XrT2vLp9WmN4cQs7B\n"),  # an environment file
    ):
        [finding] = scan_text(tmp_path, name, text)
        assert finding.severity.value == "medium", name
    url = "DATABASE_URL = 'postgres://admin:Zq8XrT2vLp9WmN4cQs7B@prod-db.acme.com:5432/app'\n"
    [remote] = scan_text(tmp_path, "tests/settings.py", url)  # a URL's password is not lowered in tests
    assert remote.severity.value in ("medium", "high", "critical")


_PEM_BODY = fake("", 64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
_PEM_KEY = f"-----BEGIN RSA PRIVATE KEY-----\n{_PEM_BODY}\n-----END RSA PRIVATE KEY-----\n"


def test_a_private_key_in_the_tests_is_low_and_strict_blocks_it(tmp_path: Path) -> None:
    for name in ("pkg/tls/testdata/tls.key", "src/test/resources/key.pem", "tests/data/localhost.key"):
        [finding] = scan_text(tmp_path, name, _PEM_KEY)
        assert finding.rule_id == "MLS220" and finding.severity.value == "low", name
        assert "a test server's key" in finding.message
    [strict] = scan_text(tmp_path, "tests/data/localhost.key", _PEM_KEY, Policy(root=tmp_path, profile="strict"))
    assert strict.severity.value == "critical"


def test_a_private_key_beside_the_tests_keeps_blocking(tmp_path: Path) -> None:
    for name in (
        "deploy/overlays/test/tls.key",  # a deployment's test environment
        "certs/server.key",  # not the tests
        "scripts/test.key",  # a file named test, in no test folder
        "tests/.env.ci",  # an environment file, even in the tests
    ):
        [finding] = scan_text(tmp_path, name, _PEM_KEY)
        assert finding.rule_id == "MLS220" and finding.severity.value == "critical", name
    account = json.dumps({"type": "service_account", "private_key": _PEM_KEY})
    findings = scan_text(tmp_path, "tests/data/sa.json", account)  # a cloud account's key file
    assert any(f.severity.value in ("high", "critical") for f in findings)
    email = "a@p.iam.gserviceaccount.com"
    as_dict = f"INFO = {{'type': 'service_account', 'private_key': {_PEM_KEY!r}, 'client_email': {email!r}}}\n"
    for name, text in (
        ("tests/gcp_creds.py", "import pytest\n" + as_dict),  # an account's key in another syntax
        ("secrets/test/tls.key", _PEM_KEY),  # the keys of a test environment
        ("config/test/server.key", _PEM_KEY),
        ("deploy/conftest.py", f"import pytest\nKEY = {_PEM_KEY!r}\n"),  # a deployment's file
    ):
        found = scan_text(tmp_path, name, text)
        assert any(f.severity.value in ("high", "critical") for f in found), name


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # vendors' keys no rule names, by their layout
        ("tests/test_vendors.py", 'DATABRICKS_TOKEN = "dapi' + "3f9a2c7d81e04b6f95a2d3c8e7f1a0b4" + '"\n'),
        (
            "tests/test_vendors.py",
            'LANGSMITH_API_KEY = "lsv2_pt_' + "3f9a2c7d81e04b6f95a2d3c8e7f1a0b4_5c6d7e8f9a" + '"\n',
        ),
        ("tests/test_vendors.py", 'GRAFANA_TOKEN = "glsa_' + "Zq8XrT2vLp9WmN4cQs7BhK1dYe3uIo5P_5c6d7e8f" + '"\n'),
        (
            "tests/test_vendors.py",
            'AIRTABLE_KEY = "patZq8XrT2vLp9WmN4.' + "3f9a2c7d81e04b6f95a2d3c8e7f1a0b4" * 2 + '"\n',
        ),
        # deployments' test environments and environment files
        ("environments/testing/values.py", 'DB_PASSWORD = "Zq8XrT2vLp9WmN4cQs7B"\n'),
        ("argocd/apps/test/settings.py", 'DB_PASSWORD = "Zq8XrT2vLp9WmN4cQs7B"\n'),
        ("tests/.envrc", "export DB_PASSWORD=Zq8XrT2vLp9WmN4cQs7B\n"),
        # a password in a URL's query names a running system
        (
            "tests/test_urls.py",
            'URL = "jdbc:postgresql://prod-db.acme.io:5432/app?user=admin&password=Zq8XrT2vLp9WmN4cQs7B"\n',
        ),
    ],
)
def test_what_only_sits_in_the_tests_keeps_blocking(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, "import pytest\n" + text if name.endswith(".py") else text)
    assert any(f.severity.value in ("medium", "high", "critical") for f in findings), name


def test_utf16_without_a_mark_and_text_names_with_a_nul_are_read(repo: Path) -> None:
    from hooks._core.policy import Policy
    from hooks.secrets.spec import SPEC
    from tests.scanning import findings_of

    (repo / "wide.env").write_bytes(f"TOKEN={HF}\n".encode("utf-16-le"))  # no byte-order mark
    (repo / "Makefile").write_bytes(f"TOKEN={HF}\n# \x00\n".encode())
    for name in ("wide.env", "Makefile"):
        assert findings_of(SPEC, repo / name, name, Policy(root=repo)) != [], name
    # Look-alike: bytes of no text encoding stay binary, said low and not scanned.
    (repo / "blob.bin").write_bytes(bytes(range(256)) * 4)
    assert rules(findings_of(SPEC, repo / "blob.bin", "blob.bin", Policy(root=repo))) == ["MLS906"]
