"""Shell command judgement shared by notebooks (`!`, `%%bash`, `%pip`) and Dockerfiles (RUN).

A command line is split into segments at `|`, `||`, `&&`, `;` and newlines, each segment into
words, and every check reads words, never a pattern that scans the rest of the line from each
candidate start: time stays linear in the command (1 MB of `curl curl ...` is one pass).

Installs (`pip install`, `pip download`, `pip wheel`, `uv pip install`, `conda install`, ...) are
judged once per command: one issue names every unpinned requirement of that command. URLs are
quoted only in their redacted form (scheme, host, `***`).
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from hooks._core.findings import Issue
from hooks._core.rules import Rule
from hooks._core.severity import Severity
from hooks._shared.indexes import VENDOR_INDEX_NOTE, private_index, private_index_variable, vendor_index
from hooks._shared.managers import MANAGER_VERBS, manager_install, subshell_word
from hooks._shared.redaction import redact_url
from hooks._shared.substitutions import cut_substitutions, quote_step, substitution_end
from hooks._shared.words import REDIRECTION, split_words


@dataclass(frozen=True)
class ShellRules:
    """The rules a caller reports shell problems under (a notebook's, a Dockerfile's)."""

    piped_to_shell: Rule
    downloaded_run: Rule
    unpinned_install: Rule
    unsafe_index: Rule


# `>|` (write over a file even under `set -o noclobber`) is a redirection, not a pipe.
_SEPARATORS = re.compile(r"(\|\||(?<!(?<!\\)>)\|&?|&&|;|\n)")  # `\>|` pipes a literal `>`; `|&` pipes stderr too
_DOWNLOADERS = frozenset({"curl", "wget", "fetch"})
_SHELLS = frozenset({"sh", "bash", "zsh", "ksh", "dash", "fish"})
_PYTHON = re.compile(r"^python[0-9.]*$")
_INTERPRETERS = _SHELLS | {"source", "."}
# Programs that run the program after their own options: `sudo -u app bash`, `timeout 60 bash`.
_WRAPPERS = frozenset(
    "sudo doas env exec time nohup command builtin nice ionice timeout stdbuf setsid chrt taskset "
    "flock chroot gosu su-exec xargs runuser busybox toybox".split()
)
# Their options that take the next word as a value (a value joined on, `-n10`, `--user=app`, is
# one word), and how many operands come before the program (`timeout 60 cmd`, `gosu app cmd`).
_WRAPPER_VALUE_OPTIONS = {
    "sudo": frozenset(
        "-u -g -C -D -h -p -r -t -T -U -R --user --group --chdir --host --prompt --role --type "
        "--other-user --close-from --command-timeout --chroot".split()
    ),
    "doas": frozenset({"-u", "-C"}),
    "runuser": frozenset({"-u", "-g", "-G", "--user", "--group", "--supp-group"}),
    "env": frozenset({"-u", "--unset", "-C", "--chdir"}),
    "exec": frozenset({"-a"}),
    "time": frozenset({"-f", "-o", "--format", "--output"}),
    "nice": frozenset({"-n", "--adjustment"}),
    "ionice": frozenset({"-c", "-n", "-p", "-P", "-u", "--class", "--classdata"}),
    "timeout": frozenset({"-s", "-k", "--signal", "--kill-after"}),
    "stdbuf": frozenset({"-i", "-o", "-e", "--input", "--output", "--error"}),
    "flock": frozenset({"-w", "-E", "--timeout", "--conflict-exit-code"}),
    "xargs": frozenset({"-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter"}),
}
_WRAPPER_OPERANDS = {"timeout": 1, "chrt": 1, "taskset": 1, "flock": 1, "chroot": 1, "gosu": 1, "su-exec": 1}
# Words of the shell's grammar that come before a command (`if ...; then eval ...`, `( bash ... )`).
_SHELL_KEYWORDS = frozenset({"if", "then", "elif", "else", "do", "while", "until", "!", "{", "(", "time"})
# Programs that read a file or text given to them as a script: `source <(curl ...)`.
_SCRIPT_READERS = _SHELLS | {"source", "."}
_INSTALLERS = re.compile(r"^(?:pip[0-9.]*|uv|conda|mamba|micromamba)$")
_PIP_VERBS = frozenset({"install", "download", "wheel"})
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
        "-d",
        "--dest",
        "-w",
        "--wheel-dir",
        "--override",
        "--with",
        # uv pip's options that take a value (`--torch-backend cpu`, `--index-strategy unsafe-best-match`)
        "--index-strategy",
        "--torch-backend",
        "--resolution",
        "--prerelease",
        "--keyring-provider",
        "--link-mode",
        "--python-platform",
        "--reinstall-package",
        "--upgrade-package",
        "-P",
        "--no-build-package",
        "--refresh-package",
        "--exclude-newer",
        "--extra",
        "--group",
        "--config-file",
        "-b",
        "--build-constraint",
        "--index",
        "--default-index",
    }
)
_INDEX_OPTIONS = frozenset(
    {"-i", "--index-url", "--extra-index-url", "--trusted-host", "-c", "--channel", "-f", "--find-links"}
)
# Upgrading the installer itself is routine; an unpinned `pip install -U pip` is not a finding.
_TOOLING = frozenset({"pip", "setuptools", "wheel", "uv"})
# PyPI itself given as an extra index: still one source of names, no confusion.
_PYPI_HOSTS = frozenset({"pypi.org", "pypi.python.org", "files.pythonhosted.org"})
_MAX_NAMES = 6
_NAMED_URL = re.compile(r"^[A-Za-z0-9._-]+(?:\[[^\]]*\])?\s*@\s*(?=[A-Za-z+]+://)")


def _segments(command: str, depth: int = 0) -> list[tuple[str, str]]:
    """(text, separator before it) for each segment of a command line, then the segments of the
    scripts it gives a shell to run (`sudo -u app bash -c "cd /app && pip install x"`): what
    runs, wherever the quotes put it. A plain segment that is only a script's segment with a
    quote left on (`pip install torch"`) gives way to the script's own."""
    segments = _line_segments(command)
    if depth >= _SCRIPT_DEPTH:
        return segments
    inner: list[tuple[str, str]] = []
    for script in _shell_scripts(command):
        found = _segments(script, depth + 1)
        if found:
            inner.extend([(found[0][0], ";"), *found[1:]])
    if not inner:
        return segments
    seen = {text.strip(" \t\"'") for text, _ in inner}
    return [segment for segment in segments if segment[0].strip(" \t\"'") not in seen] + inner


def _split_segments(command: str) -> list[tuple[str, str]]:
    """(text, separator before it) for each segment of a command line, split at every `&&`, `||`,
    `|`, `;` and newline. Quotes are not honoured on purpose: a stray apostrophe in a comment
    (`# the model's server`) or an ANSI-C string would hide every command after it, while a
    separator inside quotes only adds a segment; what a shell runs from quotes (`sh -c "..."`)
    is read by `_shell_scripts`."""
    parts = _SEPARATORS.split(command.replace("\\\n", " "))
    segments = [(parts[0], "")]
    for index in range(1, len(parts) - 1, 2):
        segments.append((parts[index + 1], parts[index]))
    return segments


def _line_segments(command: str) -> list[tuple[str, str]]:
    """The segments of a command line: quote-aware where its quotes pair up (a pipe inside them is
    text), split at every separator when a quote is left open (a stray apostrophe hides nothing)."""
    return _quoted_segments(command) or _split_segments(command)


