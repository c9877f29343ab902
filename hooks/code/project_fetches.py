"""Whether the project's own tooling downloads, copies or unpacks a file the code loads.

A load of a fixed relative path that the code names nowhere else (`joblib.load("model.pkl")`)
reads the repository's own file (load_context.py, `repository_file`), unless something else puts
that file there before the code runs: a Makefile target `wget -O model.pkl $(URL)`, a CI step
`aws s3 cp --recursive s3://bucket/models models/`, `RUN curl -o model.pkl ...` in the image that
runs the code, a `download.sh` beside it, a notebook beside it with `!wget`, a `download.py` that
`urlretrieve`s it, or DVC (`model.pkl.dvc`, `dvc.yaml`). The bytes loaded are then someone
else's, and the load keeps its severity.

Where such tooling lives: the code's own folder and every folder above it up to the repository's
top (the nearest folder holding `.git`): Makefiles and `*.mk`, shell, PowerShell and batch
scripts, Dockerfiles and Containerfiles, compose files, justfiles, Taskfiles, `tox.ini`,
`noxfile.py`, `dvc.yaml`/`dvc.lock`; the top folder's CI definitions (GitHub Actions workflows and
composite actions, GitLab, CircleCI, Azure Pipelines, Cloud Build, CodeBuild, Travis, Bitbucket,
Drone, Jenkinsfile); and the Python scripts and notebooks beside the code. A line of tooling that
runs a fetching command (after the file's own simple variables, `$(MODEL)`, `${OUT}`, `$@`, are
put in) contributes its words; a script or notebook beside the code contributes the words within
a few lines of a downloader call or a fetching shell line (`TARGET = "model.pkl"` above
`urlretrieve(URL, TARGET)`). The load's file is fetched when its name, the name with a compression
suffix (`model.pkl.gz` unpacks to it), or any folder on its path (`wget -P models`) is one of
those words, or when DVC tracks it or a folder on its path.

What is read is bounded (entries per folder, bytes per file, files per question); past a bound the
answer is "fetched", so the load keeps its severity (fail closed). Each file is read once per run
(kept while its size and time stay the same). Nothing is executed or imported.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from hooks._core.paths import run_generation
from hooks.code.cells import PYTHON_CELL_MAGICS
from hooks.code.ci_definitions import CI_ACTIONS, CI_FILES, CI_FOLDERS, in_ci
from hooks.code.pyyaml_releases import is_dependency_file, scan_root, widens_loaders
from hooks.code.torch_releases import installs_old_torch, widens_torch_loads

# Shell commands that download, copy or unpack files (a copy or an unpacked archive may come
# from anywhere: `cp /mnt/models/model.pkl .`), and Dockerfile instructions that do.
FETCHING_COMMAND = re.compile(
    r"\b(?:wget|curl|aws\s+s3|s3api|gsutil|gcloud\s+storage|az\s+storage|azcopy|rsync|rclone|scp|aria2c|gdown|"
    r"hdfs\s+dfs|hadoop\s+fs|"
    r"git\s+(?:clone|pull|fetch|checkout|lfs)|dvc\s+(?:pull|fetch|get|import|checkout|repro)|"
    r"unzip|tar|gunzip|bunzip2|unxz|7z|cp|mv|kaggle|huggingface-cli|hf\s+download|urlretrieve|urlopen|"
    r"Invoke-WebRequest|iwr|Start-BitsTransfer|ADD|COPY\s+--from|"
    # GitHub Actions steps that put files in place: their `with:` lines say where (_ACTION_STEP).
    r"download-artifact|actions/cache)\b"
)
_MAX_FILES = 4096  # files consulted for one folder's answer (each is read once per run)
_NAMES_TORCH = re.compile(rb"(?i)(?<![\w.-])(?:py)?torch(?:vision|audio)?(?![\w-])|no[-_]dep(?:s|endencies)\b")
_NAMES_PYYAML = re.compile(rb"pyyaml|python3?-(?:py)?yaml|py3-yaml", re.IGNORECASE)
_MAX_ENTRIES = 20_000  # entries of one folder looked through
_NEAR = 8  # lines between a script's download call and the name it writes
_MAX_BYTES = 512 << 10  # of each tooling file; a longer one is not read whole, so it may fetch anything
_MAX_NOTEBOOK_BYTES = 32 << 20  # a notebook beside the code, outputs and all
_TOOLING_NAMES = frozenset(
    {
        "makefile",
        "gnumakefile",
        "justfile",
        "taskfile.yml",
        "taskfile.yaml",
        "dvc.yaml",
        "dvc.lock",
        "dockerfile",
        "containerfile",
        "jenkinsfile",
        "tox.ini",
        "noxfile.py",
    }
)
_TOOLING_PREFIXES = ("dockerfile", "containerfile", "docker-compose", "compose.", "compose-")
_TOOLING_SUFFIXES = (".mk", ".sh", ".bash", ".zsh", ".ps1", ".bat", ".cmd", ".dockerfile", ".containerfile")
# A Python script's downloaders: the stdlib's, HTTP clients', the Hub's, cloud storage clients',
# MinIO's, MLflow's, torch.hub's, torchvision's and pooch's.
_PYTHON_FETCH = re.compile(
    r"\b(?:urlretrieve|urlopen|requests\.get|httpx\.get|hf_hub_download|snapshot_download|download_file|"
    r"download_fileobj|download_to_filename|download_blob|gdown|wget\.download|get_file|fget_object|"
    r"download_artifacts|download_url_to_file|download_url|download_and_extract_archive|pooch\.retrieve)\b"
)
# A whole line that is a Python import statement (one or more dotted modules, `as` names, a
# parenthesised or backslash-continued list's first line; no comment, whose words may name a
# file): it binds modules and names, writes no file. Each part has one way to match (no two
# quantifiers over the same characters side by side), so a hostile line is matched in linear
# time; a line past _MAX_IMPORT_LINE is never taken as one.
_IMPORT = re.compile(
    r"[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]+[\w*(][\w, \t()\\]*"
    r"|import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*[ \t]*)$"
)
_MAX_IMPORT_LINE = 1024


def _is_import(line: str) -> bool:
    return len(line) <= _MAX_IMPORT_LINE and _IMPORT.match(line) is not None


# Suffixes an unpacking command takes off (`gunzip model.pkl.gz` writes model.pkl).
_PACKED = (".gz", ".bz2", ".xz", ".lzma", ".zst", ".zip", ".tgz", ".tar", ".7z")
# What separates the words of a command line or a line of code: a file is named by a whole word
# or a part of a path (`jobs/model.pkl`, `-o=model.pkl`, `"model.pkl"`).
_TOKENS = re.compile(r"[\s\"'`=(),;|<>\[\]{}]+")  # a command's arguments, paths kept whole
_FOLDER = "\x00dir:"  # marks a folder a line may fill, among the words
_SEPARATORS = re.compile(r"[\s\"'`=(),;:|<>\[\]{}/\\*?!&+]+")
# The head of an assignment (`export OUT=`, `MODEL :=`, `ENV X=`, `X: ` in YAML); the value is the
# rest of the line, taken by slicing (no pattern that backtracks over a long value).

_MAX_VALUE = 256  # characters of a variable's value put in; a longer one is left out
_MAX_SUBSTITUTED = 8192  # a line longer than this after variables are put in keeps them as written
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_ASSIGNMENT = re.compile(rf"(?:export\s+|ENV\s+|ARG\s+|set\s+)?(?P<name>{_NAME})[ \t]*(?::=|\?=|\+=|=|:[ \t])")
# `$(X)`, `${X}`, `$X`, `${X:-default}` (and `-`, `:=`, `=`), and Actions' `${{ env.X }}`.
_VARIABLE = re.compile(
    rf"\$(?:\((?P<a>{_NAME})\)|\{{(?P<b>{_NAME})(?::?[-=](?P<default>[^{{}}$]{{0,256}}))?\}}|(?P<c>{_NAME})|"
    rf"\{{\{{[ \t]*(?:env|vars|inputs)\.(?P<e>{_NAME})[ \t]*\}}\}})"
)
# A short option glued to its value (`wget -Omodel.pkl`, `curl -omodel.pkl`, `wget -Pmodels`).
_GLUED_OPTION = re.compile(r"-[A-Za-z](?=[^-\s])")
# An Actions step that fetches (`uses: actions/download-artifact@v4`): its `with:` lines follow.
_ACTION_STEP = re.compile(r"[ \t]*(?:-[ \t]*)?uses:[ \t]*(?P<action>\S+)")  # matched at the line's start
_ACTION_LINES = 16  # lines of a step read after its `uses:`
_MAKE_RULE = re.compile(r"^(?P<targets>[^\s:#=$][^:=#]*?):(?!=)")

Index = Callable[[str, int, int], "frozenset[str] | None"]


def fetched_by_project(code_folder: Path | None, source_folder: str, own_name: str, path: str) -> bool:
    """Whether tooling of the project (see the module's doc) may put the file at `path` (relative
    to the code's folder) in place; True also when that cannot be told (no folder on disk, past
    the bounds). `own_name` is the scanned file's name: its own downloads are judged from its code."""
    if code_folder is None or not path or "\x00" in path or path.startswith(("/", "\\")):
        return True
    top = repository_top(code_folder, source_folder)
    if top is None:
        return True
    asked = _asked(path)
    if not asked:
        return True
    try:
        if _tracked_by_dvc(code_folder, top, path):
            return True
        around = _words_around(str(code_folder), str(top), _folder_time(code_folder), run_generation())
    except (OSError, ValueError, RecursionError, _TooMany):
        return True
    if around is None:
        return True
    name, folders = asked
    return around.fetches(name, own_name) or any(around.fetches(_FOLDER + folder, own_name) for folder in folders)


