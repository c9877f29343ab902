"""requirements*.txt / *.in / constraints*.txt, read the way pip reads them."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from hooks._core.display import line_list
from hooks._core.findings import Issue, Severity
from hooks._shared.indexes import canonical_option
from hooks._shared.requirements import parse_requirement
from hooks._shared.words import split_words
from hooks.deps import rules
from hooks.deps.model import Dependency, DependencyFile, IndexOption

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
MAX_LINE = 100_000
_OPTION_NAME = re.compile(r"--?[A-Za-z][A-Za-z0-9-]{0,40}")


def describe(text: str) -> str:
    """What an unreadable entry looks like, without quoting it: it may be a secret (a config
    file pulled in by an include, a token pasted in the wrong place)."""
    text = text.strip()
    if "://" in text:
        shape = "a URL that is not a requirement"
    elif any(ch in text for ch in "=:") and " " not in text:
        shape = "not a PEP 508 requirement (looks like a setting)"
    else:
        shape = "not a PEP 508 requirement"
    return f"{len(text)} characters, {shape}; the text is not quoted"


# A template engine's placeholder or tag (Jinja, cookiecutter, copier): `kedro~={{ cookiecutter.
# kedro_version }}`, `{% if ... %}`. The file is rendered before pip reads it; as it stands, pip
# cannot read the line either.
_TEMPLATE_PLACEHOLDER = re.compile(r"\{\{[^{}\n]{1,200}\}\}|\{%[^{}\n]{1,200}%\}")


def template_line(text: str) -> bool:
    """Whether an unreadable requirement holds a template placeholder, so the file is a template."""
    return _TEMPLATE_PLACEHOLDER.search(text[:2000]) is not None


_REQUIREMENT_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]{0,200})")


def rendered_template(text: str, number: int, raw: str) -> Dependency | None:
    """A template line's requirement as far as it is fixed: tags (`{% if x %}...{% endif %}`)
    and placeholders removed, then the line as it stands, else its project name alone (a
    placeholder version: `kedro~={{ v }}` is at least `kedro`, judged as unpinned). Callers
    pass lines `template_line` accepted."""
    bare = _TEMPLATE_PLACEHOLDER.sub("", text[:2000]).strip()
    dependency = _requirement(bare, number, raw)
    if dependency is None:
        name = _REQUIREMENT_NAME.match(bare)
        dependency = _requirement(name.group(1), number, raw) if name else None
    return dependency


TEMPLATE_NOTE = (
    "a template placeholder ({{ }} or {% %}): the file is rendered before pip reads it, so what gets "
    "installed is not fully known here; the readable lines, and each template line's fixed part, were checked"
)

# A readable project name whose version part pip rejects: a comma left out between two
# specifiers (`sagemaker>=2.0.0<3.0.0`) or conda's single `=` (`numpy=1.21`). Current pip refuses
# the whole file; pip before 22 read the text as a legacy version and installed some release of
# that project. Either way nothing but that project, at a version the file does not fix, can be
# installed from the line, so its name is judged (malicious, typosquat, decoy) as an unpinned
# requirement. Every version must look like a release (or be `*`), so `TOKEN=abc` and
# `SECRET=9xQ2...` stay unreadable.

# A release as people write one (PEP 440's shape, loosely): `2.0.0`, `1.21.*`, `1.0rc1`, `2.1.post3`,
# `1.0+cpu`. Not any word that starts with a digit: `SECRET=9xQ2...` is no version.
_RELEASE = (
    r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,6}"
    r"(?:\.\*|(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview|post|dev)[0-9]{0,9}){0,3})"
    r"(?:\+[A-Za-z0-9.]{1,40})?"
)
# `=>` is `>=` typed the other way round (`tensorflow=>1.12.1`): pip rejects it too. (`=<` is not
# taken: judged as no version at all, an intended upper bound would be lost.)
_VERSION_PART = rf"(?:===|==|~=|!=|<=|>=|=>|<|>|=)[ \t]*(?:{_RELEASE}|\*)"
# Names of settings and credentials, not of projects (`password=>1.2.3`).
_SETTING_WORD = re.compile(r"(?i)(?:^|[-_.])(?:pass(?:word|wd)?|secret|token|api[-_.]?key|credentials?)(?:$|[-_.])")
_BROKEN_SPECIFIER = re.compile(
    r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]{0,200}[A-Za-z0-9])?)[ \t]*"
    r"(?:(?P<extras>\[[A-Za-z0-9._, \t-]{0,400}\])[ \t]*)?"
    rf"{_VERSION_PART}(?:[ \t]*(?:,[ \t]*)?{_VERSION_PART}){{0,10}}"
)

_SINGLE_EQUALS = re.compile(r"(?<![=<>!~])=(?!=)")
_SPACED_SINGLE_EQUALS = re.compile(r"(?<![=<>!~])(?:[ \t]=(?!=)|=[ \t])")

SPECIFIER_NOTE = (
    "a version pip rejects after a readable project name (a comma left out between specifiers, a "
    "single `=`, or `=>`): pip refuses the file; the project's name was checked, its version judged unpinned"
)


def broken_specifier(text: str, number: int, raw: str) -> Dependency | None:
    """The project a line names when only its version part is malformed, as an unpinned
    requirement; None for any other unreadable text (a setting, two requirements, a marker, a
    URL, anything over 2,000 characters)."""
    text = text.strip()
    if len(text) > 2000:
        return None  # no requirement is that long: judged as text nobody can read
    match = _BROKEN_SPECIFIER.fullmatch(text)
    if match is None or _SPACED_SINGLE_EQUALS.search(text):
        return None  # `version = 1.0` reads as a setting, not as conda's `numpy=1.21`
    if _SINGLE_EQUALS.search(text) and (
        not any(ch.islower() for ch in match["name"])
        or "." not in text
        or ("=>" in text and _SETTING_WORD.search(match["name"]))
    ):
        # `PIN=12345678`, `API_KEY=2024...`, `password=123456`, `db_password=>1.2.3`: a setting,
        # not conda's `numpy=1.21`
        return None
    return _requirement(match["name"] + (match["extras"] or ""), number, raw)


def strip_comment(line: str) -> str:
    """pip's comment rule (a `#` at the start or after whitespace) in linear time; the regex
    `(^|\\s+)#.*$` retries its whitespace run from every start and takes minutes on long runs."""
    position = line.find("#")
    while position != -1:
        if position == 0 or line[position - 1].isspace():
            return line[:position].rstrip()
        position = line.find("#", position + 1)
    return line


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first physical line, joined text) with comments removed and `\\` continuations joined."""
    buffer: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = strip_comment(raw) if "#" in raw else raw
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


