"""The substitutions of a shell command line: `<(...)`, `$(...)` and backquotes.

A shell runs what a substitution prints or feeds where the outer command puts it: `bash <(curl
...)` and `source <(curl ...)` run a download as a script file, `eval "$(curl ...)"` and `bash
<<< "$(curl ...)"` as text, and `$(curl ...)` alone as a command. To judge that, the outermost
substitutions are cut out of the line and each replaced by a placeholder word, so the outer command
reads as words again and the consumer of each substitution is the program of the segment holding
its placeholder.

One pass over the line: single quotes make a `$(` literal, double quotes do not, a backslash
escapes the next character, and nesting is counted, so time stays linear in the line. A
substitution left open at the end of the line (a stray `$(` in a comment) is cut out to the end.
"""

from __future__ import annotations

from dataclasses import dataclass

# NUL never survives into a shell's words, so a placeholder cannot be spelt by the line itself
# (NULs in the line are blanked first).
_MARK = "\0"


@dataclass(frozen=True)
class Substitution:
    """One outermost substitution: how it is written (`<(`, `$(` or a backquote), the command it
    runs, and the placeholder word that stands for it in the outer line."""

    kind: str
    inner: str
    placeholder: str


def cut_substitutions(command: str) -> tuple[str, list[Substitution]]:
    """The command line with each outermost substitution replaced by its placeholder, and those
    substitutions in order."""
    text = command.replace(_MARK, " ")
    outer: list[str] = []
    found: list[Substitution] = []
    index = 0
    quote = ""  # the quote the outer line is inside, if any
    while index < len(text):
        char = text[index]
        if char == "\\" and quote != "'":
            outer.append(text[index : index + 2])
            index += 2
            continue
        if quote == "'":
            if char == "'":
                quote = ""
            outer.append(char)
            index += 1
            continue
        kind = _opening(text, index)
        if kind == "<(" and quote:
            kind = ""  # inside double quotes `<(` is text; `$(` and backquotes still run
        if kind:
            start = index + len(kind)
            end = substitution_end(text, start, kind)
            placeholder = f"{_MARK}{len(found)}{_MARK}"
            found.append(Substitution(kind, text[start:end], placeholder))
            outer.append(placeholder)
            index = end + 1
            continue
        if char == '"':
            quote = "" if quote == '"' else '"'
        elif char == "'" and not quote:
            quote = "'"
        outer.append(char)
        index += 1
    return "".join(outer), found


def _opening(text: str, index: int) -> str:
    if text.startswith(("$(", "<("), index) and not text.startswith("$((", index):
        return text[index : index + 2]  # `$((1+2))` is arithmetic, not a command
    return "`" if text[index] == "`" else ""


def quote_step(text: str, index: int, quote: str) -> tuple[int, str] | None:
    """How a shell's quoting takes the character at `index`, inside the quote `quote` ("" for
    none): (the next index, the quote after it) when it is an escape (`\\x` outside single
    quotes) or inside, opening or closing a quote; None for an unquoted character, which the
    caller judges. The one quoting step of every shell-text walk that tracks only quotes."""
    char = text[index]
    if char == "\\" and quote != "'":
        return index + 2, quote
    if quote:
        return index + 1, "" if char == quote else quote
    if char in "'\"":
        return index + 1, char
    return None


def substitution_end(text: str, start: int, kind: str) -> int:
    """The index of the character that closes a substitution opened before `start` (the line's
    length when nothing does)."""
    index = start
    if kind == "`":
        while index < len(text):
            if text[index] == "\\":
                index += 2
                continue
            if text[index] == "`":
                return index
            index += 1
        return len(text)
    depth = 1
    quote = ""
    while index < len(text):
        step = quote_step(text, index, quote)
        if step is not None:
            index, quote = step
            continue
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return len(text)
