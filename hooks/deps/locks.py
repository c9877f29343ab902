"""Lock files read for the releases they pin: `poetry.lock`, `uv.lock`, `pdm.lock`,
`Pipfile.lock`, PEP 751's `pylock.toml` (`pylock.<name>.toml`) and rye's `requirements.lock`
here; conda environment locks (`pixi.lock`, `conda-lock.yml`) in conda_locks.py.

A lock file is what a project installs: every release in it, direct or pulled in by another, is
the exact version the environment gets. So its known-vulnerable and known-malicious releases are
findings as a `==` pin's are; there is nothing unpinned to report, and no typosquat or decoy
check (the lock records what the resolver took for names the project's own files declare, and
those files are checked). A known-malicious name is judged whatever its version.

Where a release comes from decides what it is. An index's release is that name and version. A
wheel or sdist by URL or path (poetry's `url`/`file` sources, uv's `url`/`path`, pdm's `url`,
pylock's `archive`, Pipfile's `file`) is the release its file name says, as in a requirements
file (`requirements.archive_release`). A VCS checkout, a folder or the project itself (uv's
`editable`/`virtual`/`directory`/`git`, poetry's `git`/`directory`, pdm's `git`/`path`/`editable`,
pylock's `vcs`/`directory`, Pipfile's `git`/`path`/`editable`) is no published release and is not
looked up by name. Each release is reported at its entry's line (the `name =` line of its
`[[package]]` table, or its `"name": {` key inside a Pipfile.lock section), which the parsers do
not give: the text is walked for those lines.

Fail closed: text that is not valid TOML or JSON, a file without its format's package list, or a
package list that is not a list of tables cannot be read (DependencyFileError, reported as an
unreadable dependency file); an entry with no name, a version or source of the wrong type, or an
index release without a version is one problem at its line (at most 20 a file, then a count).
An editable or dynamic project without a version pins nothing and is not one.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from hooks._core.findings import Issue
from hooks._shared.requirements import is_archive
from hooks.deps import rules
from hooks.deps.lock_entries import PROJECT_NAME, archive_entry, by_name, is_version, problem, short, shown
from hooks.deps.model import Dependency, DependencyFile, normalize
from hooks.deps.reading import DependencyFileError
from hooks.deps.spec import LOCK_KINDS, LOCK_PATTERNS

# The key of each TOML lock's list of packages (uv's first lock format called it `distribution`).
_PACKAGE_KEYS = {
    "poetry": ("package",),
    "uv": ("package", "distribution"),
    "pdm": ("package",),
    "pylock": ("packages",),
}
# A project name (PEP 508); a Pipfile.lock key may carry extras (`torch[cuda]`).
_PIPFILE_KEY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,200}[A-Za-z0-9])?(?:\[[A-Za-z0-9._,\s-]{0,200}\])?")
_POETRY_ARCHIVE_SOURCES = frozenset({"url", "file"})
_VCS_KEYS = frozenset({"git", "hg", "svn", "bzr", "vcs"})
_MAX_PROBLEMS = 20  # entries of the wrong shape reported per file; more are counted in the last
_TABLE_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_NAME_LINE = re.compile(r"""^[ \t]*name[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)')""")
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]|\n')
_OBJECT_AFTER_KEY = re.compile(r"[ \t\r\n]*:[ \t\r\n]*\{")
_AFTER_KEY = re.compile(r"[ \t\r\n]*:")


def lock_kind(name: str) -> str | None:
    """Which lock format a file name is (a value of spec.LOCK_KINDS or LOCK_PATTERNS), or None."""
    base = name.rsplit("/", 1)[-1]
    if base in LOCK_KINDS:
        return LOCK_KINDS[base]
    return next((kind for pattern, kind in LOCK_PATTERNS.items() if re.fullmatch(pattern, base)), None)


