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
from hooks.artifacts.pickle_values import Call, Global, Mapping, Seq
from hooks.artifacts.reader import ByteReader

# joblib's wrapper, and the same code vendored in scikit-learn before 0.23
# (`sklearn.externals.joblib`), whose unpickler reads the array bytes inline the same way.
ARRAY_WRAPPERS = frozenset(
    {("joblib.numpy_pickle", "NumpyArrayWrapper"), ("sklearn.externals.joblib.numpy_pickle", "NumpyArrayWrapper")}
)


# joblib writes a dtype as numpy pickles it: `numpy.dtype(typestr, False, True)` and a BUILD of
# the state numpy's own `__reduce__` gives, version 3 (4 for datetimes) with 8 (9) items. numpy
# reads other spellings and layouts too, each its own way (`'i1,i8'` is a 9-byte record, a
# version-2 state has its flags recomputed from the fields, the state's elsize counts only for
# bytes, text and void): a skip that disagrees with numpy by one byte lets pickle opcodes hide in
# "array data", so anything but the canonical form is not skipped but reported (fail closed).
_TYPESTR = r"[<>|=]?([iufcbmMSaUVO])(\d{1,9})"
# The sizes numpy's type strings carry per kind (the flexible kinds' size is the state's elsize).
_FIXED_SIZES = {"i": {1, 2, 4, 8}, "u": {1, 2, 4, 8}, "f": {2, 4, 8, 16}, "c": {8, 16, 32}, "b": {1}}
_FIXED_SIZES.update({"m": {8}, "M": {8}, "O": {4, 8}})
_DTYPE_CLASSES = frozenset(
    {("numpy", "dtype"), ("numpy.core.multiarray", "dtype"), ("numpy._core.multiarray", "dtype")}
)
_FLEXIBLE_KINDS = frozenset("SaUV")
_STATE_ITEMS = {3: 8, 4: 9}  # version -> items of numpy's own state tuple
_ELSIZE = 5  # where such a state holds the element size
_FLAGS = 7  # and the flags: NPY_ITEM_HASOBJECT (bit 0) is what numpy's `hasobject` reads
_HASOBJECT = 1


def _dtype_itemsize(dtype: object) -> tuple[int, bool]:
    """(bytes per element, holds Python objects) of a pickled numpy dtype, as numpy computes them
    for the canonical form joblib writes; AnalysisError for any other form."""
    if not isinstance(dtype, Call) or not isinstance(dtype.args, Seq) or not dtype.args.items:
        raise AnalysisError("joblib array wrapper without a readable dtype")
    func = dtype.func
    if not isinstance(func, Global) or (func.module, func.name) not in _DTYPE_CLASSES:
        raise AnalysisError("joblib array wrapper whose dtype is not made by numpy.dtype")
    typestr = dtype.args.items[0]
    if not isinstance(typestr, str):
        raise AnalysisError("joblib array wrapper with a dtype that is not a type string")
    match = re.fullmatch(_TYPESTR, typestr)
    kind, digits = match.groups() if match is not None else ("", "0")
    if match is None or (kind not in _FLEXIBLE_KINDS and int(digits) not in _FIXED_SIZES[kind]):
        raise AnalysisError(f"joblib array wrapper with a dtype numpy does not pickle as {typestr[:40]!r}")
    state = dtype.state
    if not isinstance(state, Seq) or state.length != len(state.items) or not state.items:
        raise AnalysisError("joblib array wrapper with a dtype state that is not numpy's")
    items = state.items
    version = items[0]
    if not isinstance(version, int) or _STATE_ITEMS.get(version) != len(items):
        raise AnalysisError("joblib array wrapper with a dtype state that is not numpy's")
    flags, elsize = items[_FLAGS], items[_ELSIZE]
    if not isinstance(flags, int) or not isinstance(elsize, int):
        raise AnalysisError("joblib array wrapper with a dtype state that is not numpy's")
    if kind in _FLEXIBLE_KINDS:
        if elsize < 0:
            raise AnalysisError("joblib array wrapper with a flexible dtype of no readable size")
        size = elsize
    else:
        size = int(digits)
    # numpy takes `hasobject` from these flags, whatever the kind: joblib then pickles the array.
    return size, bool(flags & _HASOBJECT)


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
