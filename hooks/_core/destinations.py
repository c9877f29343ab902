"""Where a report, a baseline or a gate record may be written. The repository is attacker-
controlled content: a committed symbolic link named like the output (`report.sarif ->
~/.bashrc`, `.mlsec-baseline.json -> ~/.ssh/authorized_keys`) or a linked folder on the way
would make the write land outside the repository, and `.git/` holds the hooks git runs."""

from __future__ import annotations

import os
from pathlib import Path

from hooks._core.display import printable
from hooks._core.errors import UsageError


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_destination(destination: Path, root: Path, what: str) -> Path:
    """`destination` if writing there is safe, else a UsageError naming `what` (`--output x`)."""
    shown = f"{what} {printable(str(destination))}"
    if destination.is_symlink():
        raise UsageError(f"{shown}: is a symbolic link; refusing to write through it (remove it or pick another path)")
    resolved_root = root.resolve()
    resolved = destination.resolve()
    if _inside(resolved, resolved_root / ".git"):
        raise UsageError(f"{shown}: refusing to write inside .git/")
    # Lexical on purpose (normalises `..` without following links): the folders the user named.
    as_given = Path(os.path.abspath(destination))  # noqa: PTH100
    if _inside(as_given, Path(os.path.abspath(root))) and not _inside(resolved, resolved_root):  # noqa: PTH100
        raise UsageError(f"{shown}: a linked folder on the way leaves the repository; refusing to write there")
    return destination