def _changed_head(path: Path) -> bytes | None:
    """The first MiB and a byte of a changed file, read once for both questions below; None when
    it is gone or cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read((1 << 20) + 1)
    except OSError:
        return None


def _may_change_pyyaml(data: bytes | None, install_or_code: bool) -> bool:
    """Whether a changed file may change which PyYAML the repository runs or what FullLoader builds:
    it names PyYAML or a distribution's package of it, registers YAML constructors, is too long to
    tell, or is a dependency file or module that is gone (what it held is not known)."""
    if data is None or len(data) > 1 << 20:
        return install_or_code
    return _NAMES_PYYAML.search(data) is not None or widens_loaders(data) or data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _may_change_torch(name: str, data: bytes | None) -> bool:
    """Whether a changed (or deleted) file may raise a torch.load verdict elsewhere (torch_releases.py):
    the package's metadata (what it no longer requires matters too), a module that widens or
    patches the load, or a text that installs an older torch or installs without requirements (a
    file that now names a newer torch lowers nothing that --changed-since would report)."""
    name = name.lower()
    if name in ("pyproject.toml", "setup.py", "setup.cfg"):
        return True
    if data is None:
        return is_dependency_file(name)  # gone: what it held is not known
    if len(data) > 1 << 20:
        return True
    if name.endswith((".py", ".pyw")):
        return widens_torch_loads(data)
    return widens_torch_loads(data) or (
        _NAMES_TORCH.search(data) is not None and installs_old_torch(data.decode("utf-8", "replace"))
    )


def is_tooling(display: str) -> bool:
    """Whether a repository path is tooling whose change may change answers (for `--changed-since`)."""
    name = posixpath.basename(display).lower()
    return _tooling_name(name) or in_ci(display) or name.endswith(".dvc")


def affected_by(display: str, changed: Iterable[str], root: Path) -> bool:
    """Whether code at `display` may get another answer because these repository paths changed:
    tooling in its folder or above, CI, or a script or notebook beside it that fetches something."""
    return ChangedPaths(changed, root).affect(display)


class ChangedPaths:
    """The changed paths, indexed once for many questions (`mlsec scan --changed-since` asks for
    every unchanged file: asking each of them about every changed path cost time of their
    product, 29 s for 2,000 and 2,000 in one folder)."""

    def __init__(self, changed: Iterable[str], root: Path) -> None:
        self.root = root
        self.scripts_in: dict[str, list[str]] = {}  # folder -> its changed scripts and notebooks
        # Folders of changed tooling, and whether only scripts: a changed script beside the code
        # is judged by what it fetches (above), not as tooling of its own folder.
        self.tooling_in: dict[str, bool] = {}  # folder -> only scripts
        self.everywhere_from: dict[str, bool] = {}  # CI or top-level tooling, by folder -> only scripts
        # A change that may raise torch.load verdicts reaches every module that names torch.
        self.torch_changed = False
        read = 0
        for other in changed:
            other_folder = posixpath.dirname(other)
            script = other.lower().endswith((".py", ".ipynb"))
            if script:
                self.scripts_in.setdefault(other_folder, []).append(other)
            # The repository's PyYAML, and YAML constructors registered anywhere, decide every
            # module's FullLoader findings (pyyaml_releases.py): such a change reaches every folder.
            read += 1
            install_or_code = script or is_dependency_file(posixpath.basename(other))
            head = _changed_head(root / other) if read <= _MAX_FILES else None
            if read > _MAX_FILES or _may_change_pyyaml(head, install_or_code):
                self.everywhere_from[other_folder] = False
            elif not self.torch_changed and _may_change_torch(posixpath.basename(other), head):
                self.torch_changed = True
            if not is_tooling(other):
                continue
            into = self.everywhere_from if in_ci(other) or other_folder in ("", ".") else self.tooling_in
            into[other_folder] = into.get(other_folder, True) and script
        self._fetching_in: dict[str, list[str]] = {}

    def _names_torch(self, display: str) -> bool:
        try:
            with (self.root / display).open("rb") as handle:
                return b"torch" in handle.read(64 << 20)
        except OSError:
            return True

    def affect(self, display: str) -> bool:
        folder = posixpath.dirname(display)
        if any(other != display for other in self._fetching(folder)):
            return True  # a script beside it fetches something (or cannot be read whole)
        if any(not only_scripts or at != folder for at, only_scripts in self.everywhere_from.items()):
            return True  # CI, or tooling at the top: it reaches every folder
        if self.torch_changed and self._names_torch(display):
            return True
        at = folder
        while self.tooling_in:
            only_scripts = self.tooling_in.get(at)
            if only_scripts is not None and (not only_scripts or at != folder):
                return True  # tooling in its folder or above
            parent = posixpath.dirname(at)
            if parent == at:
                return False
            at = parent
        return False

    def _fetching(self, folder: str) -> list[str]:
        """The changed scripts of `folder` that fetch something or cannot be read whole (at most
        two are needed: one may be the file asking)."""
        found = self._fetching_in.get(folder)
        if found is None:
            found = []
            for other in self.scripts_in.get(folder, ()):
                words = _consult(self.root / other, [1], _script_words)
                if words is None or words:
                    found.append(other)
                    if len(found) == 2:
                        break
            self._fetching_in[folder] = found
        return found


# --- where -----------------------------------------------------------------------------------------
def repository_top(code_folder: Path, source_folder: str) -> Path | None:
    """The repository's top folder: the nearest folder holding `.git` at or above the code's,
    else the folder the repository path of the code implies."""
    implied = scan_root(code_folder, source_folder)
    if implied is None:
        return None
    for folder in (code_folder, *code_folder.parents):
        if os.path.lexists(folder / ".git"):
            return folder
        if folder == implied:
            break
    return implied


def _asked(path: str) -> tuple[str, frozenset[str]] | None:
    """The file's name and the folders on its way: `models/model.pkl` -> model.pkl, {models}."""
    folder = path.replace("\\", "/").endswith("/")  # `./faiss-index/langchain/`: a folder, named as one
    parts = [part for part in posixpath.normpath(path.replace("\\", "/")).split("/") if part not in ("", ".", "..")]
    if not parts:
        return None
    return ("" if folder else parts[-1]), frozenset(parts if folder else parts[:-1])


