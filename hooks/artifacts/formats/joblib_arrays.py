"""joblib: each numpy array's raw bytes are written straight after the wrapper's BUILD opcode.

Recognised inside a pickle stream, by a BUILD on `joblib.numpy_pickle.NumpyArrayWrapper` or its
copy vendored in old scikit-learn, `sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper` (the
file itself is a pickle, raw or compressed, and is read by those formats). The array bytes are
not pickle opcodes, so they are skipped exactly, from the shape and dtype the wrapper declares;
an object array is a nested pickle at that point and is handed back to the machine to analyse.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.pickle_values import Call, Mapping, Seq
from hooks.artifacts.reader import ByteReader

# joblib's wrapper, and the same code vendored in scikit-learn before 0.23
# (`sklearn.externals.joblib`), whose unpickler reads the array bytes inline the same way.
ARRAY_WRAPPERS = frozenset(
    {("joblib.numpy_pickle", "NumpyArrayWrapper"), ("sklearn.externals.joblib.numpy_pickle", "NumpyArrayWrapper")}
)
_TYPESTR = r"^[<>|=]?([a-zA-Z])(\d*)"  # compiled (and cached by re) on first use


# Kinds whose size numpy takes from the pickled state (`dtype.__setstate__` sets `elsize` only for
# flexible types: bytes, text, void/structured); every other kind keeps the size its type string
# says, whatever the state declares. joblib reads `count * itemsize` bytes as numpy computes it,
# so the skip must compute it the same way: a file that declares `elsize=64` for `int8` makes
# joblib read 1 byte per element and unpickle what follows, which a skip of 64 would never see.
_FLEXIBLE_KINDS = frozenset("SaUV")
# Where numpy's `dtype.__setstate__` reads `elsize`, by the length of the state tuple (numpy's
# own pickles have 8 items, 9 for datetimes; 7 and 5 are older layouts it still reads).
_ELSIZE_AT = {9: 5, 8: 5, 7: 5, 5: 3}
_HASOBJECT = 1  # NPY_ITEM_HASOBJECT: the dtype's flags, item 7 of an 8- or 9-item state


def _dtype_itemsize(dtype: object) -> tuple[int, bool]:
    """(bytes per element, holds Python objects) of a pickled numpy dtype stand-in, as numpy
    itself computes them when it unpickles that dtype."""
    if not isinstance(dtype, Call) or not isinstance(dtype.args, Seq) or not dtype.args.items:
        raise AnalysisError("joblib array wrapper without a readable dtype")
    typestr = dtype.args.items[0]
    if not isinstance(typestr, str):
        raise AnalysisError("joblib array wrapper with a dtype that is not a type string")
    match = re.match(_TYPESTR, typestr)
    if match is None:
        raise AnalysisError(f"joblib array wrapper with an unknown dtype {typestr!r}")
    kind, digits = match.groups()
    if kind == "O" or typestr.lstrip("<>|=").startswith("object"):
        return 8, True
    state = dtype.state
    items: list[object] | None = None
    if isinstance(state, Seq):
        if state.length != len(state.items) or len(state.items) not in _ELSIZE_AT:
            # A state numpy reads another way, or refuses: no size can be trusted from it.
            raise AnalysisError(f"joblib array wrapper with a dtype state of {state.length} items")
        items = list(state.items)
    elif state is not None:
        raise AnalysisError("joblib array wrapper with a dtype state that is not a tuple")
    # A structured or subarray dtype ('V...') holds objects when numpy's flags say so: joblib then
    # pickles the array. numpy trusts the flags it is given (a 7- or 5-item state has none: 0).
    if items is not None and len(items) > 7:
        flags = items[7]
        if not isinstance(flags, int):
            raise AnalysisError("joblib array wrapper with dtype flags that are not a number")
        if flags & _HASOBJECT:
            return 8, True
    if kind in _FLEXIBLE_KINDS and items is not None:
        elsize = items[_ELSIZE_AT[len(items)]]
        if not isinstance(elsize, int) or elsize < 0:
            raise AnalysisError("joblib array wrapper with a flexible dtype of no readable size")
        return elsize, False
    if kind in _FLEXIBLE_KINDS:
        # No state: the type string's number, in characters of 4 bytes for text ('U3' is 12).
        return (int(digits) if digits else 0) * (4 if kind == "U" else 1), False
    if kind == "b" and not digits:
        return 1, False
    if not digits:
        raise AnalysisError(f"joblib array wrapper with a dtype of unknown size {typestr!r}")
    return int(digits), False


def skip_inline_array(reader: ByteReader, state: object, offset: int, read_object_array: Callable[[], object]) -> None:
    """Move `reader` past the array that follows a wrapper BUILD with this `state`.

    An object array is a pickle stream of its own at this point: `read_object_array` reads it.
    """
    if not isinstance(state, Mapping):
        raise AnalysisError("joblib array wrapper without a state dict", offset)
    items = state.items
    shape = items.get("shape")
    if not isinstance(shape, Seq) or shape.length != len(shape.items):
        raise AnalysisError("joblib array wrapper without a literal shape", offset)
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape.items):
        raise AnalysisError("joblib array wrapper with a non-integer shape", offset)
    count = math.prod(shape.items)  # type: ignore[arg-type]
    itemsize, holds_objects = _dtype_itemsize(items.get("dtype"))
    if holds_objects:
        read_object_array()
        return
    with reader.outside_stream():
        if items.get("numpy_array_alignment_bytes") is not None:
            padding = reader.read(1)[0]
            reader.skip(padding)
        reader.skip(count * itemsize)
