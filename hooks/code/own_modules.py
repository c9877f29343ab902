"""Where a module the code imports lives in the project, when it is the project's own.

`from sagemaker.core.common_utils import custom_extractall_tarfile` in a file of the checkout that
also holds `sagemaker-core/src/sagemaker/core/common_utils.py`: the function is the project's
code, judged where it stands. A module is looked up where the interpreter would find it once the
checkout is installed: each folder from the importing file's own up to the scan's top (and its
`src/`), then the top's own distributions (`core/src/`, `serve/`: a monorepo whose packages share
one namespace), as `pkg/mod.py` or `pkg/mod/__init__.py`; a relative import from the file's own
package. Only regular files of bounded size inside the top are read; nothing is imported or run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_MAX_LEVELS = 16  # folders walked up from the importing file
_MAX_DISTRIBUTIONS = 256  # first-level folders of the top looked in
_MAX_BYTES = 4 << 20  # of the module file read for the name
_MODULE_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


def own_module_file(code_file: Path, top: Path | None, module: str, level: int) -> Path | None:
    """The project's file for `module` (`level` dots before it for a relative import), or None."""
    if module and not _MODULE_PATH.fullmatch(module):
        return None
    relative = Path(*module.split(".")) if module else None
    if level > 0:
        base = code_file.parent
        for _ in range(level - 1):
            base = base.parent
        folders = [base]
    else:
        folders = []
        at = code_file.parent
        for _ in range(_MAX_LEVELS):
            folders.extend((at, at / "src"))
            if at == top or at.parent == at or (top is None and (at / ".git").exists()):
                break
            at = at.parent
        if top is not None:
            folders.extend(_distributions(top))
    for folder in folders:
        target = folder / relative if relative is not None else folder
        for candidate in (target.with_suffix(".py") if relative is not None else None, target / "__init__.py"):
            if candidate is not None and _readable_inside(candidate, top):
                return candidate
    return None


def _distributions(top: Path) -> list[Path]:
    """The top's first-level folders and their `src/`: where a monorepo keeps its packages."""
    found: list[Path] = []
    try:
        with os.scandir(top) as entries:
            for entry in entries:
                if len(found) >= _MAX_DISTRIBUTIONS:
                    break
                if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                    found.extend((Path(entry.path), Path(entry.path, "src")))
    except OSError:
        return []
    return sorted(found)


def names_it(path: Path, name: str) -> bool:
    """Whether the module's text names `name` as a whole word (a `def`, an import, `__all__`)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_BYTES)
    except OSError:
        return False
    return re.search(rb"(?<![\w])" + re.escape(name.encode()) + rb"(?![\w])", data) is not None


def _readable_inside(candidate: Path, top: Path | None) -> bool:
    try:
        if candidate.is_symlink() or not candidate.is_file():
            return False
        if top is not None and not candidate.resolve().is_relative_to(top.resolve()):
            return False
        return candidate.stat().st_size <= _MAX_BYTES
    except (OSError, ValueError):
        return False