def parse_lock(kind: str, text: str) -> DependencyFile:
    """The releases a lock file of `kind` pins, as `==` dependencies (or archives, or bare names
    of a Pipfile.lock entry without a version) at their entries' lines."""
    # No inline suppression is read in a generated file (`# mlsec: ignore` hidden in a
    # description would silence its release): the lines handed on are blank.
    parsed = DependencyFile(lines=[""] * (text.count("\n") + 1))
    entries: Iterable[Dependency | Issue]
    if kind == "pipfile":
        entries = _pipfile_entries(text)
    elif kind in ("pixi", "conda-lock"):
        from hooks.deps.conda_locks import conda_lock_entries, pixi_entries

        entries = pixi_entries(text, parsed.indexes) if kind == "pixi" else conda_lock_entries(text)
    elif kind == "requirements":
        entries = _requirements_entries(text, parsed)
    else:
        entries = _toml_entries(kind, text)
    problems = 0
    seen: set[tuple[str, str, str, bool]] = set()
    for entry in entries:
        if isinstance(entry, Issue):
            problems += 1
            if problems <= _MAX_PROBLEMS:
                parsed.problems.append(entry)
            continue
        # One release is judged once, at its first entry: Pipfile.lock's default and develop
        # sections pin it alike, a pixi or conda lock lists it once per platform (with each
        # platform's wheel or conda file). A channel's conda build and PyPI's release of one
        # version are two things (the scanner judges them apart).
        version = entry.pinned_version
        release = f"=={version}" if version else entry.specifier
        key = (normalize(entry.name), release, "" if version else entry.url, entry.source == "conda")
        if key in seen:
            continue
        seen.add(key)
        parsed.dependencies.append(entry)
    if problems > _MAX_PROBLEMS:
        parsed.problems.append(
            Issue(
                rules.DEPENDENCY_FILE_UNREADABLE,
                f"{problems - _MAX_PROBLEMS} more entries could not be read",
                "lock-entries-more",
            )
        )
    return parsed


def _toml_entries(kind: str, text: str) -> Iterator[Dependency | Issue]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        data: Any = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        raise DependencyFileError(f"not valid TOML: {short(exc)}") from None
    key = next((k for k in _PACKAGE_KEYS[kind] if k in data), None)
    if key is None and (isinstance(data.get("metadata"), dict) or (kind == "uv" and "version" in data)):
        return  # tomlkit leaves out an empty package list: a lock of a project with no dependencies
    if key is None:
        raise DependencyFileError(f"no `{_PACKAGE_KEYS[kind][0]}` list: not a {kind} lock file this reader knows")
    packages = data[key]
    if not isinstance(packages, list):
        raise DependencyFileError(f"`{key}` is not a list of tables")
    lines = _toml_name_lines(text, key)
    for index, package in enumerate(packages):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(package, dict) or not isinstance(package.get("name"), str):
            yield problem(f"{key} entry {index + 1} has no name", f"lock-entry:{index}", line)
            continue
        name = package["name"]
        if not PROJECT_NAME.fullmatch(name):
            yield problem(f"{shown(name)} is no project name", f"lock-name:{index}", line)
            continue
        version = package.get("version")
        origin = _toml_origin(kind, package)
        if origin is None:
            yield problem(f"{name} has a source of an unknown shape", f"lock-source:{name}", line)
            yield by_name(name, line)  # a known-malicious name is one whatever its source says
            continue
        where, location = origin
        if version is not None and not is_version(version):
            yield problem(f"{name} has a version that is no release's", f"lock-version:{name}", line)
            if where != "other":
                yield by_name(name, line)
            continue
        if where == "other":
            continue  # a checkout, a folder or the project itself: no published release
        if where == "archive":
            # The file's own name says the release; an archive named otherwise (`x.tar.gz`) is
            # the version the lock records.
            archive = archive_entry(name, location, line)
            if archive is not None:
                yield archive
                continue
        if version is None:
            found = _pylock_file_release(name, package, line) if kind == "pylock" else None
            if found is not None:
                yield found
            elif where == "index" and (kind != "uv" or "registry" in package.get("source", {})):
                yield problem(f"{name} is an index's release without a version", f"lock-version:{name}", line)
                yield by_name(name, line)
            continue  # (uv: an editable or dynamic project pins nothing)
        yield Dependency(name, line, f"{name}=={version.strip()}", "pypi", f"=={version.strip()}")


