"""Split a command line into words as a POSIX shell does, in time linear in its length.

`shlex.split` builds each word a character at a time (`self.token += c` on an attribute, which
CPython cannot extend in place), so one word of a megabyte (an `ENV TOKEN=<1 MB>` line, a
requirement line of junk) takes minutes. Short texts keep `shlex`'s exact behaviour; long ones go
through a regular expression that reads the same quoting rules: single quotes keep everything,
double quotes keep everything but `\\"` and `\\\\` (as shlex reads them), a backslash outside
quotes escapes the next character, and `#` at a word's start begins a comment when asked.
"""

from __future__ import annotations

import re

# Below this many characters shlex is fast enough (a few milliseconds) and exact.
_SHLEX_LIMIT = 16 * 1024
_WORD = re.compile(r"""(?:[^\s'"\\]+|\\.|'[^']*'|"(?:[^"\\]|\\.)*")+""", re.DOTALL)
# With comments, shlex ends a word at an unquoted `#` wherever it stands, and skips the line's rest.
_WORD_BEFORE_COMMENT = re.compile(r"""(?:[^\s'"\\#]+|\\.|'[^']*'|"(?:[^"\\]|\\.)*")+""", re.DOTALL)
_PART = re.compile(r"""\\(.)|'([^']*)'|"((?:[^"\\]|\\.)*)"|([^'"\\]+)""", re.DOTALL)
_DOUBLE_QUOTE_ESCAPE = re.compile(r"""\\([\\"])""")


def split_words(text: str, *, comments: bool = False) -> list[str]:
    """The words of `text`; ValueError on an unbalanced quote, like `shlex.split`."""
    if len(text) <= _SHLEX_LIMIT:
        import shlex

        return shlex.split(text, comments=comments)
    return split_linear(text, comments=comments)


def split_linear(text: str, *, comments: bool = False) -> list[str]:
    """`split_words` for any length (the long path; tests hold it to shlex's results)."""
    words: list[str] = []
    position = 0
    length = len(text)
    while position < length:
        while position < length and text[position].isspace():
            position += 1
        if position >= length:
            break
        if comments and text[position] == "#":
            newline = text.find("\n", position)
            if newline < 0:
                break
            position = newline + 1
            continue
        match = (_WORD_BEFORE_COMMENT if comments else _WORD).match(text, position)
        if match is None or match.end() == position:
            raise ValueError("No closing quotation or no escaped character")
        words.append(_unquote(match.group()))
        position = match.end()
        if comments and position < length and text[position] == "#":
            newline = text.find("\n", position)
            position = length if newline < 0 else newline + 1
    return words


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
