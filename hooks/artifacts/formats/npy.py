"""numpy `.npy` files (and so the members of `.npz` zips): an object array is a pickle.

Recognised by the `\\x93NUMPY` magic. The header is a Python literal read with
`ast.literal_eval`, as numpy does; only a dtype that holds objects (by numpy's dtype grammar:
plain, structured, subarray, nested) makes numpy.load unpickle the data.
"""

from __future__ import annotations

import re

from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.pickles import read_streams
from hooks.artifacts.source import Format, Source, Walk


def _read(source: Source, walk: Walk) -> None:
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
        meta = _literal(header, python2_longs=major <= 2)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        raise AnalysisError(".npy header is not a Python literal", 10) from None
    if not isinstance(meta, dict) or "descr" not in meta:
        raise AnalysisError(".npy header has no 'descr'", 10)
    if descr_holds_objects(meta["descr"]):
        read_streams(
            walk, reader, f"{label} object array", depth=source.depth + 1, reached_by="numpy.load(allow_pickle=True)"
        )


# Python 2 wrote shapes as `(3L, 4L)`; numpy reads such version 1 and 2 headers after dropping
# the suffix from integer literals (numpy.lib.format._filter_header), so this reads them too.
_PYTHON2_LONG = re.compile(r"(?<![\w.'\"])(\d+)[lL]\b")


def _literal(header: str, *, python2_longs: bool) -> object:
    import ast

    try:
        return ast.literal_eval(header.strip())  # literals only: numpy's own header parser does the same
    except SyntaxError:
        if not python2_longs:
            raise
        return ast.literal_eval(_PYTHON2_LONG.sub(r"\1", header).strip())


def descr_holds_objects(descr: object) -> bool:
    """Whether numpy's dtype for this descr holds Python objects (then numpy.load unpickles).

    Follows numpy's dtype-string grammar rather than a prefix: an optional subarray shape
    (`(2,)O`), a byte order, then a type code or name (`O`, `O8`, `object`, `object_`); lists are
    structured dtypes whose fields (name, dtype[, shape]) may nest; a tuple is (base, shape)."""
    if isinstance(descr, str):
        text = descr.strip()
        if text.startswith("("):  # subarray: "(2,)O", "(1, 2)<f8"
            close = text.find(")")
            text = text[close + 1 :].strip() if close >= 0 else text
        text = text.lstrip("<>|=!")
        return bool(_OBJECT_TYPE.match(text))
    if isinstance(descr, list):
        return any(descr_holds_objects(field[1]) for field in descr if isinstance(field, tuple) and len(field) >= 2)
    if isinstance(descr, tuple):
        return bool(descr) and descr_holds_objects(descr[0])
    if isinstance(descr, dict):  # {'names': [...], 'formats': [...]}
        formats = descr.get("formats")
        return isinstance(formats, (list, tuple)) and any(descr_holds_objects(f) for f in formats)
    return False


_OBJECT_TYPE = re.compile(r"(?:O\d*|object_?\d*)$")


NPY = Format("npy", lambda head: head.startswith(b"\x93NUMPY"), _read)
