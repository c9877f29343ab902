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
repository once per run (the top folder found from the scanned file): what runs a module may be
installed by a Dockerfile, a CI job or a script anywhere in it.

- every small text file that names YAML: requirements and constraints files (and their `-r`/`-c`
  includes), setup.py, setup.cfg, pyproject.toml (poetry sub-tables too), Pipfile, the poetry, uv,
  pdm and conda locks (by their own PyYAML entry), tox.ini, noxfiles, conda environments and
  recipes, Dockerfiles, shell scripts, Makefiles, CI definitions, notebooks' installs. One where an
  installer would pick a release before 5.4 (worked out from PyYAML's releases: `==5.3.1`, `<5.4`,
  `<6,!=5.4,!=5.4.1`, conda's `=5.3` or `[version='<5.4']`, `~=5.3.0`, extras, a line continued with
  `\\`, a version spliced in from a variable, a VCS, URL or path requirement), or that installs a
  distribution's package (`apt-get install python3-yaml`: Ubuntu 20.04 ships 5.3.1), means "old";
  so does a wheel or sdist named `PyYAML-5.3.1...` anywhere;
- Python files and notebooks: one that registers YAML constructors (`add_constructor`,
  `add_multi_constructor` other than on a loader class the module defines itself, which gets its
  own copy; `yaml_constructors`, `YAMLObject`, `yaml_loader`), names PyYAML's object
  constructors, rebinds yaml's functions or loaders (`yaml.load = partial(...)`, `FullLoader = ...`)
  or sets them by a name it does not show (`setattr`, `vars`, `__dict__`, `getattr` with a built
  name) means "widened".

