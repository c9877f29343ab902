"""`--changed-since REF` asks git what changed, safely (hooks/_core/changed.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hooks._core.changed import changed_since, resolve_base
from hooks._core.errors import UsageError


def git(repo: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )
    return completed.stdout.decode()


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """main: a.py b.py c.py old.py; branch `feature` forked from it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for name in ("a.py", "b.py", "c.py", "old.py"):
        (repo / name).write_text(f"# {name}\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "feature")
    return repo


def test_committed_staged_unstaged_untracked_renamed_and_deleted(history: Path) -> None:
    repo = history
    (repo / "a.py").write_text("# changed and committed\n")
    git(repo, "mv", "old.py", "new.py")
    git(repo, "commit", "-qam", "edit")
    (repo / "b.py").write_text("# staged\n")
    git(repo, "add", "b.py")
    (repo / "c.py").unlink()  # deleted: nothing to scan
    (repo / "--output=x.py").write_text("# a name that looks like an option\n")
    (repo / "sp ace\nnl.py").write_text("# a name git would quote\n")
    (repo / ".gitignore").write_text("ignored.py\n")
    (repo / "ignored.py").write_text("# ignored\n")
    found = changed_since("main", repo)
    assert sorted(found.paths) == sorted(["a.py", "b.py", "new.py", "--output=x.py", "sp ace\nnl.py", ".gitignore"])


def test_the_base_is_the_merge_base_not_the_tip_of_ref(history: Path) -> None:
    repo = history
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "main")
    (repo / "landed.py").write_text("# merged to main after the fork\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "main moves on")
    git(repo, "checkout", "-q", "feature")
    (repo / "mine.py").write_text("# the pull request's file\n")
    found = changed_since("main", repo)
    assert found.base == base and found.paths == ("mine.py",)


@pytest.mark.parametrize("ref", ["--output=/tmp/x", "-p", "", "main\nHEAD", "x" * 300, "no-such-branch", "HEAD:a.py"])
def test_a_bad_ref_is_a_usage_error_and_never_an_option(history: Path, ref: str) -> None:
    with pytest.raises(UsageError):
        resolve_base(ref, history)


def test_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        changed_since("HEAD", tmp_path)
