"""Whether a relative path names a file the repository holds beside the code.

A homework script's `load("dv.bin")` helper reads `dv.bin` from the script's folder; when the
repository holds that file there, the bytes loaded are the repository's own, which the model hook
scans, as for a direct `pickle.load(open("dv.bin", "rb"))` of a fixed repository path. A file that
is not there (a base image, a deployment or an earlier step puts it there) is not judged so.
"""

from __future__ import annotations

import os
from pathlib import Path


def held_beside(code_folder: Path, top: Path | None, path: str) -> bool:
    """Whether `path`, relative to the code's folder, is a regular file inside `top` (the folder
    the scan runs from), reached through no link."""
    if top is None or path.startswith(("/", "\\")) or "\x00" in path:
        return False
    try:
        folder = Path(os.path.realpath(code_folder))
        candidate = Path(os.path.normpath(folder / path))
        if Path(os.path.realpath(candidate)) != candidate:
            return False  # a link on the way (`models -> /mnt/x`)
        return candidate.is_relative_to(Path(os.path.realpath(top))) and candidate.is_file()
    except (OSError, ValueError):
        return False
