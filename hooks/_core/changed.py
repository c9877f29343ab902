"""`--changed-since REF`: the files that differ from where the branch left REF, read from git.

The base is `git merge-base REF HEAD` (what a pull request changes, not what landed on the target
branch since), compared with the working tree, so committed, staged and unstaged edits all count,
plus untracked files that are not ignored. Renames count as their new path, deletions as nothing
(there is nothing left to scan). REF is checked to be a commit before it is used, and can never
be read as an option; paths come back NUL-separated (`-z`), so no name is ever split or quoted.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hooks._core.display import printable
from hooks._core.errors import UsageError

MAX_REF_LENGTH = 256
GIT_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class ChangedFiles:
    base: str  # the merge-base commit
    paths: tuple[str, ...]  # repo-relative, `/`-separated, existing or not
    # Deleted since the base: nothing to scan, but what they held may have decided other files'
    # verdicts (a removed pyproject.toml or requirements pin).
    deleted: tuple[str, ...] = ()


def _git(arguments: Sequence[str], root: Path) -> bytes:
    try:
        completed = subprocess.run(
            ["git", "-c", "core.quotePath=false", *arguments],
            cwd=root,
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT_SECONDS,
        )
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"--changed-since: git {arguments[0]} took longer than {GIT_TIMEOUT_SECONDS} s") from None
    if completed.returncode != 0:
        reason = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _GitFailed(reason[-1] if reason else f"git {arguments[0]} failed")
    return completed.stdout


class _GitFailed(Exception):
    pass


def _names(output: bytes) -> list[str]:
    return [name for name in output.decode("utf-8", "surrogateescape").split("\0") if name]


def resolve_base(ref: str, root: Path) -> str:
    """The merge-base of REF and HEAD, as a full commit id."""
    if not ref or ref.startswith("-") or len(ref) > MAX_REF_LENGTH or any(c in ref for c in "\0\n\r"):
        raise UsageError(f"--changed-since {printable(ref[:60])}: not a git revision")
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except _GitFailed:
        raise UsageError(
            f"--changed-since {printable(ref)}: no such commit here (in CI, fetch the target branch "
            "first: `git fetch origin main` and pass origin/main)"
        ) from None
    try:
        base = _git(["merge-base", "--end-of-options", commit.decode().strip(), "HEAD"], root)
    except _GitFailed as exc:
        raise UsageError(
            f"--changed-since {printable(ref)}: no common ancestor with HEAD ({printable(str(exc))})"
        ) from None
    return base.decode().strip()


def changed_since(ref: str, root: Path) -> ChangedFiles:
    """Files added, modified, renamed (new name) or retyped since the merge-base with REF,
    including uncommitted and untracked ones; deleted ones apart."""
    base = resolve_base(ref, root)
    try:
        differ = _git(
            ["diff", "-z", "--name-status", "--no-renames", "--no-ext-diff", "--no-textconv", base, "--"], root
        )
        untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root)
    except _GitFailed as exc:
        raise UsageError(f"--changed-since: git failed ({printable(str(exc))})") from None
    # `-z --name-status` without renames: a status field, then its path field, each ended by NUL
    fields = _names(differ)
    statuses = list(zip(fields[0::2], fields[1::2], strict=False))
    present = [name for status, name in statuses if status != "D"]
    gone = tuple(name for status, name in statuses if status == "D")
    return ChangedFiles(base, tuple(dict.fromkeys([*present, *_names(untracked)])), gone)
