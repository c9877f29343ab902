from __future__ import annotations

from pathlib import Path

import pytest

from hooks._core.paths import display_path, find_repo_root, is_excluded


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("vendor/", "vendor/x/m.pkl", True),
        ("vendor/", "src/vendor/m.pkl", True),
        ("/vendor/", "src/vendor/m.pkl", False),
        ("*.pkl", "deep/down/m.pkl", True),
        ("*.pkl", "m.pkl.txt", False),
        ("tests/**/fixtures/*", "tests/a/b/fixtures/x.bin", True),
        ("tests/**/fixtures/*", "tests/fixtures/x.bin", True),
        ("data/?.npy", "data/a.npy", True),
        ("data/?.npy", "data/ab.npy", False),
        ("models/[ab].pt", "models/a.pt", True),
        ("models/[!ab].pt", "models/a.pt", False),
    ],
)
def test_exclude_globs(pattern: str, path: str, expected: bool) -> None:
    assert is_excluded(path, [pattern]) is expected


def test_repo_root_and_display_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert find_repo_root() == tmp_path
    assert display_path("m.pkl", tmp_path) == "sub/m.pkl"
    assert display_path(str(tmp_path / "sub" / "m.pkl"), tmp_path) == "sub/m.pkl"
    assert display_path("/elsewhere/m.pkl", tmp_path) == "/elsewhere/m.pkl"
