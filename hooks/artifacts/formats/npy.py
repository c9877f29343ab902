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

    numpy writes descrs in one canonical form (`dtype.str` such as `<f8`, `|O`, `<M8[ns]`, lists of
    (name, descr[, shape]) fields, (base, shape) subarrays), but reads many more: comma strings
    (`<i4,O`), repeat counts (`2O`), type names, dicts. Only the canonical forms are judged; any
    other is not understood and fails closed (raises), since it may spell an object dtype."""
    verdict = _judge_descr(descr, 0)
    if verdict is None:
        raise AnalysisError(".npy header's dtype is not in the form numpy writes; not analysed", 10)
    return verdict


def _judge_descr(descr: object, depth: int) -> bool | None:
    """True: holds objects; False: plain data; None: not understood."""
    if depth > 32:
        return None
    if isinstance(descr, str):
        if _OBJECT_DESCR.fullmatch(descr):
            return True
        return False if _PLAIN_DESCR.fullmatch(descr) else None
    if isinstance(descr, list):  # structured: (name, descr) or (name, descr, shape) fields
        verdicts = []
        for field in descr:
            if not isinstance(field, (tuple, list)) or len(field) not in (2, 3):
                return None
            name = field[0]
            if not isinstance(name, str) and not (
                isinstance(name, tuple) and len(name) == 2 and all(isinstance(n, str) for n in name)
            ):
                return None
            verdicts.append(_judge_descr(field[1], depth + 1))
        return _combined(verdicts)
    if isinstance(descr, tuple) and len(descr) == 2:  # (base, shape)
        return _judge_descr(descr[0], depth + 1)
    if isinstance(descr, dict) and set(descr) <= _DICT_KEYS and isinstance(descr.get("formats"), (list, tuple)):
        names = descr.get("names")
        if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
            return None
        return _combined([_judge_descr(f, depth + 1) for f in descr["formats"]])
    return None


def _combined(verdicts: list[bool | None]) -> bool | None:
    if any(v is True for v in verdicts):
        return True
    return None if any(v is None for v in verdicts) else False


_SUBARRAY = r"(?:\(\s*\d+(?:\s*,\s*\d+)*\s*,?\s*\))?"
_OBJECT_DESCR = re.compile(_SUBARRAY + r"[<>|=]?(?:O\d*|object_?)")
# `dtype.str`: a byte order, a kind (bool, signed, unsigned, float, complex, bytes, str, void,
# datetime, timedelta, old bytes) and an item size, a date unit for the last two.
_PLAIN_DESCR = re.compile(_SUBARRAY + r"[<>|=]?(?:[biufcSUVa]\d+|[Mm]8(?:\[\d*\w+\])?)")
_DICT_KEYS = frozenset(["names", "formats", "offsets", "titles", "itemsize", "aligned"])


NPY = Format("npy", lambda head: head.startswith(b"\x93NUMPY"), _read)
