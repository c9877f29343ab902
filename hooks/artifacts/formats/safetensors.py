"""safetensors: an 8-byte header length, a JSON header, raw tensor bytes. No code.

Recognised (weakly: any 8 bytes and a brace can match) by a plausible header length followed
by `{`. The header is validated the way the safetensors library does before it maps anything:
at most 100 MB, a JSON object whose entries each have a known `dtype`, a `shape` of
non-negative integers and `data_offsets` [begin, end] matching that shape; the tensors must
tile the data section exactly (no gap, no overlap, nothing after the last one: the loader
refuses such files, and hidden bytes there are what a polyglot would use); `__metadata__`
maps strings to strings. A header that is not JSON fails closed (MLS901); one whose numbers
cannot be true is MLS123. Tensor bytes are never read.
"""

from __future__ import annotations

import struct

from hooks.artifacts import rules
from hooks.artifacts.analysis import where
from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.source import Format, Source, Walk

MAX_HEADER = 100_000_000  # the safetensors library's own limit
_DTYPE_BITS = {
    "BOOL": 8, "U8": 8, "I8": 8, "F8_E5M2": 8, "F8_E4M3": 8, "F8_E8M0": 8, "F4": 4, "F6_E2M3": 6, "F6_E3M2": 6,
    "I16": 16, "U16": 16, "F16": 16, "BF16": 16, "I32": 32, "U32": 32, "F32": 32, "I64": 64, "U64": 64,
    "F64": 64, "C64": 64,
}  # fmt: skip


def _recognise(head: bytes) -> bool:
    if len(head) < 9:
        return False
    (header_size,) = struct.unpack_from("<Q", head)
    return 2 <= header_size <= 100 << 20 and head[8:9] == b"{"


def _read(source: Source, walk: Walk) -> None:
    import json

    (length,) = struct.unpack("<Q", source.handle.read(8))
    if length > MAX_HEADER:
        raise AnalysisError(f"safetensors header of {length} bytes is larger than the loader accepts", 0)
    body = source.handle.read(length)
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):
        parsed = None
    if not isinstance(parsed, dict) or len(body) != length:
        if source.strict:
            raise AnalysisError("safetensors header is not a complete JSON object", 8)
        return
    data_size = None if source.size is None else source.size - 8 - length
    problem = header_problem(parsed, data_size)
    if problem is not None:
        label = source.label or "safetensors"
        walk.analysis.add(
            rules.TENSOR_METADATA_INCONSISTENT,
            where(label, 8),
            f"safetensors header: {problem}",
            f"{label}|safetensors|{problem[:60]}",
        )


def header_problem(header: dict[str, object], data_size: int | None) -> str | None:
    """Why the safetensors library would refuse this header (None if it would accept it)."""
    spans: list[tuple[int, int, str]] = []
    for name, entry in header.items():
        shown = repr(name[:60].encode("unicode_escape").decode())
        if name == "__metadata__":
            if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
                return "__metadata__ is not a map of strings to strings"
            continue
        if not isinstance(entry, dict):
            return f"tensor {shown} is not an object"
        dtype, shape, offsets = entry.get("dtype"), entry.get("shape"), entry.get("data_offsets")
        bits = _DTYPE_BITS.get(dtype) if isinstance(dtype, str) else None
        if bits is None:
            return f"tensor {shown} has unknown dtype {str(dtype)[:20]!r}"
        if not isinstance(shape, list) or not all(
            isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape
        ):
            return f"tensor {shown} shape is not a list of non-negative integers"
        if (
            not isinstance(offsets, list)
            or len(offsets) != 2
            or not all(_is_count(o) for o in offsets)
            or not 0 <= offsets[0] <= offsets[1]
        ):
            return f"tensor {shown} data_offsets are not [begin, end] with 0 <= begin <= end"
        count = 1
        for dim in shape:
            count *= dim
        if count * bits > 8 << 44:
            return f"tensor {shown} declares {count} elements (overflow)"
        expected = (count * bits + 7) // 8
        if expected != offsets[1] - offsets[0]:
            return f"tensor {shown} spans {offsets[1] - offsets[0]} bytes where dtype and shape say {expected}"
        spans.append((offsets[0], offsets[1], shown))
    end = 0
    for begin, stop, shown in sorted(spans):
        if begin != end:
            return f"tensor {shown} {'overlaps the tensor before it' if begin < end else 'leaves a gap before it'}"
        end = stop
    if data_size is not None and end != data_size:
        if end > data_size:
            return f"tensors need {end} data bytes but the file has {data_size}"
        return f"{data_size - end} bytes follow the last tensor, which the loader refuses and no writer produces"
    return None


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


SAFETENSORS = Format("safetensors", _recognise, _read, weak=True)
