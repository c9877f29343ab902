"""Checks for notebook shell lines and package installs (`!`, `%%bash`, `%pip`, `%conda`)."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from hooks._core.findings import Issue
from hooks._core.rules import Rule
from hooks._shared.urls import has_credentials, redact_url


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
_EXACT_PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*===?\s*[^,;*\s]+$")
_FULL_COMMIT = re.compile(r"@[0-9a-f]{40}(?:#|$)")
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
_INDEX_OPTIONS = frozenset(
    {"-i", "--index-url", "--extra-index-url", "--trusted-host", "-c", "--channel", "-f", "--find-links"}
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
    try:
        return shlex.split(command, comments=True)
    except ValueError:
        return command.split()


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
    arguments = words[words.index("install") + 1 :]
    conda = words[0] in ("conda", "mamba", "micromamba")
    issues: list[Issue] = []
    index = 0
    while index < len(arguments):
        word = arguments[index]
        option, _, inline_value = word.partition("=")
        if option in _INDEX_OPTIONS:
            value = inline_value or (arguments[index + 1] if index + 1 < len(arguments) else "")
            issues.extend(_index_issue(number, option, value, conda, rules))
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


def _index_issue(number: int, option: str, value: str, conda: bool, rules: ShellRules) -> list[Issue]:
    issues: list[Issue] = []
    if option == "--trusted-host":
        return [
            Issue(
                rules.unsafe_index,
                f"--trusted-host {value} turns off TLS checks for that index",
                "",
                line=number,
                column=1,
            )
        ]
    if option == "--extra-index-url":
        issues.append(
            Issue(
                rules.unsafe_index,
                "--extra-index-url lets a public package shadow a private one "
                "(dependency confusion); use one index that proxies both",
                "",
                line=number,
                column=1,
            )
        )
    if value.startswith("http://"):
        where = "conda channel" if conda else "find-links location" if option in ("-f", "--find-links") else "index"
        issues.append(
            Issue(
                rules.unsafe_index,
                f"installs from an http:// {where}: packages can be swapped in transit",
                "",
                line=number,
                column=1,
            )
        )
    return issues


def _requirement_issue(number: int, word: str, conda: bool, rules: ShellRules) -> list[Issue]:
    if word in (".", "..") or word.startswith(("./", "../", "/", "~")) or word.endswith((".txt", ".yml", ".yaml")):
        return []
    if "://" in word or word.startswith("git+"):
        lowered = word.lower()
        if lowered.startswith(("git+", "hg+", "svn+", "bzr+")) or ("github.com" in lowered and ".git" in lowered):
            if not _FULL_COMMIT.search(word):
                return [
                    Issue(
                        rules.unpinned_install,
                        f"installs {_shown_vcs(word)} from version control without a full commit hash",
                        "",
                        line=number,
                        column=1,
                    )
                ]
            return []
        if "#sha256=" not in word and "--hash" not in word:
            return [
                Issue(
                    rules.unpinned_install,
                    "installs a direct URL without a #sha256= hash",
                    "",
                    line=number,
                    column=1,
                )
            ]
        return []
    if conda:
        if "=" not in word or word.endswith("="):
            return [Issue(rules.unpinned_install, f"installs {word} without a version pin", "", line=number, column=1)]
        return []
    if not _EXACT_PIN.match(word) and word.lower() not in _TOOLING:
        return [Issue(rules.unpinned_install, f"installs {word} without an exact == pin", "", line=number, column=1)]
    return []


def _shown_vcs(word: str) -> str:
    """The VCS URL without its ref; a token in its userinfo is never shown (issue 12)."""
    return redact_url(word) if has_credentials(word) else word.split("@")[0]
