"""Bytes of binary data files made scannable, and what little structure is cheap to read.

Strings inside SQLite pages, pickled data frames, HDF5 datasets and uncompressed parquet or
arrow buffers are stored as plain UTF-8: mapping every non-text byte to a line break turns
the file into short lines of text the detectors read like any other. Zip containers (`.npz`,
`.xlsx`) are read member by member with a cap on what is decompressed.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

_TEXT_BYTES = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
_TO_LINES = bytes(b if b in _TEXT_BYTES else 0x0A for b in range(256))
_CREATE_TABLE = re.compile(rb"CREATE TABLE\s+(?:IF NOT EXISTS\s+)?[\"'`\[]?([\w.]{1,128})[\"'`\]]?\s*\(", re.IGNORECASE)
_MAX_BODY = 8000  # bytes of one table's column list read
# A column's name is quoted (any text but its closing quote: pandas writes `"context.span_id"`)
# or a bare word; a quoted name is taken whole, never cut at its first dot or space.
_COLUMN_NAME = re.compile(r"""^\s*(?:"([^"]{1,128})"|`([^`]{1,128})`|\[([^\]]{1,128})\]|'([^']{1,128})'|(\w{1,128}))""")
_CONSTRAINTS = ("primary", "foreign", "unique", "check", "constraint")
MAX_MEMBERS = 1000


def as_lines(data: bytes) -> bytes:
    return data.translate(_TO_LINES)


def sqlite_columns(head: bytes) -> list[str]:
    """Column names from the `CREATE TABLE` statements in sqlite_master (page 1 and nearby)."""
    names: list[str] = []
    starts = list(_CREATE_TABLE.finditer(head))
    for number, match in enumerate(starts):
        table = match.group(1).decode("utf-8", "replace")
        # One statement's column list: up to its own closing parenthesis, never into the next
        # table's statement (sqlite_master's records follow each other with binary headers
        # between them, so what ends a statement is its parenthesis, not a byte after it).
        end = starts[number + 1].start() if number + 1 < len(starts) else len(head)
        body = _parenthesised(head[match.end() : min(end, match.end() + _MAX_BODY)].decode("utf-8", "replace"))
        if body is None:
            continue  # cut off: no whole column list to read
        for part in _split_columns(body):
            name = _column_name(part)
            if name:
                names.append(f"{table}.{name}")
    return names


def _column_name(part: str) -> str | None:
    """The name a column definition declares, or None for a table constraint or no name."""
    found = _COLUMN_NAME.match(part)
    if found is None:
        return None
    *quoted, bare = found.groups()
    if bare is not None:
        return None if bare.lower() in _CONSTRAINTS else bare
    name = next(text for text in quoted if text is not None).strip()
    return name or None


def _parenthesised(text: str) -> str | None:
    """The text up to the parenthesis that closes the one opened before it, or None."""
    depth = 1
    quote = ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'`[":
            quote = "]" if char == "[" else char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return text[:index]
    return None


def _split_columns(body: str) -> list[str]:
    """The column list split at its top-level commas (not inside a type's parentheses or a quoted name)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    quote = ""
    for char in body:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'`[":
            quote = "]" if char == "[" else char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "," and depth == 0 and not quote:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def zip_members(path: Path, budget: int, suffixes: tuple[str, ...]) -> Iterator[tuple[str, bytes, bool]]:
    """(name, first bytes, whole) of each member with one of `suffixes`, within `budget` bytes in all."""
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()[:MAX_MEMBERS]
        for info in infos:
            if budget <= 0:
                return
            if info.is_dir() or not info.filename.lower().endswith(suffixes):
                continue
            with archive.open(info) as member:
                data = member.read(budget)
            budget -= len(data)
            yield info.filename, data, len(data) >= info.file_size
