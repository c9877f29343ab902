"""What every lock reader makes of one entry: a release judged by name and version, an archive
read as the release its file name says, a name judged alone, or a problem at the entry's line
(hooks/deps/locks.py, hooks/deps/conda_locks.py)."""

from __future__ import annotations

import re

from hooks._core.findings import Issue
from hooks._shared.requirements import archive_file, archive_release
from hooks.deps import rules
from hooks.deps.model import Dependency

# A project name (PEP 508).
PROJECT_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,200}[A-Za-z0-9])?")


def by_name(name: str, line: int) -> Dependency:
    """The entry as a bare name: judged by name alone (known-malicious names, every release)."""
    return Dependency(name, line, name, "pypi", "")


def is_version(value: object) -> bool:
    from packaging.version import InvalidVersion, Version

    if not isinstance(value, str):
        return False
    try:
        Version(value.strip())
    except InvalidVersion:
        return False
    return True


def archive_entry(name: str, location: str, line: int) -> Dependency | None:
    """A wheel or sdist by URL or path, as the release its file name says (of its own project,
    when that is not `name`: the installer fetches the file); None when the name says none."""
    if archive_release(name, location) is None:
        named = archive_file(location)
        if named is None:
            return None
        name = named[0]
    return Dependency(name, line, location, "url" if "://" in location else "path", "", location)


def problem(message: str, key: str, line: int) -> Issue:
    return Issue(rules.DEPENDENCY_FILE_UNREADABLE, f"lock file entry cannot be read: {message}", key, line=line)


def shown(name: str) -> str:
    """A name from the file, bounded and printable (it reaches the terminal)."""
    from hooks._core.display import printable

    return printable(name[:100])


def short(exc: BaseException) -> str:
    return shown(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
