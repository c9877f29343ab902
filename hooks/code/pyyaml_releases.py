"""Whether the project lets PyYAML older than 5.4, or a widened FullLoader, run its code.

`yaml.load(f, Loader=yaml.FullLoader)`, `yaml.full_load(f)` and `yaml.load(f)` with no loader
built arbitrary Python objects only in old releases of PyYAML:

- before 5.1, `yaml.load` without a loader used the unsafe `Loader`;
- 5.1 made `FullLoader` the default, and it could still call functions (CVE-2019-20477, fixed
  in 5.2, CVE-2020-1747 in 5.3.1, CVE-2020-14343 in 5.4);
- 5.4 (January 2021) moved the `python/object`, `python/object/new` and `python/module` tags to
  `UnsafeLoader`: `FullLoader` builds no object and calls nothing; `python/name` returns only
  what is already imported;
- 6.0 (October 2021) requires the `Loader` argument: `yaml.load(f)` raises.

So those calls run code only where an old PyYAML is installed, or where code registers the object
constructors on FullLoader again (a registration holds for the whole process, whichever module
makes it). pip installs the newest release a requirement allows. This module surveys the whole
repository once per run (the top folder found from the scanned file):

- dependency and build files: requirements and constraints files (any name holding
  `requirements` or `constraints`, anything under a `requirements*` folder, `-r`/`-c` includes
  are files of the survey too), setup.py, setup.cfg, pyproject.toml, Pipfile and lock files
  (Pipfile.lock, poetry.lock, uv.lock, pdm.lock), tox.ini, conda environment files, Dockerfiles,
  shell scripts, Makefiles, CI definitions. One whose installer would pick a release before 5.4 for PyYAML
  (`==5.3.1`, `<5.4`, conda's `=5.3`, `~=5.3.0`, extras, a line continued with `\\`, a wheel or
  sdist named `PyYAML-5.3.1...`, a version held in a variable, a VCS or URL requirement), or that
  installs a distribution's package (`apt-get install python3-yaml`: Ubuntu 20.04 ships 5.3.1;
  `dnf install python3-pyyaml`), means "old";
- Python files and notebooks: one that registers YAML constructors or representers' loaders
  (`add_constructor`, `add_multi_constructor`, `yaml_constructors`, `YAMLObject`, `yaml_loader`),
  names PyYAML's object constructors (`construct_python_object...`, `UnsafeConstructor`) or binds
  `FullLoader` means "widened".

"Old" or "widened", or any doubt (a symlinked or unreadable dependency file, one past the read
bound, a UTF-16 file that does not decode, more entries or bytes than the bounds), keeps the
findings at their severity. Otherwise a bare `pyyaml`, a lower bound (`PyYAML>=3.12`) or no
declaration at all means the newest release. What an environment built by hand or another
package's requirements install is not seen; the strict profile keeps these findings as they are.
The verdict depends on other files, so it is not cached (hooks/code/cache_inputs.py), and a changed
dependency or YAML-registering file affects every file (`is_dependency_file`, `widens_loaders`,
for `--changed-since`). Nothing is imported or run.
"""

from __future__ import annotations

import os
import re
import stat
from functools import lru_cache
from pathlib import Path

from hooks._core.paths import run_generation

