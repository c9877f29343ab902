from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Every property test draws the same examples on every run and remembers nothing between runs:
# the suite is deterministic (a failure found once is kept as an @example, not left to chance).
settings.register_profile("deterministic", derandomize=True, database=None)
settings.load_profile("deterministic")

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
CORPUS = SHARED / "corpus"

requires_shared = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason="../shared/corpus is not beside this checkout (CI always has it); corpus checks skipped",
)


def corpus_entries(folder: str) -> list[Any]:
    """A corpus folder's manifest entries: a list, or (name, entry) pairs for a `files` mapping."""
    manifest = CORPUS / folder / "manifest.json"
    if not manifest.is_file():
        return []
    files = json.loads(manifest.read_text())["files"]
    return sorted(files.items()) if isinstance(files, dict) else list(files)


# scripts/cache_modes.py runs the scanners' tests three times over one shared cache folder
# (cold, warm, every entry corrupted): the same tests must pass each time.
SHARED_CACHE = os.environ.get("MLSEC_TEST_SHARED_CACHE")


@pytest.fixture(autouse=True)
def _private_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own empty cache folder (hooks/_core/cache.py), so the cache path runs
    in every test, cold, and no test ever sees another's verdicts or the user's cache; under
    scripts/cache_modes.py, every test shares the one folder it names."""
    monkeypatch.setenv("MLSEC_CACHE_DIR", SHARED_CACHE or str(tmp_path_factory.mktemp("mlsec-cache")))
    monkeypatch.delenv("MLSEC_NO_CACHE", raising=False)


def pytest_sessionstart(session: pytest.Session) -> None:
    if SHARED_CACHE:
        from tests.cache_modes_plugin import count_cache_use

        count_cache_use()


def pytest_sessionfinish(session: pytest.Session) -> None:
    if SHARED_CACHE:
        from tests.cache_modes_plugin import write_counts

        write_counts(Path(SHARED_CACHE).parent / "counts.json")


@pytest.fixture
def current_advisories() -> Path:
    """A current advisory snapshot in the test's cache folder, as after `mlsec advisories update`:
    for tests of notebooks and Dockerfiles whose pinned installs are looked up, where missing or
    old data would add the run's MLS416 notice (tests/deps has its own, with records to find)."""
    from tests.deps.conftest import install_user_snapshot, osv_record

    cache = Path(os.environ["MLSEC_CACHE_DIR"])
    return install_user_snapshot(cache, [osv_record("PYSEC-0000-1", "unrelated-test-package", fixed="2.0")])


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty git-like repository root as the working directory, as pre-commit runs hooks."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path
