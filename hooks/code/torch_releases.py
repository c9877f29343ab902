"""Whether the project's own package requires torch 2.6 or later, where torch.load restricts itself.

torch 2.6 (January 2025) changed `torch.load`'s default: `weights_only=None` (or the argument left
out) now means `weights_only=True`, unless a `pickle_module` is passed or the environment sets
`TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD`. With `weights_only=True` torch unpickles tensors, containers
and plain values only, plus the globals the code allows (`torch.serialization.add_safe_globals`,
`safe_globals`). 2.6 also fixed CVE-2025-32434, code execution through `weights_only=True` in 2.5.1
and earlier. So `torch.load(path)` is judged as `torch.load(path, weights_only=True)` where torch is 2.6
or later. Flaws of the restricted unpickler itself (CVE-2026-24747, heap corruption, fixed in 2.10.0)
are torch advisories: MLS401 reports a pinned torch that has them, with current advisory data.

What counts as the guarantee is the package's own metadata: the nearest `pyproject.toml`
(`[project] dependencies`, poetry's dependencies), `setup.cfg` (`install_requires`) or `setup.py`
(a literal `install_requires`) at or above the code, up to the repository's top. Installing the
package makes the installer keep torch at or above its lower bound. Every torch entry there must
exclude every release before 2.6, whatever its environment marker, and there must be one. A
requirements file alone is no guarantee: the package installs without it (lightllm pins
`torch==2.6.0` in requirements.txt while its setup.py requires no torch at all).

Doubt keeps the finding as it is. The repository is surveyed once per run, like PyYAML's
(`pyyaml_releases.py`, whose binary suffixes and byte-order marks this shares): every text file
but documents, read in pieces. Any that names torch with a version before 2.6, or with a version
from a variable the same file does not set to 2.6 or later (`torch==${TORCH_VERSION}`), a wheel
named `torch-2.1.0-...`, pip's no-deps in any spelling, the override variable (in any case or
pieces), `add_safe_globals` or `safe_globals` (globals the unpickler is told to allow), a patched,
rebound or re-defaulted `torch.load`, an old torchvision or torchaudio pin, any torchtext
(discontinued with torch 2.3), a torch image before 2.6, or a variable named for torch's version
set old; or a module named `torch` in the repository. What a base image ships beyond its tag and
what another package's requirements install are not seen; `profile: strict` keeps every such
finding at its severity. Nothing is imported or run.
"""

from __future__ import annotations

import ast
import os
import re
import stat
import sys
from functools import lru_cache
from pathlib import Path

from hooks._core.paths import run_generation
from hooks.code.pyyaml_releases import BYTE_ORDER_MARKS, NOT_TEXT, is_dependency_file
from hooks.code.repository_walk import BoundedWalk, WalkBoundReached
from hooks.code.tree_nodes import nodes_of

