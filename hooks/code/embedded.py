"""Files a notebook writes with `%%writefile name`, read as the file type they are.

A written `.py` is a script of its own (the scanner analyses it as a separate module: the
notebook's imports do not reach it); a shell script becomes shell commands for the shared shell
judgement, reported under the code hook's own rules. Any other file (a requirements file, a
Dockerfile, an environment.yml) is handed on whole: core gives it to the hook that checks files
of that name (mlsec-deps, mlsec-dockerfile), as if it were committed. Lines stay the cell's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hooks._shared.shell import shell_lines
from hooks.code.cells import EmbeddedFile

_PYTHON = re.compile(r"(?i)\.pyw?$")
_SHELL = re.compile(r"(?i)\.(?:sh|bash|zsh)$")


@dataclass
class EmbeddedChecks:
    """What the written files add to their cell: scripts, shell commands, and files for other hooks."""

    python: list[EmbeddedFile] = field(default_factory=list)
    shell: list[tuple[int, str]] = field(default_factory=list)
    other: list[EmbeddedFile] = field(default_factory=list)


def kind_of(name: str) -> str | None:
    clean = name.strip().strip("'\"")
    if "{" in clean or "$" in clean:
        clean = re.sub(r"\{[^}]*\}|\$\w+", "x", clean)
    if _PYTHON.search(clean):
        return "python"
    if _SHELL.search(clean):
        return "shell"
    return None


def written_name(name: str) -> str:
    """The name as the file system would see it: quotes dropped, IPython's `{var}`/`$var`
    expansions left as written (they do not change which hook checks `{d}/requirements.txt`)."""
    return name.strip().strip("'\"")


def split_embedded(files: list[EmbeddedFile]) -> EmbeddedChecks:
    checks = EmbeddedChecks()
    for written in files:
        kind = kind_of(written.name)
        if kind == "python":
            checks.python.append(written)
        elif kind == "shell":
            checks.shell.extend(shell_lines(written.text.split("\n"), written.first_line))
        else:
            checks.other.append(written)
    return checks
