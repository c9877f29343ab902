"""requirements*.txt / *.in / constraints*.txt, read the way pip reads them."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from hooks._core.findings import Issue
from hooks.deps import rules
from hooks.deps.model import Dependency, DependencyFile, IndexOption

_COMMENT = re.compile(r"(^|\s+)#.*$")
_INDEX_OPTIONS = {
    "-i": "--index-url",
    "--index-url": "--index-url",
    "--extra-index-url": "--extra-index-url",
    "-f": "--find-links",
    "--find-links": "--find-links",
    "--trusted-host": "--trusted-host",
}
_INCLUDE_OPTIONS = {
    "-r": "requirement",
    "--requirement": "requirement",
    "-c": "constraint",
    "--constraint": "constraint",
}
_IGNORED_OPTIONS = frozenset(
    {
        "--no-index",
        "--prefer-binary",
        "--pre",
        "--require-hashes",
        "--no-binary",
        "--only-binary",
        "--use-feature",
        "--config-settings",
        "--global-option",
    }
)
_VCS = re.compile(r"^(?:git|hg|svn|bzr)\+", re.IGNORECASE)
_EGG = re.compile(r"[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)")
_ARCHIVE_NAME = re.compile(r"/([A-Za-z0-9][A-Za-z0-9._]*?)-\d[^/]*\.(?:whl|tar\.gz|zip|tar\.bz2|tgz)(?:[#?].*)?$")
MAX_LINE = 100_000


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first physical line, joined text) with comments removed and `\\` continuations joined."""
    buffer: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw) if "#" in raw else raw
        if not buffer:
            start = number
        if line.endswith("\\"):
            buffer.append(line[:-1])
            continue
        buffer.append(line)
        joined = " ".join(part.strip() for part in buffer).strip()
        buffer = []
        if joined:
            yield start, joined
    if buffer:
        joined = " ".join(part.strip() for part in buffer).strip()
        if joined:
            yield start, joined


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def parse_requirements(
    text: str, path: Path, root: Path, *, seen: frozenset[Path] = frozenset(), include: bool = True
) -> tuple[DependencyFile, list[tuple[int, Path]]]:
    """Parse one file; return it and the (line, path) of files it includes with -r/-c."""
    result = DependencyFile(lines=text.splitlines())
    includes: list[tuple[int, Path]] = []
    for number, line in logical_lines(text):
        if len(line) > MAX_LINE:
            result.problems.append(
                Issue(
                    rules.DEPENDENCY_FILE_UNREADABLE,
                    f"line longer than {MAX_LINE} characters; not read",
                    f"long:{number}",
                    line=number,
                )
            )
            continue
        words = _split(line)
        if not words:
            continue
        head = words[0]
        option, _, inline = head.partition("=")
        if option in _INDEX_OPTIONS or option in _INCLUDE_OPTIONS or option in ("-e", "--editable"):
            value = inline or (words[1] if len(words) > 1 else "")
            if option in _INDEX_OPTIONS:
                result.indexes.append(IndexOption(number, _INDEX_OPTIONS[option], value))
            elif option in _INCLUDE_OPTIONS and include:
                includes.append((number, (path.parent / value)))
            elif option in ("-e", "--editable"):
                dependency = _direct(value, number, line)
                if dependency is not None and dependency.source != "path":
                    result.dependencies.append(dependency)
            continue
        if option.startswith("-"):
            if option not in _IGNORED_OPTIONS and option != "--hash":
                result.problems.append(
                    Issue(
                        rules.DEPENDENCY_FILE_UNREADABLE, f"unknown pip option {option}", f"opt:{option}", line=number
                    )
                )
            continue
        # Per-requirement options (--hash, --config-settings) follow the requirement; the
        # requirement itself (markers and their quotes included) is read verbatim.
        requirement_text, _, option_text = line.partition(" --")
        dependency = _requirement(requirement_text.strip(), number, line)
        if dependency is None:
            result.problems.append(
                Issue(
                    rules.DEPENDENCY_FILE_UNREADABLE,
                    f"cannot read requirement {line[:80]!r}",
                    f"bad:{line[:200]}",
                    line=number,
                )
            )
            continue
        dependency.hashes = _hashes(_split("--" + option_text)) if option_text else []
        result.dependencies.append(dependency)
    result.hash_checking = any(d.hashes for d in result.dependencies)
    return result, includes


