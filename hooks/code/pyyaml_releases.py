"""Whether the project lets PyYAML older than 5.4 run its code.

`yaml.load(f, Loader=yaml.FullLoader)`, `yaml.full_load(f)` and `yaml.load(f)` with no loader
built arbitrary Python objects only in old releases of PyYAML:

- before 5.1, `yaml.load` without a loader used the unsafe `Loader`;
- 5.1 made `FullLoader` the default, and it could still call functions (CVE-2019-20477, fixed
  in 5.2, CVE-2020-1747 in 5.3.1, CVE-2020-14343 in 5.4);
- 5.4 (January 2021) moved the `python/object`, `python/object/new` and `python/module` tags to
  `UnsafeLoader`: `FullLoader` builds no object and calls nothing; `python/name` returns only
  what is already imported;
- 6.0 (October 2021) requires the `Loader` argument: `yaml.load(f)` raises.

So those calls run code only where an old PyYAML is installed. pip installs the newest release
unless the project holds it back; this module reads what the project declares. The dependency
files in the code's folder and each folder above it up to the repository's top (requirements
and constraints files, `requirements/*.txt`, setup.py, setup.cfg, pyproject.toml, Pipfile and its
lock, conda environment files, Dockerfiles), and the scanned file's own text (a notebook's
`!pip install pyyaml==5.3.1`), are searched for PyYAML with a version. The answer is "an old
release may run" when the release an installer picks for any declaration (the newest it allows)
is before 5.4 (`pyyaml==5.3.1`, `pyyaml<5.4`, conda's `pyyaml=5.3`, `~=5.3.0`, a VCS or URL
requirement), when an image installs the distribution's `python3-yaml` (Ubuntu 20.04 ships
5.3.1), or when it cannot be told (a file past the read bound, an unreadable folder). A bare
`pyyaml`, a lower bound (`PyYAML>=3.12`: pip installs the newest) or none at all means the newest
release. What another package's requirements or an environment built by hand install is not seen:
the strict profile keeps these findings at their severity.

The question is asked only for those calls; the verdict then depends on other files, so it is
not cached (hooks/code/cache_inputs.py), and a changed dependency file affects the code below it
(`is_dependency_file`, for `--changed-since`). Nothing is imported or run.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from hooks._core.paths import run_generation

FIXED = (5, 4)  # the first release whose FullLoader builds no Python object
_MAX_BYTES = 1 << 20  # of one dependency file; a longer one is not read whole: fail closed
_MAX_FILES = 64  # dependency files looked at for one folder chain
_MAX_FOLDERS = 64  # folders from the code's up to the top
_DEPENDENCY_NAMES = frozenset(
    {"setup.py", "setup.cfg", "pyproject.toml", "pipfile", "pipfile.lock", "poetry.lock", "environment.yml"}
    | {"environment.yaml", "conda.yaml", "conda.yml", "dockerfile", "containerfile"}
)
_DEPENDENCY_PATTERN = re.compile(
    r"(?:requirements|constraints|reqs)[\w.-]*\.(?:txt|in)|environment[\w.-]*\.ya?ml|conda[\w.-]*\.ya?ml"
    r"|dockerfile[\w.-]*|[\w.-]+\.dockerfile|containerfile[\w.-]*",
    re.IGNORECASE,
)
# PyYAML named with what follows it: a pip/PEP 508 specifier (`pyyaml>=5.1,<6`), conda's `=5.1`,
# a TOML or Pipfile value (`pyyaml = "^5.1"`, `PyYAML = {version = "==5.3"}`), a lock file's
# `"version": "==5.3.1"`. The name is matched whole (not `types-PyYAML`, not `pyyaml-include`).
_MENTION = re.compile(r"(?<![\w-])pyyaml(?![\w-])(?P<rest>[^\n]{0,200})", re.IGNORECASE)
_LOCKED_VERSION = re.compile(r'"version"\s*:\s*"(?P<spec>[^"]{1,64})"')  # in a Pipfile.lock entry
_PIPFILE_ENTRY = re.compile(r'"pyyaml"\s*:\s*\{', re.IGNORECASE)
_POETRY_ENTRY = re.compile(
    r'^name\s*=\s*"pyyaml"\s*\nversion\s*=\s*"(?P<version>[^"\n]{1,64})"', re.IGNORECASE | re.MULTILINE
)
_LOCK_WINDOW = 16_384  # a Pipfile.lock entry lists every wheel's hash before its version
_CLAUSE = re.compile(r"(?P<op>===|==|~=|!=|<=|>=|<|>|\^|~|=)?\s*v?(?P<version>\d+(?:\.\d+|\.\*)*)")
_DISTRIBUTION_PACKAGE = re.compile(r"\bpython3?-yaml\b|\bpy3-yaml\b|\bpy-yaml\b", re.IGNORECASE)


def is_dependency_file(name: str) -> bool:
    """Whether a file of this name may declare the project's PyYAML (for `--changed-since`)."""
    lowered = name.lower()
    return lowered in _DEPENDENCY_NAMES or _DEPENDENCY_PATTERN.fullmatch(lowered) is not None


