"""Which column a byte offset falls in: CSV/TSV by delimiters, JSON by the nearest key."""

from __future__ import annotations

import bisect
import csv
import re
from array import array

_DELIMITERS = (",", ";", "\t", "|")
_NEWLINE = re.compile(b"\n")
_JSON_KEY = re.compile(rb'"((?:[^"\\\n]|\\.){1,100})"\s*:\s*')


def sniff_delimiter(first_line: str, suffix: str) -> str:
    if suffix in (".tsv", ".tab"):
        return "\t"
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_header(first_line: str, delimiter: str) -> list[str] | None:
    """The header's names, or None when the first row looks like data (numbers, addresses)."""
    try:
        row = next(csv.reader([first_line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return None
    if not row or any("@" in cell for cell in row):
        return None
    numeric = sum(1 for cell in row if _is_number(cell.strip()))
    if numeric and numeric >= len(row) / 2:
        return None
    return [cell.strip() for cell in row]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class CsvLocator:
    def __init__(self, header: list[str] | None, delimiter: str) -> None:
        self.header = header
        self.delimiter = delimiter.encode()
        self._cache: dict[int, list[int]] = {}

    def column(self, data: bytes, position: int) -> str:
        line_start = data.rfind(b"\n", 0, position) + 1
        prefix = data[line_start:position]
        quoted = b'"' in prefix
        index = delimiters_outside_quotes(prefix, self.delimiter[0]) if quoted else prefix.count(self.delimiter)
        return self.name(index)

    def name(self, index: int) -> str:
        if self.header is not None and index < len(self.header) and self.header[index]:
            return self.header[index]
        return f"column {index + 1}"


class CsvLines:
    """The lines of one chunk of CSV, visited at increasing positions (the order of candidates):
    each line is found and counted once however many values it holds. Asked line by line, a 2 MB
    line of 100,000 addresses was read again for every one of them. A position before the last
    one asked starts the line over (right, only slower)."""

    def __init__(self, data: bytes, delimiter: str) -> None:
        self._data = data
        self._delimiter = delimiter.encode()
        self._start = 0
        self._end = -1  # where the current line ends (its newline, or the end of the data)
        self._counted = 0  # delimiters before this offset of the line are in _count
        self._count = 0
        self._quoted = False
        self._fields: int | None = None

    def _line(self, position: int) -> None:
        if self._start <= self._counted <= position <= self._end:
            return
        low = self._end if 0 <= self._end < position else 0
        self._start = self._data.rfind(b"\n", low, position) + 1
        end = self._data.find(b"\n", position)
        self._end = end if end != -1 else len(self._data)
        self._counted, self._count, self._quoted, self._fields = self._start, 0, False, None

    def index(self, position: int) -> int:
        """Which field of its line `position` is in (0-based)."""
        self._line(position)
        segment = self._data[self._counted : position]
        if not self._quoted and b'"' not in segment:
            self._count += segment.count(self._delimiter)
        else:
            for byte in segment:
                if byte == 34:
                    self._quoted = not self._quoted
                elif byte == self._delimiter[0] and not self._quoted:
                    self._count += 1
        self._counted = position
        return self._count

    def fields(self, position: int) -> int:
        """How many fields the line of `position` has."""
        self._line(position)
        if self._fields is None:
            line = self._data[self._start : self._end]
            count = (
                line.count(self._delimiter) if b'"' not in line else delimiters_outside_quotes(line, self._delimiter[0])
            )
            self._fields = count + 1
        return self._fields


def delimiters_outside_quotes(prefix: bytes, delimiter: int) -> int:
    """How many delimiters these bytes of a CSV line hold outside double quotes."""
    quoted = False
    index = 0
    for byte in prefix:
        if byte == 34:
            quoted = not quoted
        elif byte == delimiter and not quoted:
            index += 1
    return index


def json_key(data: bytes, position: int) -> str | None:
    """The key of the value at `position`: the last `"key":` before it on the way back."""
    window = data[max(0, position - 400) : position]
    matches = list(_JSON_KEY.finditer(window))
    return matches[-1].group(1).decode("utf-8", "replace") if matches else None


# The newlines of the last chunk asked about: a file's findings ask for the lines of their
# examples one by one, and counting newlines from the chunk's start for each of 100,000 columns
# was quadratic. One chunk is kept (by identity), so the memory is one chunk's newline offsets.
_newlines: tuple[bytes, array[int]] | None = None


def line_of(data: bytes, position: int, first_line: int | None) -> int | None:
    global _newlines
    if first_line is None:
        return None
    if _newlines is None or _newlines[0] is not data:
        _newlines = (data, array("q", (match.start() for match in _NEWLINE.finditer(data))))
    return first_line + bisect.bisect_left(_newlines[1], position)
