"""pnpm's lock file resolves a dependency to its version and the peers it was resolved against
(`3.596.0(@aws-sdk/client-sts@3.596.0)`), under the package's name: `credential-provider-node` is
a package, its value a version. A generated value under the same name, or one that only starts like
a resolved version, still blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.secrets.helpers import scan_text

BLOCKING = ("medium", "high", "critical")
LOCK = (
    "packages:\n"
    '  "@aws-sdk/client-cognito-identity@3.596.0":\n'
    "    dependencies:\n"
    '      "@aws-sdk/credential-provider-node": {value}\n'
    '      "@aws-sdk/core": 3.592.0\n'
)


@pytest.mark.parametrize(
    "value",
    [
        "3.596.0(@aws-sdk/client-sso-oidc@3.596.0)(@aws-sdk/client-sts@3.596.0)",
        "3.587.0(@aws-sdk/client-sts@3.596.0)",
        "18.2.0-rc.1(react@18.2.0)(typescript@5.4.5+build.7)",
        "19.0.0-rc-66855b96-20241106(react@19.0.0-rc-66855b96-20241106)",  # React's release candidates
        "3.596.0(@smithy/util-base64@3.0.0)(@aws-sdk/client-sts@3.596.0)",
    ],
)
def test_a_resolved_version_is_not_a_secret(tmp_path: Path, value: str) -> None:
    findings = scan_text(tmp_path, "pnpm-lock.yaml", LOCK.format(value=value))
    assert [f for f in findings if f.severity.value in BLOCKING] == []


@pytest.mark.parametrize(
    "value",
    [
        "Zq8Lk2Vb9Tn4Rw7YcX3mP6sD",  # generated
        "3.596.0(@aws-sdk/client-sts@3.596.0)Zq8Lk2Vb9Tn4Rw7YcX3mP6sD",  # a version glued to one
        "3.596.0(Zq8Lk2Vb9Tn4Rw7YcX3mP6sD)",  # parentheses without a peer's name@version
        # Stop 78's red team: a generated value in a pre-release tag or a peer's name.
        "1.0.0-Zq8Lk2Vb9Tn4Rw7YcX3mP6sDa1b2c3d4e5f6g7h8i9j0(a@1.0.0)",
        "0.0.0(9f86d081884c7d659a2feaa0c55ad015a3bf4f1b@0.0.0)",
        "0.0.0(9f86d081-884c7d65-9a2feaa0-c55ad015-a3bf4f1b@0.0.0)",
        "1.0.0-xoxb-1234567890-1234567890123-Zq8Lk2Vb9Tn4Rw7YcX3mP6sD(a@1.0.0)",
        # Its second pass: long runs of digits or of lower-case letters.
        "1.0.0-4839201948572039485720394857203948572093(a@1.0.0)",
        "2.0.0(zqxjkvbwpmfhgtrlnsdycaei@1.0.0)",
        "1.0.0-xkqzvbwpmfhgtrlnsdycaeiq.hjtwqzkdmrvnbpxflsgyc(a@1.0.0)",
        # Its third pass: many words each within the limits.
        "1.0.0-qzvbxkwrtplmnhgf.jdkwqpzxvbnmrtyl.wqpzmxncbvlkjhgf(a@1.0.0)",
        "1.0.0-83920174639201.74829301746382.19283746501928(a@1.0.0)",
    ],
)
def test_a_generated_value_under_the_name_still_blocks(tmp_path: Path, value: str) -> None:
    findings = scan_text(tmp_path, "pnpm-lock.yaml", LOCK.format(value=value))
    assert [f.rule_id for f in findings if f.severity.value in BLOCKING]
