"""Dependency files a notebook writes with `%%writefile NAME` (or `%%file NAME`).

A course notebook often writes the `requirements.txt` its training job or container installs;
that file never exists in the repository, so the notebook is where its pins are checked. The
cell is read as IPython reads a cell magic: leading blank lines are dropped, the magic is the
first line (`%%writefile [-a|--append] NAME`), the body is the rest of the cell. Only bodies
written to a dependency file name are returned; their line numbers are the cell's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from hooks._core.notebooks import parse_notebook
from hooks._shared.words import split_words

_MAGIC = re.compile(r"^%%(?:writefile|file)(?:\s+(?P<arguments>.*))?$")
_REQUIREMENTS = re.compile(r"(?i)^(?:[\w.-]*requirements[\w.-]*|constraints[\w.-]*)\.(?:txt|in)$")
_ENVIRONMENT = re.compile(r"(?i)^environment[\w.-]*\.ya?ml$")
# A cheap test on the raw file before the notebook is parsed: most notebooks write no files.
MARKERS = ("%%writefile", "%%file")


@dataclass(frozen=True)
class WrittenFile:
    cell: int  # 1-based position among all cells (what a person counts in Jupyter)
    name: str  # the file name the cell writes, as a short display form
    kind: str  # "requirements" | "environment" | "pyproject"
    body: str
    first_line: int  # the cell line of the body's first line


def kind_of(name: str) -> str | None:
    base = PurePosixPath(name.replace("\\", "/")).name
    if _REQUIREMENTS.match(base):
        return "requirements"
    if _ENVIRONMENT.match(base):
        return "environment"
    if base.lower() == "pyproject.toml":
        return "pyproject"
    return None


def _target(arguments: str) -> str | None:
    try:
        words = split_words(arguments)
    except ValueError:
        return None
    names = [word for word in words if word not in ("-a", "--append")]
    return names[0] if len(names) == 1 else None


def written_files(text: str) -> list[WrittenFile]:
    """The dependency files the notebook's cells write; raises NotebookError when unreadable."""
    if not any(marker in text for marker in MARKERS):
        return []
    found = []
    for cell in parse_notebook(text):
        if cell.cell_type != "code" or "%%" not in cell.source:
            continue
        lines = cell.source.split("\n")
        first = next((index for index, line in enumerate(lines) if line.strip()), None)
        if first is None:
            continue
        match = _MAGIC.match(lines[first].strip())
        if match is None:
            continue
        name = _target(match.group("arguments") or "")
        kind = kind_of(name) if name else None
        if name is None or kind is None:
            continue
        found.append(
            WrittenFile(cell.number, PurePosixPath(name).name[:80], kind, "\n".join(lines[first + 1 :]), first + 2)
        )
    return found
