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


def _dtype_itemsize(dtype: object) -> tuple[int, bool]:
    """(bytes per element, holds Python objects) of a pickled numpy dtype stand-in."""
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
    # A structured or subarray dtype ('V...') holds objects when numpy's flags say so
    # (NPY_ITEM_HASOBJECT, bit 0 of the state's flags): joblib then pickles the array.
    if isinstance(state, Seq) and len(state.items) > 7 and isinstance(state.items[7], int) and state.items[7] & 1:
        return 8, True
    if isinstance(state, Seq) and len(state.items) > 5:
        elsize = state.items[5]
        if isinstance(elsize, int) and elsize > 0:
            return elsize, False
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