def break_args_options(line: str) -> tuple[str, str]:
    """The requirement and its options, split as pip splits a line (req_file.break_args_options):
    at the first space-separated token that starts with `-`, short options included
    (`torch==2.3 -i URL` installs torch==2.3; pip ignores a file-level option there)."""
    tokens = line.split(" ")
    for index, token in enumerate(tokens):
        if token.startswith("-"):
            return " ".join(tokens[:index]), " ".join(tokens[index:])
    return line, ""


def _split(text: str) -> list[str]:
    try:
        return split_words(text)
    except ValueError:
        return text.split()


def parse_requirements(
    text: str, path: Path, root: Path, *, seen: frozenset[Path] = frozenset(), include: bool = True
) -> tuple[DependencyFile, list[tuple[int, Path]]]:
    """Parse one file; return it and the (line, path) of files it includes with -r/-c."""
    result = DependencyFile(lines=text.splitlines())
    includes: list[tuple[int, Path]] = []
    unreadable: list[tuple[int, str, str | None]] = []  # (line, text, _TEMPLATE / _SPECIFIER / None)
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
        index_option = canonical_option(option)
        if index_option is not None or option in _INCLUDE_OPTIONS or option in ("-e", "--editable"):
            value = inline or (words[1] if len(words) > 1 else "")
            if index_option is not None:
                result.indexes.append(IndexOption(number, index_option, value))
            elif option in _INCLUDE_OPTIONS and include:
                includes.append((number, (path.parent / value)))
            elif option in ("-e", "--editable"):
                dependency = _requirement(value, number, line)
                if dependency is not None and dependency.source != "path":
                    result.dependencies.append(dependency)
            continue
        if option.startswith("-"):
            if option not in _IGNORED_OPTIONS and option != "--hash":
                shown = option if _OPTION_NAME.fullmatch(option) else "an option that is not a pip option name"
                result.problems.append(
                    Issue(rules.DEPENDENCY_FILE_UNREADABLE, f"unknown pip option {shown}", f"opt:{option}", line=number)
                )
            continue
        # Per-requirement options (--hash, --config-settings) follow the requirement; the
        # requirement itself (markers and their quotes included) is read verbatim, up to where
        # pip's own split puts the options.
        requirement_text, option_text = break_args_options(line)
        dependency = _requirement(requirement_text.strip(), number, line)
        if dependency is None:
            if template_line(requirement_text):
                unreadable.append((number, requirement_text, _TEMPLATE))
                rendered = rendered_template(requirement_text, number, line)
                if rendered is not None:
                    result.dependencies.append(rendered)  # what any rendering installs, judged as well
            elif (named := broken_specifier(requirement_text, number, line)) is not None:
                unreadable.append((number, requirement_text, _SPECIFIER))
                named.hashes = _hashes(_split(option_text)) if option_text else []
                result.dependencies.append(named)
            else:
                unreadable.append((number, requirement_text, None))
            continue
        dependency.hashes = _hashes(_split(option_text)) if option_text else []
        result.dependencies.append(dependency)
    if unreadable:
        result.problems.append(_unreadable_issue(unreadable))
    result.hash_checking = any(d.hashes for d in result.dependencies)
    return result, includes


