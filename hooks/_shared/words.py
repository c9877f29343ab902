"""Split a command line into words as a POSIX shell does, in time linear in its length.

`shlex.split` builds each word a character at a time (`self.token += c` on an attribute, which
CPython cannot extend in place), so one word of a megabyte (an `ENV TOKEN=<1 MB>` line, a
requirement line of junk) takes minutes. Short texts without comments keep `shlex`'s exact
behaviour; long ones go through a regular expression that reads the same quoting rules: single
quotes keep everything, double quotes keep everything but `\\"` and `\\\\` (as shlex reads them), a
backslash outside quotes escapes the next character.

Comments are read as the shell reads them, which is not how shlex does: an unquoted `#` begins a
comment only where a word could begin (after blanks, at the line's start, or right after an
operator character such as `;`, `&`, `|`, `<` or `>`). Inside a word it is an ordinary character, so
`git+https://host/repo.git#egg=name`, `https://host/x.whl#sha256=...` and `$#` stay whole, where
shlex would end the word at the `#` and drop the rest of the line.
"""

from __future__ import annotations

import re

# An output or input redirection word (`>`, `2>&1`, `>>log`): it ends a command's arguments.
REDIRECTION = re.compile(r"^(?:[0-9]*>>?|&>>?|<|[0-9]*>&[0-9]*)")
# Below this many characters shlex is fast enough (a few milliseconds) and exact.
_SHLEX_LIMIT = 16 * 1024
# Blanks are shlex's (and the shell's) four, not every character `str.isspace` knows: a no-break
# space or a form feed is part of a word to the shell, so it never ends one here.
_BLANKS = " \t\r\n"
_WORD = re.compile(r"""(?:[^ \t\r\n'"\\]+|\\.|'[^']*'|"(?:[^"\\]|\\.)*")+""", re.DOTALL)
# The pieces of a word, to find an unquoted `#` right after an operator character (`a;#b`, `x|#y`),
# where the shell's next word, a comment, begins; a plain run stops before each `#`.
_PIECE = re.compile(r"""\\.|'[^']*'|"(?:[^"\\]|\\.)*"|[^'"\\#]+|#""", re.DOTALL)
# `)` is left out: inside a word it closes a substitution (`--log=$(mktemp)#x` is one word).
_OPERATOR_CHARACTERS = frozenset(";&|<>")
_PART = re.compile(r"""\\(.)|'([^']*)'|"((?:[^"\\]|\\.)*)"|([^'"\\]+)""", re.DOTALL)
_DOUBLE_QUOTE_ESCAPE = re.compile(r"""\\([\\"])""")


def split_words(text: str, *, comments: bool = False) -> list[str]:
    """The words of `text`; ValueError on an unbalanced quote, like `shlex.split`. With
    `comments`, a `#` where a word could begin starts a comment up to the line's end."""
    if len(text) <= _SHLEX_LIMIT and not comments:
        import shlex

        return shlex.split(text)
    return split_linear(text, comments=comments)


def split_linear(text: str, *, comments: bool = False) -> list[str]:
    """`split_words` for any length (tests hold it to shlex's results without comments, and to
    a POSIX shell's with them)."""
    words: list[str] = []
    position = 0
    length = len(text)
    while position < length:
        while position < length and text[position] in _BLANKS:
            position += 1
        if position >= length:
            break
        if comments and text[position] == "#":
            position = _line_end(text, position)
            continue
        match = _WORD.match(text, position)
        if match is None or match.end() == position:
            raise ValueError("No closing quotation or no escaped character")
        word = match.group()
        cut = _operator_comment(word) if comments and "#" in word else None
        if cut is None:
            words.append(_unquote(word))
            position = match.end()
            continue
        if cut:
            words.append(_unquote(word[:cut]))
        position = _line_end(text, position + cut)
    return words


def _line_end(text: str, position: int) -> int:
    """Past the newline that ends the comment starting at `position` (the text's end without one)."""
    newline = text.find("\n", position)
    return len(text) if newline < 0 else newline + 1


def _operator_comment(word: str) -> int | None:
    """Where in `word` an unquoted `#` follows an unquoted operator character (`a;#b`): a comment
    the shell begins there; None when every `#` of the word is an ordinary character."""
    after_operator = False
    for piece in _PIECE.finditer(word):
        text = piece.group()
        if text == "#" and after_operator:
            return piece.start()
        plain = text[0] not in "'\"\\"
        after_operator = plain and text[-1] in _OPERATOR_CHARACTERS
    return None


def _unquote(word: str) -> str:
    parts: list[str] = []
    for match in _PART.finditer(word):
        escaped, single, double, plain = match.groups()
        if escaped is not None:
            parts.append(escaped)
        elif single is not None:
            parts.append(single)
        elif double is not None:
            parts.append(_DOUBLE_QUOTE_ESCAPE.sub(r"\1", double))
        elif plain is not None:
            parts.append(plain)
    return "".join(parts)
