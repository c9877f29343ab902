"""Shell scripts (`setup.sh`, `scripts/download_model.sh`) as the code hook reads them.

A script's commands are judged like a notebook's `!` lines and `%%bash` cells (commands.py):
downloads piped into a shell, downloaded files run, trust_remote_code on a command line, ML
services opened to the network, installs from unsafe indexes.

Commands are the shell's: `\\` at a line's end joins the next line; a quote or a `$(` left open
carries the command on over the next lines (a multi-line `bash -c "..."` script is one command,
and a multi-line `usage="..."` text is no command of its own); comments and blank lines are no
commands.

A here-document's body is the input of its command, not commands of the script: it is read as
commands only when a shell reads it (`bash <<EOF`, `bash -euo pipefail <<EOF`, `sudo -u app bash
-s <<EOF`, `su - app <<EOF`, `cat <<EOF | bash`); otherwise (`cat > config.py <<EOF`, `python -
<<EOF`, `bash run.sh <<EOF`) its lines are left out, so Python or YAML text inside is not taken for
commands. Openers are looked for outside quotes, comments and arithmetic (`$((1 << BITS))`); a
line holding several (`cmd <<A <<B`) has their bodies one after the other; an opener whose
delimiter line never comes is no here-document (bash would read to the end of the file), so it
hides nothing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from hooks._core.selection import shell_tagged
from hooks._shared.shell import command_segments, redirection_words
from hooks._shared.substitutions import quote_step

_SHELLS = frozenset({"sh", "bash", "zsh", "ksh", "dash", "su"})
_REMOTE_SHELLS = frozenset({"ssh", "sbatch", "qsub", "bsub"})  # a shell on another machine or a job's
_CONTAINER_CLIENTS = frozenset({"docker", "podman", "kubectl", "nerdctl"})
_BASH_VALUE_OPTIONS = frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"})
_WORD_END = frozenset(" \t;&|<>()")
# A command carried over lines by an open quote stops being joined here (a quote that never
# closes must not make the rest of the file one command): then the lines are read on their own.
_MAX_JOINED_LINES = 400
_MAX_JOINED_CHARS = 64 << 10
_MAX_NESTING = 64  # quotes and substitutions open at once, followed
_MAX_DELIMITER = 256  # characters of a here-document's delimiter word


def is_shell_script(display: str, text: str) -> bool:
    """A shell script by its name (`.sh`, `.bash`, `.zsh`, `.ksh`) or, without a suffix or with a
    batch job's (`.slurm`), its shebang: the rule the `shell` tag is given by (hooks/_core/selection.py)."""
    return shell_tagged(display.rsplit("/", 1)[-1], text[:200].encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class _Opener:
    delimiter: str
    strip_tabs: bool  # `<<-`: the body's and the delimiter's leading tabs are dropped
    before: str  # the line up to the opener: the command whose input the body is
    after: str  # the line after the opener (`| bash`)


def script_commands(text: str) -> list[tuple[int, str]]:
    """(line, command) of each command the script runs, here-document bodies only where a shell
    reads them."""
    # bash drops NUL bytes from a script (`cu\0rl` runs curl): so does this reading
    lines = [line.rstrip("\r") for line in text.replace("\0", "").split("\n")]
    kept = list(lines)
    delimiters = _DelimiterIndex(lines)
    carried = _QuoteState()  # a string or `$(` left open by earlier lines: no opener inside it
    index = 0
    while index < len(lines):
        line = lines[index]
        openers = _openers(line) if "<<" in line and not carried.open else []
        carried.feed(line)
        body_start = index + 1
        for opener in openers:
            end = delimiters.after(body_start, opener)
            if end is None:
                break  # never closed: no here-document, the lines stay commands
            if not _shell_reads(opener):
                for body in range(body_start, end):
                    kept[body] = ""  # input text, not commands: numbering kept
            kept[end] = ""  # the delimiter line
            body_start = end + 1
        index = max(body_start, index + 1)
    return _logical_commands(kept)


class _DelimiterIndex:
    """The lines of the script by their text (and without leading tabs, for `<<-`), so finding a
    here-document's end is a lookup, not a scan of the rest of the file per opener."""

    def __init__(self, lines: list[str]) -> None:
        self.exact: dict[str, list[int]] = {}
        self.untabbed: dict[str, list[int]] = {}
        for number, line in enumerate(lines):
            if len(line) <= _MAX_DELIMITER:
                self.exact.setdefault(line, []).append(number)
                self.untabbed.setdefault(line.lstrip("\t"), []).append(number)

    def after(self, start: int, opener: _Opener) -> int | None:
        numbers = (self.untabbed if opener.strip_tabs else self.exact).get(opener.delimiter, [])
        position = bisect.bisect_left(numbers, start)
        return numbers[position] if position < len(numbers) else None


def _openers(line: str) -> list[_Opener]:
    """The here-document openers of a line, in order, outside quotes, comments and arithmetic."""
    found: list[_Opener] = []
    quote = ""
    depth = 0  # inside `((`: `<<` is a shift
    index = 0
    while index < len(line):
        step = quote_step(line, index, quote)
        if step is not None:
            index, quote = step
            continue
        char = line[index]
        if char == "#" and (index == 0 or line[index - 1] in " \t;&|("):
            break  # a comment
        elif line.startswith("((", index):
            depth += 1
            index += 2
            continue
        elif line.startswith("))", index) and depth:
            depth -= 1
            index += 2
            continue
        elif line.startswith("<<", index) and not line.startswith("<<<", index) and not depth:
            opener = _opener_at(line, index)
            if opener is not None:
                found.append(opener)
                index = len(line) - len(opener.after)
                continue
        index += 1
    return found


def _opener_at(line: str, index: int) -> _Opener | None:
    position = index + 2
    strip_tabs = line.startswith("-", position)
    position += 1 if strip_tabs else 0
    while position < len(line) and line[position] in " \t":
        position += 1
    delimiter: list[str] = []
    quote = ""
    while position < len(line):
        char = line[position]
        if quote:
            if char == quote:
                quote = ""
            else:
                delimiter.append(char)
        elif char in "'\"":
            quote = char
        elif char == "$" and line.startswith("$'", position):
            quote = "'"  # `<<$'EOF'`: an ANSI-C quoted word (its escapes are not decoded here)
            position += 1
        elif char == "\\":
            delimiter.append(line[position + 1 : position + 2])
            position += 1
        elif char in _WORD_END:
            break
        else:
            delimiter.append(char)
        position += 1
    word = "".join(delimiter)
    if not word or quote:
        return None
    return _Opener(word, strip_tabs, line[:index], line[position:])


def _shell_reads(opener: _Opener) -> bool:
    """Whether a shell reads the body as its script: the command the body is given to is a shell
    that runs no script file and no `-c` text, or what it prints is piped into a shell."""
    if _runs_stdin(opener.before):
        return True
    piped = opener.after.split("|", 1)
    return len(piped) == 2 and _runs_stdin(piped[1])


def _runs_stdin(command: str) -> bool:
    segments = command_segments(command)
    if not segments:
        return False
    words = segments[-1][1]
    program = words[0].rsplit("/", 1)[-1] if words else ""
    if program in _REMOTE_SHELLS:
        # `ssh host <<EOF`, `sbatch <<EOF`: a shell elsewhere runs the body (ssh with a command
        # of its own runs that instead); `docker exec -i c bash <<EOF` gives it to a shell
        return program != "ssh" or len([w for w in words[1:] if not w.startswith("-")]) <= 1
    if program in _CONTAINER_CLIENTS:
        return any(word.rsplit("/", 1)[-1] in _SHELLS for word in words[2:])
    if program not in _SHELLS:
        return False
    index = 1
    while index < len(words):
        word = words[index]
        if redirection := redirection_words(word):
            index += redirection  # `bash > setup.log 2>&1 <<EOF`
            continue
        if word in _BASH_VALUE_OPTIONS or (len(word) > 2 and word[0] in "-+" and word[1] != "-" and word[-1] in "oO"):
            index += 2  # `-o pipefail`, `-euo pipefail`, `--rcfile x`: an option and its value
            continue
        if word.startswith("-") and not word.startswith("--") and "c" in word[1:]:
            return False  # `bash -c '...' <<EOF`: the script is the `-c` text; the body is its input
        if word == "-" or word.startswith(("-", "+")):
            if "s" in word[1:] and not word.startswith("--"):
                return True  # `bash -s arg`: the arguments are the script's, stdin is the script
            index += 1
            continue
        # A login name (`su - app`) or a script file (`bash run.sh`), which stdin only feeds.
        return words[0].rsplit("/", 1)[-1] == "su"
    return True


def _logical_commands(lines: list[str]) -> list[tuple[int, str]]:
    """(first line, command): `\\` continuations joined with a space, a quote or `$(` left open
    joined with its newline."""
    commands: list[tuple[int, str]] = []
    pending: list[str] = []
    start = 0
    state = _QuoteState()
    for offset, line in enumerate(lines):
        number = offset + 1
        if not pending:
            start = number
            if not line.strip() or line.lstrip().startswith("#"):
                continue
        stripped = line.rstrip()
        continued = stripped.endswith("\\") and (len(stripped) - len(stripped.rstrip("\\"))) % 2 == 1
        part = stripped[:-1] if continued else stripped
        comment = state.feed(part)
        if comment is not None:
            part = part[:comment].rstrip()  # a comment is no part of the command (nor a `\` in it)
            continued = False
        # A line ending in a pipe or a list operator goes on with the next (`curl ... |` then `sh`).
        continued = continued or (not state.open and part.endswith(("|", "&&")))
        pending.append(part)
        too_long = number - start >= _MAX_JOINED_LINES or sum(map(len, pending)) > _MAX_JOINED_CHARS
        if (continued or state.open) and not too_long:
            if not continued:
                pending.append("\n")
            continue
        commands.append((start, _joined(pending)))
        pending = []
        state = _QuoteState()
    if pending:
        commands.append((start, _joined(pending)))
    return commands


def _joined(parts: list[str]) -> str:
    """Continued lines with a space between them; a line break kept where a quote was open."""
    text = ""
    for part in parts:
        if part == "\n":
            text += "\n"
        elif part.strip():
            text += (" " if text and not text.endswith("\n") else "") + part.strip()
    return text


class _QuoteState:
    """Whether a quote or a command substitution is still open after the text fed so far."""

    def __init__(self) -> None:
        self.stack: list[str] = []  # `'`, `"`, `$(` (or `(` inside one), backquote

    @property
    def open(self) -> bool:
        return bool(self.stack)

    def feed(self, text: str) -> int | None:
        """Follow the text's quotes; return where a comment starts in it, if one does."""
        index = 0
        while index < len(text):
            char = text[index]
            top = self.stack[-1] if self.stack else ""
            if top == "'":
                if char == "'":
                    self.stack.pop()
            elif char == "\\":
                index += 1
            elif (top == '"' and char == '"') or (top == "`" and char == "`"):
                self.stack.pop()
            elif text.startswith("$(", index):
                if len(self.stack) < _MAX_NESTING:
                    self.stack.append("$(")
                index += 1
            elif char == "`":
                if len(self.stack) < _MAX_NESTING:
                    self.stack.append("`")
            elif top == '"':
                pass  # inside double quotes only `$(`, a backquote and the closing quote count
            elif char in "'\"":
                self.stack.append(char)
            elif char == "(" and top in ("$(", "(") and len(self.stack) < _MAX_NESTING:
                self.stack.append("(")
            elif char == ")" and top in ("$(", "("):
                self.stack.pop()
            elif char == "#" and (index == 0 or text[index - 1] in " \t;&|(") and top != "`":
                return index  # a comment to the end of the line
            index += 1
        return None
