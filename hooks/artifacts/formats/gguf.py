"""GGUF (llama.cpp) files: the header, every metadata key-value and every tensor descriptor.

Layout (ggml docs/gguf.md): magic `GGUF`, version, tensor count, key-value count, the key-values
(typed: integers, floats, bools, strings, arrays of them), the tensor descriptors (name, dims,
ggml type, offset into the data section), padding to `general.alignment`, then tensor data.
Nothing in GGUF is code, but native parsers were exploited through its counts and sizes
(heap overflows from lengths past the file), and the chat template in the metadata is a Jinja
program that llama-cpp-python rendered without a sandbox (CVE-2024-34359). So:

- every count, string and array length must fit in the bytes left (checked before reading);
  descriptors must have 1-4 dimensions without overflow, and tensors must lie inside the data
  section without overlapping (for ggml types whose block size is known);
- `tokenizer.chat_template` and its named variants are judged by `chat_template.problems`.

Large arrays (the vocabulary) are skipped by size or string by string; tensor data is never read.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, where
from hooks.artifacts.errors import AnalysisError, LimitExceeded, Truncated
from hooks.artifacts.source import Format, Source, Walk, seekable_data

_SCALAR_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_STRING, _ARRAY = 8, 9
_MAX_DIMS = 4  # GGML_MAX_DIMS
_MAX_KEY = 1 << 16
_MAX_KEPT_STRING = 8 << 20  # chat templates and other strings we read rather than skip
_TEMPLATE_KEY = "tokenizer.chat_template"
_MAX_ENTRIES = 1_000_000  # key-values or tensors: real models have a few thousand; memory stays bounded
# ggml_type -> (elements per block, bytes per block), from ggml's type traits (gguf-py GGML_QUANT_SIZES).
GGML_BLOCKS = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24), 8: (32, 34), 9: (32, 40),
    10: (256, 84), 11: (256, 110), 12: (256, 144), 13: (256, 176), 14: (256, 210), 15: (256, 292),
    16: (256, 66), 17: (256, 74), 18: (256, 98), 19: (256, 50), 20: (32, 18), 21: (256, 110),
    22: (256, 82), 23: (256, 136), 24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8), 28: (1, 8),
    29: (256, 56), 30: (1, 2), 34: (256, 54), 35: (256, 66), 39: (32, 17), 40: (64, 36), 41: (128, 18),
}  # fmt: skip


class _Cursor:
    """Reads the metadata in order, knowing how many bytes the file has left."""

    def __init__(self, handle: BinaryIO, size: int, analysis: Analysis) -> None:
        self.handle, self.size, self.analysis = handle, size, analysis
        self.base = handle.tell()
        self.position = 0
        self.items = 0

    def left(self) -> int:
        return self.size - self.position

    def need(self, count: int, what: str) -> None:
        if count < 0 or count > self.left():
            raise _Inconsistent(f"{what} needs {count} bytes but {self.left()} are left in the file", self.position)

    def read(self, count: int, what: str) -> bytes:
        if count > self.left():
            raise Truncated(f"GGUF {what} is truncated", self.position)
        data = self.handle.read(count)
        if len(data) != count:
            raise Truncated(f"GGUF {what} is truncated", self.position)
        self.position += count
        return data

    def skip(self, count: int, what: str) -> None:
        self.need(count, what)
        self.handle.seek(count, 1)
        self.position += count

    def unpack(self, fmt: str, what: str) -> int:
        (value,) = struct.unpack("<" + fmt, self.read(struct.calcsize(fmt), what))
        return int(value)

    def tick(self) -> None:
        self.items += 1
        if not self.items & 0xFFF:
            self.analysis.check_time()


class _Inconsistent(AnalysisError):
    """A count or size the file cannot hold: reported as MLS123, not as a mere parse failure."""


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    label = source.label or "gguf"
    cursor = _Cursor(handle, size, analysis)
    try:
        _read_file(cursor, analysis, label)
    except _Inconsistent as exc:
        analysis.add(
            rules.TENSOR_METADATA_INCONSISTENT,
            where(label, exc.offset),
            f"GGUF header {exc.reason}",
            f"{label}|gguf-inconsistent",
        )


def _read_file(cursor: _Cursor, analysis: Analysis, label: str) -> None:
    cursor.read(4, "magic")
    version = cursor.unpack("I", "version")
    if version not in (1, 2, 3):
        raise AnalysisError(f"GGUF version {version} is not one this reader knows", 4)
    count = "I" if version == 1 else "Q"
    tensor_count = cursor.unpack(count, "tensor count")
    kv_count = cursor.unpack(count, "key-value count")
    cursor.need(kv_count * 13, f"{kv_count} key-values")  # key length, one key byte, type, a byte of value
    cursor.need(tensor_count * 21, f"{tensor_count} tensor descriptors")
    if max(kv_count, tensor_count) > _MAX_ENTRIES:
        raise LimitExceeded(f"GGUF declares {max(kv_count, tensor_count)} entries, more than {_MAX_ENTRIES}")
    alignment = 32
    for _ in range(kv_count):
        cursor.tick()
        at = cursor.position
        key = _string(cursor, count, "key", _MAX_KEY)
        value_type = cursor.unpack("I", "value type")
        value = _value(cursor, count, value_type, keep=key.startswith(_TEMPLATE_KEY) or key == "general.alignment")
        if key == "general.alignment" and isinstance(value, int):
            if value <= 0 or value & (value - 1):
                raise _Inconsistent(f"general.alignment {value} is not a power of two", at)
            alignment = value
        if key.startswith(_TEMPLATE_KEY) and isinstance(value, str):
            _check_template(analysis, label, at, key, value)
    tensors: list[tuple[int, int, str]] = []
    for _ in range(tensor_count):
        cursor.tick()
        at = cursor.position
        name = _string(cursor, count, "tensor name", _MAX_KEY)
        n_dims = cursor.unpack("I", "dimension count")
        if not 1 <= n_dims <= _MAX_DIMS:
            raise _Inconsistent(f"tensor {_shown(name)} has {n_dims} dimensions (GGML allows 1-{_MAX_DIMS})", at)
        elements = 1
        for _ in range(n_dims):
            dim = cursor.unpack(count, "dimension")
            elements *= dim
        if elements >= 1 << 62:
            raise _Inconsistent(f"tensor {_shown(name)} declares {elements} elements (overflow)", at)
        ggml_type = cursor.unpack("I", "tensor type")
        offset = cursor.unpack("Q", "tensor offset")
        if offset % alignment:
            raise _Inconsistent(f"tensor {_shown(name)} offset {offset} is not aligned to {alignment}", at)
        block = GGML_BLOCKS.get(ggml_type)
        if block is not None:
            per_block, block_bytes = block
            if elements % per_block:
                raise _Inconsistent(f"tensor {_shown(name)} has {elements} elements, not whole blocks", at)
            tensors.append((offset, elements // per_block * block_bytes, name))
        else:
            tensors.append((offset, 0, name))
    data_start = -(-cursor.position // alignment) * alignment
    data_size = cursor.size - data_start
    end = 0
    for offset, nbytes, name in sorted(tensors):
        if offset < end:
            raise _Inconsistent(f"tensor {_shown(name)} overlaps the tensor before it", data_start + offset)
        if offset + nbytes > data_size:
            raise _Inconsistent(f"tensor {_shown(name)} runs past the end of the file", data_start + offset)
        end = offset + nbytes


def _string(cursor: _Cursor, count: str, what: str, cap: int) -> str:
    length = cursor.unpack(count, f"{what} length")
    cursor.need(length, what)
    if length > cap:
        raise _Inconsistent(f"{what} is {length} bytes long", cursor.position)
    return cursor.read(length, what).decode("utf-8", "replace")


def _value(cursor: _Cursor, count: str, value_type: int, *, keep: bool) -> object:
    if value_type in _SCALAR_SIZES:
        data = cursor.read(_SCALAR_SIZES[value_type], "value")
        return int.from_bytes(data, "little") if value_type in (4, 10) else None
    if value_type == _STRING:
        length = cursor.unpack(count, "string length")
        if keep and length <= _MAX_KEPT_STRING:
            cursor.need(length, "string")
            return cursor.read(length, "string").decode("utf-8", "replace")
        cursor.skip(length, "string")
        return None
    if value_type == _ARRAY:
        item_type = cursor.unpack("I", "array type")
        items = cursor.unpack(count, "array length")
        if item_type in _SCALAR_SIZES:
            cursor.skip(items * _SCALAR_SIZES[item_type], f"array of {items} values")
        elif item_type == _STRING:
            cursor.need(items * (4 if count == "I" else 8), f"array of {items} strings")
            for _ in range(items):
                cursor.tick()
                cursor.skip(cursor.unpack(count, "string length"), "string")
        else:
            raise AnalysisError(f"GGUF array of type {item_type} (nested arrays are not written by GGUF tools)")
        return None
    raise AnalysisError(f"GGUF value type {value_type} is unknown", cursor.position)


def _check_template(analysis: Analysis, label: str, at: int, key: str, template: str) -> None:
    from hooks.artifacts.formats import chat_template  # its patterns: only for files with a template

    found = chat_template.problems(template)
    if found:
        analysis.add(
            rules.TEMPLATE_SANDBOX_ESCAPE,
            where(label, at),
            f"GGUF metadata {_shown(key)} is a Jinja template that reaches Python internals: " + "; ".join(found),
            f"{label}|gguf-template|{key}",
        )


def _shown(text: str) -> str:
    return repr(text[:80].encode("unicode_escape").decode())


GGUF = Format("gguf", lambda head: head.startswith(b"GGUF"), _read)
