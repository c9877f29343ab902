"""The pieces every pre-GGUF GGML file shares: a cursor that knows how much of the file is left,
and the tensor records that run to the end of the file.

whisper.cpp, llama.cpp before GGUF (ggml, ggmf, ggjt) and ggml's own examples all end in the same
records, little-endian: i32 dimension count, i32 name length, i32 ggml type, the dimensions, the
name, optionally padding to an alignment of the file offset (ggjt: 32), then the data, whose size
the type's block layout gives. Tensor data is skipped, never read.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from typing import BinaryIO

from hooks.artifacts.analysis import Analysis
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.inert import container_inside

COUNT = struct.Struct("<i")
LENGTH = struct.Struct("<I")
_TENSOR = struct.Struct("<iii")
_MAX_DIMS = 4
_MAX_NAME = 512
MAX_ENTRIES = 10_000_000  # tokens or tensors: large vocabularies hold about 250,000 tokens
_MAX_DIMENSION = 1 << 24


class LayoutBroken(AnalysisError):
    """The data breaks the layout: not a GGML model this reader can vouch for."""


class Cursor:
    """Reads fields in order from one file inside a seekable handle (offsets from its start)."""

    def __init__(self, handle: BinaryIO, size: int, analysis: Analysis) -> None:
        self.handle, self.size, self.analysis = handle, size, analysis
        self.base = handle.tell()
        self.position = 0
        self.items = 0

    def read(self, count: int, what: str) -> bytes:
        if count < 0 or count > self.size - self.position:
            raise LayoutBroken(f"GGML {what} runs past the end of the file", self.position)
        self.handle.seek(self.base + self.position)
        data = self.handle.read(count)
        if len(data) != count:
            raise LayoutBroken(f"GGML {what} runs past the end of the file", self.position)
        self.position += count
        return data

    def unpack(self, layout: struct.Struct, what: str) -> tuple[int, ...]:
        return tuple(int(value) for value in layout.unpack(self.read(layout.size, what)))

    def skip(self, count: int, what: str) -> None:
        if count < 0 or count > self.size - self.position:
            raise LayoutBroken(f"GGML {what} runs past the end of the file", self.position)
        self.position += count

    def count(self, what: str, smallest: int, value: int | None = None) -> int:
        """A count of entries of at least `smallest` bytes each, read here unless given."""
        if value is None:
            (value,) = self.unpack(COUNT, f"{what} count")
        if value < 0 or value * smallest > self.size - self.position:
            raise LayoutBroken(f"GGML {what} count {value} is more than the file holds", self.position)
        if value > MAX_ENTRIES:
            raise LimitExceeded(f"GGML model declares {value} {what}s, more than {MAX_ENTRIES}")
        return value

    def tick(self) -> None:
        self.items += 1
        if not self.items & 0xFF:
            self.analysis.check_time()


def read_tensors(
    cursor: Cursor, blocks: Mapping[int, tuple[int, int]], alignment: int = 1, *, at_least: int = 1
) -> int:
    """Walk the tensor records to the file's last byte; how many there were. `blocks` maps each
    ggml type the format writes to (elements per block, bytes per block)."""
    tensors = 0
    while cursor.position < cursor.size:
        cursor.tick()
        at = cursor.position
        dims, name_length, ggml_type = cursor.unpack(_TENSOR, "tensor header")
        if not (1 <= dims <= _MAX_DIMS and 1 <= name_length <= _MAX_NAME and ggml_type in blocks):
            raise LayoutBroken("GGML tensor header out of range", at)
        shape = cursor.unpack(struct.Struct(f"<{dims}i"), "tensor dimensions")
        elements = 1
        for dimension in shape:
            if not 0 < dimension <= _MAX_DIMENSION:
                raise LayoutBroken("GGML tensor dimension out of range", at)
            elements *= dimension
        name = cursor.read(name_length, "tensor name")
        if not all(0x20 < byte < 0x7F for byte in name):
            raise LayoutBroken("GGML tensor name is not printable", at)
        cursor.skip(-cursor.position % alignment, "tensor padding")
        per_block, block_bytes = blocks[ggml_type]
        if elements % per_block:
            raise LayoutBroken("GGML tensor is not whole blocks of its type", at)
        cursor.skip(elements // per_block * block_bytes, "tensor data")
        tensors += 1
        if tensors > MAX_ENTRIES:
            raise LimitExceeded(f"GGML model holds more than {MAX_ENTRIES} tensors")
    if tensors < at_least:
        raise LayoutBroken("GGML model holds no tensors", cursor.position)
    return tensors


def refuse_containers(cursor: Cursor) -> None:
    """A zip end record, HDF5 superblock, 7z or RAR signature inside the tensor data would give
    another loader a way in: such a file is not cleared."""
    cursor.handle.seek(cursor.base)
    if container_inside(cursor.handle, cursor.size):
        raise LayoutBroken("an archive or HDF5 file stands inside the GGML model's data", None)
