"""Where a notebook cell's line sits in the raw `.ipynb` file, for reports that show the file as
it is (GitHub code scanning renders the JSON text, not cells).

A small position-tracking JSON reader: it walks the text once, remembers where each string of
`cells[i].source` and of each output's text starts, and turns (cell, output, line) into the
(line, column) of that text line in the file. Nothing is evaluated; malformed input gives no
positions (callers fall back to the top of the file).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

Position = tuple[int, int]
_SPACE = re.compile(r"[ \t\r\n]*")
_STRING_ITEM = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t\r\n]*(?:,[ \t\r\n]*)?', re.S)
_SCALAR = re.compile(r"[^,\]} \t\r\n]*")  # a number, true, false or null  # 1-based line and column in the raw file


@dataclass
class _Text:
    """One JSON value holding text: a string, or a list of strings (nbformat's multiline form)."""

    starts: list[int] = field(default_factory=list)  # offset of each string's first character
    ends: list[int] = field(default_factory=list)  # offset of each string's closing quote


@dataclass
class _Cell:
    source: _Text | None = None
    outputs: list[_Text | None] = field(default_factory=list)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def skip_space(self) -> None:
        self.pos = _end_of(_SPACE, self.text, self.pos)

    def string(self) -> tuple[int, int]:
        """(start, end) offsets of a string's content; `pos` moves past the closing quote."""
        text = self.text
        start = self.pos + 1
        pos = start
        while True:
            end = text.find('"', pos)
            if end < 0:
                raise ValueError("unterminated string")
            backslashes = 0
            while text[end - 1 - backslashes] == "\\":
                backslashes += 1
            if backslashes % 2 == 0:
                self.pos = end + 1
                return start, end
            pos = end + 1

    def skip_value(self, depth: int = 0) -> None:
        if depth > 200:
            raise ValueError("nested too deeply")
        self.skip_space()
        char = self.text[self.pos : self.pos + 1]
        if char == '"':
            self.string()
        elif char in "[{":
            closing = "]" if char == "[" else "}"
            self.pos += 1
            while True:
                self.skip_space()
                if self.text[self.pos : self.pos + 1] == closing:
                    self.pos += 1
                    return
                if char == "{":
                    self.string()
                    self.skip_space()
                    self.expect(":")
                self.skip_value(depth + 1)
                self.skip_space()
                if self.text[self.pos : self.pos + 1] == ",":
                    self.pos += 1
        elif char:
            self.pos = _end_of(_SCALAR, self.text, self.pos)
        else:
            raise ValueError("unexpected end")

    def expect(self, char: str) -> None:
        self.skip_space()
        if self.text[self.pos : self.pos + 1] != char:
            raise ValueError(f"expected {char}")
        self.pos += 1

    def text_value(self) -> _Text | None:
        self.skip_space()
        char = self.text[self.pos : self.pos + 1]
        found = _Text()
        if char == '"':
            start, end = self.string()
            found.starts.append(start)
            found.ends.append(end)
            return found
        if char == "[":
            self.pos += 1
            self.skip_space()
            # The usual shape, one string per line: read the run of strings in one pass.
            item = _STRING_ITEM.match(self.text, self.pos)
            while item is not None:
                found.starts.append(item.start(1))
                found.ends.append(item.end(1))
                self.pos = item.end()
                item = _STRING_ITEM.match(self.text, self.pos)
            while True:
                self.skip_space()
                char = self.text[self.pos : self.pos + 1]
                if char == "]":
                    self.pos += 1
                    return found
                if char == '"':
                    start, end = self.string()
                    found.starts.append(start)
                    found.ends.append(end)
                else:
                    self.skip_value()
                self.skip_space()
                if self.text[self.pos : self.pos + 1] == ",":
                    self.pos += 1
        self.skip_value()
        return None

    def read_object(self, on_key: dict[str, Callable[[], object]]) -> None:
        """Read an object, calling `on_key[key]()` for the keys of interest and skipping the rest."""
        self.expect("{")
        while True:
            self.skip_space()
            if self.text[self.pos : self.pos + 1] == "}":
                self.pos += 1
                return
            start, end = self.string()
            key = self.text[start:end]
            self.expect(":")
            handler = on_key.get(key)
            if handler is not None:
                handler()
            else:
                self.skip_value()
            self.skip_space()
            if self.text[self.pos : self.pos + 1] == ",":
                self.pos += 1

    def array(self, each: Callable[[], object]) -> None:
        self.expect("[")
        while True:
            self.skip_space()
            if self.text[self.pos : self.pos + 1] == "]":
                self.pos += 1
                return
            each()
            self.skip_space()
            if self.text[self.pos : self.pos + 1] == ",":
                self.pos += 1


def _read_cells(text: str) -> list[_Cell]:
    reader = _Reader(text)
    cells: list[_Cell] = []

    def read_output(cell: _Cell) -> None:
        holder: list[_Text | None] = [None]

        def keep(value: _Text | None) -> None:
            if holder[0] is None:
                holder[0] = value

        def data() -> None:
            reader.read_object({mime: lambda: keep(reader.text_value()) for mime in ("text/plain", "text/html")})

        reader.read_object(
            {"text": lambda: keep(reader.text_value()), "traceback": lambda: keep(reader.text_value()), "data": data}
        )
        cell.outputs.append(holder[0])

    def read_cell() -> None:
        cell = _Cell()

        def source() -> None:
            cell.source = reader.text_value()

        reader.read_object({"source": source, "outputs": lambda: reader.array(lambda: read_output(cell))})
        cells.append(cell)

    reader.read_object({"cells": lambda: reader.array(read_cell)})
    return cells


class NotebookPositions:
    """Raw-file positions of the lines of one notebook's cells and outputs."""

    def __init__(self, text: str) -> None:
        self.text = text
        try:
            self.cells = _read_cells(text)
        except (ValueError, IndexError, RecursionError):
            self.cells = []
        self._line_starts: list[int] | None = None
        # Per string (its start offset): where each line of a one-string source starts, and the
        # escapes of a line, so that a report of thousands of findings reads each text once.
        self._lines_of: dict[tuple[int, int], list[int]] = {}
        self._escapes_of: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self._line_ends: dict[tuple[int, int], int] = {}  # (line start, string end) -> its `\\n`, or -1

    def _offset_to_position(self, offset: int) -> Position:
        if self._line_starts is None:
            self._line_starts = [0]
            index = self.text.find("\n")
            while index >= 0:
                self._line_starts.append(index + 1)
                index = self.text.find("\n", index + 1)
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def locate(self, cell: int, line: int, output: int | None = None) -> Position | None:
        """The raw (line, column) of line `line` (1-based) of cell `cell` (1-based, all cells)."""
        found = self.span(cell, line, output)
        return None if found is None else found[0]

    def span(
        self, cell: int, line: int, output: int | None = None, column: int = 1
    ) -> tuple[Position, Position] | None:
        """Raw start (at decoded column `column` of the line) and end (just past the line's last
        character, its `\\n` escape excluded) of one cell or output line, or None when unknown."""
        if not 1 <= cell <= len(self.cells):
            return None
        entry = self.cells[cell - 1]
        value = (
            entry.source if output is None else (entry.outputs[output] if 0 <= output < len(entry.outputs) else None)
        )
        if value is None or not value.starts:
            return None
        if len(value.starts) > 1:  # one string per line, as nbformat writes it
            index = min(max(line, 1), len(value.starts)) - 1
            start, end = value.starts[index], value.ends[index]
        else:
            start, end = value.starts[0], value.ends[0]
            # one string: lines are separated by the `\n` escape
            lines = self._lines_of.get((start, end))
            if lines is None:
                lines = self._lines_of[(start, end)] = self._string_line_starts(start, end)
            start = lines[min(max(line, 1), len(lines)) - 1]
        newline = self._line_ends.get((start, end))
        if newline is None:
            newline = self._line_ends[(start, end)] = self._newline_escape(start, end)
        if newline >= 0:
            end = newline
        first = self._advance(start, end, max(column, 1) - 1)
        return self._offset_to_position(first), self._offset_to_position(end)

    def _newline_escape(self, start: int, end: int) -> int:
        found = self.text.find("\\n", start, end)
        while found > 0 and _escaped(self.text, found):
            found = self.text.find("\\n", found + 1, end)
        return found

    def _string_line_starts(self, start: int, end: int) -> list[int]:
        """Raw offsets where each line of one JSON string starts (after each `\\n` escape)."""
        starts = [start]
        found = self._newline_escape(start, end)
        while found >= 0:
            starts.append(found + 2)
            found = self._newline_escape(found + 2, end)
        return starts

    def _advance(self, offset: int, end: int, characters: int) -> int:
        """The raw offset `characters` decoded characters after `offset` (an escape is one)."""
        escapes = self._escapes_of.get((offset, end))
        if escapes is None:
            escapes = self._escapes_of[(offset, end)] = self._escapes(offset, end)
        decoded_at, raw_after = escapes
        before = bisect.bisect_left(decoded_at, characters)  # escapes that start before the character
        if before == 0:
            return min(offset + characters, end)
        return min(raw_after[before - 1] + characters - decoded_at[before - 1] - 1, end)

    def _escapes(self, offset: int, end: int) -> tuple[list[int], list[int]]:
        """Each escape between `offset` and `end`: the decoded index of the character it writes,
        and the raw offset just past it (a surrogate pair written as two escapes is one)."""
        text = self.text
        decoded_at: list[int] = []
        raw_after: list[int] = []
        decoded, raw = 0, offset
        found = text.find("\\", raw, end)
        while found >= 0:
            decoded += found - raw
            if text[found + 1 : found + 2] != "u":
                length = 2
            elif _is_surrogate_pair(text[found + 2 : found + 6], text[found + 6 : found + 12]):
                length = 12  # one character written as two escapes (ensure_ascii output)
            else:
                length = 6
            decoded_at.append(decoded)
            raw_after.append(found + length)
            decoded += 1
            raw = found + length
            found = text.find("\\", raw, end) if raw < end else -1
        return decoded_at, raw_after


def _escaped(text: str, index: int) -> bool:
    """Whether the backslash at `index` is itself escaped (`\\\\n` is a backslash and an n)."""
    count = 0
    while index - 1 - count >= 0 and text[index - 1 - count] == "\\":
        count += 1
    return count % 2 == 1


def _is_surrogate_pair(high: str, low_escape: str) -> bool:
    try:
        return (
            0xD800 <= int(high, 16) <= 0xDBFF
            and low_escape[:2] == "\\u"
            and 0xDC00 <= int(low_escape[2:], 16) <= 0xDFFF
        )
    except ValueError:
        return False


def _end_of(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where a run of `pattern` (which also matches nothing) starting at `pos` ends."""
    found = pattern.match(text, pos)
    return found.end() if found else pos
