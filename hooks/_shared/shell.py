"""Checks for notebook shell lines and package installs (`!`, `%%bash`, `%pip`, `%conda`).

A Dockerfile's RUN lines use the same checks. How well a requirement is pinned and whether an
index is safe are judged by `hooks._shared.requirements` and `hooks._shared.indexes`, as in
requirements files; this module only finds the installs in a command line and words the findings
for it. Messages never quote a URL as written (it can carry a token): names come from the path
or `#egg=`, URLs go through `hooks._shared.urls.redact_url`.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from hooks._core.findings import Issue
from hooks._core.rules import Rule
from hooks._shared.indexes import IndexOption, IndexRules, canonical_option, index_issues
from hooks._shared.requirements import Pinning, Requirement, parse_conda_spec, parse_requirement, pinning
from hooks._shared.urls import redact_url


@dataclass(frozen=True)
class ShellRules:
    """The rules a caller reports shell problems under (a notebook's, a Dockerfile's)."""

    piped_to_shell: Rule
    downloaded_run: Rule
    unpinned_install: Rule
    unsafe_index: Rule


# A download fed straight to a shell or interpreter, in a notebook `!` line, a `%%bash` cell or
# a Dockerfile RUN (which imports this pattern).
PIPE_TO_SHELL = re.compile(
    r"\b(?:curl|wget|fetch)\b[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+\S+\s+)*(?:ba|z|k|da|fi)?sh\b"
    r"|\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+)?python[0-9.]*\b"
    r"|(?:ba|z)?sh\s+<\(\s*(?:curl|wget)\b"
    r"|(?:ba|z)?sh\s+-c\s+[\"']?\$\(\s*(?:curl|wget)\b"
)
_DOWNLOAD_TARGET = re.compile(r"\b(?:wget\b.*?(?:-O\s*|--output-document[= ])|curl\b.*?(?:-o\s*|--output[= ]))(\S+)")
_WGET_IMPLICIT = re.compile(r"\bwget\s+(?:-\S+\s+)*\S*/([\w.-]+\.(?:sh|py|run|bin))\b")
_EXEC = re.compile(
    r"(?:^|&&|;|\|\|)\s*(?:sudo\s+)?(?:bash|sh|zsh|python[0-9.]*|source|\.)\s+(\S+)|(?:^|&&|;)\s*(\./\S+)"
)
# An install command anywhere in a shell segment (after `sudo`, `cd x &&`, ...).
_INSTALL_COMMAND = re.compile(
    r"(?:^|\s)(?:python[0-9.]*\s+-m\s+)?(?:pip[0-9.]*|uv\s+pip|conda|mamba|micromamba)\s+install\b"
)
_SEGMENT_SPLIT = re.compile(r"\s*(?:&&|\|\|?|;|\n)\s*")
# Output redirection ends the install's arguments (`pip install x > log 2>&1`).
_REDIRECTION = re.compile(r"\s(?:[0-9]*>>?|&>>?|<)")
_SHOWABLE = re.compile(r"[\w.\[\]{}$<>=!~,*-]{1,80}")
_VALUE_OPTIONS = frozenset(
    {
        "-r",
        "--requirement",
        "-c",
        "--constraint",
        "-e",
        "--editable",
        "-t",
        "--target",
        "--prefix",
        "--root",
        "--src",
        "-f",
        "--find-links",
        "--platform",
        "--python-version",
        "--implementation",
        "--abi",
        "--progress-bar",
        "--cache-dir",
        "--log",
        "--timeout",
        "--retries",
        "--proxy",
        "--cert",
        "--client-cert",
        "--exists-action",
        "--only-binary",
        "--no-binary",
        "--upgrade-strategy",
        "-n",
        "--name",
        "-p",
        "-C",
        "--config-settings",
        "--report",
        "--python",
    }
)
# Upgrading the installer itself is routine; an unpinned `pip install -U pip` is not a finding.
_TOOLING = frozenset({"pip", "setuptools", "wheel"})


def shell_issues(lines: list[tuple[int, str]], rules: ShellRules) -> list[Issue]:
    issues: list[Issue] = []
    downloaded: set[str] = set()
    for number, command in lines:
        if PIPE_TO_SHELL.search(command):
            issues.append(
                Issue(
                    rules.piped_to_shell,
                    "pipes a download straight into a shell or interpreter",
                    "",
                    line=number,
                    column=1,
                )
            )
            continue
        for match in _DOWNLOAD_TARGET.finditer(command):
            downloaded.add(match.group(1).strip("'\""))
        for match in _WGET_IMPLICIT.finditer(command):
            downloaded.add(match.group(1))
        for match in _EXEC.finditer(command):
            target = (match.group(1) or match.group(2) or "").strip("'\"")
            base = target.removeprefix("./")
            if target and (target in downloaded or base in downloaded or f"./{base}" in downloaded):
                issues.append(
                    Issue(
                        rules.downloaded_run,
                        f"runs {target}, a file downloaded in this cell, unchecked",
                        "",
                        line=number,
                        column=1,
                    )
                )
                break
    return issues


def _split(command: str) -> list[str]:
    """Shell words up to a comment. As in a shell, `#` starts a comment only at a word's start:
    shlex's own comment handling would also cut `pkg.tar.gz#sha256=...` at its `#`."""
    lexer = shlex.shlex(command, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        words = list(lexer)
    except ValueError:
        words = command.split()
    for index, word in enumerate(words):
        if word.startswith("#"):
            return words[:index]
    return words


def install_segments(command: str) -> list[str]:
    """Each `pip/conda ... install ...` in a shell command line, from the installer on."""
    found = []
    for segment in _SEGMENT_SPLIT.split(command.replace("\\\n", " ")):
        match = _INSTALL_COMMAND.search(segment)
        if match is not None:
            found.append(_REDIRECTION.split(segment[match.start() :], maxsplit=1)[0].strip())
    return found


def install_issues(commands: list[tuple[int, str]], rules: ShellRules) -> list[Issue]:
    """Unpinned-install and unsafe-index problems of the package installs in shell command lines."""
    issues: list[Issue] = []
    for number, command in commands:
        for install in install_segments(command):
            issues.extend(_install_issues(number, install, rules))
    return issues


def _install_issues(number: int, command: str, rules: ShellRules) -> list[Issue]:
    words = _split(command)
    if "install" not in words:
        return []
    arguments = _joined_direct_references(words[words.index("install") + 1 :])
    conda = words[0] in ("conda", "mamba", "micromamba")
    issues: list[Issue] = []
    index = 0
    while index < len(arguments):
        word = arguments[index]
        option, _, inline_value = word.partition("=")
        canonical = canonical_option(option, conda=conda)
        if canonical is not None:
            value = inline_value or (arguments[index + 1] if index + 1 < len(arguments) else "")
            issues.extend(_index_issues(number, canonical, value, rules))
            index += 1 if inline_value else 2
            continue
        if option in _VALUE_OPTIONS:
            index += 1 if inline_value else 2
            continue
        if word.startswith("-"):
            index += 1
            continue
        issues.extend(_requirement_issue(number, word, conda, rules))
        index += 1
    return issues


def _joined_direct_references(arguments: list[str]) -> list[str]:
    """`name @ https://...` is one requirement though the shell splits it into three words."""
    joined: list[str] = []
    index = 0
    while index < len(arguments):
        if index + 2 < len(arguments) and arguments[index + 1] == "@" and not arguments[index].startswith("-"):
            joined.append(" ".join(arguments[index : index + 3]))
            index += 3
            continue
        joined.append(arguments[index])
        index += 1
    return joined


def _index_issues(number: int, option: str, value: str, rules: ShellRules) -> list[Issue]:
    # Judged by hooks._shared.indexes (as in requirements files); worded for a command line.
    found = index_issues(IndexOption(number, option, value), _index_rules(rules))
    shown = redact_url(value.strip())
    issues: list[Issue] = []
    for issue in found:
        kind = issue.key.partition(":")[0]
        if kind == "trusted":
            message = f"--trusted-host {shown} turns off TLS checks for that index"
        elif kind == "extra":
            message = (
                "--extra-index-url lets a public package shadow a private one "
                "(dependency confusion); use one index that proxies both"
            )
        elif kind == "http":
            where = (
                "conda channel"
                if option == "channel"
                else "find-links location"
                if option == "--find-links"
                else "index"
            )
            message = f"installs from an http:// {where}: packages can be swapped in transit"
        else:
            message = (
                f"installs from {shown}, a URL with credentials in it: they are saved with the "
                "command; pass them from the environment"
            )
        issues.append(Issue(rules.unsafe_index, message, "", line=number, column=1))
    return issues


def _index_rules(rules: ShellRules) -> IndexRules:
    return IndexRules(
        extra_index_url=rules.unsafe_index,
        plain_http=rules.unsafe_index,
        credentials=rules.unsafe_index,
        trusted_host=rules.unsafe_index,
    )


def _requirement_issue(number: int, word: str, conda: bool, rules: ShellRules) -> list[Issue]:
    if word in (".", "..") or word.startswith(("./", "../", "/", "~")) or word.endswith((".txt", ".yml", ".yaml")):
        return []
    if conda:
        spec = parse_conda_spec(word) if "://" not in word else None
        if spec is None or spec.specifier.strip("=") == "":
            return [_unpinned(number, word if spec is None else spec.name, "a version pin", rules)]
        return []  # conda's `pkg=1.2` prefix is the usual way to pin in a notebook
    requirement = _as_requirement(word)
    if requirement is None:
        # Not a requirement pip reads literally (`$PKG`, `{name}`): shown only when it is
        # plainly a name or a reference, since a word can hold anything.
        shown = word if _SHOWABLE.fullmatch(word) else "a package named by a variable or template"
        return [_unpinned(number, shown, "an exact == pin", rules)]
    kind = pinning(requirement)
    name = requirement.name  # from the path or #egg=, never the URL's authority (credentials)
    if kind is Pinning.VCS_MOVABLE:
        message = f"installs {name} from version control without a full commit hash"
    elif kind is Pinning.URL_NO_HASH:
        message = f"installs {name} from a direct URL without a #sha256= hash"
    elif kind in (Pinning.UNPINNED, Pinning.RANGE) and requirement.key not in _TOOLING:
        return [_unpinned(number, requirement.name + requirement.specifier, "an exact == pin", rules)]
    else:
        return []
    return [Issue(rules.unpinned_install, message, "", line=number, column=1)]


def _as_requirement(word: str) -> Requirement | None:
    lowered = word.lower()
    if lowered.startswith(("https://", "http://")) and "github.com" in lowered and ".git" in lowered:
        word = f"git+{word}"  # `pip install https://github.com/org/repo.git` clones the default branch
    return parse_requirement(word)


def _unpinned(number: int, what: str, pin: str, rules: ShellRules) -> Issue:
    return Issue(rules.unpinned_install, f"installs {what} without {pin}", "", line=number, column=1)
