"""Turn a notebook cell into Python that parses, keeping every line where it was.

IPython syntax is not hidden: `%time`/`%timeit`/`%prun` statements and `%%time`/`%%capture`
bodies stay Python; `%pip`/`%conda`/`!pip` installs and `!`/`%%bash` shell lines are kept
aside for the shell checks; help (`obj?`) and autocall lines become `pass`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Cell magics whose body is Python, and those whose body is shell.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "memit", "mprun", "pypy"})
SHELL_CELL_MAGICS = frozenset({"bash", "sh", "system", "!", "script"})
# Line magics whose argument is a Python statement.
PYTHON_LINE_MAGICS = frozenset({"time", "timeit", "prun", "debug", "memit", "mprun"})
INSTALL_LINE_MAGICS = frozenset({"pip", "conda", "mamba", "micromamba", "uv"})

_LINE_MAGIC = re.compile(r"^(?P<indent>\s*)%(?P<name>[A-Za-z_]\w*)\b(?P<rest>.*)$")
_SHELL_LINE = re.compile(r"^(?P<indent>\s*)!!?(?P<command>.*)$")
_SHELL_ASSIGN = re.compile(r"^(?P<head>\s*[A-Za-z_][\w.,\s\[\]]*=\s*)!(?P<command>.*)$")
_MAGIC_ASSIGN = re.compile(r"^(?P<head>\s*[A-Za-z_][\w.,\s\[\]]*=\s*)%(?P<name>[A-Za-z_]\w*)\b(?P<rest>.*)$")
_HELP = re.compile(r"^\s*(?:\?\??[\w.]+|[\w.()\[\]]+\?\??)\s*$")
_AUTOCALL = re.compile(r"^\s*[/,;][A-Za-z_]")


@dataclass
class CellSource:
    python: str  # parseable Python (or blank lines), same line count as the cell
    shell: list[tuple[int, str]] = field(default_factory=list)  # (line, command)
    installs: list[tuple[int, str]] = field(default_factory=list)  # (line, "pip install ...") from %pip etc.
    python_offsets: dict[int, int] = field(default_factory=dict)  # line -> columns removed in front


def _blank(indent: str) -> str:
    return f"{indent}pass" if indent else ""


def transform_cell(source: str) -> CellSource:
    lines = source.split("\n")
    result = CellSource("")
    out: list[str] = []
    first = lines[0].strip() if lines else ""
    if first.startswith("%%"):
        name, _, rest = first[2:].partition(" ")
        body_is_shell = name in SHELL_CELL_MAGICS and (
            name != "script" or rest.strip().split()[:1] in (["bash"], ["sh"])
        )
        if name in PYTHON_CELL_MAGICS:
            out.append("")
            lines = lines[1:]
            start = 2
        else:
            # Shell, writefile, html, sql, ...: not Python. Shell bodies are checked as shell.
            if body_is_shell:
                result.shell.extend((number, line) for number, line in enumerate(lines[1:], 2) if line.strip())
            result.python = "\n".join("" for _ in lines)
            return result
    else:
        start = 1
    for number, line in enumerate(lines, start):
        out.append(_transform_line(line, number, result))
    result.python = "\n".join(out)
    return result


def _transform_line(line: str, number: int, result: CellSource) -> str:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return line
    match = _SHELL_LINE.match(line)
    if match:
        command = match.group("command").strip()
        result.shell.append((number, command))
        return _blank(match.group("indent"))
    match = _SHELL_ASSIGN.match(line)
    if match:
        result.shell.append((number, match.group("command").strip()))
        return f"{match.group('head')}None"
    match = _MAGIC_ASSIGN.match(line)
    if match:
        return f"{match.group('head')}None"
    match = _LINE_MAGIC.match(line)
    if match:
        name, rest, indent = match.group("name"), match.group("rest"), match.group("indent")
        if name in PYTHON_LINE_MAGICS and rest.strip():
            statement = rest.strip()
            # `%timeit -n 10 f()`: drop the magic's own options before the statement.
            statement = re.sub(r"^(?:-[A-Za-z]\s*\S*\s+)*", "", statement)
            result.python_offsets[number] = len(line) - len(statement) - len(indent)
            return f"{indent}{statement}"
        if name in INSTALL_LINE_MAGICS:
            result.installs.append((number, f"{name} {rest.strip()}"))
        elif name in ("sx", "system"):
            result.shell.append((number, rest.strip()))
        return _blank(indent)
    if _HELP.match(line) or _AUTOCALL.match(line):
        return _blank(line[: len(line) - len(line.lstrip())])
    return line