FIXED = (2, 6)
_METADATA_NAMES = ("pyproject.toml", "setup.cfg", "setup.py")
_MAX_BYTES = 1 << 20  # of one metadata or dependency file
_MAX_ENTRIES = 300_000
_MAX_TOTAL = 512 << 20
_SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn"})
# What turns the default off, patches torch.load, or widens what the restricted unpickler accepts
# (also `TORCH_FORCE_NO_` + `WEIGHTS_ONLY_LOAD` built from pieces), anywhere in the repository.
_WIDENING = re.compile(
    rb"(?i)ONLY_LOAD|FORCE_NO_WEIGHT|safe_globals|weights_only_unpickler|_default_to_weights_only|version\s*\.\s*git_version"
    rb"|__k?w?defaults__|\.\s*load\s*\)?\s*(?::[^=\n]{0,80})?=(?!=)|partial\(\s*[\w.\s]*\bload\b"
    rb"|setattr\(\s*torch\s*,|vars\(\s*torch\b|__dict__\s*\[\s*[\"']load"
)
# The project, or anything, installed without its requirements: pip's flag, its alias and the
# abbreviations pip accepts (`--no-depe`), its environment variables and its configuration key.
_NO_DEPS = re.compile(rb"(?i)no[-_]dep\w*")
_TORCH_MENTION = re.compile(
    r"(?<![\w.\-/])(?:py)?torch(?:-gpu|-cpu)?(?![\w\-])(?=(?P<rest>[^\n]{0,160}))", re.IGNORECASE
)
# Companions whose old releases require an old torch: torchvision before 0.21, torchaudio before 2.6;
# torchtext was discontinued with torch 2.3, so any torchtext brings an older torch.
_COMPANION = re.compile(
    r"(?<![\w.\-/])(?P<name>torchvision|torchaudio|torchtext)(?![\w\-])(?=(?P<rest>[^\n]{0,160}))", re.IGNORECASE
)
_COMPANION_NEW = {"torchvision": "0.21.0", "torchaudio": "2.6.0", "torchtext": "99999"}
# An image that ships torch: `pytorch/pytorch:2.1.0-...`, NVIDIA's `nvcr.io/nvidia/pytorch:24.10-py3`.
# Anywhere: FROM lines, `ARG BASE=...`, CI `image:` and `container:` keys, compose files.
_TORCH_IMAGE = re.compile(r"(?i)(?<![\w.-])(?:[\w.-]+/)*pytorch[\w.-]*:(?P<tag>[\w.-]+)")
_LOCKED_TORCH = re.compile(
    r"""(?i)name\s*[=:]\s*["']?(?:py)?torch["']?\s*\n\s*version\s*[=:]\s*["']?(?P<version>[^"'\s]{1,64})"""
)
# Variable assignments (`NAME: "2.8.0"`, `NAME=2.8.0`, `--build-arg NAME=...`), read in one pass;
# a shell default (`${NAME:-2.7.0}`) is no assignment: the environment may set it.
_ASSIGNMENT = re.compile(r"(?<![\w-])(?P<name>[A-Za-z_][\w-]{0,80})[ \t]*[:=](?![-=])[ \t]*(?P<value>[^\n]{0,200})")
_VERSION_IN_VALUE = re.compile(r"(?<![\w.])(\d+\.\d+(?:\.\d+)*)")
_TORCH_VARIABLE = re.compile(r"(?i)(?:^|_)(?:py)?torch[_-]?ver(?:sion)?$")
_SPLICED = re.compile(r"[\"'\\]")
_BRACKETS = re.compile(r"[\[\]{}]")
_ESCAPE = re.compile(r"\\u(?P<code>[0-9a-fA-F]{4})")
_PIPFILE_LOCKED = re.compile(r'(?i)"torch"\s*:\s*\{[^}]{0,400}?"version"\s*:\s*"(?P<spec>[^"]{1,64})"')
_INCLUDE = re.compile(r"(?m)(?:^|\s)(?:-r|-c|--requirement|--constraint)(?:\s+|=)(?P<path>[^\s;#]+)")
_MAX_MENTIONS = 2000  # torch mentions judged in one text; more: doubt
_PIECE = 4 << 20  # a long file is searched this much at a time ...
_OVERLAP = 4096  # ... each piece starting this far back into the last
# Documents install and configure nothing (a README's `pip freeze` output, "PyTorch 2.2 or higher").
_DOCUMENTS = (".md", ".markdown", ".rst", ".adoc", ".html", ".htm", ".tex", ".org", ".rtf")
# Formats that hold no install command or environment setting (searched for nothing): PyYAML's
# survey's list, and what else a model repository keeps.
_NOT_TEXT: tuple[str, ...] = (*NOT_TEXT, ".webp", ".bmp", ".tif", ".tiff", ".mp4", ".mp3", ".wav", ".flac", ".mov")
_NOT_TEXT += (".avi", ".ckpt", ".safetensors", ".onnx", ".pb", ".h5", ".keras", ".npy", ".npz", ".joblib", ".gguf")
_NOT_TEXT += (".parquet", ".arrow", ".feather", ".tfrecord", ".so", ".dylib", ".dll", ".exe", ".jar", ".class")
_WHEEL = re.compile(r"(?<![\w-])(?:py)?torch-(?P<version>\d+(?:\.\d+)*)(?=[-+.]|$)", re.IGNORECASE)
_SPEC = re.compile(
    r"^\s*(?:\[[^\]\n]{0,80}\])?\s*\(?\s*(?P<spec>(?:(?:===|==|~=|<=|>=|!=|<|>|=)\s*[^\s,;'\"\]\)|#]+\s*,?\s*)+)"
)
_TOML_VALUE = re.compile(r"""^\s*=\s*(?:["'](?P<quoted>[^"'\n]{0,64})["']|\{(?P<table>[^}\n]{0,200})\})""")
_TOML_ARRAY = re.compile(r"^\s*=\s*\[")
_TABLE_VERSION = re.compile(r"""version\s*=\s*["']([^"'\n]{1,64})["']""")
_MAX_ARRAY = 4096  # characters of a `torch = [...]` array read; a longer one is not judged
_CLAUSE = re.compile(r"(===|==|~=|<=|>=|!=|<|>|=)\s*([^\s,;'\"\]\)|#]+)")
_VARIABLE = re.compile(r"\$\{?\{?\s*(?:[\w.]+\.)?(?P<name>[A-Za-z_][\w-]*)\s*\}?\}?")


