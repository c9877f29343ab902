"""Files a notebook writes with `%%writefile name`, read as the file type they are.

A written `.py` is a script of its own (the scanner analyses it as a separate module: the
notebook's imports do not reach it); a shell script, a requirements file or a Dockerfile becomes
shell commands and installs for the shared shell judgement, reported under the code hook's own
rules (pipe to a shell, unpinned install, unsafe index, open ML service). Lines stay the cell's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from hooks._shared.dockerfile import DockerfileError
from hooks._shared.dockerfile import parse as parse_dockerfile
from hooks._shared.shell import shell_lines
from hooks.code.cells import EmbeddedFile

_PYTHON = re.compile(r"(?i)\.pyw?$")
_SHELL = re.compile(r"(?i)\.(?:sh|bash|zsh)$")
_REQUIREMENTS = re.compile(r"(?i)(?:^|/)(?:[\w.-]*requirements[\w.-]*\.(?:txt|in)|constraints[\w.-]*\.txt)$")
_DOCKERFILE = re.compile(r"(?:^|/)(?:Dockerfile|Containerfile)(?:\.[^/]+)?$|\.(?:Dockerfile|dockerfile)$")


@dataclass
class EmbeddedChecks:
    """What the written files add to their cell: shell commands and installs, with their lines."""

    python: list[EmbeddedFile] = field(default_factory=list)
    shell: list[tuple[int, str]] = field(default_factory=list)
    installs: list[tuple[int, str]] = field(default_factory=list)


def kind_of(name: str) -> str | None:
    clean = name.strip().strip("'\"")
    if "{" in clean or "$" in clean:
        clean = re.sub(r"\{[^}]*\}|\$\w+", "x", clean)
    if _PYTHON.search(clean):
        return "python"
    if _SHELL.search(clean):
        return "shell"
    if _REQUIREMENTS.search(clean):
        return "requirements"
    if _DOCKERFILE.search(PurePosixPath(clean).name) or _DOCKERFILE.search(clean):
        return "dockerfile"
    return None


def split_embedded(files: list[EmbeddedFile]) -> EmbeddedChecks:
    checks = EmbeddedChecks()
    for written in files:
        kind = kind_of(written.name)
        lines = written.text.split("\n")
        if kind == "python":
            checks.python.append(written)
        elif kind == "shell":
            checks.shell.extend(shell_lines(lines, written.first_line))
        elif kind == "requirements":
            checks.installs.extend(_requirement_installs(lines, written.first_line))
        elif kind == "dockerfile":
            commands = _dockerfile_commands(written.text, written.first_line)
            checks.shell.extend(commands)
    return checks


def _requirement_installs(lines: list[str], first_line: int) -> list[tuple[int, str]]:
    """Each requirement line as the `pip install` it stands for (options lines included)."""
    installs: list[tuple[int, str]] = []
    for number, (line, text) in enumerate(shell_lines(lines, first_line)):
        del number
        text = re.sub(r"(?:^|\s)#.*$", "", text).strip()
        if not text or text.startswith(("-r ", "--requirement", "-c ", "--constraint", "-e ", "--editable")):
            continue
        installs.append((line, f"pip install {text}"))
    return installs


def _dockerfile_commands(text: str, first_line: int) -> list[tuple[int, str]]:
    try:
        dockerfile = parse_dockerfile(text)
    except (DockerfileError, RecursionError):
        return []
    commands: list[tuple[int, str]] = []
    offset = first_line - 1
    for instruction in dockerfile.instructions:
        if instruction.keyword in ("RUN", "CMD", "ENTRYPOINT"):
            words = instruction.json_arguments
            command = " ".join(words) if words is not None else instruction.arguments
            commands.append((instruction.line + offset, command))
        for heredoc in instruction.heredocs:
            body = heredoc.body.split("\n")
            commands.extend((line + offset, command) for line, command in shell_lines(body, heredoc.start_line))
    return commands
