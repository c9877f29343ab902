from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.errors import UsageError
from hooks._core.findings import Severity
from hooks._core.policy import Policy
from hooks._core.policy import load_policy as _load_policy
from hooks._core.policy import policy_schema as _policy_schema
from hooks._core.schema import iter_errors
from hooks.catalog import registry


def load_policy(root: Path, explicit: str | None = None) -> Policy:
    return _load_policy(root, registry(), explicit)


def policy_schema() -> dict[str, Any]:
    return _policy_schema(registry())


def test_no_policy_gives_defaults(tmp_path: Path) -> None:
    policy = load_policy(tmp_path)
    assert policy.source is None and policy.fail_on is Severity.MEDIUM and policy.exclude == ()


def test_an_empty_policy_is_valid_so_it_is_not_checked(tmp_path: Path) -> None:
    """load_policy skips the schema for an absent or empty policy: the schema must accept it."""
    assert list(iter_errors({}, policy_schema())) == []
    (tmp_path / ".mlsec.yaml").write_text("# nothing yet\n")
    assert load_policy(tmp_path).fail_on is Severity.MEDIUM
    (tmp_path / ".mlsec.yaml").write_text("fail_on: urgent\n")
    with pytest.raises(UsageError, match="fail_on"):
        load_policy(tmp_path)


def test_yaml_policy(tmp_path: Path) -> None:
    (tmp_path / ".mlsec.yaml").write_text(
        "fail_on: high\nexclude: ['third_party/**']\n"
        "rules:\n  MLS102: {severity: critical}\n  MLS105: {enabled: false}\n"
    )
    policy = load_policy(tmp_path)
    assert policy.fail_on is Severity.HIGH
    assert policy.exclude == ("third_party/**",)
    assert policy.rules["MLS102"].severity is Severity.CRITICAL
    assert policy.rules["MLS105"].enabled is False


def test_pyproject_policy(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.mlsec]\nfail_on = "low"\n')
    policy = load_policy(tmp_path)
    assert policy.fail_on is Severity.LOW and policy.source == "pyproject.toml [tool.mlsec]"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[tool.mlsec]\nfail_on = '\xff\xfe'\n", "not UTF-8"),
        (b"[tool.mlsec\n", "invalid TOML"),
        (b"[project\nname = '\\u006dlsec'\n", "invalid TOML"),
        (b"mlsec = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply|invalid TOML"),
    ],
)
def test_unreadable_pyproject_is_one_usage_line(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "pyproject.toml").write_bytes(data)
    with pytest.raises(UsageError, match=reason):
        load_policy(tmp_path)


def test_a_pyproject_without_an_mlsec_table_is_not_parsed(tmp_path: Path) -> None:
    """Broken TOML that cannot hold [tool.mlsec] is someone else's problem; an escaped key can."""
    (tmp_path / "pyproject.toml").write_bytes(b"[project\nname = 'x'\n")
    assert load_policy(tmp_path).source is None
    (tmp_path / "pyproject.toml").write_text('[tool."\\u006dlsec"]\nfail_on = "low"\n')
    assert load_policy(tmp_path).fail_on is Severity.LOW


def test_both_policies_is_an_error(tmp_path: Path) -> None:
    (tmp_path / ".mlsec.yaml").write_text("fail_on: high\n")
    (tmp_path / "pyproject.toml").write_text("[tool.mlsec]\nfail_on = 'low'\n")
    with pytest.raises(UsageError, match="keep only one"):
        load_policy(tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fail_onn: high\n", "fail_onn: unknown key; did you mean 'fail_on'?"),
        ("fail_on: severe\n", "fail_on: 'severe' is not one of: low, medium, high, critical"),
        ("exclude: vendor\n", "exclude: expected array, got string"),
        ("rules:\n  MLS10: {severity: low}\n", "rules.MLS10: 'MLS10' does not match"),
        ("rules:\n  MLS102: {sevrity: low}\n", "rules.MLS102.sevrity: unknown key; did you mean 'severity'?"),
        ("rules:\n  MLS199: {enabled: false}\n", "rules.MLS199: unknown rule id"),
        ("artifacts:\n  allow_globals: [{module: a, name: b}]\n", "allow_globals[0].reason: required key is missing"),
        ("artifacts:\n  approved: [{path: a, sha256: abc, reason: r}]\n", "approved[0].sha256: 'abc' does not match"),
        ("secrets: {x: 1}\n", "secrets.x: unknown key"),
        ("- a\n- b\n", "top level: expected object, got array"),
        ("fail_on: [high\n", "fix the YAML syntax"),
        ("artifacts:\n  max_seconds: 10000000000\n", "artifacts.max_seconds: must be at most 86400"),
        ("code:\n  max_python_bytes: 99999999999\n", "code.max_python_bytes: must be at most 67108864"),
        ("code:\n  max_seconds: 0\n", "code.max_seconds: must be at least 1"),
    ],
)
def test_policy_errors_name_the_key_and_the_fix(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / ".mlsec.yaml").write_text(text)
    with pytest.raises(UsageError) as caught:
        load_policy(tmp_path)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message


def test_explicit_config_file(tmp_path: Path) -> None:
    (tmp_path / "ci.yaml").write_text("fail_on: critical\n")
    assert load_policy(tmp_path, str(tmp_path / "ci.yaml")).fail_on is Severity.CRITICAL
    with pytest.raises(UsageError, match="no such file"):
        load_policy(tmp_path, str(tmp_path / "nope.yaml"))


def test_the_schema_is_valid_draft7() -> None:
    jsonschema.Draft7Validator.check_schema(policy_schema())


_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.sampled_from([86_400, 86_401, 10**10, 0.5])
    | st.sampled_from(["low", "high", "x", "MLS101", "a" * 64]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "fail_on",
                    "exclude",
                    "rules",
                    "artifacts",
                    "MLS101",
                    "B101",
                    "severity",
                    "enabled",
                    "allow_globals",
                    "approved",
                    "module",
                    "name",
                    "reason",
                    "path",
                    "sha256",
                    "max_depth",
                    "max_seconds",
                    "code",
                    "max_python_bytes",
                    "bogus",
                ]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(_values)
def test_checker_agrees_with_reference_jsonschema(value: Any) -> None:
    ours = list(iter_errors(value, policy_schema()))
    reference = jsonschema.Draft7Validator(policy_schema()).is_valid(value)
    assert (not ours) == reference, ours


def test_unquoted_yaml_dates_are_accepted(tmp_path: Path) -> None:
    (tmp_path / ".mlsec.yaml").write_text(
        "secrets:\n  allowlist:\n    - {fingerprint: 3f2a9c1b, reason: demo, expires: 2027-01-31}\n"
    )
    assert load_policy(tmp_path).section("secrets")["allowlist"][0]["expires"] == "2027-01-31"