def _requirements_entries(text: str, into: DependencyFile) -> Iterator[Dependency | Issue]:
    """rye's and `uv pip compile`'s requirements.lock: pip's format with every release pinned.
    Its index options are the installer's, checked as a requirements file's are (into.indexes);
    an editable, VCS or folder line is no published release; an include is a problem, not read."""
    from pathlib import Path

    from hooks.deps.requirements import parse_requirements

    read, includes = parse_requirements(text, Path("requirements.lock"), Path(), include=True)
    into.indexes.extend(read.indexes)
    yield from read.problems
    for line, _included in includes:
        # pip and `uv pip sync` read the included file too; a lock is read alone here (fail closed)
        yield problem("an include (-r/-c) is not followed in a lock file", f"lock-include:{line}", line)
    for dependency in read.dependencies:
        if dependency.source == "pypi" or dependency.pinned_version:
            yield dependency  # (an index's name unpinned is judged by name, as a bare requirement)


def _pylock_file_release(name: str, package: dict[str, Any], line: int) -> Dependency | None:
    """PEP 751 lets an entry leave out `version` when its wheels or sdist name it: the release
    the first of their file names says."""
    files = [*(package.get("wheels") or []), package.get("sdist") or {}]
    for file in files if isinstance(files, list) else []:
        if not isinstance(file, dict):
            continue
        for place in ("name", "url", "path"):
            if isinstance(file.get(place), str) and (found := archive_entry(name, file[place], line)):
                return found
    return None


_INDEX = ("index", "")
_OTHER = ("other", "")


def _toml_origin(kind: str, package: dict[str, Any]) -> tuple[str, str] | None:
    """Where an entry comes from: ("index", ""), ("archive", url or path), ("other", "") for a
    checkout, folder or the project, or None for a source of a shape the format does not have.
    It is decided as the installer decides it: poetry fetches any source type but git, directory,
    file and url from an index; pdm any entry without a path, url or VCS; a folder is no archive."""
    if kind == "poetry":
        source = package.get("source")
        if source is None:
            return _INDEX
        if not isinstance(source, dict):
            return None
        kind_of = str(source.get("type", ""))
        if kind_of in _POETRY_ARCHIVE_SOURCES:
            return ("archive", str(source.get("url", "")))
        return _OTHER if kind_of in ("git", "directory") else _INDEX
    if kind == "uv":
        source = package.get("source")
        if not isinstance(source, dict):
            return None  # uv writes every package's source as a table
        if "registry" in source:
            return _INDEX
        return _file_origin(source) or (_OTHER if {"git", "editable", "virtual", "directory"} & source.keys() else None)
    if kind == "pdm":
        return _file_origin(package) or (_OTHER if _VCS_KEYS & package.keys() else _INDEX)
    # pylock (PEP 751)
    archive = package.get("archive")
    if isinstance(archive, dict):
        location = archive.get("url") or archive.get("path")
        return ("archive", location) if isinstance(location, str) else None
    return _OTHER if {"vcs", "directory"} & package.keys() else _INDEX


def _file_origin(table: dict[str, Any]) -> tuple[str, str] | None:
    """A `url` or `path` key's archive (or folder: no published release), else None."""
    for place in ("url", "path"):
        location = table.get(place)
        if isinstance(location, str):
            return ("archive", location) if is_archive(location) else _OTHER
    return None


def _toml_name_lines(text: str, key: str) -> list[int]:
    """The line of each `[[key]]` table's own `name =`, in order (1 where a table shows none):
    a `name =` under another table (`[[manifest.dependency-metadata]]`, `[package.source]`)
    belongs to that table."""
    found: list[int] = []
    inside = False  # in a `[[key]]` table whose name is not found yet
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")  # a CRLF checkout
        header = _TABLE_HEADER.match(line)
        if header is not None:
            if inside:
                found.append(1)
            inside = line.lstrip().startswith("[[") and header.group(1) == key
            continue
        if inside and _NAME_LINE.match(line):
            found.append(number)
            inside = False
    if inside:
        found.append(1)
    return found


