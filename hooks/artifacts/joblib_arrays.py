"""joblib writes each numpy array's raw bytes straight after the wrapper's BUILD opcode.

Those bytes are not pickle opcodes, so they are skipped exactly, from the shape and dtype the
wrapper declares; an object array is a nested pickle at that point and is analysed as one.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from hooks.artifacts.errors import AnalysisError

if TYPE_CHECKING:
    from hooks.artifacts.pickle_vm import PickleMachine

_TYPESTR = re.compile(r"^[<>|=]?([a-zA-Z])(\d*)")


def _dtype_itemsize(dtype: object) -> tuple[int, bool]:
    """(bytes per element, holds Python objects) of a pickled numpy dtype stand-in."""
    from hooks.artifacts.pickle_vm import Call, Seq

    if not isinstance(dtype, Call) or not isinstance(dtype.args, Seq) or not dtype.args.items:
        raise AnalysisError("joblib array wrapper without a readable dtype")
    typestr = dtype.args.items[0]
    if not isinstance(typestr, str):
        raise AnalysisError("joblib array wrapper with a dtype that is not a type string")
    match = _TYPESTR.match(typestr)
    if match is None:
        raise AnalysisError(f"joblib array wrapper with an unknown dtype {typestr!r}")
    kind, digits = match.groups()
    if kind == "O":
        return 8, True
    state = dtype.state
    if isinstance(state, Seq) and len(state.items) > 5:
        elsize = state.items[5]
        if isinstance(elsize, int) and elsize > 0:
            return elsize, False
    if kind == "b" and not digits:
        return 1, False
    if not digits:
        raise AnalysisError(f"joblib array wrapper with a dtype of unknown size {typestr!r}")
    return int(digits), False


def consume_inline_array(machine: PickleMachine, state: object, offset: int) -> None:
    from hooks.artifacts.pickle_vm import Mapping, PickleMachine, Seq

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
    reader = machine.reader
    if holds_objects:
        PickleMachine(reader, machine.analysis, f"{machine.label} object array", depth=machine.depth + 1).run()
        return
    if items.get("numpy_array_alignment_bytes") is not None:
        padding = reader.read(1)[0]
        reader.skip(padding)
    reader.skip(count * itemsize)