def restricted_default_source(code_file: Path | None, top: Path | None, own_text: str) -> str | None:
    """The metadata file (relative to the repository's top) whose torch requirement means
    `torch.load` restricts itself by default for this code, or None when that is not certain."""
    if code_file is None or top is None or _WIDENING.search(own_text.encode("utf-8", "replace")):
        return None
    try:
        governing = _governing_metadata(code_file.resolve().parent, top.resolve())
    except (OSError, ValueError, RecursionError):
        return None
    if governing is None or _survey_doubts(str(top.resolve()), run_generation()):
        return None
    return governing


def _governing_metadata(folder: Path, top: Path) -> str | None:
    """The package the code belongs to: the nearest folder at or above it with package metadata
    that declares dependencies. Its torch entries, all of them, must exclude every release before
    2.6, and so must every other package's metadata above it up to the top (a stray nested
    pyproject must not speak for the project that is really installed)."""
    if folder != top and top not in folder.parents:
        return None
    nearest: str | None = None
    at = folder
    while True:
        present = [at / name for name in _METADATA_NAMES if (at / name).is_file()]
        if any(path.is_symlink() for path in present):
            return None
        declared = [entries for entries in map(_torch_entries, present) if entries is not None]
        if declared:
            entries = [entry for found in declared for entry in found]
            if not entries or not all(_excludes_old(entry) for entry in entries):
                return None
            nearest = nearest or present[0].relative_to(top).as_posix()
        if at == top:
            return nearest
        at = at.parent


def _torch_entries(path: Path) -> list[str] | None:
    """The torch requirement strings the file's package declares; None when it declares no
    dependency list at all; a list holding "" when one cannot be read (which is no guarantee)."""
    if path.stat().st_size > _MAX_BYTES:
        return [""]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [""]  # pip cannot read it either
    if path.name == "pyproject.toml":
        return _pyproject_entries(text)
    if path.name == "setup.cfg":
        return _setup_cfg_entries(text)
    return _setup_py_entries(text)


def _is_torch(requirement: str) -> bool:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return match is not None and match.group(1).lower().replace("_", "-") == "torch"