def old_pyyaml_possible(code_file: Path | None, top: Path | None, own_text: str) -> bool:
    """Whether PyYAML before 5.4 may run this code (see the module's doc)."""
    if admits_old(own_text):
        return True
    if code_file is None or top is None:
        return True
    try:
        return _folders_admit_old(str(code_file.parent), str(top), run_generation())
    except (OSError, ValueError, RecursionError):
        return True


def _folders_admit_old(folder: str, top: str, generation: int) -> bool:
    at = Path(folder)
    files = 0
    for _ in range(_MAX_FOLDERS):
        for path in _dependency_files(at):
            files += 1
            status = path.stat()
            if files > _MAX_FILES or _file_admits_old(str(path), status.st_mtime_ns, status.st_size, generation):
                return True
        if str(at) == top or at.parent == at:
            return False
        at = at.parent
    return True  # deeper than the bound: not told


def _dependency_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and is_dependency_file(entry.name):
                found.append(Path(entry.path))
            elif entry.name == "requirements" and entry.is_dir(follow_symlinks=False):
                with os.scandir(entry.path) as inner:
                    found.extend(
                        Path(e.path)
                        for e in inner
                        if e.name.endswith((".txt", ".in")) and e.is_file(follow_symlinks=False)
                    )
            if len(found) > _MAX_FILES:
                break
    return sorted(found)


@lru_cache(maxsize=4096)
def _file_admits_old(path: str, modified: int, size: int, generation: int) -> bool:
    """Read once per run while the file keeps its time and size."""
    with open(path, "rb") as handle:
        data = handle.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        return True
    text = data.decode("utf-8", "replace")
    name = Path(path).name.lower()
    if name.startswith(("dockerfile", "containerfile")) and _DISTRIBUTION_PACKAGE.search(text):
        return True
    if name in ("pipfile.lock", "poetry.lock"):
        return _lock_admits_old(text)
    return admits_old(text)


def _lock_admits_old(text: str) -> bool:
    """A lock file's own entry for PyYAML names the one release it installs: poetry's
    `name = "pyyaml"` then `version = "6.0"`, Pipfile.lock's `"pyyaml": {..., "version": "==6.0"}`.
    Other packages' requirements (`pyyaml = ">=3.08"` under a dependent) are not what is installed."""
    for entry in _POETRY_ENTRY.finditer(text):
        if _spec_admits_old("==" + entry.group("version")):
            return True
    for entry in _PIPFILE_ENTRY.finditer(text):
        body = text[entry.end() : entry.end() + _LOCK_WINDOW].split("}", 1)[0]
        locked = _LOCKED_VERSION.search(body)
        if locked is not None and _spec_admits_old("==" + locked.group("spec").lstrip("=")):
            return True
    return False