_TEMPLATE = "template"
_SPECIFIER = "specifier"


def _unreadable_issue(unreadable: list[tuple[int, str, str | None]]) -> Issue:
    """One finding per file for its unreadable requirement lines (a file with quoted, comma-ended
    lines has one problem, not one per line); pip stops at the first of them. Lines that hold a
    template placeholder, or a readable name with a malformed version, were judged as far as they
    can be: reported low when they are the only ones."""
    if all(kind is not None for _, _, kind in unreadable):
        numbers = _line_numbers(unreadable)
        kinds = {kind for _, _, kind in unreadable}
        notes = [TEMPLATE_NOTE] if _TEMPLATE in kinds else []
        notes += [SPECIFIER_NOTE] if _SPECIFIER in kinds else []
        return Issue(
            rules.DEPENDENCY_FILE_UNREADABLE,
            f"{'line' if len(unreadable) == 1 else 'lines'} {numbers}: {'; and '.join(notes)}",
            "template-lines" if kinds == {_TEMPLATE} else "judged-lines",
            line=unreadable[0][0],
            severity=Severity.LOW,
        )
    unreadable = [line for line in unreadable if line[2] is None]
    first, text, _ = unreadable[0]
    if len(unreadable) == 1:
        return Issue(
            rules.DEPENDENCY_FILE_UNREADABLE,
            f"cannot read the requirement on this line ({describe(text)})",
            "bad-lines",
            line=first,
        )
    numbers = _line_numbers(unreadable)
    return Issue(
        rules.DEPENDENCY_FILE_UNREADABLE,
        f"{len(unreadable)} lines cannot be read as requirements (lines {numbers}; the first: {describe(text)}); "
        "pip stops at the first, and none of them was checked",
        "bad-lines",
        line=first,
    )


def _line_numbers(unreadable: list[tuple[int, str, str | None]]) -> str:
    return line_list([line[0] for line in unreadable], 8)


def _hashes(words: list[str]) -> list[str]:
    found = []
    for index, word in enumerate(words):
        if word.startswith("--hash="):
            found.append(word.partition("=")[2])
        elif word == "--hash" and index + 1 < len(words):
            found.append(words[index + 1])
    return found


def _requirement(text: str, number: int, raw: str) -> Dependency | None:
    requirement = parse_requirement(text)
    return Dependency.of(requirement, number, raw) if requirement is not None else None


def read_with_includes(path: Path, root: Path) -> tuple[DependencyFile, list[tuple[str, DependencyFile]]]:
    """The file itself and the files it includes (recursively, inside the repository only).

    A problem with an include is reported on the file whose `-r`/`-c` line names it.
    """
    from hooks.deps.reading import DependencyFileError, read_text

    main, includes = parse_requirements(read_text(path), path, root)
    included: list[tuple[str, DependencyFile]] = []
    pending = deque((main, number, target, frozenset({path.resolve()})) for number, target in includes)
    visited: set[Path] = set()
    while pending:
        owner, number, target, chain = pending.popleft()
        try:
            resolved = target.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop (RuntimeError before Python 3.13)
            owner.problems.append(
                Issue(
                    rules.BAD_INCLUDE,
                    f"includes {target.name}, a symbolic link loop; nothing to read",
                    f"loop:{target.name}",
                    line=number,
                )
            )
            continue
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
        if ".git" in PurePosixPath(relative).parts:
            owner.problems.append(
                Issue(
                    rules.BAD_INCLUDE,
                    "includes a file inside .git/ (git's own configuration can hold tokens); it is not read",
                    "git-dir",
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
            what = "is not a regular file; it is not read" if resolved.exists() else "does not exist"
            message = f"includes {relative}, which {what}"
            owner.problems.append(Issue(rules.BAD_INCLUDE, message, f"missing:{relative}", line=number))
            continue
        try:
            text = read_text(resolved)
        except (DependencyFileError, OSError) as exc:
            # Fail closed on the include line; the including file's own checks still stand.
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            owner.problems.append(
                Issue(
                    rules.DEPENDENCY_FILE_UNREADABLE,
                    f"includes {relative}, which cannot be read ({reason}); nothing in it was checked",
                    f"unreadable:{relative}",
                    line=number,
                )
            )
            continue
        parsed, nested = parse_requirements(text, resolved, root)
        included.append((relative, parsed))
        pending.extend((parsed, n, t, chain | {resolved}) for n, t in nested)
    return main, included
