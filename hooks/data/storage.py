"""Where a big file belongs: Git LFS (`.gitattributes` with `filter=lfs`) or DVC (a `.dvc` pointer).

A pointer is read as a pointer: an LFS pointer file (what git stores for an LFS-tracked file)
or a DVC `.dvc` file is a few lines of metadata, never data.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from hooks._core.paths import glob_to_regex
from hooks._shared.lfs import is_lfs_pointer as is_shared_lfs_pointer

_MAX_ATTRIBUTES = 1 << 20


def is_lfs_pointer(head: bytes) -> bool:
    return is_shared_lfs_pointer(head)


def tracked_by_lfs(root: Path, display: str) -> bool:
    """What `git check-attr filter` would say: the last matching line wins, deeper files override."""
    parts = PurePosixPath(display).parts
    verdict = False
    for depth in range(len(parts)):
        folder = root.joinpath(*parts[:depth])
        attributes = folder / ".gitattributes"
        relative = "/".join(parts[depth:])
        for pattern, lfs in _lfs_patterns(attributes):
            if _matches(pattern, relative):
                verdict = lfs
    return verdict


def _lfs_patterns(attributes: Path) -> list[tuple[str, bool]]:
    try:
        if not attributes.is_file():
            return []
        with attributes.open("rb") as handle:
            text = handle.read(_MAX_ATTRIBUTES).decode("utf-8", "replace")
    except OSError:
        return []
    found: list[tuple[str, bool]] = []
    for line in text.splitlines():
        fields = line.strip().split()
        if not fields or fields[0].startswith("#"):
            continue
        pattern, settings = fields[0], fields[1:]
        for setting in settings:
            if setting == "filter=lfs":
                found.append((pattern, True))
            elif setting in ("-filter", "!filter") or (setting.startswith("filter=") and setting != "filter=lfs"):
                found.append((pattern, False))
    return found


def _matches(pattern: str, relative: str) -> bool:
    if pattern.startswith("/"):
        pattern = pattern[1:]
        if "/" not in pattern:
            return re.fullmatch(glob_to_regex("/" + pattern).pattern, relative) is not None
    return glob_to_regex(pattern).fullmatch(relative) is not None


def tracked_by_dvc(root: Path, display: str) -> bool:
    """`data/train.csv.dvc` beside the file, or `data.dvc` for a folder that holds it (inside the repository)."""
    parts = PurePosixPath(display).parts
    for depth in range(len(parts), 0, -1):
        target = root.joinpath(*parts[:depth])
        if target.with_name(target.name + ".dvc").is_file():
            return True
    return False
