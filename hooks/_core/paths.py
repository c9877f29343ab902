"""Repository root, repo-relative display paths and exclude globs."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# Where the baseline lives by default, at the repository root (named here so that a run without
# a baseline never imports hooks/_core/baseline.py).
BASELINE_FILE_NAME = ".mlsec-baseline.json"


# Which run this is: answers a hook keeps for the length of one run (a folder's neighbours, read
# once for all the files in it) are keyed on it, and a new run starts afresh.
_RUN = [0]


def run_generation() -> int:
    return _RUN[0]


def find_repo_root(start: Path | None = None) -> Path:
    """The nearest folder holding `.git`, else the start folder (pre-commit runs from the root)."""
    resolved_folder.cache_clear()  # a new run: folders may have moved since the last one
    _RUN[0] += 1
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def display_path(path: str, root: Path) -> str:
    """Repo-relative, `/`-separated; paths outside the root stay as given. The last component is
    never resolved, so a symbolic link keeps its own name (the runner decides what it reaches)."""
    candidate = Path(path)
    try:
        absolute = candidate if candidate.is_absolute() else Path.cwd() / candidate
        folder = resolved_folder(str(absolute.parent))
        top = str(root)
        if folder == top:
            text = absolute.name
        elif folder.startswith(top.rstrip(os.sep) + os.sep):
            text = folder[len(top.rstrip(os.sep)) + 1 :].replace(os.sep, "/") + "/" + absolute.name
        else:
            raise ValueError(path)
    except (ValueError, OSError, RuntimeError):
        text = candidate.as_posix()
    return text[2:] if text.startswith("./") else text


@lru_cache(maxsize=1024)
def resolved_folder(folder: str) -> str:
    """A folder's real path; a run lists thousands of files in a few hundred folders."""
    return str(Path(folder).resolve())


@lru_cache(maxsize=256)
def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """gitignore-like globs: `**` spans folders, `*` and `?` stay within one, a pattern
    without `/` matches a name at any depth, a trailing `/` matches everything below."""
    anchored = "/" in pattern.rstrip("/")
    body = pattern.strip("/") if anchored else pattern.rstrip("/")
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if body.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if body.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = body.find("]", i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                out.append("[" + body[i + 1 : end].replace("!", "^", 1) + "]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(prefix + "".join(out) + "(?:/.*)?")


def is_excluded(path: str, patterns: Iterable[str]) -> bool:
    return any(glob_to_regex(pattern).fullmatch(path) for pattern in patterns)


def walk_files(path: Path, errors: list[tuple[Path, str]] | None = None) -> Iterable[Path]:
    """Files below a folder, sorted, skipping VCS and virtualenv folders. Links are listed, not
    followed (the runner decides what a link may reach); folders that cannot be read are added
    to `errors`, never skipped silently."""
    skip = {".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules", ".tox", ".mypy_cache"}

    def unreadable(exc: OSError) -> None:
        if errors is not None:
            errors.append((Path(exc.filename or path), exc.strerror or type(exc).__name__))

    for folder, subfolders, files in os.walk(path, onerror=unreadable):
        links = [name for name in subfolders if (Path(folder) / name).is_symlink()]
        subfolders[:] = sorted(name for name in subfolders if name not in skip and name not in links)
        for name in sorted([*files, *links]):
            yield Path(folder) / name
