"""Rewrite f-strings into tuples of their expressions, for a Python too old to parse them.

Python 3.12 (PEP 701) lets f-strings reuse their own quotes inside replacement fields
(`f"{row["name"]}"`), span lines and hold backslashes; a kernel on 3.12 runs such a cell while
the hook's Python (3.10, 3.11) refuses to parse it. Only then, each f-string is replaced by a
tuple of its field expressions, character for character in place: `f"a{x["k"]!r:>{w}}b"` becomes
`(   x["k"],   w,   )`. Lines and columns of every expression stay where they were, so findings
inside the fields (`f"{pickle.loads(b)}"`) are still reported at the right place, and the rest
of the cell is analysed.
"""

from __future__ import annotations

from hooks.code.pylex import FString, scan_lines


def has_fstring(source: str) -> bool:
    lowered = source.lower()
    return 'f"' in lowered or "f'" in lowered


def rewrite_fstrings(source: str) -> str | None:
    """The source with its top-level f-strings as tuples, or None when there is none to rewrite."""
    lines = source.split("\n")
    _, fstrings = scan_lines(lines)
    outermost = _outermost(fstrings)
    if not outermost:
        return None
    grid = [list(line) for line in lines]
    for fstring in outermost:
        if fstring.end is None or fstring.end[1] < 0:
            continue  # unterminated: leave it for the parser to report
        _blank(grid, fstring.start, fstring.end)
        keep = [span for span in _expressions_within(fstring, fstrings)]
        for start, end in keep:
            _restore(grid, lines, start, end)
            _put(grid, end, ",")
        _put(grid, fstring.start, "(")
        end_line, end_column = fstring.end
        _put(grid, (end_line, end_column - 1), ")")
    return "\n".join("".join(row) for row in grid)


def _outermost(fstrings: list[FString]) -> list[FString]:
    """F-strings not nested in another one's span."""
    chosen: list[FString] = []
    for fstring in fstrings:
        if fstring.end is None:
            continue
        if any(_inside(fstring.start, outer) for outer in chosen):
            continue
        chosen.append(fstring)
    return chosen


def _inside(position: tuple[int, int], fstring: FString) -> bool:
    end = fstring.end
    return end is not None and fstring.start < position < end


def _expressions_within(fstring: FString, everything: list[FString]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The expressions of this f-string's own fields (nested f-strings sit inside them)."""
    return list(fstring.expressions)


def _blank(grid: list[list[str]], start: tuple[int, int], end: tuple[int, int]) -> None:
    line, column = start
    while (line, column) < end and line < len(grid):
        row = grid[line]
        if column >= len(row):
            line, column = line + 1, 0
            continue
        row[column] = " "
        column += 1


def _restore(grid: list[list[str]], lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> None:
    line, column = start
    while (line, column) < end and line < len(grid):
        if column >= len(grid[line]):
            line, column = line + 1, 0
            continue
        grid[line][column] = lines[line][column]
        column += 1


def _put(grid: list[list[str]], position: tuple[int, int], char: str) -> None:
    line, column = position
    if 0 <= line < len(grid) and 0 <= column < len(grid[line]):
        grid[line][column] = char
