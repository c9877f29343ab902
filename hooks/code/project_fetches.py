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
from functools import lru_cache
from pathlib import Path

# Shell commands that download, copy or unpack files (a copy or an unpacked archive may come
# from anywhere: `cp /mnt/models/model.pkl .`).
FETCHING_COMMAND = re.compile(
    r"\b(?:wget|curl|aws\s+s3|gsutil|gcloud\s+storage|azcopy|rsync|rclone|scp|aria2c|gdown|"
    r"git\s+(?:clone|pull|fetch|checkout|lfs)|dvc\s+(?:pull|fetch|get|import|checkout)|unzip|tar|cp|mv|kaggle|"
    r"huggingface-cli|hf\s+download)\b"
)
_MAX_FILES = 256  # tooling files read for one question
_MAX_ENTRIES = 20_000  # entries of one folder looked through
_NEAR = 3  # lines between a Python script's download call and the name it writes
_MAX_BYTES = 512 << 10  # of each; a longer file is not read whole, so it may fetch anything
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
    named = re.compile(rf"(?<![\w.-]){re.escape(file_name)}(?![\w-]|\.\w)")
    budget = [_MAX_FILES]  # files read, over every folder
    folders = [folder, *(parent for parent in folder.parents if parent == top or top in parent.parents)]
    for place in folders:
        for path in _tooling_in(place):
            if _fetches_in_commands(path, named, budget):
                return True
    for relative in _CI_FILES:
        if _fetches_in_commands(top / relative, named, budget):
            return True
    for relative in _CI_FOLDERS:
        for path in _files(top / relative):
            if path.suffix in (".yml", ".yaml") and _fetches_in_commands(path, named, budget):
                return True
    for path in _files(folder):
        if path.suffix in (".py", ".ipynb") and path.name != own_name and _python_fetches(path, named, budget):
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


def _text(path: Path) -> str | None:
    """The file's text ("" when it is missing), or None when it cannot be read whole: a link (its
    target may be anywhere), a special file, or longer than the bound."""
    try:
        info = os.lstat(path)
    except OSError:
        return ""
    if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_BYTES:
        return None
    return _read(str(path), info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=256)
def _read(path: str, size: int, modified: int) -> str | None:
    """One file's text, kept while its size and time stay the same (the files of a folder are
    asked about for every script in it)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read(_MAX_BYTES + 1)
    return None if len(data) > _MAX_BYTES else data.decode("utf-8", "replace")


def _fetches_in_commands(path: Path, named: re.Pattern[str], budget: list[int]) -> bool:
    if not os.path.lexists(path):
        return False
    budget[0] -= 1
    text = _text(path) if budget[0] >= 0 else None  # past the bound: not read, may fetch anything
    if text is None:
        return True  # too long to read whole: it may fetch anything
    # Continued lines (`\` at the end) are one command.
    for line in text.replace("\\\r\n", " ").replace("\\\n", " ").splitlines():
        if named.search(line) and FETCHING_COMMAND.search(line):
            return True
    return False


def _python_fetches(path: Path, named: re.Pattern[str], budget: list[int]) -> bool:
    """A line that names the file, and a downloader call on it or within _NEAR lines of it
    (`TARGET = "model.pkl"` above `urlretrieve(URL, TARGET)`)."""
    budget[0] -= 1
    text = _text(path) if budget[0] >= 0 else None
    if text is None:
        return True
    lines = text.splitlines()
    fetching = [number for number, line in enumerate(lines) if _PYTHON_FETCH.search(line)]
    if not fetching:
        return False
    return any(
        any(abs(number - other) <= _NEAR for other in fetching)
        for number, line in enumerate(lines)
        if named.search(line)
    )