def _hashes(words: list[str]) -> list[str]:
    found = []
    for index, word in enumerate(words):
        if word.startswith("--hash="):
            found.append(word.partition("=")[2])
        elif word == "--hash" and index + 1 < len(words):
            found.append(words[index + 1])
    return found


# `name[extras] <specifiers>` without markers or URLs: most lines, read without `packaging`,
# whose import compiles large regular expressions on every hook start.
_SIMPLE = re.compile(
    r"^(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[A-Za-z0-9._,\s-]*\])?\s*"
    r"(?P<spec>(?:(?:===|==|~=|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*(?:,\s*|$))*)$"
)


def _requirement(text: str, number: int, raw: str) -> Dependency | None:
    simple = _SIMPLE.match(text)
    if simple is not None:
        specifier = ",".join(part.replace(" ", "") for part in simple.group("spec").split(",") if part.strip())
        return Dependency(simple.group("name"), number, raw, specifier=specifier)
    direct = _direct(text, number, raw)
    if direct is not None:
        return direct
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return None
    if requirement.url:
        return _classify_url(requirement.name, requirement.url, number, raw)
    return Dependency(requirement.name, number, raw, specifier=str(requirement.specifier))


def _direct(text: str, number: int, raw: str) -> Dependency | None:
    """Bare URLs, VCS links and local paths, which PEP 508 alone does not name."""
    target = text.split(";")[0].strip()
    if "://" not in target and not _VCS.match(target):
        if target.startswith((".", "/", "~")) or target.endswith((".whl", ".tar.gz", ".zip")):
            return Dependency(PurePosixPath(target).name or target, number, raw, source="path", url=target)
        return None
    if " @ " in target or (" " not in target and "@" in target.split("://")[0]):
        return None  # `name @ url`: PEP 508 handles it
    egg = _EGG.search(target)
    archive = _ARCHIVE_NAME.search(target)
    name = egg.group(1) if egg else archive.group(1) if archive else PurePosixPath(target.split("#")[0]).stem
    name = re.sub(r"\.git$", "", name.split("@")[0])
    return _classify_url(name, target, number, raw)


def _classify_url(name: str, url: str, number: int, raw: str) -> Dependency:
    source = "vcs" if _VCS.match(url) else "path" if url.startswith("file:") else "url"
    return Dependency(name, number, raw, source=source, url=url)


def read_with_includes(path: Path, root: Path) -> tuple[DependencyFile, list[tuple[str, DependencyFile]]]:
    """The file itself and the files it includes (recursively, inside the repository only).

    A problem with an include is reported on the file whose `-r`/`-c` line names it.
    """
    from hooks.deps.reading import read_text

    main, includes = parse_requirements(read_text(path), path, root)
    included: list[tuple[str, DependencyFile]] = []
    pending = [(main, number, target, frozenset({path.resolve()})) for number, target in includes]
    visited: set[Path] = set()
    while pending:
        owner, number, target, chain = pending.pop(0)
        resolved = target.resolve()
        try:
            relative = resolved.relative_to(root.resolve()).as_posix()
        except ValueError:
            owner.problems.append(
                Issue(
                    rules.BAD_INCLUDE,
                    f"includes {target.name} from outside the repository; it is not read",
                    f"outside:{target.name}",
                    line=number,
                )
            )
            continue
        if resolved in chain:
            owner.problems.append(
                Issue(rules.BAD_INCLUDE, f"include cycle through {relative}", f"cycle:{relative}", line=number)
            )
            continue
        if resolved in visited:
            continue
        visited.add(resolved)
        if not resolved.is_file():
            owner.problems.append(
                Issue(
                    rules.BAD_INCLUDE, f"includes {relative}, which does not exist", f"missing:{relative}", line=number
                )
            )
            continue
        parsed, nested = parse_requirements(read_text(resolved), resolved, root)
        included.append((relative, parsed))
        pending.extend((parsed, n, t, chain | {resolved}) for n, t in nested)
    return main, included