def _tracked_by_dvc(code_folder: Path, top: Path, path: str) -> bool:
    """`model.pkl.dvc` beside the file, or `data.dvc` for a folder on its way: `dvc pull` writes it."""
    normal = posixpath.normpath(path.replace("\\", "/"))
    parts = normal.split("/")
    for base in (code_folder, top):
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            if prefix in (".", "..") or prefix.startswith("../../"):
                continue
            if os.path.lexists(base / (prefix + ".dvc")):
                return True
    return False


# --- reading ---------------------------------------------------------------------------------------
class _Around:
    """The fetching words of the tooling that reaches a folder and of its scripts and notebooks,
    gathered once per folder and run: each file of a folder of thousands asks in constant time
    instead of going through every neighbour again."""

    def __init__(self, tooling: frozenset[str], neighbours: dict[str, frozenset[str] | None]) -> None:
        self.tooling = tooling
        self.unreadable = frozenset(name for name, words in neighbours.items() if words is None)
        self.count: dict[str, int] = {}
        self.owner: dict[str, str] = {}  # a word one neighbour alone names -> that neighbour
        for name, words in neighbours.items():
            for word in words or ():
                self.count[word] = self.count.get(word, 0) + 1
                self.owner[word] = name

    def fetches(self, word: str, own_name: str) -> bool:
        """Whether the tooling or a neighbour but the scanned file itself names `word` fetching;
        True when a neighbour but itself could not be read whole."""
        if not word:
            return False
        if self.unreadable - {own_name}:
            return True
        if word in self.tooling:
            return True
        found = self.count.get(word, 0)
        return found > 1 or (found == 1 and self.owner[word] != own_name)