def _pyproject_entries(text: str) -> list[str] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return [""]
    project = data.get("project")
    poetry = data.get("tool", {}).get("poetry", {}) if isinstance(data.get("tool"), dict) else {}
    found: list[str] | None = None
    if isinstance(project, dict) and "dependencies" in project:
        dependencies = project["dependencies"]
        if not isinstance(dependencies, list):
            return [""]
        found = [str(item) for item in dependencies if _is_torch(str(item))]
    if isinstance(poetry, dict) and isinstance(poetry.get("dependencies"), dict):
        found = found or []
        for name, value in poetry["dependencies"].items():
            if str(name).lower() != "torch":
                continue
            if isinstance(value, dict) and value.get("optional"):
                found.append("")  # an extra's: not installed with the package
                continue
            version = value.get("version") if isinstance(value, dict) else value
            found.append(_poetry_requirement(version))
    return found


def _poetry_requirement(version: object) -> str:
    """Poetry's `^2.6`, `~2.6` and `>=2.6,<3` as a PEP 440 requirement; anything else (a path, a
    git source, a bare `*`) is no guarantee."""
    if not isinstance(version, str):
        return ""
    version = version.strip()
    if re.fullmatch(r"[\^~]\s*\d+(?:\.\d+)*", version):
        return "torch>=" + version[1:].strip()
    if re.fullmatch(r"\d+(?:\.\d+)*", version):
        return "torch==" + version
    return "torch" + version if version[:1] in "<>=!~" else ""


def _setup_cfg_entries(text: str) -> list[str] | None:
    import configparser

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return [""]
    if not parser.has_option("options", "install_requires"):
        return None
    lines = parser.get("options", "install_requires").splitlines()
    return [line.strip() for line in lines if _is_torch(line)]


def _setup_py_entries(text: str) -> list[str] | None:
    try:
        module = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return [""]
    lists: dict[str, ast.expr] = {}
    for statement in module.body:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            lists[statement.targets[0].id] = statement.value
    uses: dict[str, int] = {}
    for node in nodes_of(module):
        if isinstance(node, ast.Name):
            uses[node.id] = uses.get(node.id, 0) + 1
    for node in nodes_of(module):
        if not isinstance(node, ast.Call):
            continue
        called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for keyword in node.keywords:
            if keyword.arg != "install_requires":
                continue
            if not called.endswith("setup"):
                return [""]  # another call's keyword: not the package's requirements
            value = keyword.value
            if isinstance(value, ast.Name):
                if uses.get(value.id, 0) != 2:
                    return [""]  # the list is changed or rebound elsewhere (`REQ.append(...)`)
                value = lists.get(value.id, value)
            if not isinstance(value, ast.List | ast.Tuple):
                return [""]  # built at run time: not read
            items = [
                item.value for item in value.elts if isinstance(item, ast.Constant) and isinstance(item.value, str)
            ]
            if len(items) != len(value.elts):
                return [""]
            return [item for item in items if _is_torch(item)]
    return None


def _excludes_old(requirement: str) -> bool:
    """The requirement admits no torch release before 2.6, on every platform: an entry with an
    environment marker (`; sys_platform == 'win32'`, `; extra == 'gpu'`) may require nothing
    where the code runs, so it is no guarantee."""
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        parsed = Requirement(requirement)
    except (InvalidRequirement, ValueError):
        return False
    return not parsed.url and parsed.marker is None and _spec_excludes_old(str(parsed.specifier))


