"""Whether a fixed path a load reads is a file committed in the scanned repository.

`pickle.load(open("model1.bin", "rb"))` beside a committed `model1.bin` reads the repository's
own file, and mlsec-artifacts analyses that very file by its content whenever it is committed:
the code finding would only repeat, without looking inside, what the artifact scan decides. So a
load of such a file is low in the code hook; what it holds is judged where it is.

Only what the artifact hook really sees counts:

- a file git tracks (in the index, so a file staged with the change counts): pre-commit and
  `mlsec scan` hand the artifact hook tracked files only, and a clean CI checkout has nothing
  else, so a model someone downloaded beside the code and never committed is not "committed";
- a regular file, not a link (the artifact hook scans a link's target as itself, which may lie
  outside the checkout) and not a folder;
- not a Git LFS pointer: the model arrives on `git lfs pull` and was never analysed;
- inside the checkout: the path does not climb above the repository's top folder.

Where the code runs from decides which file a relative path names: a notebook runs in its own
folder; a script in its own folder or the repository's top folder (both are tried). A path
resolved anywhere else (a container's working folder for a `%%writefile` script) is not looked
up: the caller passes no folder for such code.

Only `os.lstat`, a read of a pointer's first bytes and `git ls-files` touch the file; nothing is
loaded.
"""

from __future__ import annotations

import os
import posixpath
import stat
from functools import lru_cache
from pathlib import Path

_LFS_SPEC = b"version https://git-lfs.github.com/spec/"


def checkout_root(code_folder: Path, source_folder: str) -> Path | None:
    """The repository's top folder on disk, given the code's folder on disk and the code's
    folder inside the repository (`docs/tutorials`); None when they do not line up."""
    parts = [part for part in source_folder.split("/") if part not in ("", ".")]
    if ".." in parts or source_folder.startswith("/"):
        return None
    root = code_folder
    for part in reversed(parts):
        if root.name != part:
            return None
        root = root.parent
    return root


def committed_file(path: str, code_folder: Path | None, source_folder: str, *, notebook: bool) -> str | None:
    """The repository path of the committed file a relative `path` names, or None.

    `code_folder` is the folder of the scanned file on disk, `source_folder` the same folder
    inside the repository."""
    if code_folder is None or not path or path.startswith(("/", "\\")) or "\x00" in path:
        return None
    root = checkout_root(code_folder, source_folder)
    if root is None:
        return None
    bases = [source_folder] if notebook else [source_folder, ""]
    for base in dict.fromkeys(bases):
        inside = posixpath.normpath(posixpath.join(base or ".", path.replace("\\", "/")))
        if inside in (".", "..") or inside.startswith(("../", "/")):
            continue
        if _regular_file(root, inside) and _tracked(str(root), inside):
            return inside
    return None


def _regular_file(root: Path, inside: str) -> bool:
    candidate = root / inside
    try:
        info = os.lstat(candidate)
    except (OSError, ValueError):
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    # Every folder on the way must be a real folder too: a committed link to a folder elsewhere
    # (`models -> /mnt/shared`) puts the file outside the repository.
    folders = inside.split("/")[:-1]
    for depth in range(len(folders)):
        parent = root.joinpath(*folders[: depth + 1])
        try:
            if stat.S_ISLNK(os.lstat(parent).st_mode):
                return False
        except (OSError, ValueError):
            return False
    try:
        # No link is followed and no open blocks (the file was a regular one a moment ago).
        descriptor = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    with os.fdopen(descriptor, "rb") as handle:
        return not handle.read(len(_LFS_SPEC)).startswith(_LFS_SPEC)


@lru_cache(maxsize=1024)
def _tracked(root: str, inside: str) -> bool:
    """Whether git's index holds `inside` (a `/`-separated path below `root`). The path is a
    literal pathspec after `--`: never an option, never a glob. No git, or no repository: False."""
    import subprocess

    try:
        expected = inside.encode("utf-8")
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--error-unmatch", "--", f":(literal){inside}"],
            cwd=root,
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, ValueError, subprocess.SubprocessError):
        return False
    return listed.returncode == 0 and listed.stdout.rstrip(b"\0") == expected