def _folder_time(folder: Path) -> int:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return -1


@lru_cache(maxsize=1024)
def _words_around(folder: str, top: str, modified: int, run: int) -> _Around | None:
    """What reaches `folder` (see _Around); None when a tooling file could not be read whole. Kept
    for one run (`run`) while the folder's time stays the same (`modified`)."""
    tooling = _tooling_words(Path(folder), Path(top))
    if tooling is None:
        return None
    return _Around(tooling, _neighbour_words(Path(folder)))


def _tooling_words(folder: Path, top: Path) -> frozenset[str] | None:
    budget = [_MAX_FILES]
    collected: set[str] = set()
    folders = [folder, *(parent for parent in folder.parents if parent == top or top in parent.parents)]
    paths: list[Path] = []
    for place in folders:
        paths.extend(entry_path for entry_path in _paths(place) if _tooling_name(entry_path.name.lower()))
    paths.extend(top / relative for relative in CI_FILES if os.path.lexists(top / relative))
    for relative in CI_FOLDERS:
        paths.extend(p for p in _paths(top / relative) if p.suffix in (".yml", ".yaml"))
    for action in _subfolders(top / CI_ACTIONS):
        paths.extend(p for p in _paths(action) if p.name in ("action.yml", "action.yaml"))
    for path in paths:
        words = _consult(path, budget, _command_words)
        if words is None:
            return None
        collected |= words
    return frozenset(collected)