def _quoted_segments(command: str) -> list[tuple[str, str]] | None:
    """(text, separator before it) like `_split_segments`, with separators inside quotes left in
    the text and `\\` escapes honoured; None when a quote is left open."""
    text = command.replace("\\\n", " ")
    segments: list[tuple[str, str]] = []
    separator = ""
    start = 0
    comments: list[tuple[int, int]] = []  # spans of the current segment left out of its text
    quote = ""
    index = 0
    redirecting = False  # the character before is an unquoted, unescaped `>`: `>|` redirects
    escaped_end = -1  # where the last escape ended: a `#` right after `\ ` is inside a word
    while index < len(text):
        char = text[index]
        if char == "\\" and quote != "'":
            index += 2
            escaped_end = index
            redirecting = False
            continue
        if quote != "'" and (text.startswith("$(", index) or char == "`"):
            # `"$(printf "can't")"`: a substitution quotes afresh inside; its end is its own
            kind = "`" if char == "`" else "$("
            index = substitution_end(text, index + len(kind), kind) + 1
            redirecting = False
            continue
        if quote:
            if char == quote:
                quote = ""
        elif text.startswith("$'", index):
            end = _ansi_c_end(text, index + 2)
            if end is None:
                return None
            index = end + 1
            redirecting = False
            continue
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n;&|(") and index != escaped_end:
            end = text.find("\n", index)  # a comment: nothing in it runs, its quotes pair with nothing
            end = end if end >= 0 else len(text)
            comments.append((index, end))
            index = end
            continue
        elif not (char == "|" and redirecting) and (found := _SEPARATORS.match(text, index)):
            segments.append((_without(text, start, index, comments), separator))
            comments = []
            separator = found.group()
            index = start = found.end()
            redirecting = False
            continue
        redirecting = not quote and char == ">"
        index += 1
    if quote:
        return None
    segments.append((_without(text, start, len(text), comments), separator))
    return segments


def _without(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] with the spans (in order, inside it) left out."""
    if not spans:
        return text[start:end]
    parts: list[str] = []
    for span_start, span_end in spans:
        parts.append(text[start:span_start])
        start = span_end
    parts.append(text[start:end])
    return "".join(parts)


def _ansi_c_end(text: str, start: int) -> int | None:
    """The index of the `'` that ends a `$'...'` string begun before `start` (`\\'` escapes one)."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == "'":
            return index
        index += 1
    return None


def command_spans(command: str) -> list[tuple[int, int, str]]:
    """(start, end, separator after it) of each simple command of a shell line: split at `&&`,
    `||`, `;`, `|`, `&` and newlines outside quotes, `\\` escapes honoured."""
    segments: list[tuple[int, int, str]] = []
    start = 0
    quote = ""
    index = 0
    redirecting = False  # the character before was an unquoted, unescaped `>`: `>|` redirects
    while index < len(command):
        step = quote_step(command, index, quote)
        if step is not None:
            index, quote = step
            redirecting = False
            continue
        char = command[index]
        if char in ";|&\n" and not (char == "|" and redirecting):
            segments.append((start, index, char))
            start = index + 1
        redirecting = char == ">"
        index += 1
    segments.append((start, len(command), ""))
    return segments


def _words(segment: str) -> list[str]:
    try:
        return split_words(segment, comments=True)
    except ValueError:
        return segment.split()


def _command_words(words: list[str], *, runners: bool = True) -> list[str]:
    """The words from the program on: `sudo -E env A=1 bash x` -> [bash, x]; a tool runner's
    program too (`uvx hf download ...`, `uv run hf ...`, `pipx run hf ...` -> [hf, download, ...]),
    unless `runners` is False (then from the runner on: [uvx, hf, download, ...])."""
    index = 0
    wrapper = ""  # the wrapper whose options and operands are being stepped over
    operands = 0
    while index < len(words):
        word = words[index]
        if word in _SHELL_KEYWORDS or (word.endswith("()") and len(word) > 2):
            index += 1  # `then eval ...`, `( bash ...`, `f() { bash ...`: what follows is the command
            continue
        if word == "function":
            index += 2  # `function f { ...`: the name, then the body's `{`
            continue
        if word == "case" and index + 2 < len(words) and words[index + 2] == "in":
            index += 3  # `case "$OS" in Linux) eval ...`: the arm's pattern comes next
            continue
        if word.endswith(")") and not word.startswith("(") and index + 1 < len(words) and "=" not in word:
            index += 1  # a `case` arm's pattern (`Linux) eval ...`), then its command
            continue
        if "=(" in word and not word.endswith(")"):
            # `a=( $(curl ...) )`: an array's words are values, up to the word that closes it
            while index < len(words) and not words[index].endswith(")"):
                index += 1
            index += 1
            continue
        if _program(word) in _WRAPPERS:
            wrapper = _program(word)
            operands = _WRAPPER_OPERANDS.get(wrapper, 0)
            index += 1
            continue
        if word.startswith("-"):
            values = _WRAPPER_VALUE_OPTIONS.get(wrapper, frozenset())
            # `-u app`, or a cluster ending in one (`sudo -Hu app`)
            takes_value = word in values or (len(word) > 2 and word[1] != "-" and f"-{word[-1]}" in values)
            index += 2 if takes_value else 1
            continue
        if "=" in word and not word.startswith(("/", ".")):
            index += 1
            continue
        if operands:
            operands -= 1
            index += 1
            continue
        runner = _tool_runner_words(words, index) if runners else 0
        if runner:
            index += runner
            continue
        break
    return words[index:]


# Programs that run a Python tool (fetched into a throwaway environment or the project's) with
# the arguments after it, and their options that take a value in the next word.
_TOOL_RUNNERS = (("uvx",), ("uv", "run"), ("uv", "tool", "run"), ("pipx", "run"))
_TOOL_RUNNER_VALUE_OPTIONS = frozenset(
    {
        "--from",
        "--with",
        "--with-editable",
        "--with-requirements",
        "--python",
        "-p",
        "--spec",
        "--index-url",
        "--extra-index-url",
        "--index",
        "--env-file",
        "--directory",
        "--project",
        "--package",
        "--pip-args",
    }
)


# Their options that take no value. Any other option may take the next word (uv has many, and
# adds more): then where the program starts is not known, and the runner is not stepped over.
_TOOL_RUNNER_FLAGS = frozenset(
    {
        "-q",
        "--quiet",
        "-v",
        "--verbose",
        "--isolated",
        "--offline",
        "--no-cache",
        "-n",
        "--refresh",
        "--no-progress",
        "--frozen",
        "--locked",
        "--no-sync",
        "--no-project",
        "--active",
        "--no-config",
        "--no-python-downloads",
    }
)


def _tool_runner_words(words: list[str], index: int) -> int:
    """How many words from `index` are a tool runner and its options (0 when none is there, or an
    option it has is not known: `uvx --cache-dir echo vllm serve ...` must not start at `echo`)."""
    for runner in _TOOL_RUNNERS:
        end = index + len(runner)
        if tuple(_program(w) if n == 0 else w for n, w in enumerate(words[index:end])) != runner:
            continue
        while end < len(words) and words[end].startswith("-"):
            option = words[end]
            if option in _TOOL_RUNNER_VALUE_OPTIONS:
                end += 2
            elif option in _TOOL_RUNNER_FLAGS or (option.startswith("--") and "=" in option):
                end += 1
            else:
                return 0
        return end - index if end < len(words) else 0
    return 0


def _program(word: str) -> str:
    """The program a command word names, as the shell reads it: escapes and paired quotes removed
    (`b\\ash`, `'bash'`, `"ba"sh`), ANSI-C quoting decoded (`$'\\x73\\x68'` is `sh`), a brace
    expansion's first word (`{sh,-s}` is `sh -s`), the folder dropped (`/bin/bash`). A word with a
    quote left open is the end of quoted text the split cut (`echo "curl ... | sh"`), not a program."""
    if "$'" in word:
        word = _ANSI_C.sub(_ansi_c_text, word)
    brace = _BRACE_FIRST.match(word)
    if brace is not None:
        word = brace.group(1)
    if "\\" in word:
        word = _ESCAPE.sub(r"\1", word)
    if ("'" in word or '"' in word) and word.count("'") % 2 == 0 and word.count('"') % 2 == 0:
        word = word.replace("'", "").replace('"', "")
    if word in ("$SHELL", "${SHELL}"):
        return "sh"  # the user's login shell: `"${SHELL}" <(curl -L micro.mamba.pm/install.sh)`
    if word in ("$PYTHON", "${PYTHON}"):
        return "python"
    return word.lstrip("({").rstrip(")").rsplit("/", 1)[-1]  # `(bash`, `sh)`: a subshell's edges


_ESCAPE = re.compile(r"\\(.)")
_ANSI_C = re.compile(r"\$'((?:[^'\\]|\\.){0,200})'")
_ANSI_C_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)")
_BRACE_FIRST = re.compile(r"^\{([^{},\s]+),[^{}]*\}$")
_GLOB = re.compile(r"[*?\[]")


def _ansi_c_text(match: re.Match[str]) -> str:
    """The text of bash's `$'...'` quoting (`\\x73` is `s`, `\\163` is `s`)."""

    def decoded(escape: re.Match[str]) -> str:
        code = escape.group(1)
        if code[0] == "x" and len(code) > 1:  # `\x` without a digit is bash's `\x` as written
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8) % 256)
        return {"n": "\n", "t": "\t"}.get(code, code)

    return _ANSI_C_ESCAPE.sub(decoded, match.group(1))


# A shell (or `su`) and, within a few words, a short option cluster holding `c`: a `-c` script.
_SHELL_SCRIPT_HINT = re.compile(rf"(?:^|[\s/\"'])(?:{'|'.join(sorted(_SHELLS))})\b|\bsu\b")
_SCRIPT_DEPTH = 2  # shells inside shells read
_SCRIPT_FLAG = re.compile(r"-[A-Za-z]*c[A-Za-z]*")
_SCRIPT_SCAN_LIMIT = 64 << 10  # characters of a command line tokenised to find its scripts
_SCRIPTS_PER_LINE = 4
# Programs that run the command after their own options: the shell after them is what runs.
_RUNNERS = frozenset(
    "sudo doas env exec time nohup command timeout nice ionice stdbuf chroot flock xargs runuser gosu su-exec "
    "setsid unshare conda mamba micromamba uv pixi poetry pipenv run --".split()
)
_COMMAND_BREAKS = frozenset({"&&", "||", ";", "|", "&", "(", "{", "then", "do", "else"})


def _runner_word(word: str, before: str) -> bool:
    """A word of what runs the next program: a runner (`sudo`, `timeout`), one of its options,
    an option's value (`-u app`, `-n 10`), an assignment (`A=1`) or a number (`timeout 600`)."""
    return (
        word in _RUNNERS
        or word.startswith("-")
        or "=" in word
        or word.isdigit()
        or (before.startswith("-") and len(before) > 1 and "=" not in before)
    )


@functools.lru_cache(maxsize=256)
def _shell_scripts(command: str) -> tuple[str, ...]:
    """The scripts a command line gives a shell to run with `-c`, whatever runs the shell
    (`sudo -u app bash -lc ...`, `timeout 600 sh -c ...`, `bash -o pipefail -c ...`, `su app -c
    ...`, `xargs -I{} sh -c ...`). Only a shell where a command starts counts (`echo run: sh -c
    x` prints it); comments are not read. At most four per line; lines past the scan limit, or
    that do not tokenise (an unbalanced quote), are left to the plain split."""
    if len(command) > _SCRIPT_SCAN_LIMIT or not _SHELL_SCRIPT_HINT.search(command):
        return ()
    try:
        words = split_words(command.replace("\\\n", " "), comments=True)
    except ValueError:
        return ()
    scripts: list[str] = []
    at_command = True  # the next word may be a program
    index = 0
    while index < len(words) and len(scripts) < _SCRIPTS_PER_LINE:
        word = words[index]
        if word in _COMMAND_BREAKS or word.endswith(";"):
            at_command = True
        elif at_command and (_program(word) in _SHELLS or word == "su"):
            for position in range(index + 1, min(index + 8, len(words) - 1)):
                if _SCRIPT_FLAG.fullmatch(words[position]):
                    if words[position + 1] not in scripts:
                        scripts.append(words[position + 1])
                    index = position + 1  # past the script: a shell word before it finds nothing new
                    break
            at_command = False
        elif at_command and not _runner_word(word, words[index - 1] if index else ""):
            at_command = False  # `echo ... sh -c x`: the shell is an argument, not a program
        index += 1
    return tuple(scripts)


def command_segments(command: str) -> list[tuple[str, list[str]]]:
    """Each segment of a command line with its words from the program on (`sudo env A=1 vllm
    serve m` -> [vllm, serve, m]): what a check needs to tell the program that runs from text
    another program only prints (`echo "--trust-remote-code"`)."""
    return [(text, _command_words(_words(text))) for text, _ in _segments(command)]


# CPython's options that take the next word as their value; every other one-letter option is a flag.
PYTHON_VALUE_OPTIONS = frozenset({"-W", "-X", "-Q"})
_PYTHON_FLAGS = frozenset("bBdEhiIOPqRsStuvVx3")


def inline_python(command: str) -> list[str]:
    """The program text of each `python -c CODE` the command line runs (`python3 -u -c "..."`,
    `python -Bc '...'`, `sudo python -c ...`, inside `bash -c "..."` too): Python code the file
    holds as a string. `-c` after a script or `-m module` belongs to that program, not Python."""
    found: list[str] = []
    for _, words in command_segments(command):
        if not words or not _PYTHON.match(_program(words[0])):
            continue
        index = 1
        while index < len(words):
            word = words[index]
            if word in ("-", "--") or not word.startswith("-") or word.startswith("-m"):
                break  # a script, a module or stdin: what follows is that program's
            if word.startswith("--"):
                index += 2 if word == "--check-hash-based-pycs" else 1
                continue
            letters = word[1:]
            stop = next((i for i, letter in enumerate(letters) if letter not in _PYTHON_FLAGS), len(letters))
            if stop == len(letters):
                index += 1
                continue
            letter, attached = letters[stop], letters[stop + 1 :]
            if letter == "c":
                code = attached or (words[index + 1] if index + 1 < len(words) else "")
                if code.strip():
                    found.append(code)
                break
            if f"-{letter}" in PYTHON_VALUE_OPTIONS:
                index += 1 if attached else 2
                continue
            break  # an option CPython does not have: nothing here is known to run
    return found