FIXED = (5, 4)  # the first release whose FullLoader builds no Python object
_MAX_BYTES = 1 << 20  # of one dependency file; a longer one is not read whole: fail closed
_MAX_CODE_BYTES = 8 << 20  # of one Python file or notebook looked through for registrations
_MAX_ENTRIES = 300_000  # entries of the repository listed
_MAX_TOTAL = 512 << 20  # bytes read in all
_SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn"})
_DEPENDENCY_NAMES = frozenset(
    {"setup.py", "setup.cfg", "pyproject.toml", "pipfile", "pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock"}
    | {"tox.ini", "makefile", "gnumakefile", "environment.yml", "environment.yaml", "conda.yaml", "conda.yml"}
    | {"dockerfile", "containerfile", "justfile"}
)
_DEPENDENCY_PATTERN = re.compile(
    r"[\w.-]*(?:requirements|constraints|reqs)[\w.-]*\.(?:txt|in|pip)|environment[\w.-]*\.ya?ml|conda[\w.-]*\.ya?ml"
    r"|dockerfile[\w.-]*|[\w.-]+\.dockerfile|containerfile[\w.-]*|[\w.-]+\.(?:sh|bash|mk)",
    re.IGNORECASE,
)
_CI_FILES = frozenset(
    {".gitlab-ci.yml", ".circleci/config.yml", "azure-pipelines.yml", "cloudbuild.yaml", "cloudbuild.yml"}
    | {"buildspec.yml", ".travis.yml", "bitbucket-pipelines.yml", ".drone.yml", "jenkinsfile"}
)
_CI_FOLDERS = (".github/workflows/", ".github/actions/", ".gitlab/ci/", ".buildkite/")
_LOCK_NAMES = frozenset({"pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock"})
_CODE_SUFFIXES = (".py", ".ipynb", ".pyw")
_SCRIPT_SUFFIXES = (".sh", ".bash", ".mk")  # read for installs, but no sign of a project of their own
# A registration that can give FullLoader its object constructors back, from any module.
_WIDENING = re.compile(
    rb"add_(?:multi_)?constructor|yaml_(?:multi_)?constructors|construct_python_(?:object|module|name)"
    rb"|UnsafeConstructor|FullConstructor|YAMLObject|yaml_loader|FullLoader\s*=(?!=)|\bsetattr\s*\(\s*yaml\b"
)
# PyYAML named with what follows it: a pip/PEP 508 specifier (`pyyaml>=5.1,<6`), extras, conda's
# `=5.1`, a TOML or Pipfile value (`pyyaml = "^5.1"`). Matched whole (not `types-PyYAML`).
_MENTION = re.compile(r"(?<![\w-])pyyaml(?![\w-])(?P<rest>[^\n]{0,200})", re.IGNORECASE)
# A wheel or sdist file named for its release (`PyYAML-5.3.1-cp38-...whl`, `PyYAML-5.3.1.tar.gz`).
_ARCHIVE = re.compile(r"(?<![\w-])pyyaml-(?P<version>\d+(?:\.\d+)*)(?=[-.])", re.IGNORECASE)
# A distribution's own package of PyYAML, whose release is the distribution's.
_DISTRIBUTION_PACKAGE = re.compile(
    r"\b(?:apt-get|apt|yum|dnf|microdnf|zypper|apk|tdnf)\b[^\n;&|]*?(?<![\w-])(?:python3?-(?:py)?yaml|py3-yaml|pyyaml)\b",
    re.IGNORECASE,
)
_LOCKED_VERSION = re.compile(r'"version"\s*:\s*"(?P<spec>[^"]{1,64})"')  # in a Pipfile.lock entry
_PIPFILE_ENTRY = re.compile(r'"pyyaml"\s*:\s*\{', re.IGNORECASE)
_TOML_NAME = re.compile(r'^name\s*=\s*"pyyaml"\s*$', re.IGNORECASE | re.MULTILINE)  # poetry, uv, pdm
_TOML_VERSION = re.compile(r'^version\s*=\s*"(?P<version>[^"\n]{1,64})"', re.MULTILINE)
_INLINE_VERSION = re.compile(r'version\s*=\s*"(?P<spec>[^"\n]{1,64})"')  # `{extras = [...], version = "5.3"}`
# `-r base.txt`, `--requirement=base.txt`, `-c pins.txt`, also inside a conda environment's
# `- pip: [-r reqs/base.txt]`; URLs are not files of the repository (and not followed).
_INCLUDE = re.compile(
    r"(?:^|[\s\[,'\"])(?:-r|-c|--requirement|--constraint)(?:[ \t]*=[ \t]*|[ \t]+)(?P<path>(?!\w+://)[^\s'\"\],#]+)",
    re.MULTILINE,
)
_MAX_INCLUDE_DEPTH = 8
_MAX_ENTRIES_PER_LOCK = 64  # entries named pyyaml looked at in one lock file; more: fail closed
_CLAUSE = re.compile(r"(?P<op>===|==|~=|!=|<=|>=|<|>|\^|~|=)?\s*v?(?P<version>\d+(?:\.\d+|\.\*)*)")
_UNKNOWN_VERSION = re.compile(r"(?:===|==|~=|<=|>=|<|>|\^|~|=)\s*(?:[$%{(]|\"\s*\+|$)")