def _neighbour_words(folder: Path) -> dict[str, frozenset[str] | None]:
    budget = [_MAX_FILES]
    return {
        path.name: _consult(path, budget, _script_words)
        for path in _paths(folder)
        if path.suffix in (".py", ".ipynb") and not _tooling_name(path.name.lower())
    }


def _tooling_name(name: str) -> bool:
    return name in _TOOLING_NAMES or name.startswith(_TOOLING_PREFIXES) or name.endswith(_TOOLING_SUFFIXES)


class _TooMany(Exception):
    """A folder with more entries than are looked through: its tooling is unknown."""


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    try:
        modified = folder.stat().st_mtime_ns
    except OSError:
        return []
    return _listed(str(folder), modified)


@lru_cache(maxsize=2048)
def _listed(folder: str, modified: int) -> list[os.DirEntry[str]]:
    """A folder's entries, sorted, kept while the folder's time stays the same."""
    entries: list[os.DirEntry[str]] = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                entries.append(entry)
                if len(entries) > _MAX_ENTRIES:
                    raise _TooMany(folder)
    except OSError:
        return []
    return sorted(entries, key=lambda entry: entry.name)


def _paths(folder: Path) -> list[Path]:
    """Regular files and links directly in `folder` (a link's target is not read: it counts as
    fetching when consulted)."""
    found = []
    for entry in _listing(folder):
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
            found.append(Path(entry.path))
    return found


