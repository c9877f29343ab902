"""Lock files read for the releases they pin: `poetry.lock`, `uv.lock`, `pdm.lock`,
`Pipfile.lock` and PEP 751's `pylock.toml` (`pylock.<name>.toml`).

A lock file is what a project installs: every release in it, direct or pulled in by another, is
the exact version the environment gets. So its known-vulnerable and known-malicious releases are
findings as a `==` pin's are; there is nothing unpinned to report, and no typosquat or decoy
check (the lock records what the resolver took for names the project's own files declare, and
those files are checked).

Only releases an index serves are read: an entry whose source is a VCS checkout, a folder, an
archive or the project itself (uv's `editable`/`virtual`, poetry's `git`/`directory`/`file`/`url`,
pdm's `git`/`path`/`url`, Pipfile's `git`/`path`/`file`, pylock's `vcs`/`directory`/`archive`) is
not the index's release of that name. Each release is reported at its entry's line (the `name =`
line of its table, or the `"name": {` line of Pipfile.lock), which the parsers themselves do not
give: the text is searched for those lines in order.

Fail closed: text that is not valid TOML or JSON, or whose packages are not a list of tables,
cannot be read (DependencyFileError, reported as an unreadable dependency file); an entry with no
name or with values of the wrong type is one problem at its line. An entry without a version (an
editable or dynamic project) pins nothing and is not one.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from hooks._core.findings import Issue
from hooks.deps import rules
from hooks.deps.model import Dependency, DependencyFile, normalize
from hooks.deps.reading import DependencyFileError

# Table keys that say the entry is not an index's release.
_NOT_INDEX = {
    "poetry": frozenset(),  # poetry keeps the source in a [package.source] table (below)
    "uv": frozenset(),  # uv keeps it in `source = { ... }` (below)
    "pdm": frozenset({"git", "path", "url", "editable"}),
    "pylock": frozenset({"vcs", "directory", "archive"}),
}
_KINDS = {"poetry.lock": "poetry", "uv.lock": "uv", "pdm.lock": "pdm", "Pipfile.lock": "pipfile"}
_POETRY_INDEX_SOURCES = frozenset({"legacy", "pypi", "", "supplemental", "primary", "explicit"})
_NAME_LINE = re.compile(r"""^[ \t]*name[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')""", re.MULTILINE)
_JSON_KEY_LINE = re.compile(r'^[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*:[ \t]*\{', re.MULTILINE)
_MAX_PROBLEMS = 20  # entries of the wrong shape reported per file; more are counted in the last


def lock_kind(name: str) -> str | None:
    """Which lock format a file name is ("poetry", "uv", "pdm", "pipfile", "pylock"), or None."""
    base = name.rsplit("/", 1)[-1]
    if base in _KINDS:
        return _KINDS[base]
    return "pylock" if re.fullmatch(r"pylock(?:\.[^/]+)?\.toml", base) else None


def parse_lock(kind: str, text: str) -> DependencyFile:
    """The releases a lock file of `kind` pins, as `==` dependencies at their entries' lines."""
    parsed = DependencyFile(lines=text.splitlines())
    entries = _pipfile_entries(text) if kind == "pipfile" else _toml_entries(kind, text)
    problems = 0
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        if isinstance(entry, Issue):
            problems += 1
            if problems <= _MAX_PROBLEMS:
                parsed.problems.append(entry)
            continue
        name, version, line = entry
        if (normalize(name), version) in seen:
            continue  # Pipfile.lock's default and develop sections pin it alike: reported once, at the first
        seen.add((normalize(name), version))
        parsed.dependencies.append(Dependency(name, line, f"{name}=={version}", "pypi", f"=={version}"))
    if problems > _MAX_PROBLEMS:
        parsed.problems.append(
            Issue(
                rules.DEPENDENCY_FILE_UNREADABLE,
                f"{problems - _MAX_PROBLEMS} more entries could not be read",
                "lock-entries-more",
            )
        )
    return parsed


def _toml_entries(kind: str, text: str) -> Iterator[tuple[str, str, int] | Issue]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        data: Any = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        raise DependencyFileError(f"not valid TOML: {_short(exc)}") from None
    key = "packages" if kind == "pylock" else "package"
    packages = data.get(key, [])
    if not isinstance(packages, list):
        raise DependencyFileError(f"`{key}` is not a list of tables")
    lines = _lines_by_name(_NAME_LINE, text)
    for index, package in enumerate(packages):
        if not isinstance(package, dict) or not isinstance(package.get("name"), str):
            yield _problem(f"{key} entry {index + 1} has no name", f"lock-entry:{index}", 1)
            continue
        name = package["name"]
        line = _next_line(lines, name)
        version = package.get("version")
        if version is None:
            continue  # an editable or dynamic project: no release is pinned
        if not isinstance(version, str) or not version.strip():
            yield _problem(f"{_shown(name)} has a version that is not a text", f"lock-version:{name}", line)
            continue
        if _from_an_index(kind, package):
            yield name, version.strip(), line


def _from_an_index(kind: str, package: dict[str, Any]) -> bool:
    if kind == "poetry":
        source = package.get("source")
        return not isinstance(source, dict) or str(source.get("type", "")) in _POETRY_INDEX_SOURCES
    if kind == "uv":
        source = package.get("source")
        return isinstance(source, dict) and "registry" in source
    return not (_NOT_INDEX[kind] & package.keys())


def _pipfile_entries(text: str) -> Iterator[tuple[str, str, int] | Issue]:
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise DependencyFileError(f"not valid JSON: {_short(exc)}") from None
    if not isinstance(data, dict):
        raise DependencyFileError("not a JSON object")
    lines = _lines_by_name(_JSON_KEY_LINE, text)
    for section, packages in data.items():
        if section == "_meta":
            continue
        if not isinstance(packages, dict):
            yield _problem(f"section {_shown(section)} is not an object", f"lock-section:{section}", 1)
            continue
        for name, entry in packages.items():
            line = _next_line(lines, name)
            if not isinstance(entry, dict):
                yield _problem(f"{_shown(name)} is not an object", f"lock-entry:{section}:{name}", line)
                continue
            if {"git", "path", "file", "editable"} & entry.keys():
                continue  # a checkout, a folder or an archive: not the index's release
            version = entry.get("version")
            if version is None or version == "*":
                continue
            if not isinstance(version, str) or not version.startswith("==") or not version[2:].strip():
                yield _problem(f"{_shown(name)} has a version that is no == pin", f"lock-version:{name}", line)
                continue
            yield name, version[2:].lstrip("=").strip(), line


def _lines_by_name(pattern: re.Pattern[str], text: str) -> dict[str, list[int]]:
    """The line numbers of each name's entries, in order of the text."""
    found: dict[str, list[int]] = defaultdict(list)
    line = 1
    position = 0
    for match in pattern.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        found[match.group(1) if match.group(1) is not None else (match.group(2) or "")].append(line)
    for numbers in found.values():
        numbers.reverse()  # popped from the end: first entry first
    return found


def _next_line(lines: dict[str, list[int]], name: str) -> int:
    """The line of the next entry named `name` (1 when the text does not show it plainly, as
    with escapes in the name)."""
    numbers = lines.get(name)
    return numbers.pop() if numbers else 1


def _problem(message: str, key: str, line: int) -> Issue:
    return Issue(rules.DEPENDENCY_FILE_UNREADABLE, f"lock file entry cannot be read: {message}", key, line=line)


def _shown(name: str) -> str:
    """A name from the file, bounded and printable (it reaches the terminal)."""
    from hooks._core.display import printable

    return printable(name[:100])


def _short(exc: BaseException) -> str:
    return _shown(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