def admits_old(text: str) -> bool:
    """Whether any mention of PyYAML in `text` admits a release before 5.4."""
    return any(_spec_admits_old(mention.group("rest")) for mention in _MENTION.finditer(text))


def _spec_admits_old(rest: str) -> bool:
    """Whether the release an installer picks for the version clauses right after the name (the
    newest one they allow) is older than 5.4. No clause: the newest release. Lower bounds and
    exclusions do not hold the newest back; `==5.3.1`, `<5.4`, `<=5.3`, conda's `=5.3` (any
    5.3.x), `~=5.3.0` (below 5.4), poetry's `~5.3` do. A requirement from a URL or a VCS
    (`pyyaml @ git+...`) could be any release: it counts as old."""
    part = _requirement_part(rest)
    if part.lstrip().startswith("@"):
        return True
    newest_below: tuple[tuple[int, ...], bool] | None = None  # (bound, inclusive), the tightest
    for clause in _CLAUSE.finditer(part):
        bound = _upper_bound(clause.group("op") or "==", clause.group("version"))
        if bound is not None and (newest_below is None or _tighter(bound, newest_below)):
            newest_below = bound
    if newest_below is None:
        return False
    version, inclusive = newest_below
    return version < FIXED if inclusive else version <= FIXED


def _upper_bound(op: str, text: str) -> tuple[tuple[int, ...], bool] | None:
    """The newest release a clause allows, as (version, inclusive); None when it sets none."""
    version = _version(text)
    if not version:
        return None
    if op in ("==", "===") and not text.endswith(".*"):
        return version, True
    if op in ("==", "===", "="):  # `==5.*`, conda's `=5.3` (5.3, 5.3.1, ...)
        return _bump(version, len(version) - 1), False
    if op == "<":
        return version, False
    if op == "<=":
        return version, True
    if op == "~=":  # `~=5.3` is `>=5.3, ==5.*`; `~=5.3.0` is `>=5.3.0, ==5.3.*`
        return (_bump(version, len(version) - 2), False) if len(version) > 1 else None
    if op == "^":  # poetry: up to the next change of the first non-zero part
        first = next((at for at, part in enumerate(version) if part), len(version) - 1)
        return _bump(version, first), False
    if op == "~":  # poetry: `~5.3` is `>=5.3, <5.4`; `~5` is `>=5, <6`
        return _bump(version, min(1, len(version) - 1)), False
    return None  # `>=`, `>`, `!=`


def _bump(version: tuple[int, ...], at: int) -> tuple[int, ...]:
    return (*version[:at], version[at] + 1)


def _tighter(bound: tuple[tuple[int, ...], bool], than: tuple[tuple[int, ...], bool]) -> bool:
    if bound[0] != than[0]:
        return bound[0] < than[0]
    return not bound[1] and than[1]  # `<5.4` is tighter than `<=5.4`


def _requirement_part(rest: str) -> str:
    """The specifier of one requirement: up to a marker (`;`), a comment, the end of a quoted
    value, or the next requirement on the line (`pyyaml==6.0 numpy==1.21`: the space after a
    version that is not followed by another clause)."""
    text = rest.lstrip()
    text = text.lstrip("\"'")
    if text.startswith(("=", ":")) and not text.startswith(("==", "=<", "=>")):
        # TOML/Pipfile `= "^5.1"`, YAML `: 5.1`... and conda's `=5.1` (a clause of its own)
        stripped = text[1:].lstrip(" \t\"'{")
        if text.startswith("=") and stripped[:1].isdigit() and not text[1:2].isspace():
            return "=" + stripped.split()[0] if stripped.split() else ""
        text = re.sub(r"^version\s*=\s*", "", stripped)
        text = text.lstrip("\"'")
    cut = re.search(r"[;#\"'}\]\n]", text)
    if cut is not None:
        text = text[: cut.start()]
    words = re.split(r"(?<=\d)\s+(?![,<>=!~^])", text.strip(), maxsplit=1)
    return words[0] if words else ""


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())