def _pipfile_entries(text: str) -> Iterator[Dependency | Issue]:
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise DependencyFileError(f"not valid JSON: {short(exc)}") from None
    if not isinstance(data, dict):
        raise DependencyFileError("not a JSON object")
    if not any(section != "_meta" for section in data):
        raise DependencyFileError("no package section: not a Pipfile.lock this reader knows")
    lines = _pipfile_key_lines(text)
    for section, packages in data.items():
        if section == "_meta":
            continue
        if not isinstance(packages, dict):
            yield problem(f"section {shown(section)} is not an object", f"lock-section:{section}", 1)
            continue
        for key, entry in packages.items():
            line = _next_line(lines, (section, key))
            yield from _pipfile_entry(key, entry, line, section)


def _pipfile_entry(key: str, entry: object, line: int, section: str) -> Iterator[Dependency | Issue]:
    # pipenv hands each entry to pip as `<key><version>`: a key with extras is that project.
    base = PROJECT_NAME.match(key.strip())
    name = base.group() if base else ""
    if not isinstance(entry, dict):
        yield problem(f"{shown(key)} is not an object", f"lock-entry:{section}:{key}", line)
        if name:
            yield by_name(name, line)
        return
    if not _PIPFILE_KEY.fullmatch(key):
        yield problem(f"{shown(key)} is no project name", f"lock-name:{section}:{key}", line)
        if name:
            yield by_name(name, line)
        return
    for place in ("file", "path"):
        location = entry.get(place)
        if isinstance(location, str) and (place == "file" or is_archive(location)):
            # pip installs that file: the release its name says, whatever the key
            if archive := archive_entry(name, location, line):
                yield archive
            return
    if (_VCS_KEYS | {"path"}) & entry.keys() or entry.get("editable") is True:
        return  # a checkout or a folder: no index's release
    version = entry.get("version")
    if version is None or version == "*":
        yield by_name(name, line)  # pipenv takes the newest: judged by name alone
        return
    pinned = version[2:].lstrip("=").strip() if isinstance(version, str) and version.startswith("==") else ""
    if is_version(pinned) and not any(c in pinned for c in ";,*"):
        yield Dependency(name, line, f"{name}=={pinned}", "pypi", f"=={pinned}")
    elif isinstance(version, str) and _is_specifier(version):
        # Some pipenv releases lock a range (`"version": ">=1.26.4"`): a range, judged by name.
        yield Dependency(name, line, f"{name}{version.strip()}", "pypi", version.strip())
    else:
        yield problem(f"{name} has a version that is no release's nor a range", f"lock-version:{name}", line)
        yield by_name(name, line)


def _is_specifier(text: str) -> bool:
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        SpecifierSet(text.strip())
    except InvalidSpecifier:
        return False
    return bool(text.strip())


def _pipfile_key_lines(text: str) -> dict[tuple[str, str], list[int]]:
    """The line of each `"name": {` key directly inside a section object (depth 2), by
    (section, name), in order; keys of `_meta` and of the entries themselves are not entries."""
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    depth = 0
    line = 1
    section = ""
    for token in _JSON_TOKEN.finditer(text):
        value = token.group()
        if value == "\n":
            line += 1
        elif value in "{[":
            depth += 1
        elif value in "}]":
            depth -= 1
        elif depth in (1, 2) and (_OBJECT_AFTER_KEY if depth == 1 else _AFTER_KEY).match(text, token.end()):
            try:
                key = json.loads(value)
            except ValueError:
                continue
            if depth == 1:
                section = key
            else:
                found[(section, key)].append(line)
        if value.startswith('"'):
            line += value.count("\n")  # (JSON strings hold no raw newline; kept exact anyway)
    for numbers in found.values():
        numbers.reverse()  # popped from the end: first entry first
    return found


def _next_line(lines: dict[tuple[str, str], list[int]], key: tuple[str, str]) -> int:
    numbers = lines.get(key)
    return numbers.pop() if numbers else 1
