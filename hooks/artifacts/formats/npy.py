"""numpy `.npy` files (and so the members of `.npz` zips): an object array is a pickle.

Recognised by the `\\x93NUMPY` magic. The header is a Python literal read with
`ast.literal_eval`, as numpy does; only an object dtype makes numpy.load unpickle the data.
"""

from __future__ import annotations

import re

from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.pickles import read_streams
from hooks.artifacts.source import Format, Source, Walk


def _read(source: Source, walk: Walk) -> None:
    import ast

    reader = walk.byte_reader(source)
    label = source.label or "npy"
    magic = reader.read(8)
    major = magic[6]
    if major == 1:
        header_length = int.from_bytes(reader.read(2), "little")
    elif major in (2, 3):
        header_length = int.from_bytes(reader.read(4), "little")
    else:
        raise AnalysisError(f"unknown .npy format version {major}", 6)
    if header_length > 1 << 20:
        raise AnalysisError(".npy header longer than 1 MiB", 8)
    header = reader.read(header_length).decode("utf-8" if major == 3 else "latin-1", "replace")
    try:
        meta = ast.literal_eval(header.strip())  # literals only: numpy's own header parser does the same
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        raise AnalysisError(".npy header is not a Python literal", 10) from None
    if not isinstance(meta, dict) or "descr" not in meta:
        raise AnalysisError(".npy header has no 'descr'", 10)
    if _descr_holds_objects(meta["descr"]):
        read_streams(walk, reader, f"{label} object array", depth=source.depth + 1)


def _descr_holds_objects(descr: object) -> bool:
    if isinstance(descr, str):
        return bool(re.match(r"^[<>|=]?O", descr))
    if isinstance(descr, (list, tuple)):
        return any(_descr_holds_objects(part) for part in descr)
    return False


NPY = Format("npy", lambda head: head.startswith(b"\x93NUMPY"), _read)
