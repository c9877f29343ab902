"""Where a module the code imports lives in the project, when it is the project's own.

`from sagemaker.core.common_utils import custom_extractall_tarfile` in a file of the checkout that
also holds `sagemaker-core/src/sagemaker/core/common_utils.py`: the function is the project's
code, judged where it stands. A module is looked up where the interpreter would find it once the
checkout is installed: each folder from the importing file's own up to the scan's top (and its
`src/`), then the top's own distributions (first-level folders with a pyproject.toml, setup.py or
setup.cfg, and their `src/`: a monorepo whose packages share one namespace), as `pkg/mod.py` or
`pkg/mod/__init__.py`; a relative import from the file's own package. Only regular files of
bounded size inside the top are read; nothing is imported or run.
"""

from __future__ import annotations

import ast
import os
import re
from functools import lru_cache
from pathlib import Path

from hooks.code.bindings import UNSEEN_MODULE_BINDINGS, names_bound_by
from hooks.code.tree_nodes import nodes_of

_MAX_LEVELS = 16  # folders walked up from the importing file
_MAX_DISTRIBUTIONS = 256  # first-level folders of the top looked in
_MAX_BYTES = 4 << 20  # of the module file read for the name
# (`setattr(instance, ...)` and `obj.__dict__` are everyday code: only the module's own namespace
# counts, as hooks/code/bindings.py names it.)
_HIDDEN_BINDING = re.compile(UNSEEN_MODULE_BINDINGS)
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
    """The top's first-level folders that are distributions, and their `src/`: where a monorepo
    keeps its packages (`scripts/` is none: nothing installs it)."""
    found: list[Path] = []
    try:
        with os.scandir(top) as entries:
            for entry in entries:
                if len(found) >= _MAX_DISTRIBUTIONS:
                    break
                if entry.is_dir(follow_symlinks=False) and not entry.name.startswith(".") and _distribution(entry.path):
                    found.extend((Path(entry.path), Path(entry.path, "src")))
    except OSError:
        return []
    return sorted(found)


def _distribution(folder: str) -> bool:
    """A folder an installer builds a package from: it holds pyproject.toml, setup.py or setup.cfg."""
    return any((Path(folder) / name).is_file() for name in ("pyproject.toml", "setup.py", "setup.cfg"))


def defines_tar_helper(path: Path, name: str) -> bool:
    """Whether the module imports tarfile (so its extractall calls are judged there) and defines
    `name` at its top level with an undecorated `def`, binding it nothing else: not an alias of
    tarfile's method (`x_extractall = tarfile.TarFile.extractall`), not a re-export of another
    package's function, not in a module that can rebind names unseen (`globals()`, `exec`).
    Read once per run while the file keeps its time and size (many files import one helper)."""
    try:
        status = path.stat()
    except OSError:
        return False
    return _defines_tar_helper(str(path), status.st_mtime_ns, status.st_size, name)


@lru_cache(maxsize=1024)
def _defines_tar_helper(path: str, modified: int, size: int, name: str) -> bool:
    if size > _MAX_BYTES:
        return False
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError:
        return False
    if len(data) > _MAX_BYTES or b"tarfile" not in data or _HIDDEN_BINDING.search(data) is not None:
        return False
    try:
        tree = ast.parse(data.decode("utf-8", "replace"))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    imports_tarfile = any(
        (isinstance(node, ast.Import) and any(alias.name == "tarfile" for alias in node.names))
        or (isinstance(node, ast.ImportFrom) and node.module == "tarfile" and node.level == 0)
        for node in nodes_of(tree)
    )
    definitions = [
        node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name
    ]
    bindings = sum(names_bound_by(node, deletions=True).count(name) for node in nodes_of(tree))
    return imports_tarfile and len(definitions) == 1 and not definitions[0].decorator_list and bindings == 1


def _readable_inside(candidate: Path, top: Path | None) -> bool:
    try:
        if candidate.is_symlink() or not candidate.is_file():
            return False
        if top is not None and not candidate.resolve().is_relative_to(top.resolve()):
            return False
        return candidate.stat().st_size <= _MAX_BYTES
    except (OSError, ValueError):
        return False