def is_dependency_file(name: str) -> bool:
    """Whether a file of this name may declare the project's PyYAML (for `--changed-since`)."""
    lowered = name.lower()
    return lowered in _DEPENDENCY_NAMES or _DEPENDENCY_PATTERN.fullmatch(lowered) is not None


def _ci_definition(path: str, top: str) -> bool:
    """A CI definition installs what the project's jobs run with (`pip install pyyaml==5.3.1`)."""
    relative = os.path.relpath(path, top).replace(os.sep, "/").lower()
    return relative in _CI_FILES or (relative.startswith(_CI_FOLDERS) and relative.endswith((".yml", ".yaml")))


def widens_loaders(data: bytes) -> bool:
    """Whether code registers YAML constructors or rebinds FullLoader (for `--changed-since`)."""
    return _WIDENING.search(data) is not None


def old_pyyaml_possible(code_file: Path | None, top: Path | None, own_text: str) -> bool:
    """Whether PyYAML before 5.4, or a FullLoader given its constructors back, may run this code."""
    if admits_old(own_text) or _DISTRIBUTION_PACKAGE.search(own_text):
        return True
    if code_file is None or top is None:
        return True
    try:
        root = _project_root(code_file.parent, top)
        chain = [str(folder) for folder in (root, *root.parents) if folder.is_relative_to(top)][1:]
        return _survey(str(root), str(top), run_generation()) or any(
            _folder_files_old(folder, str(top), run_generation()) for folder in chain
        )
    except (OSError, ValueError, RecursionError, _Doubt):
        return True


def _project_root(folder: Path, top: Path) -> Path:
    """The nearest folder at or above the code's, up to the top, that declares a project
    (requirements, setup files, a Dockerfile, an environment or lock file): what runs the code is
    installed from there and below. A repository of independent samples has one per sample."""
    for at in (folder, *folder.parents):
        if not at.is_relative_to(top):
            break
        with os.scandir(at) as listing:
            names = [entry.name for entry in listing]
        if any(is_dependency_file(name) and not name.lower().endswith(_SCRIPT_SUFFIXES) for name in names):
            return at
        if at == top:
            break
    return top


def _folder_files_old(folder: str, top: str, generation: int) -> bool:
    """The dependency files directly in one folder above the project's root."""
    with os.scandir(folder) as listing:
        for entry in listing:
            if not is_dependency_file(entry.name):
                continue
            status = entry.stat(follow_symlinks=False)
            if stat.S_ISLNK(status.st_mode) or status.st_size > _MAX_BYTES:
                return True
            if stat.S_ISREG(status.st_mode) and _file_is_old(
                entry.path, True, status.st_mtime_ns, status.st_size, top, generation
            ):
                return True
    return False


class _Doubt(Exception):
    """Something the survey cannot judge: the answer is "old"."""


@lru_cache(maxsize=256)
def _survey(root: str, top: str, generation: int) -> bool:
    """Once per project and run: whether any file under its root holds PyYAML old or widens FullLoader."""
    entries = 0
    total = 0
    folders = [(root, False)]  # (folder, inside a `requirements*` folder)
    while folders:
        folder, under_requirements = folders.pop()
        with os.scandir(folder) as listing:
            for entry in listing:
                entries += 1
                if entries > _MAX_ENTRIES or total > _MAX_TOTAL:
                    raise _Doubt
                name = entry.name
                if entry.is_symlink() and name.lower().startswith("requirements"):
                    raise _Doubt  # a linked requirements file or folder: not followed
                if entry.is_dir(follow_symlinks=False):
                    if name not in _SKIPPED_FOLDERS:
                        folders.append((entry.path, under_requirements or name.lower().startswith("requirements")))
                    continue
                dependency = (
                    is_dependency_file(name)
                    or (under_requirements and name.endswith((".txt", ".in")))
                    or _ci_definition(entry.path, top)
                )
                code = name.lower().endswith(_CODE_SUFFIXES)
                if not (dependency or code):
                    continue
                status = entry.stat(follow_symlinks=False)
                if stat.S_ISLNK(status.st_mode):
                    if dependency or name.lower().startswith("requirements"):
                        raise _Doubt  # where it points is not followed: it may hold anything
                    continue
                if not stat.S_ISREG(status.st_mode):
                    continue
                limit = _MAX_BYTES if dependency else _MAX_CODE_BYTES
                if status.st_size > limit:
                    if dependency:
                        raise _Doubt
                    continue  # a generated module or a notebook of outputs: its code is not weighed
                total += status.st_size
                if _file_is_old(entry.path, dependency, status.st_mtime_ns, status.st_size, top, generation):
                    return True
    return False