def _subfolders(folder: Path) -> list[Path]:
    found = []
    for entry in _listing(folder):
        try:
            if stat.S_ISDIR(entry.stat(follow_symlinks=False).st_mode):
                found.append(Path(entry.path))
        except OSError:
            continue
    return found


def _consult(path: Path, budget: list[int], index: Index) -> frozenset[str] | None:
    """A file's words by `index`; None when it cannot be read whole (a link, a special file, too
    long, past the budget)."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    try:
        info = os.lstat(path)
    except OSError:
        return frozenset()  # gone
    if not stat.S_ISREG(info.st_mode) or info.st_size > _limit(path):
        return None
    return index(str(path), info.st_size, info.st_mtime_ns)


def _limit(path: Path | str) -> int:
    """How much of a file is read: a notebook carries its outputs (images, tables) beside its code."""
    return _MAX_NOTEBOOK_BYTES if str(path).endswith(".ipynb") else _MAX_BYTES


def _read(path: str) -> str | None:
    limit = _limit(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data.decode("utf-8", "replace")


def _words(line: str) -> set[str]:
    """The file names a line may write (every word, and the word without a compression suffix),
    and, marked with _FOLDER, the folders it may fill: the parts of a path that is not a URL
    (`-P models`, `models/`; `git clone https://host/org/models` names no local folder `org`)."""
    words = {word for word in _SEPARATORS.split(line) if word}
    words |= {word[2:] for word in list(words) if _GLUED_OPTION.match(word)}
    for word in list(words):
        for suffix in _PACKED:
            if word.lower().endswith(suffix) and len(word) > len(suffix):
                words.add(word[: -len(suffix)])
    for token in _TOKENS.split(line):
        if not token or "://" in token or token.startswith(("http", "git@", "s3:", "gs:", "hf:")):
            continue
        if _GLUED_OPTION.match(token):
            token = token[2:]  # `-Pmodels`: the folder models
        words.update(_FOLDER + part for part in re.split(r"[/\\]+", token) if part)
    return words


def _substituted(lines: list[str]) -> list[str]:
    """The lines with the file's own simple variables put in (`MODEL = model.pkl` ... `$(MODEL)`,
    `OUT=models` ... `${OUT}`, Make's `$@` in a rule's recipe), so a command names what it fetches.
    Bounded: values of at most _MAX_VALUE characters, lines of at most _MAX_SUBSTITUTED after."""
    values: dict[str, str] = {}
    for line in lines:
        match = _ASSIGNMENT.match(line.lstrip())
        if match:
            value = line.lstrip()[match.end() :].strip().strip("\"'")
            if len(value) <= _MAX_VALUE:
                values.setdefault(match["name"], value)
    result = []
    target = ""
    for line in lines:
        rule = _MAKE_RULE.match(line) if len(line) <= _MAX_SUBSTITUTED else None
        if rule and not line.startswith(("\t", " ")):
            names = rule["targets"].split()
            target = names[0] if names else ""
        changed = line
        if "$@" in changed and target:
            changed = changed.replace("$@", target)
        if "$" in changed:
            changed = _VARIABLE.sub(lambda m: _value(m, values), changed)
        result.append(changed if len(changed) <= _MAX_SUBSTITUTED else line)
    return result


def _fetching_action(line: str) -> bool:
    """`- uses: actions/download-artifact@v4` (or actions/cache): a step that puts files in place.
    Matched at the line's start only: searched anywhere, `uses:` repeated would backtrack."""
    if "uses:" not in line or len(line) > _MAX_SUBSTITUTED:
        return False
    step = _ACTION_STEP.match(line)
    return step is not None and ("download-artifact" in step["action"] or "actions/cache" in step["action"])


