"""Documents, images and macOS metadata that a file named like a model artifact may hold, known
by their magic.

An Office file keeps the objects embedded in it as `embeddings/oleObject1.bin`; a `.bin` may be
a scanned page. Pickle and every loader built on it (torch, joblib, pandas, numpy) raise at the
first byte of these formats, because it is no pickle opcode (`tests/artifacts/test_inert.py`
holds each magic to that). But some readers do not start at byte 0: zipfile finds an archive
from its end record, HDF5 looks for its superblock at 512, 1024, 2048, ... after a user block,
a protobuf parser (ONNX, TensorFlow, Core ML) skips leading fields it does not know, and a
flatbuffer (TFLite, ExecuTorch) starts from the offset its first four bytes give. So the file is
"inert", reported low, only when none of those readers could take it either; otherwise it stays
an unknown format that blocks. Executables (ELF, PE, Mach-O) are never listed: a program named
like a model is worth a reviewer's look.
"""

from __future__ import annotations

import re
import struct
from typing import BinaryIO

from hooks.artifacts.formats.tar_header import is_tar_header

# (magic, what it is), each magic long enough that random data matches it about never.
INERT_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft compound document (an embedded Office object, legacy Office)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"\xd7\xcd\xc6\x9a", "a Windows metafile image"),
    # macOS metadata: the Finder's archiver adds `__MACOSX/._name` beside every file it zips
    # (RFC 1740's AppleDouble header; AppleSingle is the one-file form).
    (b"\x00\x05\x16\x07\x00\x02\x00\x00", "an AppleDouble file (macOS metadata such as `__MACOSX/._m.npy`)"),
    (b"\x00\x05\x16\x00\x00\x02\x00\x00", "an AppleSingle file (macOS metadata)"),
)
_HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
# Fields walked before the data is taken as maybe protobuf (fail closed): a real document breaks
# the wire format within a few fields, and a walk this short costs microseconds per member.
_PROTOBUF_FIELD_LIMIT = 4096
# Archives that 7-Zip (`-t7z`) and unrar find past a prefix (self-extracting archives start so).
_ARCHIVE_SIGNATURES = (b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07")


# Text a loader may be handed as a broken fixture or a note named like a model: short enough to
# be read whole, and printable ASCII, which no container's signature is.
TEXT_FIXTURE_LIMIT = 64 << 10
# Text in a file named like a model whose first byte is no opcode: every pickle-based loader fails
# there whatever follows, so length is no risk; it is read whole, up to this, to show it is text
# (a PMML or XML model named `.tar.gz`, a JSON state file named `.ckpt`).
TEXT_FILE_LIMIT = 8 << 20
_PRINTABLE_TEXT = re.compile(rb"[\t\n\r\x20-\x7e]*")
# What joblib.load sniffs before it reads a pickle (joblib/compressor.py): zlib, gzip, bz2, xz,
# lzma, lz4 and its old `ZF` files.
JOBLIB_PREFIXES = (b"x", b"\x1f\x8b", b"BZ", b"\xfd7zXZ", b"]\x00", b"\x04\x22\x4d\x18", b"ZF")


def is_printable_text(data: bytes, size: int, limit: int = TEXT_FIXTURE_LIMIT) -> bool:
    """Whether `data`, read from byte 0, is the whole of a printable-text file of at most `limit`
    bytes: every
    container a loader might find instead (zip, HDF5, gzip, xz, lzma, zstd) needs bytes that text
    has not, none of joblib's compressor prefixes starts it, and it is not a tar header as
    tarfile reads one."""
    return (
        size <= limit
        and len(data) == size
        and _PRINTABLE_TEXT.fullmatch(data) is not None
        and not data.startswith(JOBLIB_PREFIXES)
        and not is_tar_header(data[:512])
    )


def inert_kind(head: bytes) -> str | None:
    """What document or image these leading bytes start, if one of the inert formats."""
    for magic, kind in INERT_MAGICS:
        if head.startswith(magic):
            return kind
    return None


def another_reader_may_take(handle: BinaryIO, size: int) -> bool:
    """Whether a reader that does not start at byte 0 could accept this data: a zip end record,
    an HDF5 superblock after a user block, a 7z or RAR archive past a prefix, a whole protobuf
    message, or a flatbuffer's root."""
    if container_inside(handle, size):
        return True
    data = _Blocks(handle, size)
    if size >= 8 and struct.unpack("<I", data.read(0, 4))[0] < size:
        return True  # a flatbuffer's root table offset that lands inside the data
    try:
        return _whole_protobuf(data)
    except IndexError:
        return True  # shorter than its size said: not read whole, so not shown inert (fail closed)


def container_inside(handle: BinaryIO, size: int) -> bool:
    """Whether a container that its reader finds past byte 0 stands in the data: a zip end record,
    an HDF5 superblock after a user block, or a 7z or RAR signature past a prefix."""
    if loader_container_inside(handle, size):
        return True
    handle.seek(0)
    return _holds_signature(handle, size)


def loader_container_inside(handle: BinaryIO, size: int) -> bool:
    """Whether a container that a model loader finds past byte 0 stands in the data: a zip end
    record (torch, Keras, skops, zipfile: the tail miniz searches holds the one zipfile does) or an
    HDF5 superblock after a user block (h5py, Keras). A few reads of at most 69,653 bytes, whatever
    the size; the 7z and RAR search reads the whole data, and only an archiver, no model loader,
    finds those past a prefix."""
    return _eocd_in_miniz_reach(handle, size) or _hdf5_after_user_block(handle, size)


# How far from the end PyTorch's zip reader (miniz, behind torch.jit.load and torch.package, which
# need no `PK` at byte 0) looks for the end record: the 65,535-byte comment and the record, plus
# the 4,096-byte block it reads backwards in. zipfile stops at the first two.
_MINIZ_REACH = 0xFFFF + 22 + 4096
_EOCD_SIGNATURE = b"PK\x05\x06"


def _eocd_in_miniz_reach(handle: BinaryIO, size: int) -> bool:
    """Whether an end record's signature stands anywhere miniz may find it (fail closed: whether
    its fields would satisfy miniz is not checked)."""
    start = max(0, size - _MINIZ_REACH)
    handle.seek(start)
    return _EOCD_SIGNATURE in handle.read(size - start)


def _hdf5_after_user_block(handle: BinaryIO, size: int) -> bool:
    """Whether an HDF5 superblock stands at 512, 1024, 2048, ...: where HDF5 (h5py, Keras) looks
    for it past a user block, whatever the data before it."""
    offset = 512
    while offset + 8 <= size:
        handle.seek(offset)
        if handle.read(8) == _HDF5_SIGNATURE:
            return True
        offset *= 2
    return False


_CHUNK = 1 << 20


def _holds_signature(handle: BinaryIO, size: int) -> bool:
    """Whether a 7z or RAR signature stands anywhere in the data, read a chunk at a time."""
    overlap = max(len(signature) for signature in _ARCHIVE_SIGNATURES) - 1
    tail = b""
    read = 0
    while read < size:
        chunk = handle.read(min(_CHUNK, size - read))
        if not chunk:
            return False
        window = tail + chunk
        if any(signature in window for signature in _ARCHIVE_SIGNATURES):
            return True
        tail = window[-overlap:]
        read += len(chunk)
    return False


class _Blocks:
    """Random access to the data by the byte, holding one block in memory: the protobuf walk
    visits at most a few thousand places of what may be a file of gigabytes."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self._handle, self._size = handle, size
        self._start, self._block = 0, b""

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, position: int) -> int:
        if not self._start <= position < self._start + len(self._block):
            self._start = position - position % 65536
            self._block = self.read(self._start, 65536)
        return self._block[position - self._start]

    def read(self, position: int, count: int) -> bytes:
        self._handle.seek(position)
        return self._handle.read(count)


def _varint(data: bytes | _Blocks, position: int) -> tuple[int, int] | None:
    value = shift = 0
    while position < len(data) and shift < 70:
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, position
        shift += 7
    return None


def _whole_protobuf(data: bytes | _Blocks) -> bool:
    """Whether the data reads to its last byte as protobuf fields (unknown ones included, groups
    nested properly): what a parser that skips unknown fields would accept at the top level."""
    position = 0
    groups: list[int] = []
    for _ in range(_PROTOBUF_FIELD_LIMIT):
        if position == len(data):
            return not groups
        key = _varint(data, position)
        if key is None:
            return False
        tag, position = key
        number, wire = tag >> 3, tag & 7
        if number == 0:
            return False
        if wire == 0:
            value = _varint(data, position)
            if value is None:
                return False
            position = value[1]
        elif wire == 1:
            position += 8
        elif wire == 5:
            position += 4
        elif wire == 2:
            length = _varint(data, position)
            if length is None:
                return False
            position = length[1] + length[0]
        elif wire == 3:
            groups.append(number)
        elif wire == 4:
            if not groups or groups.pop() != number:
                return False
        else:
            return False
        if position > len(data):
            return False
    return True  # too many fields to walk: taken as maybe protobuf (fail closed)


FILL_LIMIT = 256 << 20  # a fill is read to its end to be shown one; past this it stays unknown
_FILL_BLOCK = 1 << 20


def one_byte_fill(handle: BinaryIO, size: int) -> int | None:
    """The byte value `size` bytes from the handle's position all are, if they are all one value:
    a placeholder, a pre-allocated or truncated write. One repeated byte holds no format and no
    program: a pickle needs a string and a call opcode to import and run anything (a fill of any
    one opcode underflows its stack or runs out of data first), a zip or HDF5 reader finds no
    signature, a protobuf field tag of 0 is invalid, and a flatbuffer's tables all point at byte 0
    with no type of their own."""
    if size <= 0 or size > FILL_LIMIT:
        return None
    first = handle.read(1)
    if not first:
        return None
    block = first * _FILL_BLOCK
    remaining = size - 1
    while remaining > 0:
        chunk = handle.read(min(_FILL_BLOCK, remaining))
        if not chunk or chunk != block[: len(chunk)]:
            return None
        remaining -= len(chunk)
    return first[0]
