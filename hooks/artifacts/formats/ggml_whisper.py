"""whisper.cpp models in the legacy GGML layout (`ggml-base.en.bin`, `ggml-large-v3-q5_0.bin`), checked whole.

whisper.cpp still ships its models in the pre-GGUF layout that `whisper_model_load` (src/whisper.cpp)
reads, little-endian, and models/convert-pt-to-ggml.py writes:

- the u32 magic 0x67676d6c (the bytes `lmgg`);
- eleven i32 hyperparameters: vocabulary, audio context, state, heads and layers, text context,
  state, heads and layers, mel bins, and the file type;
- the mel filters: i32 mel bins, i32 FFT size, then that many f32;
- the vocabulary: an i32 count, then per token a u32 length and its bytes;
- tensors to the end of the file: i32 dimension count (1 to 4), i32 name length, i32 ggml type,
  the dimensions, the name, then the data, whose size the type's block layout gives.

Nothing in it names code: the C++ loader copies numbers. Its first byte (`l`, LIST) breaks every
pickle loader at byte 0 on an empty stack, before anything runs. A file is taken for one only when
the layout holds to its last byte, with printable tensor names, tensor types whisper.cpp models
are written in (f32, f16 and the 4, 5 and 8-bit block types), and no archive or HDF5 superblock
inside. It is tried by the walker on data named like an artifact; anything else keeps its finding
(fail closed). Tensor data is never read.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from hooks.artifacts.analysis import Analysis
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.formats.gguf import GGML_BLOCKS
from hooks.artifacts.inert import container_inside
from hooks.artifacts.source import Format, Source, Walk, seekable_data

MAGIC = b"lmgg"
_HPARAMS = struct.Struct("<11i")
_TENSOR = struct.Struct("<iii")
_TYPES = frozenset({0, 1, 2, 3, 6, 7, 8})  # F32, F16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0
_MAX_DIMS = 4
_MAX_NAME = 512
_MAX_ENTRIES = 10_000_000  # tokens or tensors: large-v3 has 51,866 tokens and about 1,300 tensors
_MAX_DIMENSION = 1 << 24


class _Layout(AnalysisError):
    """The data breaks the layout: not a whisper.cpp model this reader can vouch for."""


class _Cursor:
    def __init__(self, handle: BinaryIO, size: int, analysis: Analysis) -> None:
        self.handle, self.size, self.analysis = handle, size, analysis
        self.base = handle.tell()
        self.position = 0
        self.items = 0

    def read(self, count: int, what: str) -> bytes:
        if count < 0 or count > self.size - self.position:
            raise _Layout(f"GGML {what} runs past the end of the file", self.position)
        self.handle.seek(self.base + self.position)
        data = self.handle.read(count)
        if len(data) != count:
            raise _Layout(f"GGML {what} runs past the end of the file", self.position)
        self.position += count
        return data

    def unpack(self, layout: struct.Struct, what: str) -> tuple[int, ...]:
        return tuple(int(value) for value in layout.unpack(self.read(layout.size, what)))

    def skip(self, count: int, what: str) -> None:
        if count < 0 or count > self.size - self.position:
            raise _Layout(f"GGML {what} runs past the end of the file", self.position)
        self.position += count

    def count(self, what: str, smallest: int) -> int:
        (value,) = self.unpack(_COUNT, f"{what} count")
        if value < 0 or value * smallest > self.size - self.position:
            raise _Layout(f"GGML {what} count {value} is more than the file holds", self.position)
        if value > _MAX_ENTRIES:
            raise LimitExceeded(f"GGML model declares {value} {what}s, more than {_MAX_ENTRIES}")
        return value

    def tick(self) -> None:
        self.items += 1
        if not self.items & 0xFF:
            self.analysis.check_time()


_COUNT = struct.Struct("<i")
_LENGTH = struct.Struct("<I")


def recognise(head: bytes) -> bool:
    return head.startswith(MAGIC) and len(head) >= 4 + _HPARAMS.size


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    start = handle.tell()
    cursor = _Cursor(handle, size, analysis)
    if cursor.read(4, "magic") != MAGIC:
        raise _Layout("not a GGML model", 0)
    hparams = cursor.unpack(_HPARAMS, "hyperparameters")
    if any(value <= 0 for value in hparams[:10]) or hparams[9] > 512:
        raise _Layout("GGML whisper hyperparameters out of range", 4)
    (mels,) = cursor.unpack(_COUNT, "mel bins")
    (fft,) = cursor.unpack(_COUNT, "FFT size")
    if not (0 < mels <= 512 and 0 < fft <= 1 << 16):
        raise _Layout("GGML whisper mel filters out of range", cursor.position)
    cursor.skip(mels * fft * 4, "mel filters")
    for _ in range(cursor.count("token", _LENGTH.size)):
        cursor.tick()
        (length,) = cursor.unpack(_LENGTH, "token length")
        cursor.skip(length, "token")
    tensors = 0
    while cursor.position < size:
        cursor.tick()
        at = cursor.position
        dims, name_length, ggml_type = cursor.unpack(_TENSOR, "tensor header")
        if not (1 <= dims <= _MAX_DIMS and 1 <= name_length <= _MAX_NAME and ggml_type in _TYPES):
            raise _Layout("GGML tensor header out of range", at)
        shape = cursor.unpack(struct.Struct(f"<{dims}i"), "tensor dimensions")
        elements = 1
        for dimension in shape:
            if not 0 < dimension <= _MAX_DIMENSION:
                raise _Layout("GGML tensor dimension out of range", at)
            elements *= dimension
        name = cursor.read(name_length, "tensor name")
        if not all(0x20 < byte < 0x7F for byte in name):
            raise _Layout("GGML tensor name is not printable", at)
        per_block, block_bytes = GGML_BLOCKS[ggml_type]
        if elements % per_block:
            raise _Layout("GGML tensor is not whole blocks of its type", at)
        cursor.skip(elements // per_block * block_bytes, "tensor data")
        tensors += 1
        if tensors > _MAX_ENTRIES:
            raise LimitExceeded(f"GGML model holds more than {_MAX_ENTRIES} tensors")
    if not tensors:
        raise _Layout("GGML model holds no tensors", cursor.position)
    handle.seek(start)
    if container_inside(handle, size):
        raise _Layout("an archive or HDF5 file stands inside the GGML model's data", None)


GGML_WHISPER = Format("ggml-whisper", recognise, _read)  # tried by the walker, not in the table