"Old" or "widened", or any doubt (a symlinked or unreadable dependency file, one past the read
bound, a UTF-16 file that does not decode, more entries or bytes than the bounds), keeps the
findings at their severity. Otherwise a bare `pyyaml`, a lower bound (`PyYAML>=3.12`) or no
declaration at all means the newest release. What a base image ships, an environment built by
hand or another package's requirements install is not seen; the strict profile keeps these
findings as they are.
The verdict depends on other files, so it is not cached (hooks/code/cache_inputs.py), and a changed
dependency or YAML-registering file affects every file (`is_dependency_file`, `widens_loaders`,
for `--changed-since`). Nothing is imported or run.
"""

from __future__ import annotations

import ast
import os
import re
import stat
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from hooks._core.paths import run_generation
from hooks.code.bindings import UNSEEN_MODULE_BINDINGS, names_bound_by
from hooks.code.ci_definitions import in_ci
from hooks.code.repository_walk import BoundedWalk, WalkBoundReached

FIXED = (5, 4)  # the first release whose FullLoader builds no Python object
_MAX_BYTES = 1 << 20  # of one dependency file; a longer one is not read whole: fail closed
_MAX_CODE_BYTES = 64 << 20  # of one Python file or notebook looked through (in pieces)
_PIECE = 4 << 20  # a long file is read this much at a time ...
_OVERLAP = 8192  # ... each piece starting this far back into the last
_PLAIN_CODINGS = frozenset({"utf-8", "utf8", "ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "utf-8-sig"})
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
_LOCK_NAMES = frozenset({"pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock"})
_CODE_SUFFIXES = (".py", ".ipynb", ".pyw", ".pyx", ".pxd", ".pyi")
# A registration that can give FullLoader its object constructors back, from any module.
_WIDENING = re.compile(
    rb"(?<![A-Za-z0-9_])(?:(?P<registration>add_(?:multi_)?constructor)|yaml_(?:multi_)?constructors"
    rb"|construct_python_(?:object|module|name)|UnsafeConstructor|FullConstructor|YAMLObject|yaml_loader)"
    rb"(?![A-Za-z0-9_])|FullLoader\s*=(?!=)"
)
_MAX_PARSED = 4 << 20  # bytes of a module parsed to judge its registrations; a longer one widens
# The names a module binds PyYAML to (`import yaml as y`); yaml's own functions or loaders rebound
# through one (`yaml.load = partial(yaml.load, Loader=yaml.Loader)`, `y.full_load = y.unsafe_load`),
# or set by a name the code does not show (`setattr`, `vars`, `__dict__`, `getattr` with a built name).
_YAML_ALIAS = re.compile(
    rb"\bimport\s+(?:[\w.]+(?:\s+as\s+\w+)?\s*,\s*)*yaml\s+as\s+(\w+)|^\s*(\w+)\s*=\s*yaml\s*$", re.MULTILINE
)
# FullLoader and its functions, on any receiver (`m = yaml; m.full_load = ...`, `sys.modules['yaml']
# .full_load = ...`), as the target of an assignment (annotated, in a tuple or a `for`), and the
# code objects or bases of what PyYAML defines replaced (`yaml.full_load.__code__ = ...`).
_FULL_REBOUND = re.compile(
    rb"\.\s*(?:C?FullLoader|full_load(?:_all)?)\s*(?::[^=\n]*)?(?:,[^=\n]*)?=(?!=)"
    rb"|\bfor\s+[^\n:]*\.\s*(?:C?FullLoader|full_load(?:_all)?)\b[^\n:]*\bin\b"
    rb"|\b(?:yaml|\w*(?:Loader|Constructor|full_load|load_all|load))\s*\.\s*__(?:code|bases|class|dict|defaults|kwdefaults|globals)__"
    rb"\s*(?:\[[^\]\n]*\]\s*)?=(?!=)"
)
_REBINDING = (
    rb"\b(?:%s)\.(?:FullLoader|CFullLoader|full_load(?:_all)?|load(?:_all)?|Loader|SafeLoader|safe_load)\s*=(?!=)"
    rb"|\bsetattr\s*\(\s*(?:%s)\b|\bvars\s*\(\s*(?:%s)\b|\b(?:%s)\.__dict__"
    rb"|\bgetattr\s*\(\s*(?:%s)(?:\.\w+)*\s*,(?!\s*[\"'][\w.]+[\"']\s*[,)])"
)
# PyYAML named with what follows it: a pip/PEP 508 specifier (`pyyaml>=5.1,<6`), extras, conda's
# `=5.1`, a TOML or Pipfile value (`pyyaml = "^5.1"`). Matched whole (not `types-PyYAML`).
_MENTION = re.compile(r"(?<![\w-])pyyaml(?![\w-])(?P<rest>[^\n]{0,200})", re.IGNORECASE)
# A wheel or sdist file named for its release (`PyYAML-5.3.1-cp38-...whl`, `PyYAML-5.3.1.tar.gz`).
_ARCHIVE = re.compile(r"(?<![\w-])pyyaml-(?P<version>\d+(?:\.\d+)*)(?=[-.])", re.IGNORECASE)
# A distribution's own package of PyYAML, whose release is the distribution's, and the package
# managers that install one (`apt-get install -y python3-yaml`, `dnf install python3-pyyaml`).
_DISTRIBUTION_NAME = re.compile(r"(?<![\w-])(?:python3?-(?:py)?yaml|py3-yaml|pyyaml)(?![\w-])", re.IGNORECASE)
_INSTALLER = re.compile(r"\b(?:apt-get|apt|yum|dnf|microdnf|zypper|apk|tdnf)\b", re.IGNORECASE)
# Suffixes of files that hold no install command (data, media, models, archives): not read.
NOT_TEXT = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".svg",
    ".ico",
    ".pdf",
    ".zip",
    ".gz",
    ".tgz",
    ".bz2",
    ".xz",
    ".7z",
    ".tar",
    ".whl",
    ".pkl",
    ".pickle",
    ".pt",
    ".pth",
    ".bin",
    ".onnx",
    ".h5",
    ".npy",
    ".npz",
    ".parquet",
    ".csv",
    ".tsv",
    ".arrow",
    ".safetensors",
    ".ckpt",
    ".mp4",
    ".wav",
    ".mp3",
    ".so",
    ".dll",
    ".exe",
)
_LOCKED_VERSION = re.compile(r'"version"\s*:\s*"(?P<spec>[^"]{1,64})"')  # in a Pipfile.lock entry
_PIPFILE_ENTRY = re.compile(r'"pyyaml"\s*:\s*\{', re.IGNORECASE)
_TOML_NAME = re.compile(r"""^name\s*=\s*["']pyyaml["']\s*(?:#.*)?$""", re.IGNORECASE | re.MULTILINE)  # poetry, uv, pdm
_TOML_VERSION = re.compile(r"""^version\s*=\s*["'](?P<version>[^"'\n]{1,64})["']""", re.MULTILINE)
_INLINE_VERSION = re.compile(r'version\s*=\s*"(?P<spec>[^"\n]{1,64})"')  # `{extras = [...], version = "5.3"}`
# `-r base.txt`, `--requirement=base.txt`, `-c pins.txt`, also inside a conda environment's
# `- pip: [-r reqs/base.txt]`; URLs are not files of the repository (and not followed).
_INCLUDE = re.compile(
    r"(?:^|[\s\[,'\"])(?:-r|-c|--requirement|--constraint)(?:[ \t]*=[ \t]*|[ \t]+)(?P<path>(?!\w+://)[^\s'\"\],#]+)",
    re.MULTILINE,
)
_MAX_INCLUDE_DEPTH = 8
_MAX_INCLUDES = 256  # includes followed in one file; more (a line of `-r a -r a ...`): doubt
_MAX_MENTIONS = 1000  # mentions of PyYAML judged in one text; more: doubt
_MAX_ENTRIES_PER_LOCK = 64  # entries named pyyaml looked at in one lock file; more: fail closed
# PyYAML's releases from the fix on (PyPI), and a later one; and releases before it.
_FIXED_RELEASES = ((5, 4), (5, 4, 1), (6, 0), (6, 0, 1), (6, 0, 2), (6, 0, 3), (6, 1), (7, 0), (99, 0))
_OLD_RELEASES = ((3, 10), (3, 11), (3, 12), (3, 13), (4, 1), (5, 1), (5, 1, 2), (5, 2), (5, 3), (5, 3, 1))
# The name followed by a version spliced in from code: `'PyYAML' + SPEC`, `f"PyYAML{SPEC}"`.
_SPLICED_AFTER_NAME = re.compile(r"""\s*(?:["']\s*[+"']|\{|\$)""")  # also `'pyyaml' '<5.4'`, `"pyyaml$SPEC"`
# A URL, VCS or path requirement (`#egg=pyyaml`, `git+https://github.com/yaml/pyyaml.git@<sha>`,
# `pip install ./third_party/pyyaml`): any release.
_EGG = re.compile(
    r"#egg=pyyaml\b|(?:git\+|hg\+|https?://|file:)[^\s'\"]*?/pyyaml(?:\.git)?(?:[@#/\s'\"]|$)"
    r"|\binstall\b[^\n]*?\s(?:-e\s+)?\.{0,2}/[^\s'\"]*pyyaml\b",
    re.IGNORECASE,
)
# The name written with escapes (`"\u0070yyaml==5.3.1"` in TOML or a notebook's JSON): not read.
_ESCAPED_NAME = re.compile(
    r"(?:\\u00[0-9a-f]{2}|\\x[0-9a-f]{2}|\\[0-7]{3})[\\\w]{0,24}yaml|p[\\\w]{0,24}\\u00[0-9a-f]{2}[\w]{0,6}ml",
    re.IGNORECASE,
)
# A Python that PyYAML 5.4 does not support (3.0-3.5): pip installs 5.3.1 there.
_OLD_PYTHON = re.compile(r"\bpython(?:[:=@ -]=?|==)?\s*3\.[0-5](?![\d])|\bpython3\.[0-5]\b", re.IGNORECASE)
# A coding declaration other than UTF-8's (pip honours `# -*- coding: utf-7 -*-`): not read.
_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE)
_SECTION = re.compile(
    r"^\s*\[(?:[\w.-]+\.)?(?:dependencies|packages|dev-packages)\.[\"']?pyyaml[\"']?\]\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_CLAUSE = re.compile(r"(?P<op>===|==|~=|!=|<=|>=|<|>|\^|~|=)?\s*v?(?P<version>\d+(?:\.\d+|\.\*)*)")
_UNKNOWN_VERSION = re.compile(r"(?:===|==|~=|<=|>=|<|>|\^|~|=)\s*(?:[$%{(]|\"\s*\+|$)")


def is_dependency_file(name: str) -> bool:
    """Whether a file of this name may declare the project's PyYAML (for `--changed-since`)."""
    lowered = name.lower()
    return lowered in _DEPENDENCY_NAMES or _DEPENDENCY_PATTERN.fullmatch(lowered) is not None


def _ci_definition(path: str, top: str) -> bool:
    """A CI definition installs what the project's jobs run with (`pip install pyyaml==5.3.1`)."""
    return in_ci(os.path.relpath(path, top).replace(os.sep, "/"))


def widens_loaders(data: bytes) -> bool:
    """Whether code registers YAML constructors or rebinds yaml's loaders or functions (also for
    `--changed-since`)."""
    if not data.isascii():
        # Python reads identifiers in NFKC form: `ｆull_load` is `full_load`
        data = unicodedata.normalize("NFKC", data.decode("utf-8", "replace")).encode("utf-8", "replace")
    if _FULL_REBOUND.search(data) is not None:
        return True
    registrations = 0
    for match in _WIDENING.finditer(data):
        if match["registration"] is None:
            return True
        registrations += 1
    if registrations and not _registrations_on_own_classes(data, registrations):
        return True
    if b"yaml" not in data:
        return False
    names = {b"yaml", *(m.group(1) or m.group(2) for m in _YAML_ALIAS.finditer(data[:_MAX_CODE_BYTES]))}
    receivers = b"|".join(re.escape(name) for name in sorted(names)[:32])
    return re.search(_REBINDING % ((receivers,) * 5), data) is not None


def _registrations_on_own_classes(data: bytes, mentions: int) -> bool:
    """Whether each of the module's `mentions` of add_constructor is a call registering on a class
    the module defines itself, in the same scope: `yaml.add_constructor("!function", f,
    Loader=Loader)` or `Loader.add_constructor(...)` beside `class Loader(...)`, undecorated, and
    the name bound nothing else. PyYAML gives a class its own
    copy of the constructors on its first registration, so FullLoader and every other loader keep
    theirs. No `Loader=` (yaml's default adds to Loader, FullLoader and UnsafeLoader), one of yaml's
    loaders, a mention that is no such call (`getattr(yaml, ...)`, a comment), a class with a
    metaclass, a module that binds names it does not show (`from yaml import *`, `globals()`,
    `setattr`, `vars`, `__dict__`, `exec`, `sys.modules[__name__]`), or one that does not parse:
    the registration widens."""
    if len(data) > _MAX_PARSED or _HIDDEN_BINDING.search(data) is not None:
        return False
    try:
        tree = ast.parse(data.decode("utf-8", "replace"))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    classes: dict[tuple[str, int], int] = {}  # (name, id of its scope) -> definitions there
    bound: set[str] = set()
    registrations: list[tuple[ast.Call, int]] = []
    scopes: list[tuple[ast.AST, int]] = [(tree, id(tree))]
    while scopes:
        node, scope = scopes.pop()
        for child in ast.iter_child_nodes(node):
            inner = id(child) if isinstance(child, _SCOPES) else scope
            if isinstance(child, ast.ClassDef):
                good = not child.decorator_list and not child.keywords  # a metaclass may return any class
                classes[(child.name, scope)] = classes.get((child.name, scope), 0) + (1 if good else 2)
            else:
                bound.update(names_bound_by(child, deletions=True))
            if isinstance(child, ast.Call) and _registration(child):
                registrations.append((child, scope))
            scopes.append((child, inner))
    if len(registrations) != mentions:
        return False
    for call, scope in registrations:
        keyword = next((k.value for k in call.keywords if k.arg == "Loader"), None)
        receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
        target = keyword if keyword is not None else receiver
        if not isinstance(target, ast.Name) or target.id in bound or classes.get((target.id, scope)) != 1:
            return False
    return True


# Names a module can bind without showing them (also through setattr, vars, `__dict__`, eval).
_HIDDEN_BINDING = re.compile(UNSEEN_MODULE_BINDINGS + rb"|\bsetattr\s*\(|\bvars\s*\(|__dict__|__builtins__|\beval\s*\(")
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _registration(call: ast.Call) -> bool:
    function = call.func
    called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    return called in ("add_constructor", "add_multi_constructor")


def scan_root(code_folder: Path, source_folder: str) -> Path | None:
    """The folder the scan runs from (the repository path of the code names it): an outer
    repository's files install a submodule's code too, so the survey starts there, not at the
    nearest `.git`. None when the path does not fit the folder (then the nearest `.git` is asked)."""
    parts = [part for part in source_folder.split("/") if part not in ("", ".")]
    if ".." in parts or source_folder.startswith("/"):
        return None
    at = code_folder
    for part in reversed(parts):
        if at.name != part:
            return None
        at = at.parent
    return at


def old_pyyaml_possible(code_file: Path | None, top: Path | None, own_text: str) -> bool:
    """Whether PyYAML before 5.4, or a FullLoader given its constructors back, may run this code."""
    if text_is_old(own_text) or "ruamel" in own_text:
        return True  # (ruamel.yaml's old API names its loaders alike: not judged by PyYAML's releases)
    if code_file is None or top is None:
        return True
    return _survey(str(top), run_generation())


BYTE_ORDER_MARKS = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class _Doubt(Exception):
    """Something the survey cannot judge: the answer is "old"."""


@lru_cache(maxsize=64)
def _survey(top: str, generation: int) -> bool:
    """Once per repository and run: whether any file of it holds PyYAML old or widens FullLoader;
    any doubt (a bound reached, a file that cannot be read) is kept as "old" for the run."""
    try:
        return _survey_files(top, generation)
    except (OSError, ValueError, RecursionError, UnicodeError, _Doubt, WalkBoundReached):
        return True


def _survey_files(top: str, generation: int) -> bool:
    total = 0
    walk = BoundedWalk(top, False, _MAX_ENTRIES)  # tag: inside a `requirements*` folder
    for entry, under_requirements in walk:
        if total > _MAX_TOTAL:
            raise _Doubt
        name = entry.name
        lowered = name.lower()
        if _ARCHIVE.search(name) and _archive_is_old(name):
            return True  # a vendored `PyYAML-5.3.1-....whl` or sdist
        if entry.is_symlink() and (lowered.startswith("requirements") or is_dependency_file(name)):
            raise _Doubt  # a linked requirements file or folder: not followed
        if entry.is_dir(follow_symlinks=False):
            if name not in _SKIPPED_FOLDERS:
                walk.enter(entry.path, under_requirements or lowered.startswith("requirements"))
            continue
        dependency = (
            is_dependency_file(name)
            or (under_requirements and lowered.endswith((".txt", ".in")))
            or _ci_definition(entry.path, top)
        )
        if not dependency and lowered.endswith(NOT_TEXT):
            continue
        status = entry.stat(follow_symlinks=False)
        if not stat.S_ISREG(status.st_mode):
            continue
        code = lowered.endswith(_CODE_SUFFIXES)
        limit = _MAX_CODE_BYTES if code else _MAX_BYTES
        if status.st_size > limit:
            if dependency:
                raise _Doubt
            continue  # a data file, a generated module, a notebook of outputs
        total += status.st_size
        if _file_is_old(entry.path, dependency, code, status.st_mtime_ns, status.st_size, top, generation):
            return True
    return False


@lru_cache(maxsize=16384)
def _file_is_old(
    path: str, dependency: bool, code: bool, modified: int, size: int, top: str, generation: int, depth: int = 0
) -> bool:
    """One file's verdict, read once per run while it keeps its time and size: any file that names
    YAML is read for installs of PyYAML (a notebook's `!pip install`, a noxfile's `session.install`,
    a recipe's `meta.yaml`); code also for registrations; a dependency file also for a Python that
    PyYAML 5.4 does not support (`FROM python:3.5`: pip installs 5.3.1 there) and for its includes
    (`-r base.txt`, `-c constraints.txt`, a conda environment's pip `-r`). A file longer than one
    read (a notebook with its outputs) is read in overlapping pieces."""
    with open(path, "rb") as handle:
        if size > _PIECE:
            return _pieces_old(handle, code)
        data = handle.read(size + 1)
    coding = _CODING.search(data[:400])
    declared = coding.group(1).decode("ascii", "replace").lower().replace("_", "-") if coding else "utf-8"
    if declared not in _PLAIN_CODINGS:
        return True  # a coding an installer honours that this reading does not apply
    if (code or data.startswith(b"#!")) and widens_loaders(data):  # also a script named by its shebang
        return True
    text = _decoded(data)
    if dependency and _OLD_PYTHON.search(text):
        return True
    if Path(path).name.lower() in _LOCK_NAMES:
        return _lock_admits_old(text) or (dependency and _includes_old(path, text, top, generation, depth))
    if text_is_old(text):
        return True
    return dependency and _includes_old(path, text, top, generation, depth)


def _pieces_old(handle: BinaryIO, code: bool) -> bool:
    """A long file read in pieces that overlap by a line's reach, each judged as text."""
    carry = b""
    while True:
        piece = handle.read(_PIECE)
        if not piece:
            return False
        data = carry + piece
        if (code and widens_loaders(data)) or text_is_old(_decoded(data)):
            return True
        carry = data[-_OVERLAP:]


def _decoded(data: bytes) -> str:
    """Text as pip reads it: UTF-8, or UTF-16/32 with a byte-order mark (PowerShell's `>`)."""
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data.decode(codec)  # one that does not decode raises: doubt
    return data.decode("utf-8", "replace")


def text_is_old(text: str) -> bool:
    """Whether a text installs PyYAML before 5.4: a requirement (`admits_old`), a wheel or sdist so
    named, or a distribution's package of it (`apt-get install python3-yaml`)."""
    if "yaml" not in text.lower():
        return False
    text = re.sub(r"\\\r?\n", " ", text)  # a requirement continued on the next line
    return admits_old(text) or _archive_is_old(text) or _distribution_package(text)


def _distribution_package(text: str) -> bool:
    """A package manager's line installing the distribution's PyYAML; line by line, the package
    name first (linear in the text, whatever it repeats)."""
    for package in _DISTRIBUTION_NAME.finditer(text):
        window = max(0, package.start() - 4096)
        line_start = max(window, text.rfind("\n", window, package.start()) + 1)
        segment = re.split(r"[;&|]", text[line_start : package.start()])[-1]
        if _INSTALLER.search(segment):
            return True
    return False


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
    for count, included in enumerate(_INCLUDE.finditer(text)):
        if depth >= _MAX_INCLUDE_DEPTH or count >= _MAX_INCLUDES:
            return True
        window = max(0, included.start() - 4096)
        line_start = max(window, text.rfind("\n", window, included.start()) + 1)
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
        if _file_is_old(str(target), True, False, status.st_mtime_ns, status.st_size, top, generation, depth + 1):
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
    for block in re.split(r"^\s*\[\[\s*package\s*\]\]\s*(?:#.*)?$", text, flags=re.MULTILINE)[1:]:
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
    if _EGG.search(text) or _ESCAPED_NAME.search(text):
        return True
    if any(_section_is_old(text, m.end()) for m in _SECTION.finditer(text)):
        return True
    for count, mention in enumerate(_MENTION.finditer(text)):
        if count >= _MAX_MENTIONS or _spec_admits_old(mention.group("rest")):
            return True  # (past the bound: a file of PyYAML mentions is not read through)
    return False


def _section_is_old(text: str, start: int) -> bool:
    """A TOML table of its own (`[tool.poetry.dependencies.pyyaml]`, `[packages.pyyaml]`): its
    `version` line, or a source (`git`, `path`, `url`) that may be any release."""
    body = re.split(r"^\s*\[", text[start : start + 4096], maxsplit=1, flags=re.MULTILINE)[0]
    if re.search(r"^\s*(?:git|path|url|file)\s*=", body, re.MULTILINE):
        return True
    version = _TOML_VERSION.search(body)
    return version is not None and _spec_admits_old(" " + version.group("version"))


def _spec_admits_old(rest: str) -> bool:
    """Whether an installer, given the clauses right after the name, picks a release before 5.4:
    no release from 5.4 on satisfies them (PyYAML's releases since are 5.4, 5.4.1, 6.0, 6.0.1,
    6.0.2, 6.0.3, and any later one), and an older one does. No clause: the newest release. A
    requirement from a URL, a VCS or a path (`pyyaml @ git+...`, an inline table with `git` or
    `path`), or whose version is spliced in (`PyYAML==$V`, `"pyyaml==" + v`, `f"PyYAML{SPEC}"`,
    `'PyYAML' + SPEC`), could be any release: it counts as old."""
    head = rest.lstrip()
    if _SPLICED_AFTER_NAME.match(rest):
        return True
    if re.match(r"\s*=\s*[\[{]", rest):  # poetry/Pipfile tables: `{version = "5.3.1", ...}` or a list of them
        tables = rest.split("#", 1)[0]
        if re.search(r"\b(?:git|path|url|file)\s*=", tables):
            return True
        versions = _INLINE_VERSION.findall(tables)
        return any(_spec_admits_old(" " + spec) for spec in versions)
    if head.startswith("[") and "version" in head.split("]", 1)[0]:  # conda: `pyyaml[version='<5.4']`
        inline = re.search(r"version\s*=\s*['\"]?(?P<spec>[^'\"\]]{1,64})", head)
        return inline is not None and _spec_admits_old(" " + inline.group("spec"))
    part = _requirement_part(rest)
    if part.lstrip().startswith("@") or _UNKNOWN_VERSION.search(part):
        return True
    clauses = [(c.group("op") or "==", c.group("version")) for c in _CLAUSE.finditer(part)]
    if not clauses:
        return False
    if any(_satisfies(release, clauses) for release in _FIXED_RELEASES):
        return False
    return any(_satisfies(release, clauses) for release in _OLD_RELEASES)


def _satisfies(release: tuple[int, ...], clauses: list[tuple[str, str]]) -> bool:
    return all(_clause_holds(release, op, text) for op, text in clauses)


def _clause_holds(release: tuple[int, ...], op: str, text: str) -> bool:
    wildcard = text.endswith(".*")
    exact = _version(text, strip=False)
    if not exact:
        return True
    version = _version(text)
    compared = _compare(release, version)
    if op in ("==", "===") and not wildcard:
        return compared == 0
    if op in ("==", "===", "="):  # `==5.*`, conda's `=5.3` (5.3, 5.3.1, ...)
        return release[: len(exact)] == exact or _compare(release, exact) == 0
    if op == "!=":
        return compared != 0 if not wildcard else release[: len(exact)] != exact
    if op == "<":
        return compared < 0
    if op == "<=":
        return compared <= 0
    if op == ">":
        return compared > 0
    if op == ">=":
        return compared >= 0
    if op == "~=":  # `~=5.3` is `>=5.3, ==5.*`; `~=5.3.0` is `>=5.3.0, ==5.3.*`
        return compared >= 0 and (len(exact) < 2 or release[: len(exact) - 1] == exact[:-1])
    if op == "^":  # poetry: up to the next change of the first non-zero part
        first = next((at for at, part in enumerate(exact) if part), len(exact) - 1)
        return compared >= 0 and release[: first + 1] == exact[: first + 1]
    if op == "~":  # poetry: `~5.3` is `>=5.3, <5.4`; `~5` is `>=5, <6`
        keep = min(2, len(exact)) if len(exact) > 1 else 1
        return compared >= 0 and release[:keep] == exact[:keep]
    return True


def _compare(left: tuple[int, ...], right: tuple[int, ...]) -> int:
    width = max(len(left), len(right))
    a, b = left + (0,) * (width - len(left)), right + (0,) * (width - len(right))
    return (a > b) - (a < b)


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


def _version(text: str, *, strip: bool = True) -> tuple[int, ...]:
    """`5.4.0` -> (5, 4): trailing zeros dropped, so `<5.4.0` is `<5.4` (kept for a prefix)."""
    parts = [int(part) for part in text.split(".") if part.isdigit()]
    while strip and len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)
