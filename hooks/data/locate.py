"""Which column a byte offset falls in: CSV/TSV by delimiters, JSON by the nearest key."""

from __future__ import annotations

import csv
import re

_DELIMITERS = (",", ";", "\t", "|")
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


def line_of(data: bytes, position: int, first_line: int | None) -> int | None:
    return None if first_line is None else first_line + data.count(b"\n", 0, position)