def _value(match: re.Match[str], values: dict[str, str]) -> str:
    """A variable's value where the file sets it, else its `${X:-default}`, else as written."""
    name = match["a"] or match["b"] or match["c"] or match["e"] or ""
    if name in values:
        return values[name]
    return match["default"] if match["default"] is not None else match.group(0)


@lru_cache(maxsize=8192)
def _command_words(path: str, size: int, modified: int) -> frozenset[str] | None:
    """Every word of the file's fetching lines (continued lines joined, variables put in); for
    `dvc.yaml`/`dvc.lock` every word (each output is what `dvc pull`/`repro` writes)."""
    text = _read(path)
    if text is None:
        return None
    lines = _substituted(text.replace("\\\r\n", " ").replace("\\\n", " ").splitlines())
    every = posixpath.basename(path).lower() in ("dvc.yaml", "dvc.lock")
    names: set[str] = set()
    for number, line in enumerate(lines):
        if every or FETCHING_COMMAND.search(line):
            names |= _words(line)
        if _fetching_action(line):
            for following in lines[number + 1 : number + 1 + _ACTION_LINES]:
                if following.lstrip().startswith("- "):
                    break  # the next step
                names |= _words(following)
    return frozenset(names)


@lru_cache(maxsize=4096)
def _script_words(path: str, size: int, modified: int) -> frozenset[str] | None:
    """Every word within _NEAR lines of a downloader call or a fetching shell line (`!wget`,
    `subprocess.run(["wget", ...])`) in a script, or in a notebook's code cells read one after
    another."""
    text = _read(path)
    if text is None:
        return None
    if path.endswith(".ipynb"):
        text = _notebook_code(text)  # outputs and prose are not what the notebook runs
        if text is None:
            return None
    lines = text.splitlines()
    imports = [_is_import(line) for line in lines]  # each line judged once, however many fetches are near
    names: set[str] = set()
    for number, line in enumerate(lines):
        if imports[number]:
            continue  # `from urllib.request import urlretrieve` names the downloader, calls nothing
        if _PYTHON_FETCH.search(line) or FETCHING_COMMAND.search(line):
            # The line's own folders (`!wget -P models`), and the file names within _NEAR lines
            # (a folder word in prose or a docstring nearby is no destination; an import names
            # modules, never a file: `from langchain import X` above `requests.get(url)`).
            names |= _words(line)
            for near in range(max(0, number - _NEAR), min(len(lines), number + _NEAR + 1)):
                if not imports[near]:
                    names |= {word for word in _words(lines[near]) if not word.startswith(_FOLDER)}
    return frozenset(names)


def _notebook_code(text: str) -> str | None:
    """A notebook's code cells as written (`!wget` lines kept), one after another; None when it is
    not a notebook this can read."""
    from hooks._core.notebooks import NotebookError, read_notebook

    try:
        notebook = read_notebook(text)
    except NotebookError:
        return None
    return "\n".join(_cell_code(cell.source) for cell in notebook.cells if cell.cell_type == "code")


def _cell_code(source: str) -> str:
    """A code cell's lines; the lines of a cell magic whose body is not Python (`%%bash`,
    `%%script`, `%%writefile`: another language, where `import x` may be a shell function's call)
    marked as shell (`!`), so none of them reads as a Python import."""
    first = source.lstrip().split("\n", 1)[0]
    if first.startswith("%%") and first[2:].split(" ", 1)[0].strip() not in PYTHON_CELL_MAGICS:
        return "\n".join("!" + line for line in source.split("\n"))
    return source
