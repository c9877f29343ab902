"""NumPy `.npy` headers (field names of structured arrays) and `.npz` members, never loaded.

The header is a Python dict literal; it is read with `ast.literal_eval` (literals only, no
names, no calls) after a length cap. Object arrays are pickles: the artifacts hook judges them.
"""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass
from typing import Any

from hooks.data.parquet import FormatError

MAX_HEADER = 1 << 16


@dataclass(frozen=True)
class NpyHeader:
    fields: list[str]
    unicode: bool  # a '<U' dtype: values are UTF-32
    header_end: int


def parse_npy_header(head: bytes) -> NpyHeader:
    if not head.startswith(b"\x93NUMPY") or len(head) < 10:
        raise FormatError("does not start with the NumPy magic")
    major = head[6]
    if major == 1:
        length, start = struct.unpack("<H", head[8:10])[0], 10
    elif major in (2, 3):
        if len(head) < 12:
            raise FormatError("truncated header")
        length, start = struct.unpack("<I", head[8:12])[0], 12
    else:
        raise FormatError(f"unknown .npy version {major}")
    if length > MAX_HEADER or start + length > len(head):
        raise FormatError("header longer than the file or the limit")
    text = head[start : start + length].decode("utf-8" if major == 3 else "latin-1", "replace")
    try:
        header = ast.literal_eval(text)
    except (ValueError, SyntaxError, RecursionError, MemoryError, TypeError):
        raise FormatError("header is not a dict literal") from None
    if not isinstance(header, dict) or "descr" not in header:
        raise FormatError("header has no descr")
    fields: list[str] = []
    _collect(header["descr"], "", fields, 0)
    descr = repr(header["descr"])
    return NpyHeader(fields, ("U" in descr and "'<U" in descr) or "'>U" in descr, start + length)


def _collect(descr: Any, prefix: str, fields: list[str], depth: int) -> None:
    if depth > 16 or not isinstance(descr, list):
        return
    for item in descr[:10_000]:
        if isinstance(item, tuple) and item and isinstance(item[0], (str, tuple)):
            name = item[0] if isinstance(item[0], str) else str(item[0][-1])
            full = f"{prefix}.{name}" if prefix else name
            if len(item) > 1 and isinstance(item[1], list):
                _collect(item[1], full, fields, depth + 1)
            else:
                fields.append(full)


def utf32_as_ascii(data: bytes) -> bytes:
    """UTF-32-LE text with its ASCII kept: every fourth byte (others become separators)."""
    return data[0::4]
