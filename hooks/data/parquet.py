"""Column names of a parquet file from its footer (FileMetaData), without pyarrow.

Layout: `PAR1` ... footer (Thrift compact) ... 4-byte footer length, `PAR1`. An encrypted
footer ends in `PARE`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hooks._core.textfile import open_regular
from hooks.data.thrift import CompactReader, ThriftError

MAX_FOOTER = 64 << 20


class FormatError(ValueError):
    """The file is not what its name says (the message says why)."""


@dataclass(frozen=True)
class Schema:
    columns: list[str]
    rows: int | None = None
    compressed: bool = True  # any column chunk uses a codec (values not readable as raw bytes)
    encrypted: bool = False


def read_parquet_schema(path: Path, size: int) -> Schema:
    if size < 12:
        raise FormatError("too short for parquet")
    with open_regular(path) as handle:
        if handle.read(4) != b"PAR1":
            raise FormatError("does not start with the parquet magic PAR1")
        handle.seek(size - 8)
        tail = handle.read(8)
        length = struct.unpack("<I", tail[:4])[0]
        if tail[4:] == b"PARE":
            return Schema([], encrypted=True)
        if tail[4:] != b"PAR1":
            raise FormatError("no parquet footer (truncated or not parquet)")
        if length > min(MAX_FOOTER, size - 12):
            raise FormatError(f"footer length {length} does not fit the file")
        handle.seek(size - 8 - length)
        footer = handle.read(length)
    try:
        meta = CompactReader(footer).struct()
    except ThriftError as exc:
        raise FormatError(f"footer does not parse ({exc})") from None
    except RecursionError:
        raise FormatError("footer nested too deeply") from None
    elements = meta.get(2)
    if not isinstance(elements, list) or not elements:
        raise FormatError("footer has no schema")
    rows = meta.get(3) if isinstance(meta.get(3), int) else None
    return Schema(_column_paths(elements), rows, _any_codec(meta.get(4)))


def _column_paths(elements: list[Any]) -> list[str]:
    """Leaf columns as dotted paths (the first element is the root group)."""
    paths: list[str] = []
    stack: list[tuple[str, int]] = []  # (prefix, children left)
    for index, element in enumerate(elements):
        if not isinstance(element, dict):
            raise FormatError("malformed schema element")
        raw = element.get(4, b"")
        name = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else ""
        raw_children = element.get(5)
        children = raw_children if isinstance(raw_children, int) else 0
        if index == 0:
            stack.append(("", max(0, children)))
            continue
        while stack and stack[-1][1] == 0:
            stack.pop()
        prefix = stack[-1][0] if stack else ""
        if stack:
            stack[-1] = (stack[-1][0], stack[-1][1] - 1)
        full = f"{prefix}.{name}" if prefix else name
        if children and children > 0:
            stack.append((full, children))
        else:
            paths.append(full)
        if len(paths) > 100_000:
            raise FormatError("too many columns")
    return paths


def _any_codec(row_groups: Any) -> bool:
    if not isinstance(row_groups, list):
        return True
    for group in row_groups[:64]:
        columns = group.get(1) if isinstance(group, dict) else None
        if columns is not None and not isinstance(columns, list):
            return True  # a footer field of the wrong type (a fuzzed `true`): judged as compressed
        for column in columns or []:
            meta = column.get(3) if isinstance(column, dict) else None
            if not isinstance(meta, dict) or meta.get(4, 0) != 0:
                return True
    return False
