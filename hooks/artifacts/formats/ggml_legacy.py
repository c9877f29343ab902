"""Pre-GGUF GGML models (`llama-2-7b.ggmlv3.q4_0.bin`, `ggml-model-q4_0.bin`, ggml's GPT-2/GPT-J/
StarCoder examples), checked whole.

Before GGUF (August 2023) llama.cpp read three layouts (llama_file_loader, llama.cpp at 468ea24),
little-endian, and ggml's example programs wrote the first with their own hyperparameters:

- a u32 magic: 0x67676d6c `ggml` (bytes `lmgg`, unversioned), 0x67676d66 `ggmf` (`fmgg`, version
  1) or 0x67676a74 `ggjt` (`tjgg`, versions 1 to 3), the version following the last two;
- i32 hyperparameters: llama.cpp's seven (vocabulary, embedding, mult, heads, layers, rot, file
  type); the examples write four to twelve;
- the vocabulary: per token a u32 length and its bytes, with an f32 score from ggmf on; the count
  is the first hyperparameter, or an i32 written before the tokens (GPT-2, GPT-J, StarCoder);
- tensor records to the end of the file (ggml_layout), ggjt padding each tensor's data to 32;
  llama.cpp's vocabulary-only files (`models/ggml-vocab.bin`) have none.

The block layouts changed under the same type numbers: ggjt 3 (May 2023) gave Q4_0, Q4_1 and
Q8_0 f16 scales (18, 20, 34 bytes a block) where earlier files hold f32 ones (20, 24, 36) and the
short-lived Q4_2 and Q4_3; k-quants exist only in ggjt 3. Each plausible header and block table
is tried and a file is taken for a model only when one reads to its last byte, with printable
tensor names and no archive or HDF5 superblock inside. Nothing in the layout names code (the C++
loaders copy numbers) and every magic's first byte breaks a pickle loader at byte 0 (`l` LIST and
`t` TUPLE need a mark, `f` is no opcode). Tried by the walker on data named like an artifact;
anything else keeps its finding (fail closed).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from hooks.artifacts.errors import LimitExceeded
from hooks.artifacts.formats.ggml_layout import COUNT, LENGTH, Cursor, LayoutBroken, read_tensors, refuse_containers
from hooks.artifacts.formats.gguf import GGML_BLOCKS
from hooks.artifacts.source import Format, Source, Walk, seekable_data

_UNVERSIONED, _GGMF, _GGJT = b"lmgg", b"fmgg", b"tjgg"
_VERSIONS = {_GGMF: (1,), _GGJT: (1, 2, 3)}
_LLAMA_HPARAMS = 7
_EXAMPLE_HPARAMS = range(4, 13)
_SCORE = 4

# F32, F16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0 and the k-quants Q2_K..Q6_K as ggjt 3 and GGUF write them.
_CURRENT: Mapping[int, tuple[int, int]] = {
    ggml_type: GGML_BLOCKS[ggml_type] for ggml_type in (0, 1, 2, 3, 6, 7, 8, 10, 11, 12, 13, 14)
}
# Before ggjt 3: f32 scales in Q4_0 (20), Q4_1 (24) and Q8_0 (36), and Q4_2/Q4_3 in blocks of 16.
_BEFORE_V3: Mapping[int, tuple[int, int]] = {
    0: (1, 4), 1: (1, 2), 2: (32, 20), 3: (32, 24), 4: (16, 10), 5: (16, 12), 6: (32, 22), 7: (32, 24), 8: (32, 36),
}  # fmt: skip


@dataclass(frozen=True)
class _Header:
    hparams: int  # how many i32 hyperparameters
    counted: bool  # an i32 token count stands before the vocabulary (else the first hyperparameter)
    scored: bool  # each token carries an f32 score
    blocks: Mapping[int, tuple[int, int]]
    alignment: int


def recognise(head: bytes) -> bool:
    return head[:4] in (_UNVERSIONED, _GGMF, _GGJT) and len(head) >= 8 + 4 * min(_EXAMPLE_HPARAMS)


def _headers(magic: bytes, version: int | None) -> Iterator[_Header]:
    if magic == _UNVERSIONED:
        for blocks in (_BEFORE_V3, _CURRENT):
            yield _Header(_LLAMA_HPARAMS, False, False, blocks, 1)
            for hparams in _EXAMPLE_HPARAMS:
                yield _Header(hparams, True, False, blocks, 1)
        return
    alignment = 32 if magic == _GGJT else 1
    tables = (_CURRENT,) if version == 3 else (_BEFORE_V3, _CURRENT)
    for blocks in tables:
        yield _Header(_LLAMA_HPARAMS, False, True, blocks, alignment)


def _read_as(cursor: Cursor, start: int, header: _Header) -> None:
    cursor.position = start
    hparams = cursor.unpack(struct.Struct(f"<{header.hparams}i"), "hyperparameters")
    if hparams[0] <= 0 or any(value < 0 for value in hparams):
        raise LayoutBroken("GGML hyperparameters out of range", start)
    smallest = LENGTH.size + (_SCORE if header.scored else 0)
    tokens = cursor.count("token", smallest, None if header.counted else hparams[0])
    for _ in range(tokens):
        cursor.tick()
        (length,) = cursor.unpack(LENGTH, "token length")
        cursor.skip(length + (_SCORE if header.scored else 0), "token")
    # llama.cpp's vocabulary-only files (models/ggml-vocab.bin) end after the tokens.
    read_tensors(cursor, header.blocks, header.alignment, at_least=0 if header.hparams == _LLAMA_HPARAMS else 1)


def _read(source: Source, walk: Walk) -> None:
    handle, size = seekable_data(source, walk.analysis.limits.max_member_in_memory)
    cursor = Cursor(handle, size, walk.analysis)
    magic = cursor.read(4, "magic")
    if magic not in (_UNVERSIONED, _GGMF, _GGJT):
        raise LayoutBroken("not a GGML model", 0)
    version = None
    if magic != _UNVERSIONED:
        (version,) = cursor.unpack(COUNT, "version")
        if version not in _VERSIONS[magic]:
            raise LayoutBroken(f"GGML file version {version} is not one llama.cpp wrote", 4)
    start = cursor.position
    first: LayoutBroken | LimitExceeded | None = None
    for header in _headers(magic, version):
        try:
            _read_as(cursor, start, header)
        except (LayoutBroken, LimitExceeded) as broken:  # a count read under another header's shape
            first = first or broken
            continue
        refuse_containers(cursor)
        return
    raise first or LayoutBroken("not a GGML model", 0)


GGML_LEGACY = Format("ggml-legacy", recognise, _read)  # tried by the walker, not in the table