def shell_lines(lines: list[str], first_line: int) -> list[tuple[int, str]]:
    """Shell lines as the shell reads them: `\\` at the end joins the next line; blank lines and
    comments are not commands. Lines are numbered from `first_line`."""
    commands: list[tuple[int, str]] = []
    pending: list[str] = []
    start = first_line
    for offset, line in enumerate(lines):
        number = first_line + offset
        if not pending:
            start = number
            if not line.strip() or line.lstrip().startswith("#"):
                continue
        stripped = line.rstrip()
        if stripped.endswith("\\") and (len(stripped) - len(stripped.rstrip("\\"))) % 2 == 1:
            pending.append(stripped[:-1])
            continue
        pending.append(stripped)
        commands.append((start, " ".join(part.strip() for part in pending if part.strip())))
        pending = []
    if pending:
        commands.append((start, " ".join(part.strip() for part in pending if part.strip())))
    return commands


def pipes_download_to_shell(command: str, depth: int = 0) -> bool:
    """`curl ... | sh`, `wget -qO- ... |& sudo -u app python3`, a download a substitution feeds to
    a shell (`bash <(curl ...)`, `source <(curl ...)`, `eval "$(curl ...)"`, `sh -c "$(curl ...)"`,
    `bash <<< "$(curl ...)"`), and any of these inside a shell's `-c` script (`bash -c "curl ... | sh"`)."""
    lowered = command.lower()
    if "curl" not in lowered and "wget" not in lowered and "fetch" not in lowered:
        return False
    if _substitution_runs_download(command, depth):
        return True
    segments = _line_segments(command)  # `echo "curl ... | sh -s -- -y"` prints an instruction
    if depth < _SCRIPT_DEPTH and any(pipes_download_to_shell(script, depth + 1) for script in _shell_scripts(command)):
        return True
    downloaded = False  # the segment reads, through the pipe, what a download wrote
    for index, (text, separator) in enumerate(segments):
        if separator not in ("|", "|&"):
            downloaded = False  # `;`, `&&`: a new command, not fed by the pipe
        words = _command_words(text.split())
        program = _program(words[0]) if words else ""
        if downloaded and program in ("source", ".") and len(words) > 1 and words[1] in _STDIN_FILES:
            return True  # `curl ... | source /dev/stdin`
        # A program word the shell expands as a pattern (`/bin/s[h]`, `/bin/?ash`) may be any
        # program, a shell too: read as one (fail closed).
        pattern = bool(words) and _GLOB.search(words[0]) is not None and not words[0].startswith("-")
        if downloaded and (program in _SHELLS or _PYTHON.match(program) or pattern):
            # `-c` code may hold `;` or `|`, which split segments: the rest of the line, separators
            # kept, up to a bound (a pipe of many interpreters is read once, not once per segment)
            parts = [text]
            size = len(text)
            for segment, separator_after in segments[index + 1 :]:
                if size > _REST_LIMIT:
                    break
                parts.append(separator_after + segment)
                size += len(separator_after) + len(segment)
            if not _reads_stdin_as_data("".join(parts), words):
                return True
        if any(_program(word) in _DOWNLOADERS for word in text.split()):
            downloaded = True
        # Any other program in the pipe (`jq`, `base64 -d`, `python -m json.tool`) passes the
        # download's bytes, changed or not, to the next one: `downloaded` stays set.
    return False


