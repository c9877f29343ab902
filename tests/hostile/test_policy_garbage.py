"""The policy file is read automatically from the repository, so it is hostile input too: any
YAML document, any value under any known key, is either accepted or one usage line with exit 2.
Non-finite numbers (`.nan`, `.inf`) are refused: every comparison with nan is false, so
`max_seconds: .nan` would switch a time cap off."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._core.policy import policy_schema
from hooks.catalog import registry
from hooks.cli.entry_points import __getattr__ as hook_main


def _numeric_keys(schema: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if not isinstance(schema, dict):
        return
    if schema.get("type") in ("number", "integer") and path:
        yield path
    for key, sub in schema.get("properties", {}).items():
        yield from _numeric_keys(sub, (*path, key))


NUMERIC_KEYS = sorted(set(_numeric_keys(policy_schema(registry()))))


def _run(folder: Path, policy: str) -> tuple[int, str]:
    (folder / ".git").mkdir(exist_ok=True)
    (folder / ".mlsec.yaml").write_text(policy, encoding="utf-8", errors="surrogateescape")
    (folder / "m.pkl").write_bytes(b"cposix\nsystem\n(Vid\ntR.")
    here = Path.cwd()
    os.chdir(folder)
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = hook_main("mlsec_artifacts")(["m.pkl"])
    finally:
        os.chdir(here)
    return code, err.getvalue()


def _nested(path: tuple[str, ...], value: str) -> str:
    text = value
    for key in reversed(path):
        text = f"{{{key}: {text}}}"
    return text + "\n"


def test_the_schema_has_numeric_keys() -> None:
    assert ("artifacts", "max_seconds") in NUMERIC_KEYS


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize("path", NUMERIC_KEYS, ids=".".join)
def test_non_finite_numbers_are_refused_under_every_numeric_key(path: tuple[str, ...], value: float) -> None:
    from hooks._core.schema import iter_errors

    document: Any = value
    for key in reversed(path):
        document = {key: document}
    messages = [str(error) for error in iter_errors(document, policy_schema(registry()))]
    assert any(f"got {value}" in message for message in messages), messages


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", ".NaN"])
def test_a_non_finite_cap_in_the_policy_file_is_one_usage_line(tmp_path: Path, value: str) -> None:
    code, err = _run(tmp_path, _nested(("artifacts", "max_seconds"), value))
    assert code == 2 and "artifacts.max_seconds: expected number" in err and len(err.strip().splitlines()) == 1


def test_a_finite_cap_is_accepted(tmp_path: Path) -> None:
    """The look-alike: an ordinary number under the same key is read."""
    code, err = _run(tmp_path, _nested(("artifacts", "max_seconds"), "5.5"))
    assert code == 1 and err == ""


KEYS = st.sampled_from(
    [
        "fail_on",
        "exclude",
        "rules",
        "artifacts",
        "secrets",
        "deps",
        "code",
        "data",
        "gate",
        "max_seconds",
        "allow_globals",
        "placeholder_patterns",
        "MLS101",
        "severity",
        "profile",
    ]
)
SCALARS = st.sampled_from(
    ["null", "true", "1", "-1", "1e999", ".nan", "'low'", "'[!]'", "'**/[a-'", "'(a+)+$'", "*a", "&a x", "!!binary x"]
)
YAML = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]")
        | st.lists(st.tuples(KEYS, inner), max_size=3).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
        )
    ),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=YAML | st.text(max_size=80))
def test_any_policy_is_read_or_one_usage_line(tmp_path_factory: pytest.TempPathFactory, document: str) -> None:
    code, err = _run(tmp_path_factory.mktemp("policy"), document)
    assert code in (1, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and "\x1b" not in err