@lru_cache(maxsize=16384)
def _file_is_old(
    path: str, dependency: bool, modified: int, size: int, top: str, generation: int, depth: int = 0
) -> bool:
    """One file's verdict, read once per run while it keeps its time and size; a requirements file's
    includes (`-r base.txt`, `-c constraints.txt`, a conda environment's pip `-r`) are read with it."""
    with open(path, "rb") as handle:
        data = handle.read(size + 1)
    if not dependency:
        return widens_loaders(data)
    # PowerShell's `>` writes UTF-16 (one that does not decode raises: doubt)
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    text = data.decode("utf-16") if utf16 else data.decode("utf-8", "replace")
    if widens_loaders(data) and path.lower().endswith(".py"):
        return True  # setup.py registering constructors: as any module
    text = re.sub(r"\\\r?\n", " ", text)  # a requirement continued on the next line
    if _DISTRIBUTION_PACKAGE.search(text) or _archive_is_old(text):
        return True
    if Path(path).name.lower() in _LOCK_NAMES:
        return _lock_admits_old(text)
    return admits_old(text) or _includes_old(path, text, top, generation, depth)


def _requirements_format(path: str) -> bool:
    """A file pip or conda reads as a list of requirements, where `-r`/`-c` lines include others."""
    name = Path(path).name.lower()
    if re.fullmatch(r"environment[\w.-]*\.ya?ml|conda[\w.-]*\.ya?ml|[\w.-]*\.(?:txt|in|pip)", name) is None:
        return False
    return not name.endswith(".txt") or any(word in path.lower() for word in ("requirements", "constraints", "reqs"))


def _includes_old(path: str, text: str, top: str, generation: int, depth: int) -> bool:
    """Whether a file a requirements file includes holds PyYAML old; one that cannot be read (gone,
    outside the repository, a link, too deep a chain) counts as old. A Dockerfile's, script's or
    tox.ini's `pip install -r x.txt` reads a file where the command runs: it is read when it is a
    file of the repository (from the including file's folder or the top), and left otherwise."""
    strict = _requirements_format(path)
    for included in _INCLUDE.finditer(text):
        if depth >= _MAX_INCLUDE_DEPTH:
            return True
        line_start = text.rfind("\n", 0, included.start()) + 1
        if not strict and "pip" not in text[line_start : included.start()]:
            continue  # `bash -c ...`, `tar -c ...`: not an include
        name = re.sub(r"\{toxinidir\}/?", "", included.group("path"))
        candidates = [Path(os.path.normpath(Path(path).parent / name))]
        if not strict:
            candidates.append(Path(os.path.normpath(Path(top) / name.lstrip("/"))))
        target = next((c for c in candidates if c.is_relative_to(top) and c.is_file()), None)
        if target is None:
            if strict:
                return True
            continue
        if target.is_symlink():
            return True
        status = target.stat()
        if status.st_size > _MAX_BYTES:
            return True
        if _file_is_old(str(target), True, status.st_mtime_ns, status.st_size, top, generation, depth + 1):
            return True
    return False


def _archive_is_old(text: str) -> bool:
    return any(_version(m.group("version")) < FIXED for m in _ARCHIVE.finditer(text))


