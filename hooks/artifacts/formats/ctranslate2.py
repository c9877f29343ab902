"""CTranslate2 models (`model.bin`): the binary layout every CTranslate2 release reads, checked whole.

CTranslate2 (and faster-whisper, which ships its models in it) writes one `model.bin` per model
(python/ctranslate2/specs/model_spec.py `_serialize`; read by src/models/model.cc `load_model`),
little-endian, with no magic:

- a u32 binary version, 1 to 6;
- from version 2: the spec's name as a string, then a u32 spec revision;
- a u32 variable count, then per variable: its name (a string), a u8 rank, that many u32
  dimensions, then from version 4 a u8 type id (float32, int8, int16, int32, float16, bfloat16)
  and the u32 size of its data in bytes; before version 4 a u8 item size and the u32 number of
  items; then the data, whose size must be the dimensions' product times the item size;
- from version 3: a u32 alias count, then per alias two strings (the alias, the variable's name).

A string is a u16 length counting a final NUL, then its bytes. Nothing in the format names code:
the loader copies numbers into tensors. Its first byte (1-6) is no pickle opcode, so pickle and
every loader built on it raise at byte 0 ("invalid load key"). A file is taken for one only when
the layout holds to its last byte, with printable names, and hides no HDF5 superblock where h5py
looks for one and no archive (a zip end record, a 7z or RAR signature). Having no magic, it is not
a row of the format table: the walker tries it on data named like an artifact that no format with
a signature takes, and anything that breaks the layout stays what it was, an unknown format
(MLS902, or low for an inert document: fail closed). Tensor data is never read.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from hooks.artifacts.analysis import Analysis
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.inert import container_inside
from hooks.artifacts.source import Format, Source, Walk, seekable_data

_VERSIONS = range(1, 7)  # CURRENT_BINARY_VERSION is 6; the C++ loader refuses newer ones
_ITEM_SIZES = {0: 4, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2}  # DataType enum (include/ctranslate2/types.h) -> bytes
_OLD_ITEM_SIZES = frozenset({1, 2, 4})  # before version 4 the item size alone says int8, int16 or float32
_MAX_RANK = 8  # real models use 0-4 dimensions; more is no model this format writes
_MAX_NAME = 4096
_MAX_ENTRIES = 1_000_000  # variables or aliases: real models have a few thousand
_SMALLEST_VARIABLE = 2 + 1 + 1 + 1 + 4  # a one-letter name with its NUL, rank 0, type or item size, size
_SMALLEST_ALIAS = 2 * (2 + 1)  # two empty names with their NULs


class _Layout(AnalysisError):
    """The data breaks the layout: not a CTranslate2 model this reader can vouch for."""


class _Cursor:
    def __init__(self, handle: BinaryIO, size: int, analysis: Analysis) -> None:
        self.handle, self.size, self.analysis = handle, size, analysis
        self.position = 0
        self.items = 0

    def read(self, count: int, what: str) -> bytes:
        if count > self.size - self.position:
            raise _Layout(f"CTranslate2 {what} runs past the end of the file", self.position)
        data = self.handle.read(count)
        if len(data) != count:
            raise _Layout(f"CTranslate2 {what} runs past the end of the file", self.position)
        self.position += count
        return data

    def skip(self, count: int, what: str) -> None:
        if count > self.size - self.position:
            raise _Layout(f"CTranslate2 {what} runs past the end of the file", self.position)
        self.handle.seek(count, 1)
        self.position += count

    def unpack(self, fmt: str, what: str) -> int:
        (value,) = struct.unpack("<" + fmt, self.read(struct.calcsize(fmt), what))
        return int(value)

    def string(self, what: str) -> str:
        length = self.unpack("H", f"{what} length")
        if not 1 <= length <= _MAX_NAME:
            raise _Layout(f"CTranslate2 {what} has length {length}", self.position)
        data = self.read(length, what)
        if data[-1] != 0 or not _printable(data[:-1]):
            raise _Layout(f"CTranslate2 {what} is not a NUL-terminated printable name", self.position)
        return data[:-1].decode("ascii")

    def count(self, what: str, smallest: int) -> int:
        value = self.unpack("I", what)
        if value * smallest > self.size - self.position:
            # Each entry takes at least `smallest` bytes: a count the file cannot hold is no
            # CTranslate2 layout (data that only starts like one), not a limit of this reader.
            raise _Layout(f"CTranslate2 {what} count {value} is more than the file can hold", self.position)
        if value > _MAX_ENTRIES:
            raise LimitExceeded(f"CTranslate2 model declares {value} {what}s, more than {_MAX_ENTRIES}")
        return value

    def tick(self) -> None:
        self.items += 1
        if not self.items & 0xFF:
            self.analysis.check_time()


def _printable(data: bytes) -> bool:
    return all(0x20 <= byte < 0x7F for byte in data)


def recognise(head: bytes) -> bool:
    """A version of 1-6, then the spec's name (version 2 on) or the variable count and the first
    variable's name (version 1), as far as the head shows them."""
    if len(head) < 8:
        return False
    version = struct.unpack_from("<I", head)[0]
    if version not in _VERSIONS:
        return False
    at = 4 if version >= 2 else 8
    if at + 2 > len(head):
        return False
    length = struct.unpack_from("<H", head, at)[0]
    if not 1 <= length <= _MAX_NAME:
        return False
    name = head[at + 2 : at + 2 + length]
    if len(name) == length:
        return name[-1] == 0 and _printable(name[:-1])
    return _printable(name)


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    cursor = _Cursor(handle, size, analysis)
    version = cursor.unpack("I", "binary version")
    if version not in _VERSIONS:
        raise _Layout(f"CTranslate2 binary version {version} is not 1-6", 0)
    if version >= 2:
        cursor.string("spec name")
        cursor.unpack("I", "spec revision")
    for _ in range(cursor.count("variable", _SMALLEST_VARIABLE)):
        cursor.tick()
        at = cursor.position
        cursor.string("variable name")
        rank = cursor.unpack("B", "rank")
        if rank > _MAX_RANK:
            raise _Layout(f"CTranslate2 variable has {rank} dimensions", at)
        elements = 1
        for _ in range(rank):
            elements *= cursor.unpack("I", "dimension")
        if version >= 4:
            type_id = cursor.unpack("B", "type id")
            if type_id not in _ITEM_SIZES:
                raise _Layout(f"CTranslate2 type id {type_id} is unknown", at)
            item_size = _ITEM_SIZES[type_id]
            data_bytes = cursor.unpack("I", "data size")
        else:
            item_size = cursor.unpack("B", "item size")
            if item_size not in _OLD_ITEM_SIZES:
                raise _Layout(f"CTranslate2 item size {item_size} is not 1, 2 or 4", at)
            data_bytes = cursor.unpack("I", "item count") * item_size
        if data_bytes != elements * item_size:
            # model.cc: "Variable ... has an invalid payload size"; the loader refuses the file.
            raise _Layout("CTranslate2 variable's data size does not match its dimensions", at)
        cursor.skip(data_bytes, "variable data")
    if version >= 3:
        for _ in range(cursor.count("alias", _SMALLEST_ALIAS)):
            cursor.tick()
            cursor.string("alias")
            cursor.string("aliased variable name")
    if cursor.position != size:
        # The loader stops here; bytes after the layout are read by no CTranslate2 code, so they
        # are data this reader cannot account for (a payload appended for another reader).
        raise _Layout(f"{size - cursor.position} bytes follow the CTranslate2 model's last field", cursor.position)
    if container_inside(handle, size):
        # zipfile finds an archive from its end record, h5py a superblock at 512, 1024, ..., and
        # 7-Zip or unrar an archive past a prefix, whatever the bytes before: tensor data may hold
        # one, which a loader reads and this reader does not vouch for.
        raise _Layout("an archive or HDF5 file stands inside the CTranslate2 model's data", None)


CTRANSLATE2 = Format("ctranslate2", recognise, _read)  # tried by the walker, not in the table