# Files that are a process's standard input (`source /dev/stdin`).
_STDIN_FILES = frozenset({"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})
_REST_LIMIT = 1024  # characters of a pipe's later segments read with an interpreter's `-c` code
# Redirections that give a program a file or text as its input: spaced apart from what follows.
_INPUT_REDIRECTION = re.compile(r"<<<|(?<![<0-9])<(?![<&])")
_SUBSTITUTION_NESTING = 4  # substitutions inside substitutions read for a download


def _substitution_runs_download(command: str, depth: int) -> bool:
    """Whether a substitution that downloads (`<(curl ...)`, `$(wget -qO- ...)`) is run: read as
    the script of a shell, `source` or Python (its file operand, its stdin, its `-c` code), given
    to `eval`, or itself the command. `diff <(curl a) <(curl b)`, `echo "$(curl ...)"` and
    `eval "$(ssh-agent -s)"` run nothing downloaded."""
    if "(" not in command and "`" not in command:
        return False
    outer, substitutions = cut_substitutions(command)
    for substitution in substitutions:
        if depth < _SCRIPT_DEPTH and pipes_download_to_shell(substitution.inner, depth + 1):
            return True  # `echo "$(curl ... | sh)"`: the pipe inside runs it
    fetching = {s.placeholder for s in substitutions if _fetches(s.inner, 0)}
    if not fetching:
        return False
    spaced = _INPUT_REDIRECTION.sub(lambda match: f" {match.group()} ", outer)
    kinds = {s.placeholder: s.kind for s in substitutions}
    segments = _line_segments(spaced)  # `echo "cd x && source <(curl)"` prints
    return any(fetching & _run_substitutions(_words(text), kinds) for text, _ in segments)


_PLACEHOLDER = re.compile(r"\0[0-9]+\0")


def _fetches(command: str, nesting: int) -> bool:
    """A segment of the command, or of a substitution inside it, is a download that prints what
    it fetches (`curl URL`, `wget -qO- URL`; not `curl -o f URL`, `wget URL`, `curl URL > f`)."""
    outer, substitutions = cut_substitutions(command)
    for text, _ in _split_segments(outer):
        words = _command_words(text.split())
        if words and _program(words[0]) in _DOWNLOADERS and _prints_download(words):
            return True
    return nesting < _SUBSTITUTION_NESTING and any(_fetches(s.inner, nesting + 1) for s in substitutions)


def _program_from_stdin(program: str, arguments: list[str], python: bool) -> bool:
    """Whether the interpreter reads its program from stdin: no `-c` code, no module, no script
    file (`bash -s`, `python3 -`, `source /dev/stdin`); a script or `-c` code reads stdin as data
    (`python3 parse.py < <(curl ...)`, `python3 -c '...' <<< "$(curl ...)"`)."""
    words = [word for word in arguments if word not in ("<", "<<<") and not _PLACEHOLDER.fullmatch(word)]
    if program in ("source", "."):
        operand = next((word for word in words if not word.startswith("-")), "")
        return operand in _STDIN_FILES
    if any(word == "-c" or word == "-m" or (not python and _SCRIPT_FLAG.fullmatch(word)) for word in words):
        return False
    return not _script_operand(words, python) or any(word in _STDIN_FILES for word in words[:1])


def _prints_download(words: list[str]) -> bool:
    """Whether a download's bytes go to standard output: curl without -o/-O or a redirection,
    wget only with `-O -`; another downloader unless it redirects."""
    if _stdout_file(words) is not None:
        return False
    program = _program(words[0])
    if program not in ("curl", "wget"):
        return True
    letter = "o" if program == "curl" else "O"
    long_option = "--output" if program == "curl" else "--output-document"
    for index, word in enumerate(words[1:], start=1):
        option, equals, value = word.partition("=")
        cluster = word[1:] if word.startswith("-") and not word.startswith("--") else ""
        if option == long_option:
            given = value if equals else (words[index + 1] if index + 1 < len(words) else "")
            return given == "-"
        attached = _option_cluster(cluster, letter)
        if attached is not None:
            given = attached or (words[index + 1] if index + 1 < len(words) else "")
            return given == "-"
        if program == "curl" and (_remote_name_flag(cluster) or option in ("--remote-name", "--remote-name-all")):
            return False
    return program == "curl"


def _run_substitutions(words: list[str], kinds: dict[str, str]) -> set[str]:
    """The placeholders of the substitutions the segment's program runs: all in the command word
    and all `eval` is given, but `<(...)` (a path, not text), and for a shell, `source` or
    Python its stdin's (`bash < <(curl ...)`, `bash <<< "$(curl ...)"`), its `-c` code's and its
    first operand's when that is `<(...)`, the script file (unless `-s` or `-` read stdin)."""
    program_words = _command_words(words)
    if not program_words:
        return set()
    run = {mark for mark in _PLACEHOLDER.findall(program_words[0]) if kinds.get(mark) != "<("}
    program = _program(program_words[0])
    arguments = program_words[1:]
    if program == "eval":
        return run | {mark for word in arguments for mark in _PLACEHOLDER.findall(word) if kinds.get(mark) != "<("}
    python = bool(_PYTHON.match(program))
    if program not in _SCRIPT_READERS and not python:
        return run
    if _program_from_stdin(program, arguments, python):
        for position, word in enumerate(arguments[:-1]):
            if word in ("<", "<<<"):
                # stdin is the script, wherever the redirection stands (`bash -s stable < <(curl
                # ...)`, `source /dev/stdin <<< "$(curl ...)"`)
                run.update(_PLACEHOLDER.findall(arguments[position + 1]))
    reads_stdin = False
    for position, word in enumerate(arguments):
        following = arguments[position + 1] if position + 1 < len(arguments) else ""
        if word == "-c" or (not python and _SCRIPT_FLAG.fullmatch(word)):
            run.update(_PLACEHOLDER.findall(following))  # `-c` code: the script
        if word.startswith("-") or word in ("<", "<<<"):
            reads_stdin = reads_stdin or word == "-" or (not python and "s" in word[1:] and not word.startswith("--"))
            continue
        if position and arguments[position - 1] in ("<", "<<<"):
            continue  # the redirection's own operand, judged above
        if not reads_stdin:
            run.update(mark for mark in _PLACEHOLDER.findall(word) if kinds.get(mark) == "<(")
        break  # the first operand is the script; the rest are its arguments
    return run


# Standard-library modules `python -m` runs on the data it reads (pretty-printing, decoding).
_DATA_MODULES = frozenset({"json.tool", "base64", "quopri", "uu"})
# Shell programs a `bash -c` script may run on piped data without running it.
_DATA_PROGRAMS = frozenset(
    {"cat", "tee", "jq", "yq", "grep", "egrep", "head", "tail", "wc", "sort", "uniq", "cut", "tr", "echo", "printf"}
    | {"tar", "gzip", "gunzip", "zcat", "xz", "unxz", "bzip2", "bunzip2", "zstd", "base64", "sha256sum", "md5sum"}
    | {"gpg", "gpg2"}
)
# What makes `python -c` code run, import or unpickle text rather than read it as data.
_PYTHON_RUNS_INPUT = re.compile(
    r"\b(?:exec|eval|compile|os|subprocess|pickle|cpickle|marshal|shelve|dill|yaml|code|builtins|getattr|"
    r"importlib|runpy|ctypes|pty|popen|system|spawn\w*|exec\w+|interact|input)\b|__\w+__"
)
_SUBSTITUTION = re.compile(r"\$\(|`|<\(|>\(")


def _reads_stdin_as_data(text: str, words: list[str]) -> bool:
    """`curl ... | python3 -m json.tool`, `| python -c "import json,sys; print(json.load(sys.stdin))"`,
    `| sudo bash -c 'cat > /etc/x.list'`: the interpreter runs a program given on the command line
    (a standard-library data module, `-c` Python that only reads and prints, a `-c` script of
    text tools), and the download is only its input. `python3`, `python -`, `bash -s`, and any
    `-c` code that substitutes commands or reaches exec, os, subprocess or a deserialiser run it."""
    python = bool(_PYTHON.match(_program(words[0])))
    if _script_operand(words[1:], python):
        return True  # `| python3 parse.py`, `| bash report.sh`: the script runs; the download is its stdin
    if len(words) < 3:
        return False
    option, argument = words[1], words[2]
    if option == "-m" and python:
        return argument in _DATA_MODULES
    if option != "-c":
        return False
    # The code and whatever follows it on the line: a `;` inside the quotes splits segments, so
    # everything after `-c` is judged (more text only makes this say "runs it").
    code = text[text.find("-c") + 2 :]
    if _SUBSTITUTION.search(code):
        return False
    if python:
        return not _PYTHON_RUNS_INPUT.search(code)
    for part in _SEPARATORS.split(code.strip().strip("\"'")):
        part_words = part.split()
        if part_words and part_words[0] not in ("|", "||", "&&", ";", "&") and part_words[0] not in _DATA_PROGRAMS:
            return False
    return True


# A redirection word (`2>&1`, `>>log`, `<in`); matched whole, the file is the next word.
_REDIRECTION_WORD = re.compile(r"[0-9]*(?:>>?|<<?<?|>&|<&|&>>?)(?:[0-9-]*$)?")


def redirection_words(word: str) -> int:
    """How many words a redirection starting at `word` takes: 0 for no redirection, 1 when the
    word holds its file (`>log`), 2 when the file is the next word (`>` `log`)."""
    if not _REDIRECTION_WORD.match(word):
        return 0
    return 2 if _REDIRECTION_WORD.fullmatch(word) else 1


# Options of Python and of the shells that take the next word as their value.
_PYTHON_VALUE_OPTIONS = frozenset({"-W", "-X", "-Q"})
_SHELL_VALUE_OPTIONS = frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"})


def _script_operand(arguments: list[str], python: bool) -> bool:
    """Whether an interpreter's arguments name a script file before anything that makes it read
    its stdin as the program (`-`, `-s`, `-c`, `-m`, `-i`)."""
    values = _PYTHON_VALUE_OPTIONS if python else _SHELL_VALUE_OPTIONS
    index = 0
    while index < len(arguments):
        word = arguments[index]
        if redirection := redirection_words(word):
            index += redirection  # `2>&1`, `>log`, `2> err.log`: a redirection, and its file apart
            continue
        if (
            word in ("-", "--")
            or word in _STDIN_FILES
            or word.startswith(("|", "&", ";", "#"))
            or "=" in word.split("/", 1)[0]
        ):
            return False  # stdin, a comment or an assignment: no script named
        if word.startswith(("-", "+")):
            if python and word[1:2] in ("c", "m", "i"):
                return False
            if not python and not word.startswith("--") and any(letter in word[1:] for letter in "sci"):
                return False  # `bash -s`, `sh -c ...`, `bash -i`: stdin or the command line is the program
            index += 2 if word in values else 1
            continue
        return True
    return False


def download_targets(command: str) -> set[str]:
    """The files a command line's curl/wget segments write (`wget -O m.pt URL`, `curl -o m.pt URL`)."""
    targets: set[str] = set()
    for segment, _ in _segments(command):
        targets |= _download_targets(_command_words(_words(segment)))
    return targets


@dataclass(frozen=True)
class Placement:
    """What one copy, move, link, sync or unpack segment puts in place: the paths it copies from
    (empty for an unpack, a sync or a pattern: never taken for the code's own file) and the paths
    it may write, each a file or a folder any file of which it may write."""

    sources: tuple[str, ...]
    paths: frozenset[str]
    kind: str = "copy"  # "copy", "link" (reads its sources whenever it is read) or "unpack"


def placements(command: str) -> list[Placement]:
    """What a command line's copy, move, link, sync and unpack segments put in place (`cp /tmp/x.pt
    m.pt`, `mv x.pt models/`, `cp -t dir a`, `gsutil cp gs://b/m.pt .`, `aws s3 sync s3://b/ckpt
    ckpt`, `unzip -o w.zip -d w`, `tar xzf w.tgz -C w`). `cp a b` writes b, or the files of b when
    a is a folder (b new) or b/a (b a folder); into a folder (`b/`, `.`, several sources, `-t`)
    each source's name in it; a pattern (`*.pt`, `{best,last}.pt`), a sync, a recursive cloud copy
    or rsync of a folder's contents (`src/`) and an unpack any file of the destination.
    Redirections end the words (`cp a m.pt > /dev/null 2>&1`); the file standard output is
    redirected to (`cat x > m.pt`) is filled from elsewhere."""
    found: list[Placement] = []
    moved = False  # after `cd`/`pushd` on the line, relative sources name other files
    for segment, _ in _segments(command):
        words = _command_words(_words(segment))
        redirected = _stdout_file(words)
        if redirected and not redirected.startswith("/dev/"):
            # `cat /tmp/x > m.pt`, `python make.py > m.pkl`: what the program prints fills the file.
            found.append(Placement((), frozenset({redirected.strip("'\"")})))
        cut = next((n for n, w in enumerate(words) if REDIRECTION.match(w)), len(words))
        words = words[:cut]
        if not words:
            continue
        program = _program(words[0])
        rest = words[1:]
        if program in ("cd", "pushd", "popd"):
            moved = True
            continue
        if any(_program(word) in ("xargs", "parallel") for word in _words(segment)[:4]):
            found.append(Placement((), frozenset({"."})))  # arguments from standard input: any file
            continue
        if moved:
            # After `cd d`, a relative path names a file of a folder not known here: any file.
            found.extend(
                Placement((), frozenset(path if path.startswith(("/", "~")) else "." for path in p.paths), p.kind)
                for p in _segment_placements(program, rest)
            )
        else:
            found.extend(_segment_placements(program, rest))
    # A path held in a shell variable or a substitution (`cp $SRC $DST`) may be any file.
    return [
        Placement(p.sources, frozenset("." if any(c in path for c in "$`") else path for path in p.paths), p.kind)
        for p in found
    ]


def _segment_placements(program: str, rest: list[str]) -> list[Placement]:
    """One segment's placements: a cloud copy, an unpack, or a copy, move, link or install."""
    if program in _CLOUD_COPIERS:
        # `gsutil cp`, `aws s3 cp|mv|sync`, `gcloud storage cp`, `azcopy copy`, `rclone copy`: a
        # copy's words follow. A sync, `rclone copy` and a recursive copy of a prefix ending in
        # `/` copy a folder's contents: any file of the destination.
        at = next((n for n, w in enumerate(rest) if w in _CLOUD_VERBS), None)
        if at is None and program == "az":
            return _az_download(rest)
        if at is None:
            return []
        verb, rest = rest[at], rest[at + 1 :]
        recursive = any(w in ("-r", "-R", "--recursive") for w in rest)
        prefix = recursive and any(w.endswith("/") and not w.startswith("-") for w in rest[:-1])
        contents = verb in ("sync", "rsync") or (program == "rclone" and verb in ("copy", "move")) or prefix
        return _copy_placement("cloud", rest, contents=contents)
    if program in _UNPACKERS:
        if program == "tar" and not any(_TAR_EXTRACT.fullmatch(w) for w in rest):
            return []  # `tar -czf out.tgz dir` writes the archive only
        folder = _option_value(rest, ("-d", "-C", "--directory")) or "."
        return [Placement((), frozenset({folder}), "unpack")]
    if program in _PLACING_PROGRAMS:
        return _copy_placement(program, rest)
    if program == "tee":
        # `... | tee m.pt`: what the pipe carries fills each file named.
        files = [w for w in rest if not w.startswith("-")]
        return [Placement((), frozenset(files))] if files else []
    if program in _HUB_CLIENTS and rest[:1] == ["download"]:
        # `huggingface-cli download repo [files...] --local-dir d`: the files named, or (none
        # named, or a pattern) any file of d. Without --local-dir they go to the Hub's cache,
        # which no relative path names.
        local_dir = _option_value(rest, ("--local-dir",))
        if not local_dir:
            return []
        operands = _hub_operands(rest[1:])
        files = operands[1:]
        if not files or any(any(c in f for c in "*?[") for f in files) or _option_value(rest, ("--include",)):
            return [Placement((), frozenset({local_dir}))]
        return [Placement((), frozenset(posixpath.join(local_dir, f) for f in files))]
    # Any other program given a path may write there (`gh release download -D out`, `dd
    # of=out/w.bin`, `hdfs dfs -get x out/`, `wandb artifact get --root out`): unless it is one
    # that only reads, lists or installs, the paths it names are filled from elsewhere.
    if program in _DOWNLOADERS or program in _HUB_CLIENTS or _only_reads(program, rest):
        return []  # curl's and wget's files are download_targets', a Hub client fills only by download
    if program in ("xargs", "parallel") or ((_PYTHON.match(program) or program in _SHELLS) and "-c" in rest):
        # Code given on the line, or a program fed its arguments from standard input: any file.
        return [Placement((), frozenset({"."}))]
    if _PYTHON.match(program) or program in _SHELLS:
        # The script or module run is read, not written: the words after it are its arguments.
        at = next((n for n, w in enumerate(rest) if not w.startswith("-")), len(rest))
        rest = rest[at + 1 :]
    if program == "find":
        # `find out -exec cp x {} \;`, `-delete`, `-fprint f`: its starting points, whatever it finds.
        if not any(w in _FIND_ACTIONS for w in rest):
            return []
        starts = [w.strip("'\"") for w in rest[: next((n for n, w in enumerate(rest) if w.startswith("-")), len(rest))]]
        return [Placement((), frozenset(starts or ["."]))]
    named = _named_paths(rest)
    return [Placement((), frozenset(named))] if named else []


# Programs that read, list, compare, print or remove files but put no other bytes in any (a
# removed file cannot be loaded). A redirection of their output is judged apart (`cat a > m.pt`).
_READ_ONLY_PROGRAMS = frozenset(
    "ls ll dir du df stat file head tail wc md5sum sha1sum sha256sum sha512sum b2sum cksum echo printf tree "
    "nvidia-smi which whereis type command pwd free realpath readlink basename dirname test [ [[ grep egrep "
    "fgrep rg diff cmp cat less more sleep date uname hostname whoami id nproc ps kill pkill mkdir rmdir rm "
    "touch chmod chown cd pushd popd export set unset true false exit lscpu top htop cut nl".split()
)
# Options by which a program that otherwise reads writes a file (`sort -o f`, `git log --output=f`).
_OUTPUT_OPTION = re.compile(r"^(?:-o|--output|--output-file|--out|-O)(?:=|$)|^-o.")
_FIND_ACTIONS = frozenset({"-exec", "-execdir", "-ok", "-okdir", "-delete", "-fprint", "-fprint0", "-fprintf", "-fls"})
# An installer's verbs that change only the environment (with no target folder given).
_INSTALLER_VERBS = frozenset({"install", "uninstall", "remove", "list", "show", "freeze", "info", "search", "check"})
# git subcommands that leave the working files as they are.
_GIT_READ_ONLY = frozenset(
    "status log diff show add commit branch config remote init push tag rev-parse describe ls-files blame grep".split()
)
# An installer's verbs that write only into the environment, unless a target folder is given.
_INSTALLER_TARGETS = frozenset(
    {"-t", "--target", "--prefix", "--root", "-d", "--dest", "--dest-dir", "-p", "--prefix-path"}
)
_MAX_NAMED_PATHS = 64
_REMOTE_SPEC = re.compile(r"^[A-Za-z0-9_.@-]+:")  # `host:/w.bin`, `s3:x`: another machine's file
_ASSIGNED_OPERAND = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")  # `dd of=out/w.bin`


def _only_reads(program: str, rest: list[str]) -> bool:
    if any(_OUTPUT_OPTION.match(w) for w in rest):
        return False
    if program in _READ_ONLY_PROGRAMS:
        return True
    verbs = [w for w in rest if not w.startswith("-")]
    if program == "git":
        return bool(verbs) and verbs[0] in _GIT_READ_ONLY
    if _INSTALLERS.match(program):
        # `pip install x`, `uv pip install x`, `conda list`; not `conda run ...`, `pip download`.
        verb = verbs[1] if verbs[:1] == ["pip"] and len(verbs) > 1 else verbs[0] if verbs else ""
        targeted = any(w.split("=", 1)[0] in _INSTALLER_TARGETS for w in rest)
        return verb in _INSTALLER_VERBS and not targeted
    return False


def _named_paths(words: list[str]) -> list[str]:
    """The local paths a command's words may name: operands with a `/` or a `.` in them, option
    values (`--root=out`, and the word after an option), `of=` operands; not URLs, remote specs,
    variables or the working folder itself (a pattern names its folder)."""
    named: list[str] = []
    after_option = False
    first = True  # the first bare operand is the subcommand more often than a path (`gh release`)
    for word in words:
        if REDIRECTION.match(word):
            break
        text = word.strip("'\"")
        valued, after_option = after_option, False
        if text.startswith("-"):
            if "=" not in text:
                after_option = True  # `-D out`: the next word may be its value
                continue
            text = text.split("=", 1)[1]
        elif _ASSIGNED_OPERAND.match(text):
            text = text.split("=", 1)[1]
        elif not valued and first and "/" not in text and "." not in text:
            first = False
            continue
        first = False
        if not text or "://" in text or _REMOTE_SPEC.match(text):
            continue
        if any(c in text for c in "$`"):
            return ["."]  # a shell variable or substitution: it may name any file
        glob = next((n for n, c in enumerate(text) if c in "*?[{"), None)
        if glob is not None:
            text = posixpath.dirname(text[:glob])
        if text.strip("./") == "":
            continue  # the working folder: every file; not taken from a program that may not write
        named.append(text)
        if len(named) > _MAX_NAMED_PATHS:
            return ["."]  # more than followed: any file
    return named


def _hub_operands(words: list[str]) -> list[str]:
    """The repository and file operands of a Hub download, without its options and their values."""
    return _operands(words, lambda word: word.startswith("--") and "=" not in word and word not in _HUB_FLAGS)


def _operands(words: list[str], takes_value: Callable[[str], bool]) -> list[str]:
    """The words that are no option and no option's value (`takes_value(option)`), unquoted."""
    operands: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = takes_value(word)
        else:
            operands.append(word.strip("'\""))
    return operands


# `huggingface-cli download` options that take no value; every other `--option` takes one.
_HUB_FLAGS = frozenset({"--quiet", "--force-download", "--resume-download", "--local-dir-use-symlinks"})
_CLOUD_COPIERS = frozenset({"gsutil", "aws", "az", "azcopy", "gcloud", "rclone"})
_CLOUD_VERBS = frozenset({"cp", "mv", "sync", "rsync", "copy", "copyto", "move"})
# Options that take the next word as their value, by program (`--region us-east-1` after the
# destination is no operand; `install -m 644`, `rsync -e ssh`).
_VALUED_OPTIONS = {
    "cloud": frozenset(
        "--region --profile --endpoint-url --exclude --include --acl --storage-class --sse --sse-kms-key-id "
        "--content-type --cache-control --expires --metadata --grants --page-size --source-region "
        "--request-payer --transfers --checkers --config --max-age --min-age --bwlimit --account-name "
        "--account-key --sas-token --connection-string --log-level --project".split()
    ),
    "install": frozenset("-m -o -g -S --mode --owner --group --suffix".split()),
    "rsync": frozenset(
        "-e --rsh --exclude --include --filter -f --exclude-from --include-from --chmod --chown --bwlimit "
        "--log-file --partial-dir --backup-dir --suffix".split()
    ),
    "cp": frozenset({"-S", "--suffix"}),
    "mv": frozenset({"-S", "--suffix"}),
    "ln": frozenset({"-S", "--suffix"}),
}


def _az_download(rest: list[str]) -> list[Placement]:
    """Where Azure's CLI downloads put files, by command (the words before its `download` verb,
    which is no option's value): `az ml job download` and `az ml data download` into
    `--download-path` (else here), `az ml model download` into `<path>/<name>`; `az storage blob
    download --file f`, `az storage file download --dest f`, `az storage fs file download -d f`,
    and the `download-batch` and directory commands into their destination (below the folder of a
    `--pattern`'s fixed start). Any other command (an upload, a listing) downloads nothing."""
    at = next(
        (n for n, word in enumerate(rest) if word in _AZ_DOWNLOAD_VERBS and not (n and rest[n - 1].startswith("-"))),
        None,
    )
    if at is None:
        return []
    command, verb = rest[:at], rest[at]
    if "ml" in command:
        folder = _option_value(rest, ("--download-path", "-p")) or "."
        name = _option_value(rest, ("--name", "-n")) if "model" in command else None
        return [Placement((), frozenset({posixpath.join(folder, name) if name else folder}))]
    if verb == "download" and "blob" in command:
        options: tuple[str, ...] = ("--file", "-f")
    elif verb == "download" and "fs" not in command and "file" in command:
        options = ("--dest",)
    else:
        options = ("--destination", "-d")
    destination = _option_value(rest, options) or "."
    pattern = _option_value(rest, ("--pattern",))
    if pattern and verb != "download":
        head = _WILDCARD.split(pattern, 1)[0]  # the pattern's fixed start: its folder holds every match
        fixed = head.rsplit("/", 1)[0] if "/" in head else ""
        destination = posixpath.join(destination, fixed) if fixed else destination
    return [Placement((), frozenset({destination}))]


_AZ_DOWNLOAD_VERBS = frozenset({"download", "download-batch"})


def _copy_placement(program: str, rest: list[str], *, contents: bool = False) -> list[Placement]:
    """`contents`: every source is a folder whose contents are copied (a cloud sync). A symbolic
    link's relative source is read from the link's folder (`ln -s best.pt models/m.pt` reads
    models/best.pt)."""
    directory = _option_value(rest, ("-t", "--target-directory"))
    valued = _VALUED_OPTIONS.get(program, frozenset()) | {"-t", "--target-directory"}
    operands = _operands(rest, valued.__contains__)
    if directory is not None:
        sources, destination, into_folder = operands, directory, True
    elif len(operands) >= 2:
        *sources, destination = operands
        into_folder = len(sources) > 1 or destination.endswith("/") or destination in (".", "..")
    else:
        return []
    symbolic = program == "ln" and any(
        w == "--symbolic" or (w.startswith("-") and not w.startswith("--") and "s" in w) for w in rest
    )
    folders: set[str] = set()
    read: list[str] = []
    for source in sources:
        name = source.rstrip("/").rsplit("/", 1)[-1]
        whole = contents or (program == "rsync" and source.endswith("/"))
        if whole or not name or _WILDCARD.search(name):
            folders.add(destination)  # the folder's contents, or whatever files a pattern names
            continue
        # Into a folder: a/ there (a file, or a folder copied with -r). Else `cp a m.pt` writes
        # m.pt; `cp -r ckpts m`, `mv ckpts m`, `ln -s ckpts m` may fill m with a's files, or put a at m/a.
        link = destination.rstrip("/") + "/" + name if into_folder else destination
        folders.add(link)
        if symbolic and not source.startswith("/") and "/" in link:
            source = link.rsplit("/", 1)[0] + "/" + source
        read.append(source)
    # Whose bytes these are is known only for named files: never for a folder's contents or a pattern.
    known = not contents and not any(
        _WILDCARD.search(source) or (program == "rsync" and source.endswith("/")) for source in sources
    )
    kind = "link" if program == "ln" else "copy"
    return [Placement(tuple(read) if known else (), frozenset(folders - {""}), kind)]


# Shell patterns: globs and brace expansion (`{best,last}.pt`) name files the line does not spell.
_WILDCARD = re.compile(r"[*?\[]|\{[^{}]*(?:,|\.\.)[^{}]*\}")  # `{name}` alone is a value the code fills in


def _option_value(words: list[str], options: tuple[str, ...]) -> str | None:
    """The value of the first of `options` among the words (`-d dir`, `--directory=dir`)."""
    for index, word in enumerate(words):
        option, equals, value = word.partition("=")
        if option in options:
            if equals:
                return value.strip("'\"") or None
            if index + 1 < len(words):
                return words[index + 1].strip("'\"") or None
    return None


_PLACING_PROGRAMS = frozenset({"cp", "mv", "install", "rsync", "ln"})
_HUB_CLIENTS = frozenset({"huggingface-cli", "hf"})
_UNPACKERS = frozenset({"unzip", "tar", "7z", "unrar"})
_TAR_EXTRACT = re.compile(r"-?[A-Za-wyz]*x[A-Za-z]*|--extract|--get")


def _download_targets(words: list[str]) -> set[str]:
    """Files a curl/wget segment writes: -o/-O/--output(-document) values, also at the end of a
    cluster of short options (`curl -sLo m.pt`, `wget -qO m.pt`); the URL's file name for wget by
    default and for curl's -O/--remote-name (`curl -LO URL`), in wget's -P folder if one is given."""
    if not words or _program(words[0]) not in _OUTPUT_OPTIONS:
        return set()
    targets: set[str] = set()
    wget = _program(words[0]) == "wget"
    curl = _program(words[0]) == "curl"
    output_options = _OUTPUT_OPTIONS[_program(words[0])]
    letter = output_options[0][1]
    remote_name = wget
    folder = ""
    urls: list[str] = []
    index = 1
    while index < len(words):
        word = words[index]
        option, equals, value = word.partition("=")
        cluster = word[1:] if word.startswith("-") and not word.startswith("--") else ""
        if option in output_options:
            if equals:
                targets.add(value)
            elif index + 1 < len(words):
                targets.add(words[index + 1])
                index += 1
        elif wget and (option == "--directory-prefix" or _option_cluster(cluster, "P") is not None):
            prefix = value if equals else _option_cluster(cluster, "P")
            if prefix:
                folder = prefix  # `--directory-prefix=d`, `-Pd`
            elif index + 1 < len(words):
                folder = words[index + 1]
                index += 1
        elif (attached := _option_cluster(cluster, letter)) is not None:
            # `-sLo m.pt`, `-qO-`: the option ends a cluster of flags and takes the value after it.
            if attached:
                targets.add(attached)
            elif index + 1 < len(words):
                targets.add(words[index + 1])
                index += 1
        elif curl and (_remote_name_flag(cluster) or option == "--remote-name"):
            remote_name = True  # `curl -LO URL`, `curl -OL URL`: the URL's own file name
        elif curl and option == "--output-dir":
            folder = value if equals else (words[index + 1] if index + 1 < len(words) else "")
            index += 0 if equals else 1
        elif "://" in word:
            urls.append(word)
        index += 1
    if remote_name and not targets:
        for url in urls:
            name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            if name:
                targets.add(folder.rstrip("/") + "/" + name if folder else name)
    if urls and (not targets or targets == {"-"}):
        # To standard output (`curl -L URL`, `wget -qO- URL`): a redirection names the file.
        redirected = _stdout_file(words)
        if redirected:
            targets = {redirected}
    return {t.strip("'\"") for t in targets if t and t != "-"}


# `> f`, `>> f`, `1> f`, `&> f` and `>& f` (standard output and errors).
_STDOUT_REDIRECTION = re.compile(r"(?:1|&)?>(?:>|\||&(?![0-9-]))?(?P<file>[^&|].*)?")


def _stdout_file(words: list[str]) -> str | None:
    """The file standard output is redirected to (`> m.pt`, `>>m.pt`, `1> m.pt`), if any."""
    for index, word in enumerate(words):
        redirection = _STDOUT_REDIRECTION.fullmatch(word)
        if redirection is None:
            continue
        if redirection.group("file"):
            return redirection.group("file")
        return words[index + 1] if index + 1 < len(words) else None
    return None


def _option_cluster(cluster: str, letter: str) -> str | None:
    """The value attached to `letter` in a cluster of short options (`-qO-` -> "-", `-Ofile` ->
    "file", `-sLo` -> "" for a value in the next word), or None without that option."""
    at = cluster.find(letter)
    if at < 0 or not _SHORT_FLAGS.fullmatch(cluster[:at]) or _VALUE_FLAGS.intersection(cluster[:at]):
        return None  # `-XPOST`, `-uuser:pw`: the letters are another option's value
    return cluster[at + 1 :]


def _remote_name_flag(cluster: str) -> bool:
    """curl's -O among a cluster of flags (`-O`, `-LO`, `-OL`, `-sOL`): -O takes no value."""
    rest = _option_cluster(cluster, "O")
    return rest is not None and _SHORT_FLAGS.fullmatch(rest) is not None


_SHORT_FLAGS = re.compile(r"[A-Za-z0-9#]*")  # `-4sL`, `-#L`: flags that take no value
# Programs that download, and their options naming the file written (the short one first).
_OUTPUT_OPTIONS = {
    "curl": ("-o", "--output"),
    "wget": ("-O", "--output-document"),
    "gdown": ("-O", "--output"),
    "aria2c": ("-o", "--out"),
}


# curl's and wget's short options that take a value (`-X POST`, `-H h`, `-u user`, `-e url`):
# letters after one of them in a cluster are its value, not options.
_VALUE_FLAGS = frozenset("XHduAerbcFwxTKmyYzEDtaCPlUiQ")


def _executed(words: list[str]) -> str | None:
    """The file a segment runs: `bash x.sh`, `python3 x.py`, `source x`, `./x`."""
    if not words:
        return None
    program = words[0].strip("\"'")
    if program.startswith("./") or (
        "/" in program and "." in program.rsplit("/", 1)[-1] and not program.startswith(("http:", "https:"))
    ):
        return program  # `./x.sh`, `/tmp/x.run`, `tools/x.sh`, `~/x.sh`, `"$TMPDIR/x.sh"`
    name = _program(program)
    if name in _INTERPRETERS or _PYTHON.match(name):
        rest = [w for w in words[1:] if not w.startswith("-")]
        return rest[0] if rest else None
    return None


def shell_issues(lines: list[tuple[int, str]], rules: ShellRules) -> list[Issue]:
    """Downloads piped into a shell, and files downloaded earlier in the same lines then run."""
    issues: list[Issue] = []
    downloaded: dict[str, set[str]] = {}  # file name -> the downloaded paths of that name
    for number, command in lines:
        if pipes_download_to_shell(command):
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
        for segment in _run_segments(command):
            words = _command_words(_words(segment))
            if _verifies(words):
                _forget_verified(downloaded, words)
                continue
            target = _executed(words)
            # a download of that file name, run: reported once, not at each later run
            if target is not None and downloaded.pop(_file_name(target), set()):
                shown = redact_url(target)[:80]
                issues.append(
                    Issue(
                        rules.downloaded_run,
                        f"runs {shown}, a file downloaded earlier in this cell or script, unchecked",
                        "",
                        line=number,
                        column=1,
                    )
                )
                break
            for path in _download_targets(words):
                downloaded.setdefault(_file_name(path), set()).add(path)
    return issues


def _file_name(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


_SIGNATURE_SUFFIX = re.compile(r"\.(?:asc|sig|sign|gpg)$")
_CHECKSUM_PROGRAMS = frozenset({"sha256sum", "sha512sum", "sha384sum", "sha224sum", "sha1sum", "shasum", "b2sum"})


def _verifies(words: list[str]) -> bool:
    """`sha256sum -c SUMS`, `echo "<hash>  f" | sha256sum --check`, `gpg --verify f.sig f`,
    `cosign verify-blob ...`: a check the script stops on when the bytes are not the expected ones."""
    if not words:
        return False
    program = _program(words[0])
    if program in _CHECKSUM_PROGRAMS or program == "md5sum":
        return any(
            w in ("-c", "--check") or (w.startswith("-") and not w.startswith("--") and "c" in w) for w in words[1:]
        )
    if program in ("gpg", "gpg2", "gpgv"):
        return program == "gpgv" or "--verify" in words
    return program == "cosign" and len(words) > 1 and words[1].startswith("verify")


def _forget_verified(downloaded: dict[str, set[str]], words: list[str]) -> None:
    """The downloads a check names are verified; a check that names none (a sums file, stdin)
    verifies whatever it lists: every download so far."""
    if _program(words[0]) in _CHECKSUM_PROGRAMS or _program(words[0]) == "md5sum":
        downloaded.clear()  # `-c SUMS`: the list names the files it checks, whatever this line names
        return
    files = [_file_name(w) for w in words[1:] if not w.startswith("-")]
    if not files:
        downloaded.clear()  # the data on stdin, or a check whose files this cannot tell
        return
    for name in files:
        downloaded.pop(name, None)
        downloaded.pop(_SIGNATURE_SUFFIX.sub("", name), None)  # `gpg --verify i.sh.asc`: i.sh


def _run_segments(command: str) -> list[str]:
    """The segments of a command line and of the substitutions in it, each a command of its own:
    `V=$(cat /tmp/f.json | jq .v)` runs `cat` and `jq`, not a program named `/tmp/f.json`."""
    if "$(" not in command and "`" not in command:
        return [segment for segment, _ in _segments(command)]
    outer, substitutions = cut_substitutions(command)
    found = [segment for segment, _ in _segments(outer)]
    for substitution in substitutions[:_SUBSTITUTIONS_READ]:
        found.extend(segment for segment, _ in _split_segments(substitution.inner))
    return found


_SUBSTITUTIONS_READ = 64  # per command line, for files run from a download


def install_segments(command: str) -> list[list[str]]:
    """The words of each `pip/uv/conda ... install|download|wheel ...` in a command line, from
    the installer on, up to a redirection; and of each project manager's or application
    installer's install (`uv add`, `poetry add`, `pdm add`, `pipenv install`, `pipx install`, `uv
    tool install`, ...) as `[manager, how, *index options, *requirements]` (manager_install)."""
    found: list[list[str]] = []
    for segment, _ in _segments(command):
        if not any(verb in segment for verb in (*_PIP_VERBS, "add", "inject", "run", "uvx")):
            continue
        words = _words(segment)
        # A manager is the segment's program (`sudo uv add x`), never a word of another
        # program's text (`echo next: uv add x`).
        program = _command_words(words, runners=False)
        if len(program) > 2 and _PYTHON.match(_program(program[0])) and program[1] == "-m":
            program = program[2:]  # `python3 -m pipx install x`
        if program and _program(program[0]) in MANAGER_VERBS:
            managed = manager_install(_program(program[0]), program)
            if managed is not None:
                found.append(managed)
                if managed[1] != "run":
                    continue
                # A runner's command may itself install (`uv run pip install x`, `uv run poetry add x`)
                inner = _command_words(words)
                if inner and inner != program and _program(inner[0]) in MANAGER_VERBS:
                    nested = manager_install(_program(inner[0]), inner)
                    if nested is not None and nested[1] != "run":
                        found.append(nested)
                        continue
        for start, word in enumerate(words):
            name = _program(word)
            if _PYTHON.match(name) is not None and words[start + 1 : start + 3] == ["-m", "pip"]:
                first = start + 2
            elif name == "uv":
                pip = _after_uv_options(words, start)
                if pip is None:
                    continue  # uv's own verbs (`uv python install 3.12`) are no pip command
                first = pip  # reported as `uv`: its index strategy is uv's (_install_issues)
            elif name == "pipx":
                if words[start + 1 : start + 2] != ["runpip"]:
                    continue
                # `pipx runpip [--global -q ...] <venv> install x`: pip itself, in the application's
                # environment (the venv's name stands where pip's would; reported as pipx)
                first = next((i for i in range(start + 2, len(words)) if not words[i].startswith("-")), len(words))
            elif _INSTALLERS.match(name) is not None:
                first = start
            else:
                continue
            verb = _verb_after(words, first)
            if verb is None:
                continue
            arguments = []
            for argument in words[verb + 1 :]:
                if REDIRECTION.match(argument):
                    break
                arguments.append(subshell_word(argument))
            found.append([name if name in ("uv", "pipx") else words[first], words[verb], *arguments])
            break
    return found


_VERB_WINDOW = 64  # words after the installer's name where its verb may stand


# uv's global options that take a value (`uv --directory app pip install x`).
_UV_GLOBAL_VALUE_OPTIONS = frozenset(
    {"--directory", "--project", "--config-file", "--cache-dir", "--color", "--python-preference",
     "--allow-insecure-host", "--trusted-host", "-C"}
)  # fmt: skip


def _after_uv_options(words: list[str], start: int) -> int | None:
    """Where `pip` stands after `uv` and uv's own options (`uv --no-cache pip install`), or None."""
    index = start + 1
    while index < min(len(words), start + _VERB_WINDOW):
        word = words[index]
        if word == "pip":
            return index
        if not word.startswith("-"):
            return None
        index += 2 if word in _UV_GLOBAL_VALUE_OPTIONS else 1
    return None


# Installers' general options that never take a value (pip's, uv's, conda's): a plain word after
# one of them is the next command word, not its value (`pip -q list install` lists packages).
_NO_VALUE_OPTIONS = frozenset(
    {
        "--quiet", "--verbose", "--yes", "--isolated", "--no-color", "--no-input", "--disable-pip-version-check",
        "--no-cache-dir", "--no-cache", "--require-virtualenv", "--no-python-version-warning", "--offline",
        "--native-tls", "--no-progress", "--json", "--debug", "--help", "--version",
    }
)  # fmt: skip
_COUNTED_FLAGS = re.compile(r"-[qvyh]+")


def _verb_after(words: list[str], first: int) -> int | None:
    """Where the installer's verb stands after its own options (`pip --no-cache-dir
    --disable-pip-version-check -q install`, `conda -y install`, `pip $PIP_OPTS install`): option
    words, words the shell fills in (`$OPTS`, `{opts}`), and one value after any option (an
    abbreviated or unknown option may take one: `pip --cache /tmp/c install`), within a bound.
    A plain word that no option can have taken means another command (`pip list install`)."""
    index = first + 1
    limit = min(len(words), first + _VERB_WINDOW)
    may_be_value = False
    while index < limit:
        word = words[index]
        if word in _PIP_VERBS:
            return index
        if word.startswith("-"):
            may_be_value = "=" not in word and word not in _NO_VALUE_OPTIONS and not _COUNTED_FLAGS.fullmatch(word)
        elif "$" in word or ("{" in word and "}" in word):
            may_be_value = True  # filled in at run time: options, perhaps with their values
        elif may_be_value:
            may_be_value = False
        else:
            return None
        index += 1
    return None


# Installer options known to write nothing where the code runs: quietness, upgrades, caches off,
# dependency and build switches, and options naming an index or a requirements file to read (the
# latter take a value). Any other option (`-t`, `--prefix`, `--src`, `-e`, `-p`, `--log-file`, a
# glued `-tdir`, an abbreviation pip accepts, `--install-option`) may write there.
_INERT_FLAGS = frozenset(
    {
        "-q", "-qq", "-qqq", "--quiet", "-U", "--upgrade", "-y", "--yes", "--no-cache-dir", "--no-deps",
        "--pre", "--force-reinstall", "--ignore-installed", "-I", "--no-build-isolation", "--user",
        "--no-warn-script-location", "--disable-pip-version-check", "-v", "--verbose", "--no-input",
        "--prefer-binary", "--upgrade-strategy=eager", "--upgrade-strategy=only-if-needed",
    }
)  # fmt: skip
_INERT_VALUE_OPTIONS = frozenset(
    {"-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
     "--trusted-host", "--channel", "--upgrade-strategy", "--progress-bar", "--timeout", "--retries"}
)  # fmt: skip


def _shell_tricks(command: str) -> bool:
    """Whether the shell may do more than run the words: outside quotes a variable, substitution,
    redirection, process substitution, comment, escape or background `&`; inside double quotes a
    variable, substitution or escape (single quotes keep everything literal)."""
    quote = ""
    index = 0
    while index < len(command):
        char = command[index]
        if quote == "'":
            quote = "" if char == "'" else quote
        elif quote == '"':
            if char in "`$\\":
                return True
            quote = "" if char == '"' else quote
        elif char in "'\"":
            quote = char
        elif char in "`$<>#\\":
            return True
        elif char == "&":
            if command[index + 1 : index + 2] != "&":
                return True
            index += 1  # `&&`: the next command runs after this one
        index += 1
    return bool(quote)  # an unclosed quote: not what it seems


def only_installs_packages(command: str) -> bool:
    """Whether every part of a command line is a plain package install into the environment (`pip
    install langchain faiss-cpu`, `conda install -y x && uv pip install y`): its words name
    packages and requirement files it reads, never a file it writes where the code runs. Anything
    else is False: a download or wheel build, an option not known to write nothing, a word that is
    no requirement, a variable, substitution, redirection, background `&`, comment or escape, an
    environment assignment or wrapper before the installer (`PIP_TARGET=x pip install y`), or any
    other command in the line."""
    if _shell_tricks(command):
        return False
    segments = [(text, words) for text, words in command_segments(command) if words]
    if not segments:
        return False
    for text, words in segments:
        if _words(text)[:1] != words[:1]:
            return False  # `env A=1 pip ...`, `sudo pip ...`: something runs before the installer
        program = _program(words[0])
        rest = words[1:]
        if _PYTHON.match(program) and rest[:2] == ["-m", "pip"]:
            rest = rest[2:]
        elif program == "uv" and rest[:1] == ["pip"]:
            rest = rest[1:]
        elif not _INSTALLERS.match(program):
            return False
        if rest[:1] != ["install"] or not _inert_arguments(rest[1:]):
            return False
    return True


def _inert_arguments(arguments: list[str]) -> bool:
    index = 0
    while index < len(arguments):
        word = arguments[index]
        if word in _INERT_VALUE_OPTIONS:
            index += 2
            continue
        option, equals, _ = word.partition("=")
        if word.startswith("-"):
            if word not in _INERT_FLAGS and not (equals and option in _INERT_VALUE_OPTIONS):
                return False
        elif not _REQUIREMENT.match(word) and not word.endswith((".txt", ".in")):
            return False  # a path, a URL, a wheel: pip may build or unpack it in place
        index += 1
    return True


# A PyPI requirement as a single shell word: a name, extras, version clauses. Paths, URLs,
# variables and files (`requirements.txt`, wheels) are not names of PyPI projects.
_REQUIREMENT = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?(?:\[[A-Za-z0-9._,\s-]{0,200}\])?"
    r"(?:(?:===?|~=|!=|<=?|>=?)[A-Za-z0-9.*+!_-]{1,64}(?:,(?:===?|~=|!=|<=?|>=?)[A-Za-z0-9.*+!_-]{1,64}){0,8})?$"
)
_FILE_SUFFIXES = (".txt", ".in", ".yml", ".yaml", ".toml", ".cfg", ".py", ".whl", ".zip", ".gz", ".tgz", ".bz2")


def _archive_release(word: str) -> str | None:
    """The word itself when it is a wheel or sdist by URL or path whose file name names a release
    (the deps hook reads it as pip does: that file, that release), and not the installer's own;
    else None."""
    if not word or "." not in word or "\n" in word:
        return None
    from hooks._shared.requirements import archive_file

    named = archive_file(word)
    return word.strip() if named is not None and named[0].lower() not in _TOOLING else None


def installed_requirements(commands: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """The PyPI requirements each pip/uv install, download or wheel names, per command line, as
    requirement-file lines (conda's names are another index's, and are left out)."""
    found: list[tuple[int, list[str]]] = []
    for number, command in commands:
        for words in install_segments(command):
            if _program(words[0]) in ("conda", "mamba", "micromamba"):
                continue
            requirements = []
            arguments = words[2:]
            index = 0
            while index < len(arguments):
                word = arguments[index]
                option, _, inline_value = word.partition("=")
                if option in _VALUE_OPTIONS or option in _INDEX_OPTIONS:
                    value = inline_value or (arguments[index + 1] if index + 1 < len(arguments) else "")
                    # `--find-links ./wheels/x-1.0.whl`: that archive is a release pip may take.
                    release = _archive_release(value) if option in ("-f", "--find-links") else None
                    if release is not None:
                        requirements.append(release)
                    index += 1 if inline_value else 2
                    continue
                index += 1
                release = _archive_release(word)
                if release is not None:
                    # A wheel or sdist by URL or path installs the release its file name says.
                    requirements.append(release)
                    continue
                if word.startswith("-") or word.lower().endswith(_FILE_SUFFIXES):
                    continue
                # `'x==1.0; sys_platform == "linux"'`: the marker decides where, not what
                word = "".join(word.split(";", 1)[0].split())  # `"pillow == 8.0.0"`: pip reads the spaces away
                name = re.split(r"[\[<>=!~]", word, maxsplit=1)[0].lower()
                # The installer itself (`-U pip==23.1`, a mangled `-q! pip3 install ...`) is
                # routine upkeep, not a dependency of the project.
                if _REQUIREMENT.match(word) and name not in _TOOLING and not _INSTALLERS.match(name):
                    requirements.append(word)
            if requirements:
                found.append((number, requirements))
    return found


@dataclass
class _InstallProblems:
    unpinned: list[str]
    vcs: list[str]
    urls: list[str]


def install_issues(
    commands: list[tuple[int, str]],
    rules: ShellRules,
    *,
    strict: bool = False,
    uv_strategy_set: bool = False,
    name_installer: bool = False,
) -> list[Issue]:
    """Unpinned-install and unsafe-index problems of the package installs in shell command lines:
    one unpinned-install issue per install command, one issue per unsafe index option.
    `uv_strategy_set`: the file sets uv's index strategy somewhere (`ENV UV_INDEX_STRATEGY=...`,
    `%env`, `os.environ`): uv's extra indexes are then judged as pip's. `name_installer`: each
    message starts with the installing program (`pipx installs black ...`), for files where the
    line alone does not show it (a Dockerfile's RUN of several commands)."""
    issues: list[Issue] = []
    for number, command in commands:
        strategy_set = uv_strategy_set or "UV_INDEX_STRATEGY" in command
        for words in install_segments(command):
            found = _install_issues(number, words, rules, strict, strategy_set)
            if name_installer:
                program = _program(words[0])
                named = program if _INSTALLER_NAME.fullmatch(program) else "the installer"
                found = [replace(issue, message=f"{named} {issue.message}") for issue in found]
            issues.extend(found)
    return issues


# A program named in a message: install_segments reads only known installers (pip3.11, uvx).
_INSTALLER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9._-]{0,30}")


def _install_issues(
    number: int, words: list[str], rules: ShellRules, strict: bool, strategy_set: bool = False
) -> list[Issue]:
    conda = _program(words[0]) in ("conda", "mamba", "micromamba")
    # A lock file pins what an add resolves; a tool runner takes the newest release by design.
    locked = _program(words[0]) in MANAGER_VERBS and words[1] in ("add", "run")
    # uv takes each name from the first index that has it (its default `first-index` strategy),
    # so an extra index cannot shadow a private name unless an unsafe strategy is asked for.
    first_index = _program(words[0]) in ("uv", "uvx") and not strategy_set and not _unsafe_index_strategy(words[2:])
    uv = _program(words[0]) in ("uv", "uvx")
    arguments = words[2:]
    default = _default_index(arguments, uv)
    problems = _InstallProblems([], [], [])
    issues: list[Issue] = []
    index = 0
    while index < len(arguments):
        word = arguments[index]
        option, inline_value = _index_option(word, uv)
        if option in _INDEX_OPTIONS:
            value = inline_value or (arguments[index + 1] if index + 1 < len(arguments) else "")
            # uv looks at its extra indexes before the default one: PyPI there shadows a private default.
            shadowing_pypi = bool(default) and _index_host(value) in _PYPI_HOSTS
            judged = "--index-url" if first_index and option == "--extra-index-url" and not shadowing_pypi else option
            issues.extend(_index_issue(number, judged, value, conda, rules, strict, default))
            index += 1 if inline_value else 2
            continue
        if option in _VALUE_OPTIONS:
            index += 1 if inline_value else 2
            continue
        if word.startswith("-"):
            index += 1
            continue
        if not locked:
            _judge_requirement(word, conda, problems)
        index += 1
    if problems.unpinned or problems.vcs or problems.urls:
        issues.insert(0, _unpinned_issue(number, problems, rules))
    return issues


def _unpinned_issue(number: int, problems: _InstallProblems, rules: ShellRules) -> Issue:
    parts = []
    if problems.unpinned:
        names = problems.unpinned[:_MAX_NAMES]
        more = len(problems.unpinned) - len(names)
        shown = ", ".join(names) + (f" and {more} more" if more else "")
        parts.append(f"installs {shown} without an exact == pin")
    if problems.vcs:
        shown = ", ".join(redact_url(_without_ref(url)) for url in problems.vcs[:3])
        parts.append(f"installs {shown} from version control without a full commit hash")
    if problems.urls:
        shown_urls = ", ".join(redact_url(u.split("#", 1)[0]) for u in problems.urls[:3])
        parts.append(f"installs {shown_urls} (a direct URL) without a #sha256= hash")
    flagged = (
        problems.unpinned
        + [redact_url(_without_ref(u)) for u in problems.vcs]
        + [redact_url(u.split("#", 1)[0]) for u in problems.urls]
    )
    key = "unpinned:" + ",".join(sorted(flagged))
    return Issue(rules.unpinned_install, "; ".join(parts), key, line=number, column=1)


def _unsafe_index_strategy(arguments: list[str]) -> bool:
    """Whether uv is told to look past the first index that has a name (`--index-strategy
    unsafe-first-match` or `unsafe-best-match`)."""
    for at, word in enumerate(arguments):
        option, equals, inline = word.partition("=")
        if option == "--index-strategy":
            value = inline if equals else (arguments[at + 1] if at + 1 < len(arguments) else "")
            if value.startswith("unsafe"):
                return True
    return False


def _without_ref(url: str) -> str:
    """A VCS URL without its `@ref` (the ref after the path, not userinfo) or fragment."""
    url = url.split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url.split("@", 1)[0]
    slash = rest.find("/")
    if slash >= 0 and "@" in rest[slash:]:
        rest = rest[:slash] + rest[slash:].rsplit("@", 1)[0]
    return f"{scheme}://{rest}"


def _judge_requirement(word: str, conda: bool, problems: _InstallProblems) -> None:
    if word in (".", "..") or word.startswith(("./", "../", "/", "~")) or word.endswith((".txt", ".yml", ".yaml")):
        return
    if "$" in word or re.search(r"\{[^}]*\}", word):
        return  # a shell or IPython variable: its value is not in the file
    if word.endswith((".whl", ".tar.gz", ".zip")) and "://" not in word:
        return  # a local artifact
    if "://" in word or word.startswith("git+"):
        named = _NAMED_URL.match(word)  # `name @ git+https://...`
        target = word[named.end() :] if named else word
        lowered = target.lower()
        if lowered.startswith(("git+", "hg+", "svn+", "bzr+")) or ("github.com" in lowered and ".git" in lowered):
            if not _FULL_COMMIT.search(target):
                problems.vcs.append(target)
            return
        if "#sha256=" not in target and "--hash" not in target:
            problems.urls.append(target)
        return
    if conda:
        if "=" not in word or word.endswith("="):
            problems.unpinned.append(word)
        return
    if not _EXACT_PIN.match(word) and word.lower() not in _TOOLING:
        problems.unpinned.append(word)


def _index_host(value: str) -> str:
    rest = value.partition("://")[2]
    host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    return host.split(":", 1)[0].lower()


def _index_option(word: str, uv: bool) -> tuple[str, str]:
    """(option, value given in the same word) with pip's meaning: `--opt=value`, pip's glued short
    `-ihttps://...`/`-f./wheels`, and uv's `--default-index` (pip's `--index-url`) and `--index
    [name=]url` (an extra index, looked at before the default)."""
    if len(word) > 2 and word[:2] in ("-i", "-f") and word[2] != "=":
        return word[:2], word[2:]
    option, _, value = word.partition("=")
    if uv and option == "--default-index":
        return "--index-url", value
    if uv and option == "--index":
        named = re.match(r"[A-Za-z0-9_.-]+=(?=[A-Za-z][A-Za-z0-9+.-]*://)", value)
        return "--extra-index-url", value[named.end() :] if named else value
    return option, value


def _default_index(arguments: list[str], uv: bool = False) -> str:
    """ "private" or "vendor" when the command's own `-i`/`--index-url` (uv's `--default-index`) is
    a literal URL of another host than PyPI or its public mirrors (a framework vendor's public
    index: "vendor"), or a shell variable named as a private registry (`$ARTIFACTORY_URL`), else ""."""
    for index, word in enumerate(arguments):
        option, inline_value = _index_option(word, uv)
        if option in ("-i", "--index-url"):
            value = inline_value or (arguments[index + 1] if index + 1 < len(arguments) else "")
            if (value.startswith(("http://", "https://")) and private_index(value)) or private_index_variable(value):
                return "private"
            if value.startswith(("http://", "https://")) and vendor_index(value):
                return "vendor"
    return ""


def _index_issue(
    number: int, option: str, value: str, conda: bool, rules: ShellRules, strict: bool, default: str = ""
) -> list[Issue]:
    """`default`: what the command's own --index-url is (_default_index): PyPI given as an extra
    index beside a private one is where a public package shadows a private name."""
    issues: list[Issue] = []
    shown = redact_url(value)
    if option == "--trusted-host":
        return [
            Issue(
                rules.unsafe_index,
                f"--trusted-host {shown} turns off TLS checks for that index",
                f"trusted-host:{shown}",
                line=number,
                column=1,
            )
        ]
    host = _index_host(value)
    if option == "--extra-index-url" and (host not in _PYPI_HOSTS or default):
        vendor = vendor_index(value) if host not in _PYPI_HOSTS else default == "vendor"
        message = (
            f"--extra-index-url {shown} lets a public package shadow a private one "
            "(dependency confusion); use one index that proxies both"
        )
        if host in _PYPI_HOSTS:
            message = (
                f"--extra-index-url {shown} (PyPI) beside the command's own --index-url: a PyPI package named "
                "like one of that index's packages wins (dependency confusion); use one index that proxies both"
            )
        elif vendor:
            message = f"--extra-index-url {shown}, a vendor's public index: {VENDOR_INDEX_NOTE}"
        issues.append(
            Issue(
                rules.unsafe_index,
                message,
                f"extra-index:{shown}",
                line=number,
                column=1,
                severity=Severity.LOW if vendor and not strict else None,
            )
        )
    if value.startswith("http://"):
        where = "conda channel" if conda else "find-links location" if option in ("-f", "--find-links") else "index"
        issues.append(
            Issue(
                rules.unsafe_index,
                f"installs from an http:// {where} ({shown}): packages can be swapped in transit",
                f"http-index:{shown}",
                line=number,
                column=1,
            )
        )
    return issues


# `vllm serve m --trust-remote-code`, `lm_eval --model_args pretrained=m,trust_remote_code=True`.
# A value the command does not show (`--trust-remote-code={flag}`, `--trust_remote_code $TRUST`,
# an argv's `str(flag)`) may be false.
_SHELL_TRUST_REMOTE_CODE = re.compile(
    r"--trust[-_]remote[-_]code(?![-\w])(?!\s*(?:=\s*)?(?:false|False|0)\b)(?!\s*(?:=\s*)?[{$])"
    r"|[,=\s]trust_remote_code\s*=\s*True\b"
)
# Programs that print, search or store text: a flag in their arguments is text, not an option.
_TEXT_PROGRAMS = frozenset({"echo", "printf", "print", "grep", "egrep", "fgrep", "rg", "sed", "awk", "cat", "tee"})


def passes_trust_remote_code(command: str) -> bool:
    """A program of the command line is told to trust remote code (not a program that only
    prints the words)."""
    if "trust" not in command:
        return False
    for _, words in command_segments(command):
        if not words or words[0].rsplit("/", 1)[-1] in _TEXT_PROGRAMS:
            continue  # a `case` pattern or an assignment alone, or a program that prints text
        if _SHELL_TRUST_REMOTE_CODE.search(" " + " ".join(words)):
            return True
    return False
