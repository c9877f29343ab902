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

from hooks.artifacts.formats.ggml_layout import LENGTH, Cursor, LayoutBroken, read_tensors, refuse_containers
from hooks.artifacts.formats.gguf import GGML_BLOCKS
from hooks.artifacts.source import Format, Source, Walk, seekable_data

MAGIC = b"lmgg"
_HPARAMS = struct.Struct("<11i")
_COUNT = struct.Struct("<i")
# F32, F16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0: the types whisper.cpp models are written in
_BLOCKS = {ggml_type: GGML_BLOCKS[ggml_type] for ggml_type in (0, 1, 2, 3, 6, 7, 8)}


def recognise(head: bytes) -> bool:
    return head.startswith(MAGIC) and len(head) >= 4 + _HPARAMS.size


def _read(source: Source, walk: Walk) -> None:
    handle, size = seekable_data(source, walk.analysis.limits.max_member_in_memory)
    cursor = Cursor(handle, size, walk.analysis)
    if cursor.read(4, "magic") != MAGIC:
        raise LayoutBroken("not a GGML model", 0)
    hparams = cursor.unpack(_HPARAMS, "hyperparameters")
    if any(value <= 0 for value in hparams[:10]) or hparams[9] > 512:
        raise LayoutBroken("GGML whisper hyperparameters out of range", 4)
    (mels,) = cursor.unpack(_COUNT, "mel bins")
    (fft,) = cursor.unpack(_COUNT, "FFT size")
    if not (0 < mels <= 512 and 0 < fft <= 1 << 16):
        raise LayoutBroken("GGML whisper mel filters out of range", cursor.position)
    cursor.skip(mels * fft * 4, "mel filters")
    for _ in range(cursor.count("token", LENGTH.size)):
        cursor.tick()
        (length,) = cursor.unpack(LENGTH, "token length")
        cursor.skip(length, "token")
    read_tensors(cursor, _BLOCKS)
    refuse_containers(cursor)


GGML_WHISPER = Format("ggml-whisper", recognise, _read)  # tried by the walker, not in the table
