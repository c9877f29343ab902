"""Rewrite Python 3.12's type-parameter syntax (PEP 695) for a Python too old to parse it.

`type Vector = list[float]`, `def first[T](xs: list[T]) -> T:` and `class Box[T]:` run on 3.12
and later, while the hook's Python (3.10, 3.11) refuses the whole file. Only then, the type
parameters (`[T]`, `[T: int, *Ts, **P]`) become spaces and a `type` alias becomes an assignment
(`type Vector = ...` reads `Vector      = ...`): every other character stays where it was, so the
rest of the file is analysed and findings keep their lines and columns. Read with the standard
tokenizer; text it cannot tokenize is left to the parser to report.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tokenize

_PARAMS = re.compile(r"\b(?:def|class|type)\s+\w+\s*\[[^\]]*\w\s*\(")


def rewrite_type_params(source: str) -> str | None:
    """The source with PEP 695 syntax rewritten, or None when it holds none (or cannot be read)."""
    if "[" not in source and "type" not in source:
        return None
    import io
    import tokenize  # only for a file that does not parse: start-up stays lean

    line_starts = frozenset({tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING})
    skipped = frozenset({tokenize.NL, tokenize.COMMENT})
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type not in skipped]
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    lines = source.split("\n")
    grid = [list(line) for line in lines]
    changed = False
    at_start = True  # the next token starts a logical line
    for index, token in enumerate(tokens):
        starts = at_start
        # A statement starts a logical line, or follows `;` or a compound statement's `:` on its line.
        at_start = token.type in line_starts or (token.type == tokenize.OP and token.string in (";", ":"))
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None or following.type != tokenize.NAME or token.type != tokenize.NAME:
            continue
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        if token.string in ("def", "class"):
            if after is not None and after.type == tokenize.OP and after.string == "[":
                if _evaluates(tokens, index + 2):
                    return None  # a bound or default that calls code: not blanked away (fail closed)
                changed |= _blank_brackets(grid, tokens, index + 2)
        elif token.string == "type" and starts:
            position = index + 2
            if after is not None and after.type == tokenize.OP and after.string == "[":
                end = _closing(tokens, position)
                if end is None:
                    continue
                position = end + 1
            assign = tokens[position] if position < len(tokens) else None
            if assign is None or assign.type != tokenize.OP or assign.string != "=":
                continue  # `type(x)`, `type = 3`: the builtin, not an alias
            if after is not None and after.string == "[":
                if _evaluates(tokens, index + 2):
                    return None
                _blank_brackets(grid, tokens, index + 2)
            _move_name(grid, token, following)
            changed = True
    return "\n".join("".join(row) for row in grid) if changed else None


def _evaluates(tokens: list[tokenize.TokenInfo], opening: int) -> bool:
    """Whether type parameters' bounds or defaults hold more than names (a call, a lambda, an
    operator other than `|`): Python evaluates them when the bound is read, so blanking them would
    hide code."""
    import tokenize

    closing = _closing(tokens, opening)
    if closing is None:
        return True
    previous = tokens[opening]
    for token in tokens[opening + 1 : closing]:
        if token.type == tokenize.OP and token.string == "(":
            # `(int, str)` constrains a type variable; `f(...)`, `x()(...)`, `a[0](...)` call code.
            if previous.type == tokenize.NAME or previous.string in (")", "]"):
                return True
        elif token.type == tokenize.OP and token.string not in _TYPE_PARAM_OPS:
            return True
        if token.type == tokenize.NAME and token.string in ("lambda", "await", "yield"):
            return True
        previous = token
    return False


_TYPE_PARAM_OPS = frozenset({"[", "]", ",", ":", ".", "*", "**", "|", "=", ")"})


def refused(source: str) -> bool:
    """Whether the source holds type parameters whose bounds or defaults evaluate code (which
    `rewrite_type_params` does not blank): Python 3.12 runs the file, so it blocks unread."""
    return _PARAMS.search(source) is not None


def _closing(tokens: list[tokenize.TokenInfo], opening: int) -> int | None:
    import tokenize

    depth = 0
    for index in range(opening, len(tokens)):
        token = tokens[index]
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
            if depth == 0:
                return index
    return None


def _blank_brackets(grid: list[list[str]], tokens: list[tokenize.TokenInfo], opening: int) -> bool:
    """The `[...]` from `opening` to its closing bracket, as spaces (line breaks kept)."""
    closing = _closing(tokens, opening)
    if closing is None:
        return False
    (start_row, start_col), (end_row, end_col) = tokens[opening].start, tokens[closing].end
    for row in range(start_row, end_row + 1):
        line = grid[row - 1]
        first = start_col if row == start_row else 0
        last = end_col if row == end_row else len(line)
        for column in range(first, min(last, len(line))):
            line[column] = " "
    return True


def _move_name(grid: list[list[str]], keyword: tokenize.TokenInfo, name: tokenize.TokenInfo) -> None:
    """`type Vector` -> `Vector     `: the name where the keyword stood, spaces after it."""
    row, start = keyword.start
    line = grid[row - 1]
    if name.start[0] != row:
        return
    end = name.end[1]
    text = name.string
    line[start:end] = list(text + " " * (end - start - len(text)))
