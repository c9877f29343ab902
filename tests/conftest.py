from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
CORPUS = SHARED / "corpus"

requires_shared = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason="../shared/corpus is not beside this checkout (CI always has it); corpus checks skipped",
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty git-like repository root as the working directory, as pre-commit runs hooks."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path
