"""Files the hooks read on their own from the repository (`.secrets.baseline`, `.mlsec.yaml`,
`[tool.mlsec]`, `.mlsec-baseline.json`) are committed content like any other: garbage in them is
one usage line and exit 2, never a traceback and never a per-file crash (MLS900)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks.cli.entry_points import __getattr__ as hook_main

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=15), inner, max_size=4),
    max_leaves=20,
)
KEYS = st.sampled_from(["results", "hashed_secret", "a.py", "version", "findings", "fingerprint"])
SHAPED = st.recursive(
    st.none() | st.integers() | st.text(max_size=8) | st.lists(st.text(max_size=4), max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=12,
)


def _run(tmp_path: Path, name: str, content: bytes) -> tuple[int, str]:
    import os

    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / name).write_bytes(content)
    (tmp_path / "a.py").write_text('password = "Xk9f2LmQ7pZr44"\n')
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()) as out:
            code = hook_main("mlsec_secrets")(["a.py"])
        return code, err.getvalue() + out.getvalue()
    finally:
        os.chdir(here)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=JSON | SHAPED)
def test_any_detect_secrets_baseline_is_read_or_refused(
    tmp_path_factory: pytest.TempPathFactory, document: object
) -> None:
    folder = tmp_path_factory.mktemp("ds")
    code, output = _run(folder, ".secrets.baseline", json.dumps(document).encode())
    assert code in (1, 2) and "MLS900" not in output and "Traceback" not in output


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,  # deeper than the JSON reader recurses
        b'{"results": {"a.py": [{"hashed_secret": ' + b"9" * 5000 + b"}]}}",  # an integer too long to convert
        b'{"results": {"a.py": [{"hashed_secret": ["x"]}]}}',  # unhashable
        b'{"results": {"a.py": [{"hashed_secret": 5}]}}',  # not a hash
        b"\xff\xfe garbage",
    ],
)
def test_hostile_detect_secrets_baselines_are_one_line(tmp_path: Path, content: bytes) -> None:
    code, output = _run(tmp_path, ".secrets.baseline", content)
    assert code == 2 and "MLS900" not in output and "not a detect-secrets baseline" in output


def test_an_oversized_detect_secrets_baseline_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hooks.secrets import scanner

    monkeypatch.setattr(scanner, "MAX_DETECT_SECRETS_BASELINE", 1024)
    code, output = _run(tmp_path, ".secrets.baseline", b'{"results": {}, "pad": "' + b"x" * 2048 + b'"}')
    assert code == 2 and "larger than" in output


def test_a_valid_detect_secrets_baseline_still_accepts(tmp_path: Path) -> None:
    """The look-alike: a real baseline's SHA-1 hash accepts its secret."""
    import hashlib

    digest = hashlib.sha1(b"Xk9f2LmQ7pZr44", usedforsecurity=False).hexdigest()
    document = {"results": {"a.py": [{"hashed_secret": digest, "type": "Secret Keyword"}]}}
    code, output = _run(tmp_path, ".secrets.baseline", json.dumps(document).encode())
    assert code == 0 and "MLS2" not in output