def _lock_admits_old(text: str) -> bool:
    """A lock file's own entry for PyYAML names the one release it installs: the TOML locks'
    `[[package]]` block whose `name = "pyyaml"` (its `version` anywhere in the block), Pipfile.lock's
    `"pyyaml": {..., "version": "==6.0"}`. Other packages' requirements (`pyyaml = ">=3.08"` under
    a dependent) are not what is installed."""
    entries = 0
    for block in re.split(r"^\[\[package\]\]\s*$", text, flags=re.MULTILINE)[1:]:
        if _TOML_NAME.search(block):
            entries += 1
            version = _TOML_VERSION.search(block)
            if version is None or _spec_admits_old("==" + version.group("version")) or entries > _MAX_ENTRIES_PER_LOCK:
                return True
    for entry in _PIPFILE_ENTRY.finditer(text):
        entries += 1
        if entries > _MAX_ENTRIES_PER_LOCK:
            return True
        body = text[entry.end() : entry.end() + 65_536].split("}", 1)[0]
        locked = _LOCKED_VERSION.search(body)
        if locked is None and ('"git"' in body or '"file"' in body or '"path"' in body):
            return True  # installed from a repository or a file: any release
        if locked is not None and _spec_admits_old("==" + locked.group("spec").lstrip("=")):
            return True
    return False


def admits_old(text: str) -> bool:
    """Whether any mention of PyYAML in `text` has an installer pick a release before 5.4."""
    if "yaml" not in text.lower():
        return False
    text = re.sub(r"\\\r?\n", " ", text)
    return _archive_is_old(text) or any(_spec_admits_old(m.group("rest")) for m in _MENTION.finditer(text))


def _spec_admits_old(rest: str) -> bool:
    """Whether the release an installer picks for the version clauses right after the name (the
    newest one they allow) is older than 5.4. No clause: the newest release. Lower bounds and
    exclusions do not hold the newest back; `==5.3.1`, `<5.4`, `<=5.3`, conda's `=5.3` (any
    5.3.x), `~=5.3.0` (below 5.4), poetry's `~5.3` do. A requirement from a URL or a VCS
    (`pyyaml @ git+...`), or whose version is a variable (`PyYAML==$V`, `"pyyaml==" + v`), could
    be any release: it counts as old."""
    table = re.match(r"\s*=\s*[\[{]", rest)
    if table is not None:  # poetry's `pyyaml = {version = "5.3.1", ...}` or a list of such tables
        versions = _INLINE_VERSION.findall(rest)
        return any(_spec_admits_old(" " + spec) for spec in versions) if versions else False
    part = _requirement_part(rest)
    if part.lstrip().startswith("@") or _UNKNOWN_VERSION.search(part):
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


def _requirement_part(rest: str) -> str:
    """The specifier of one requirement: after extras, up to a marker (`;`), a comment, the end of
    a quoted value, or the next requirement on the line (`pyyaml==6.0 numpy==1.21`: the space after
    a version that no other clause follows)."""
    text = rest.lstrip()
    if text.startswith("["):  # extras: `pyyaml[libyaml]==5.3.1`
        text = text.split("]", 1)[1].lstrip() if "]" in text else ""
    text = text.lstrip("\"'")
    if text.startswith(("=", ":")) and not text.startswith(("==", "=<", "=>")):
        # TOML/Pipfile `= "^5.1"` or `= {extras = [...], version = "5.3"}`; conda's `=5.1`
        stripped = text[1:].lstrip(" \t\"'")
        if text.startswith("=") and stripped[:1].isdigit() and not text[1:2].isspace():
            return "=" + stripped.split()[0] if stripped.split() else ""
        if stripped.startswith("{"):
            inline = _INLINE_VERSION.search(stripped.split("}", 1)[0])
            return inline.group("spec") if inline is not None else ""
        text = stripped
    cut = re.search(r"[;#\"'}\]\n]", text)
    if cut is not None:
        text = text[: cut.start()]
    words = re.split(r"(?<=\d)\s+(?![,<>=!~^])", text.strip(), maxsplit=1)
    return words[0] if words else ""


def _upper_bound(op: str, text: str) -> tuple[tuple[int, ...], bool] | None:
    """The newest release a clause allows, as (version, inclusive); None when it sets none."""
    version = _version(text)
    if not version:
        return None
    if op in ("==", "===") and not text.endswith(".*"):
        return version, True
    if op not in ("<", "<="):
        version = _version(text, strip=False)  # a prefix: `=5.0` is 5.0.x, `~=5.3.0` below 5.4
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


def _version(text: str, *, strip: bool = True) -> tuple[int, ...]:
    """`5.4.0` -> (5, 4): trailing zeros dropped, so `<5.4.0` is `<5.4` (kept for a prefix)."""
    parts = [int(part) for part in text.split(".") if part.isdigit()]
    while strip and len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)
