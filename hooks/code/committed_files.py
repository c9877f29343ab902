"""Whether a relative path names a file the repository commits beside the code, and whether any
other file of the repository may import a script.

A homework script's `load("dv.bin")` helper reads `dv.bin` from the script's folder; when the
repository commits that file there, the bytes loaded are the repository's own, which the model hook
scans, as for a direct `pickle.load(open("dv.bin", "rb"))` of a fixed repository path. A file that
is not there, not tracked by git (ignored or untracked: the model hook never sees it), or reached
through a link, is not judged so (each point closed a hole a red team found).

A script's helper is called only as the script calls it while no other file imports the script:
`from predict import load` in a sibling `app.py` may pass a request's path. `imported_anywhere`
reads the repository's Python files and notebooks (bounded; past a bound the answer is "imported")
for an `import` or `from ... import` naming the script's module.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from hooks._core.git_index import holds
from hooks._core.paths import run_generation

_MAX_FILES = 20_000  # Python files and notebooks read for imports
_MAX_ENTRIES = 100_000  # directory entries looked through
_MAX_BYTES = 2 << 20  # of each file; a longer one is read this far
_SKIPPED = frozenset({".git", "node_modules", "__pycache__", "site-packages", ".venv", "venv"})
# `import predict`, `import a.predict as p`, `from predict import load`, `from .predict import *`,
# `from . import predict`, `importlib.import_module("predict")`, `__import__("predict")`, `runpy`.
_IMPORTED = re.compile(
    rb"(?:^|[\s;\"'])(?:import\s+([\w.]+(?:\s*,\s*[\w.]+)*)|from\s+([\w.]+)\s+import\s+([\w*]+(?:\s*,\s*\w+)*))"
    rb"|(?:import_module|__import__|run_module|run_path|SourceFileLoader|spec_from_file_location)\s*\(\s*[\"']([\w./\\-]+)",
    re.MULTILINE,
)


def held_beside(code_folder: Path, top: Path | None, path: str) -> bool:
    """Whether `path`, relative to the code's folder, is a regular file git tracks inside `top`
    (the folder the scan runs from), reached through no link, spelled as every platform reads it."""
    if top is None or not path or "\x00" in path or "\\" in path or "://" in path:
        return False
    if path.startswith(("/", "~")) or re.match(r"[A-Za-z]:", path):
        return False
    try:
        folder = Path(os.path.realpath(code_folder))
        lexical = Path(os.path.normpath(folder / path))
        # The operating system resolves `cache/..` through `cache` when it is a link: the path
        # must lead where its spelling says, through no link at all.
        if Path(os.path.realpath(folder / path)) != lexical:
            return False
        real_top = Path(os.path.realpath(top))
        return lexical.is_relative_to(real_top) and lexical.is_file() and _tracked(lexical, real_top)
    except (OSError, ValueError):
        return False


def _tracked(path: Path, top: Path) -> bool:
    """Whether git's index holds `path` (committed or staged); False without git or an answer."""
    repository = next((f for f in (path.parent, *path.parent.parents) if (f / ".git").exists()), None)
    if repository is None or not (repository.is_relative_to(top) or top.is_relative_to(repository)):
        return False
    return holds(repository, path.relative_to(repository).as_posix()) is True


def imported_anywhere(top: Path | None, module: str) -> bool:
    """Whether any Python file or notebook below `top` may import the module named `module`
    (the script's file name without `.py`); True when that cannot be told."""
    if top is None or not module.isidentifier():
        return True
    names = _imported_names(str(os.path.realpath(top)), run_generation())
    return names is None or module in names or "*" in names


@lru_cache(maxsize=8)
def _imported_names(top: str, generation: int) -> frozenset[str] | None:
    """Every module name (each dotted part) the files below `top` import, `*` for a star import
    from a relative package (`from . import *`, `from .. import *`); None past a bound."""
    del generation  # part of the cache key only: a new run reads the files again
    found: set[str] = set()
    files = entries = 0
    stack = [top]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                items = list(listing)
        except OSError:
            continue
        for entry in items:
            entries += 1
            if entries > _MAX_ENTRIES:
                return None
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in _SKIPPED:
                        stack.append(entry.path)
                    continue
                if not entry.name.endswith((".py", ".ipynb", ".pyw")) or not entry.is_file(follow_symlinks=False):
                    continue
            except OSError:
                continue
            files += 1
            if files > _MAX_FILES:
                return None
            try:
                with open(entry.path, "rb") as handle:
                    text = handle.read(_MAX_BYTES)
            except OSError:
                continue
            if not any(word in text for word in (b"import", b"run_path", b"run_module", b"spec_from_file", b"Loader")):
                continue
            for match in _IMPORTED.finditer(text.replace(b"\\n", b"\n")):
                plain, source, members, named = match.groups()
                for group in (plain, source, named):
                    if group:
                        for part in re.split(rb"[\s,./\\]+", group):
                            found.add(part.removesuffix(b".py").decode("ascii", "replace"))
                if source is not None and members:
                    # `from . import predict`, `from pkg import predict, other`; `from . import *`
                    # imports what a package's `__all__` names, which this does not read.
                    for part in re.split(rb"[\s,]+", members):
                        if part != b"*" or not source.strip(b"."):
                            found.add(part.decode("ascii", "replace"))
    return frozenset(found)
