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