def _spec_excludes_old(spec: str) -> bool:
    """Some clause of the specifier alone bounds it at 2.6 or above (`>=2.6`, `~=2.7`, `==2.6.0`,
    `==2.6.*`, `>2.6`): the clauses intersect, so one such bound excludes every older release."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.version import InvalidVersion, Version

    try:
        clauses = list(SpecifierSet(spec))
    except (InvalidSpecifier, ValueError):
        return False
    for clause in clauses:
        if clause.operator not in (">=", "~=", "==", "===", ">"):
            continue
        version = clause.version.removesuffix(".*")
        try:
            if Version(version) >= Version(".".join(map(str, FIXED))):
                return True
        except (InvalidVersion, ValueError):
            continue
    return False


def widens_torch_loads(data: bytes) -> bool:
    """Whether the bytes turn the restricted default off or widen what it unpickles (also for
    `--changed-since`)."""
    return _WIDENING.search(data) is not None


class _Doubt(Exception):
    """Something the survey cannot judge."""


@lru_cache(maxsize=64)
def _survey_doubts(top: str, generation: int) -> bool:
    """Once per repository and run: whether any file could install torch before 2.6, install the
    project without its requirements, turn the restricted default off or widen it."""
    try:
        return _survey(top)
    except (OSError, ValueError, RecursionError, UnicodeError, _Doubt, WalkBoundReached):
        return True


def _survey(top: str) -> bool:
    total = 0
    walk = BoundedWalk(top, None, _MAX_ENTRIES)
    for entry, _ in walk:
        if total > _MAX_TOTAL:
            raise _Doubt
        name = entry.name
        wheel = _WHEEL.search(name)
        if wheel is not None and _old(wheel.group("version")):
            return True
        if name == "torch.py" or (name == "torch" and (Path(entry.path) / "__init__.py").exists()):
            return True  # a module named torch shadows the real one where it is on the path
        if entry.is_dir(follow_symlinks=False):
            if name not in _SKIPPED_FOLDERS:
                walk.enter(entry.path, None)
            continue
        if name.lower().endswith(_NOT_TEXT + _DOCUMENTS):
            continue
        status = entry.stat(follow_symlinks=False)
        if not stat.S_ISREG(status.st_mode):
            if is_dependency_file(name) or name.lower().startswith(("requirements", "constraints")):
                raise _Doubt  # a linked dependency file: not followed
            continue
        total += status.st_size
        if _file_doubts(entry.path, status.st_size, top):
            return True
    return False


def _file_doubts(path: str, size: int, top: str) -> bool:
    """Any text file: whether it widens or turns off the default, installs without requirements,
    or installs (or ships in an image) a torch before 2.6. Read in overlapping pieces, so a long
    file is searched whole; a UTF-16 or UTF-32 file is decoded first."""
    with open(path, "rb") as handle:
        head = handle.read(4)
        handle.seek(0)
        encoding = next((name for mark, name in BYTE_ORDER_MARKS if head.startswith(mark)), None)
        if encoding is not None:
            if size > _MAX_BYTES:
                raise _Doubt
            return _text_doubts(handle.read().decode(encoding, "replace").encode("utf-8"), path, top)
        start = 0
        while start < size:
            handle.seek(start)
            piece = handle.read(_PIECE)
            if _text_doubts(piece, path, top):
                return True
            if len(piece) < _PIECE:
                break
            start += _PIECE - _OVERLAP
    return False


def _text_doubts(data: bytes, path: str, top: str) -> bool:
    if widens_torch_loads(data) or _NO_DEPS.search(data) is not None:
        return True
    if b"torch" not in data.lower() and b"\\u" not in data:
        return False
    text = data.decode("utf-8", "replace")
    if installs_old_torch(text):
        return True
    # `-r base.req` / `-c pins.cfg`: what an include names is read as the file's own text
    for include in _INCLUDE.finditer(text):
        target = Path(os.path.normpath(Path(path).parent / include.group("path")))
        if not str(target).startswith(top + os.sep) or not target.is_file():
            continue  # outside the repository or missing: the file itself says nothing older
        if target.stat().st_size > _MAX_BYTES:
            raise _Doubt
        included = target.read_bytes()
        if widens_torch_loads(included) or installs_old_torch(included.decode("utf-8", "replace")):
            return True
    return False


def installs_old_torch(text: str) -> bool:
    """Whether the text names torch (or a companion pinned to an old torch) with a version before
    2.6, a version it does not set itself, a source other than an index, or an image of an older
    torch; `\\` continuations are joined first, as pip and shells do."""
    text = text.replace("\\\r\n", " ").replace("\\\n", " ")
    if "\\u" in text:  # JSON's escapes in a notebook's source: `\u0074orch==2.1.0`
        text = _ESCAPE.sub(lambda escape: chr(int(escape.group("code"), 16)), text)
    if _NO_DEPS.search(text.encode("utf-8", "replace")) is not None:
        return True
    assignments = _assignments(text)
    for name, versions in assignments.items():
        # `--build-arg TORCH_VERSION=2.1.0`, compose `args:`, a CI `env:` block: whatever file
        # installs `torch==${TORCH_VERSION}`, this one sets it old
        if _TORCH_VARIABLE.search(name) and any(_old(version) for version in versions):
            return True
    for wheel in _WHEEL.finditer(text):
        if _old(wheel.group("version")):
            return True
    for image in _TORCH_IMAGE.finditer(text):
        if _image_is_old(image.group("tag")):
            return True
    for locked in _LOCKED_TORCH.finditer(text):
        if _old(locked.group("version")):
            return True
    for locked in _PIPFILE_LOCKED.finditer(text):
        if not _spec_excludes_old(locked.group("spec")):
            return True
    for companion in _COMPANION.finditer(text):
        name = companion.group("name").lower()
        if name == "torchtext" or _companion_is_old(name, companion.group("rest")):
            return True
    # Shells splice quotes and escapes away: `torch'<2.6'`, `torch\\<2.6`, `"torch"==2.1.0`.
    spliced = "\n".join(_SPLICED.sub("", line) for line in text.splitlines() if "install" in line)
    for variant in (text, spliced) if spliced else (text,):
        for count, mention in enumerate(_TORCH_MENTION.finditer(variant)):
            if count > _MAX_MENTIONS:
                return True
            if _mention_is_old(variant, mention.group("rest"), mention.start("rest"), assignments):
                return True
    return False


def _assignments(text: str) -> dict[str, list[str]]:
    """Every version-looking value the text gives each name, in one pass."""
    found: dict[str, list[str]] = {}
    for assignment in _ASSIGNMENT.finditer(text):
        versions = _VERSION_IN_VALUE.findall(assignment.group("value"))
        found.setdefault(assignment.group("name"), []).extend(versions)
    return found


def _image_is_old(tag: str) -> bool:
    """`2.1.0-cuda12.1-...` is torch 2.1; NVIDIA's `24.10-py3` (year.month) ships a 2.6 torch from
    25.02 on; any other tag (`latest`, a digest) is not known to hold a new one."""
    version = re.match(r"v?(\d+)\.(\d+)", tag)
    if version is None:
        return True
    major, minor = int(version.group(1)[:6]), int(version.group(2)[:6])
    if major >= 20:
        return (major, minor) < (25, 2)
    return (major, minor) < FIXED


def _companion_is_old(name: str, rest: str) -> bool:
    """A torchvision or torchaudio requirement that admits none of the releases built for torch
    2.6 or later forces an older torch."""
    spec = _SPEC.match(rest)
    if spec is None:
        return False
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    clauses = _clauses(spec.group("spec"), {})
    if clauses is None:
        return True
    try:
        specifier = SpecifierSet(",".join(clauses))
        newest = ("99999", _COMPANION_NEW[name])
        return not any(specifier.contains(version, prereleases=True) for version in newest)
    except (InvalidSpecifier, ValueError):
        return True


def _clauses(spec: str, assignments: dict[str, list[str]]) -> list[str] | None:
    """The specifier's clauses in PEP 440 form (conda's `=2.4` is any 2.4 build); a variable the
    same file sets to new releases only is a pin to one of them and adds no clause. None when a
    clause is not a version (a template, a word, a variable set old or not at all)."""
    clauses = []
    for op, value in _CLAUSE.findall(spec):
        variable = _VARIABLE.match(value)
        if variable is not None:
            if not _variable_is_new(assignments, variable.group("name")):
                return None
            continue
        if not re.match(r"v?\d", value):
            return None
        clauses.append(("==" + value.lstrip("v") + ".*") if op == "=" else op + value.lstrip("v"))
    return clauses


def _mention_is_old(text: str, rest: str, at: int, assignments: dict[str, list[str]]) -> bool:
    if re.match(r"\s*@", rest):
        return True  # `torch @ git+...@v2.1.0`, a URL or a path: any release
    if _TOML_ARRAY.match(rest):
        # `torch = [...]`: uv's sources (an index per extra) or poetry's constraints per
        # Python version; judged by the versions its tables give, none being sources only
        array = _bracketed(text, at + rest.index("["))
        return array is None or any(
            _toml_value_is_old(version, None, assignments) for version in _TABLE_VERSION.findall(array)
        )
    table = _TOML_VALUE.match(rest)
    if table is not None:
        return _toml_value_is_old(table.group("quoted"), table.group("table"), assignments)
    conda = re.match(r"""\[\s*version\s*=\s*['"](?P<spec>[^'"\n]{1,64})['"]""", rest)
    if conda is not None:
        return not _spec_excludes_old(conda.group("spec").replace(" ", ""))
    spaced = re.match(r"[ \t]+(?P<version>\d+(?:\.\d+)*)(?:[ \t]|$)", rest)
    line_start = text.rfind("\n", 0, at) + 1
    if spaced is not None and re.fullmatch(r"\s*-\s*(?:[\w.-]+::)?(?:py)?torch", text[line_start:at], re.IGNORECASE):
        return _old(spaced.group("version"))  # conda's `- pytorch 2.1.0` (not prose: "PyTorch 2.2 or higher")
    spec = _SPEC.match(rest)
    if spec is None:
        return False  # a bare name keeps what the package's own requirement installed
    clauses = _clauses(spec.group("spec"), assignments)
    return clauses is None or (bool(clauses) and not _spec_excludes_old(",".join(clauses)))


def _bracketed(text: str, start: int) -> str | None:
    """The `[...]` array opening at `start`, nested brackets and braces counted; None when it does
    not close within the bound."""
    depth = 0
    for bracket in _BRACKETS.finditer(text, start, min(len(text), start + _MAX_ARRAY)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth == 0:
            return text[start : bracket.end()]
    return None


def _toml_value_is_old(quoted: str | None, table: str | None, assignments: dict[str, list[str]]) -> bool:
    """Poetry's and Pipenv's `torch = "^2.1"` or `torch = {version = "2.1", ...}`: any version in
    it before 2.6, or a table without one (a git or path source), is old; `"*"` is any release."""
    if table is not None:
        version = re.search(r"""version\s*=\s*["']([^"'\n]{1,64})["']""", table)
        if version is None:
            return True
        quoted = version.group(1)
    value = (quoted or "").strip()
    if value == "*":
        return False
    variable = _VARIABLE.search(value)
    if variable is not None:
        return not _variable_is_new(assignments, variable.group("name"))
    versions = re.findall(r"(?<![\w.])(\d+(?:\.\d+)*)", value)
    return not versions or any(_old(version) for version in versions)


def _variable_is_new(assignments: dict[str, list[str]], name: str) -> bool:
    """Every value the same file gives `name` (`NAME: "2.8.0"`, `NAME=2.8.0`, `ARG NAME=...`,
    a matrix list on the same line) is 2.6 or later, and there is one."""
    versions = assignments.get(name, [])
    return bool(versions) and not any(_old(version) for version in versions)


def _old(version: str) -> bool:
    parts = []
    for part in version.split(".")[:3]:
        if not part.isdigit():
            break
        parts.append(int(part[:9]))
    return tuple(parts) < FIXED
