"""A committed symbolic link into `.git/` is not followed: `.git/config` holds the token that
actions/checkout persists, and a scanner that quotes unreadable lines would print it in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.catalog import HOOKS
from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.cli.mlsec import main as mlsec

TOKEN = "eC1hY2Nlc3MtdG9rZW46Z2hzX0ZBS0VGQUtFRkFLRUZBS0VGQUtFRkFLRUZBS0VGQUtF"


@pytest.fixture
def git_config(repo: Path) -> Path:
    config = repo / ".git" / "config"
    config.write_text(f'[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic {TOKEN}\n')
    return config


@pytest.mark.parametrize("name", ["requirements.txt", "Dockerfile", "notes.txt", "model.pkl", "train.py"])
def test_mlsec_scan_does_not_follow_a_link_into_git(
    repo: Path, git_config: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (repo / name).symlink_to(Path(".git") / "config")
    code = mlsec(["scan", "--format", "json", name])
    out = capsys.readouterr()
    assert code == 1
    assert TOKEN[:12] not in out.out + out.err
    assert '"MLS910"' in out.out and "reaches into .git/" in out.out


@pytest.mark.parametrize("spec", HOOKS, ids=lambda s: s.hook_id)
def test_no_hook_follows_a_link_into_git(
    repo: Path, git_config: Path, capsys: pytest.CaptureFixture[str], spec: object
) -> None:
    (repo / "requirements.txt").symlink_to(git_config)  # absolute target, same place
    hook_main(spec.hook_id.replace("-", "_"))(["requirements.txt"])  # type: ignore[attr-defined]
    out = capsys.readouterr()
    assert TOKEN[:12] not in out.out + out.err


def test_a_link_to_a_file_beside_git_is_still_followed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The look-alike: `.github/` and `.gitignore` are the repository's own files."""
    (repo / ".github").mkdir()
    (repo / ".github" / "requirements.txt").write_text("--trusted-host pypi.example.com\nrequests\n")
    (repo / "requirements.txt").symlink_to(Path(".github") / "requirements.txt")
    mlsec(["scan", "requirements.txt"])
    out = capsys.readouterr().out
    assert "MLS910" not in out and "requirements.txt:1:1" in out
