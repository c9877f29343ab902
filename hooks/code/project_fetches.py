"""Whether the project's own tooling downloads, copies or unpacks a file by a given name.

A load of a fixed relative path that the code names nowhere else (`joblib.load("model.pkl")`)
reads the repository's own file (load_context.py, `repository_file`), unless something else puts
that file there before the code runs: a Makefile target `wget -O model.pkl $(URL)`, a CI step
`aws s3 cp s3://bucket/model.pkl .`, `RUN curl -o model.pkl ...` in the image that runs the code,
a `download.sh` beside it, or a `download_model.py` that `urlretrieve`s it. The bytes loaded are
then someone else's, and the load keeps its severity.

Where such tooling lives: in the code's own folder and every folder above it up to the
repository's top (Makefiles, `*.mk`, shell scripts, Dockerfiles, justfiles, Taskfiles,
`dvc.yaml`), the top folder's CI definitions (GitHub Actions, GitLab, CircleCI, Azure Pipelines,
Cloud Build, CodeBuild, Jenkinsfile), and the Python scripts beside the code. A line of such a
file that starts a fetching command and names the file (by its file name, as a word) fetches it;
a Python script or notebook beside the code fetches it when a line names the file within a few
lines of a downloader call (`TARGET = "model.pkl"` above `urlretrieve(URL, TARGET)`).

What is read is bounded (files per run of a folder, bytes per file); past a bound, the answer is
"fetched", so the load keeps its severity (fail closed). Nothing is executed or imported.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

# Shell commands that download, copy or unpack files (a copy or an unpacked archive may come
# from anywhere: `cp /mnt/models/model.pkl .`).
FETCHING_COMMAND = re.compile(
    r"\b(?:wget|curl|aws\s+s3|gsutil|gcloud\s+storage|azcopy|rsync|rclone|scp|aria2c|gdown|"
    r"git\s+(?:clone|pull|fetch|checkout|lfs)|dvc\s+(?:pull|fetch|get|import|checkout)|unzip|tar|cp|mv|kaggle|"
    r"huggingface-cli|hf\s+download)\b"
)
_MAX_FILES = 4096  # tooling files consulted for one question (each is read once per run)
_MAX_ENTRIES = 20_000  # entries of one folder looked through
_NEAR = 3  # lines between a Python script's download call and the name it writes
_MAX_BYTES = 512 << 10  # of each; a longer file is not read whole, so it may fetch anything
_MAX_NOTEBOOK_BYTES = 32 << 20  # a notebook beside the code, outputs and all
_TOOLING_NAMES = frozenset(
    {"makefile", "gnumakefile", "justfile", "taskfile.yml", "taskfile.yaml", "dvc.yaml", "dockerfile", "jenkinsfile"}
)
_TOOLING_SUFFIXES = (".mk", ".sh", ".bash", ".dockerfile")
_CI_FILES = (
    ".gitlab-ci.yml",
    ".circleci/config.yml",
    "azure-pipelines.yml",
    "cloudbuild.yaml",
    "cloudbuild.yml",
    "buildspec.yml",
    "Jenkinsfile",
)
_CI_FOLDERS = (".github/workflows",)
# A Python script's downloaders: the stdlib's, HTTP clients', the Hub's and cloud storage clients'.
_PYTHON_FETCH = re.compile(
    r"\b(?:urlretrieve|urlopen|requests\.get|httpx\.get|hf_hub_download|snapshot_download|download_file|"
    r"download_fileobj|download_to_filename|download_blob|gdown|wget\.download|get_file)\b"
)


def fetched_by_project(code_folder: Path | None, source_folder: str, own_name: str, file_name: str) -> bool:
    """Whether tooling of the project (see the module's doc) may put `file_name` in place; True
    also when the question cannot be answered (no folder on disk, past the bounds). `own_name` is
    the scanned file's name: its own downloads are judged from its code."""
    if code_folder is None or not file_name or "/" in file_name or "\x00" in file_name:
        return True
    root = _root(code_folder, source_folder)
    if root is None:
        return True
    try:
        return _fetched(code_folder, root, own_name, file_name)
    except (OSError, ValueError, RecursionError, _TooMany):
        return True


def _root(code_folder: Path, source_folder: str) -> Path | None:
    parts = [part for part in source_folder.split("/") if part not in ("", ".")]
    if ".." in parts or source_folder.startswith("/"):
        return None
    root = code_folder
    for part in reversed(parts):
        if root.name != part:
            return None
        root = root.parent
    return root


def _fetched(folder: Path, top: Path, own_name: str, file_name: str) -> bool:
    budget = [_MAX_FILES]  # files consulted, over every folder
    folders = [folder, *(parent for parent in folder.parents if parent == top or top in parent.parents)]
    for place in folders:
        for path in _tooling_in(place):
            if _names_in(path, budget, _command_names, file_name):
                return True
    for relative in _CI_FILES:
        if os.path.lexists(top / relative) and _names_in(top / relative, budget, _command_names, file_name):
            return True
    for relative in _CI_FOLDERS:
        for path in _files(top / relative):
            if path.suffix in (".yml", ".yaml") and _names_in(path, budget, _command_names, file_name):
                return True
    for path in _files(folder):
        python = path.suffix in (".py", ".ipynb") and path.name != own_name
        if python and _names_in(path, budget, _python_names, file_name):
            return True
    return False


class _TooMany(Exception):
    """A folder with more entries than are looked through: its tooling is unknown."""


def _files(folder: Path) -> list[Path]:
    """Regular files and links directly in `folder` (folders skipped); _TooMany past the bound."""
    try:
        with os.scandir(folder) as listing:
            entries = []
            for entry in listing:
                entries.append(entry)
                if len(entries) > _MAX_ENTRIES:
                    raise _TooMany(str(folder))
    except OSError:
        return []
    found = []
    for entry in sorted(entries, key=lambda entry: entry.name):
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
            found.append(Path(entry.path))  # a link is kept: its target is not read, so it counts as fetching
    return found


def _tooling_in(folder: Path) -> list[Path]:
    return [
        path
        for path in _files(folder)
        if path.name.lower() in _TOOLING_NAMES
        or path.name.lower().startswith("dockerfile")
        or path.name.lower().endswith(_TOOLING_SUFFIXES)
    ]


Indexer = Callable[[str, int, int], "frozenset[str] | None"]


def _names_in(path: Path, budget: list[int], index: Indexer, file_name: str) -> bool:
    """Whether the file's fetching lines name `file_name`; True when the file cannot be read whole
    (a link, a special file, too long, past the budget)."""
    budget[0] -= 1
    if budget[0] < 0:
        return True
    try:
        info = os.lstat(path)
    except OSError:
        return False  # gone
    if not stat.S_ISREG(info.st_mode) or info.st_size > _limit(path):
        return True
    names = index(str(path), info.st_size, info.st_mtime_ns)
    return names is None or file_name in names


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


# What separates the words of a command line or a line of code: a file is named by a whole word
# or the last part of a path (`jobs/model.pkl`, `-o=model.pkl`, `"model.pkl"`).
_SEPARATORS = re.compile(r"[\s\"'`=(),;:|<>\[\]{}/\\]+")


def _words(line: str) -> set[str]:
    return {word for word in _SEPARATORS.split(line) if word}


@lru_cache(maxsize=8192)
def _command_names(path: str, size: int, modified: int) -> frozenset[str] | None:
    """Every word of the file's lines that start a fetching command (continued lines joined);
    None when it cannot be read. Kept while the file's size and time stay the same."""
    text = _read(path)
    if text is None:
        return None
    names: set[str] = set()
    for line in text.replace("\\\r\n", " ").replace("\\\n", " ").splitlines():
        if FETCHING_COMMAND.search(line):
            names |= _words(line)
    return frozenset(names)


@lru_cache(maxsize=4096)
def _python_names(path: str, size: int, modified: int) -> frozenset[str] | None:
    """Every word within _NEAR lines of a downloader call in a script or a notebook
    (`TARGET = "model.pkl"` above `urlretrieve(URL, TARGET)`); None when it cannot be read."""
    text = _read(path)
    if text is None:
        return None
    # A notebook is read as its JSON text: each line of a cell's source is a line of the file.
    lines = text.splitlines()
    fetching = [number for number, line in enumerate(lines) if _PYTHON_FETCH.search(line)]
    names: set[str] = set()
    for number in fetching:
        for line in lines[max(0, number - _NEAR) : number + _NEAR + 1]:
            names |= _words(line)
    return frozenset(names)
