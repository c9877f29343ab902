"""Shell scripts (`setup.sh`, `scripts/download_model.sh`) as the code hook reads them.

A script's commands are judged like a notebook's `!` lines and `%%bash` cells (commands.py):
downloads piped into a shell, downloaded files run, trust_remote_code on a command line, ML
services opened to the network, installs from unsafe indexes. Lines are the shell's: `\\` joins
the next line, comments and blank lines are no commands.

A here-document's body is the input of its command, not commands of the script: it is read as
commands only when a shell reads it (`bash <<EOF`, `sudo sh -s <<'EOF'`); otherwise (`cat >
config.py <<EOF`, `python - <<EOF`) its lines are left out, so Python or YAML text inside is not
taken for commands.
"""

from __future__ import annotations

import re

from hooks._shared.shell import command_segments, shell_lines

# `<<EOF`, `<<-EOF`, `<< 'EOF'`, `<<"END_OF_SCRIPT"`: the delimiter word (`<<<` is a here-string).
_HEREDOC = re.compile(r"(?<!<)<<-?[ \t]*(?P<quote>['\"]?)(?P<word>[A-Za-z_][A-Za-z0-9_]*)(?P=quote)")
_SHELLS = frozenset({"sh", "bash", "zsh", "ksh", "dash"})
_SUFFIXES = (".sh", ".bash", ".zsh", ".ksh")
_SHEBANG = re.compile(r"#![ \t]*\S*?(?:/|env[ \t]+(?:-\S+[ \t]+)*)(?:sh|bash|zsh|ksh|dash)\b")


def is_shell_script(display: str, text: str) -> bool:
    """A shell script by its name (`.sh`, `.bash`, `.zsh`, `.ksh`) or, without one, its shebang."""
    name = display.rsplit("/", 1)[-1].lower()
    if name.endswith(_SUFFIXES):
        return True
    return "." not in name and _SHEBANG.match(text[:200]) is not None


def script_commands(text: str) -> list[tuple[int, str]]:
    """(line, command) of each command the script runs, here-document bodies only where a shell
    reads them."""
    lines = text.split("\n")
    kept = list(lines)
    index = 0
    while index < len(lines):
        opener = _HEREDOC.search(lines[index]) if "<<" in lines[index] else None
        if opener is None:
            index += 1
            continue
        delimiter = opener.group("word")
        strip_tabs = lines[index][opener.start() : opener.start() + 3] == "<<-"
        shell_reads = _shell_reads(lines[index][: opener.start()])
        end = index + 1
        while end < len(lines) and (lines[end].lstrip("\t") if strip_tabs else lines[end]).rstrip("\r") != delimiter:
            if not shell_reads:
                kept[end] = ""  # input text, not commands: numbering kept
            end += 1
        if end < len(lines):
            kept[end] = ""  # the delimiter line
        index = end + 1
    return shell_lines(kept, 1)


def _shell_reads(command: str) -> bool:
    """Whether the command whose input the here-document is is a shell (`sudo -u app bash -s`)."""
    segments = command_segments(command)
    if not segments:
        return False
    words = segments[-1][1]
    if not words or words[0].rsplit("/", 1)[-1] not in _SHELLS:
        return False
    options = [word for word in words[1:] if word.startswith("-")]
    if any(word.startswith("-") and not word.startswith("--") and "c" in word for word in options):
        return False  # `bash -c '...' <<EOF`: the script is the `-c` text; the body is its input
    operands = [word for word in words[1:] if not word.startswith("-")]
    # `bash run.sh <<EOF` feeds run.sh; `bash -s arg <<EOF` reads the body as the script.
    return not operands or any(word.startswith("-") and not word.startswith("--") and "s" in word for word in options)
