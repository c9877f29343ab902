"""HDF5 files (legacy Keras `.h5` models): the root group's attributes, read without h5py.

Keras (2, and 3's legacy format) stores the model as JSON in the root group's `model_config`
attribute (and the compile settings in `training_config`); a Lambda layer there is marshalled
Python bytecode that `load_model` runs, and H5 loading ignored `safe_mode` (CVE-2025-9905).
The reader follows the published file format (HDF5 File Format Specification 3.0):

- the superblock (versions 0-3, at offset 0 or a power of two from 512) gives the root group's
  object header;
- object headers version 1 and 2 (`OHDR`), with their continuation blocks, give the messages;
- attribute messages (versions 1-3) give a name, a datatype, a dataspace and the value: fixed
  strings in place, variable-length strings through the global heap collection (`GCOL`).

The Keras attributes go to the same checks as a `.keras` config. Attribute values that are
pickles (PyTables pickles Python objects into attributes) are analysed as pickles. Attributes
kept in dense storage (a fractal heap, for many or large attributes) are read through
`hdf5_dense`; where its layout is one that reader does not follow, the file is searched for the
config JSON instead. Groups below the root
(layer weights) hold numbers only and are not read.
"""

from __future__ import annotations

import io
import struct
from typing import BinaryIO

from hooks.artifacts.analysis import Analysis, inside, where
from hooks.artifacts.errors import AnalysisError, Truncated
from hooks.artifacts.formats import keras
from hooks.artifacts.formats.hdf5_dense import Unsupported, dense_attributes
from hooks.artifacts.source import HEAD, Format, Source, Walk, seekable_data

SIGNATURE = b"\x89HDF\r\n\x1a\n"
KERAS_ATTRIBUTES = ("model_config", "training_config")
_UNDEFINED = (1 << 64) - 1
_MAX_MESSAGES = 100_000
_MAX_BLOCKS = 1_000
_MAX_VALUE = 64 << 20
_MAX_HEADER_BLOCK = 16 << 20  # object header chunks are a few KiB; a larger one is hostile
_ATTRIBUTE, _CONTINUATION, _ATTRIBUTE_INFO = 0x0C, 0x10, 0x15


class _File:
    """The data (from `start` of the handle, `size` bytes) and the superblock's address widths."""

    def __init__(self, handle: BinaryIO, start: int, size: int) -> None:
        self.handle, self.start, self.size = handle, start, size
        self.base = 0
        self.offsets = self.lengths = 8

    def read(self, address: int, count: int, what: str) -> bytes:
        if address < 0 or count < 0 or address + count > self.size:
            raise Truncated(f"HDF5 {what} at {address:#x} lies outside the file")
        self.handle.seek(self.start + address)
        data = self.handle.read(count)
        if len(data) != count:
            raise Truncated(f"HDF5 {what} is truncated", address)
        return data

    def address(self, data: bytes, at: int) -> int:
        return int.from_bytes(data[at : at + self.offsets], "little")

    def length(self, data: bytes, at: int) -> int:
        return int.from_bytes(data[at : at + self.lengths], "little")

    def absolute(self, address: int) -> int:
        return self.base + address


class _Attribute:
    __slots__ = ("name", "offset", "value")

    def __init__(self, name: str, value: bytes | None, offset: int) -> None:
        self.name, self.value, self.offset = name, value, offset


def _find_superblock(hdf: _File) -> int:
    offset = 0
    while offset + 8 <= hdf.size:
        if hdf.read(offset, 8, "superblock") == SIGNATURE:
            return offset
        offset = 512 if offset == 0 else offset * 2
    raise AnalysisError("HDF5 superblock not found")


def _root_header(hdf: _File, at: int) -> int:
    head = hdf.read(at, 24, "superblock")
    version = head[8]
    if version in (0, 1):
        hdf.offsets, hdf.lengths = head[13], head[14]
        _check_sizes(hdf)
        fixed = 24 + (4 if version == 1 else 0)
        block = hdf.read(at + fixed, 4 * hdf.offsets + 2 * hdf.offsets + 24, "superblock")
        hdf.base = hdf.address(block, 0) or at
        entry = 4 * hdf.offsets  # base, free-space, end-of-file, driver info, then the root symbol table entry
        return hdf.absolute(hdf.address(block, entry + hdf.offsets))
    if version in (2, 3):
        hdf.offsets, hdf.lengths = head[9], head[10]
        _check_sizes(hdf)
        block = hdf.read(at + 12, 4 * hdf.offsets, "superblock")
        hdf.base = hdf.address(block, 0) or at
        return hdf.absolute(hdf.address(block, 3 * hdf.offsets))
    raise AnalysisError(f"HDF5 superblock version {version} is unknown", at + 8)


def _check_sizes(hdf: _File) -> None:
    if hdf.offsets not in (2, 4, 8) or hdf.lengths not in (2, 4, 8):
        raise AnalysisError(f"HDF5 superblock declares {hdf.offsets}-byte offsets and {hdf.lengths}-byte lengths")


def _messages(hdf: _File, address: int, analysis: Analysis) -> list[tuple[int, bytes, int]]:
    """(type, data, file offset) of every message in the object header at `address`."""
    first = hdf.read(address, 16, "object header")
    found: list[tuple[int, bytes, int]] = []
    blocks: list[tuple[int, int]] = []
    if first[:4] == b"OHDR":
        if first[4] != 2:
            raise AnalysisError(f"HDF5 object header version {first[4]} is unknown", address)
        flags = first[5]
        at = 6 + (16 if flags & 0x20 else 0) + (4 if flags & 0x10 else 0)
        width = 1 << (flags & 3)
        head = hdf.read(address, at + width, "object header")
        chunk = int.from_bytes(head[at : at + width], "little")
        _v2_block(hdf, address + at + width, chunk, flags, found, blocks)
        version = 2
    elif first[0] == 1:
        (size,) = struct.unpack_from("<I", first, 8)
        blocks.append((address + 16, size))
        version = 1
    else:
        raise AnalysisError(f"HDF5 object header at {address:#x} has unknown version {first[0]}", address)
    visited = 0
    while blocks:
        visited += 1
        if visited > _MAX_BLOCKS or len(found) > _MAX_MESSAGES:
            raise AnalysisError("HDF5 object header has more continuation blocks than the reader follows", address)
        analysis.check_time()
        block_address, length = blocks.pop(0)
        if version == 1:
            _v1_block(hdf, block_address, length, found, blocks)
        else:
            data = hdf.read(block_address, 4, "continuation block")
            if data != b"OCHK":
                raise AnalysisError("HDF5 continuation block without its OCHK signature", block_address)
            _v2_block(hdf, block_address + 4, length - 8, flags, found, blocks)
    return found


def _header_block(hdf: _File, address: int, length: int) -> bytes:
    if length > _MAX_HEADER_BLOCK:
        raise AnalysisError(f"HDF5 object header block of {length} bytes", address)
    return hdf.read(address, length, "object header messages")


def _v1_block(
    hdf: _File, address: int, length: int, found: list[tuple[int, bytes, int]], blocks: list[tuple[int, int]]
) -> None:
    data = _header_block(hdf, address, length)
    at = 0
    while at + 8 <= len(data):
        kind, size = struct.unpack_from("<HH", data, at)
        body = data[at + 8 : at + 8 + size]
        if len(body) != size:
            raise Truncated("HDF5 header message runs past its block", address + at)
        _take(hdf, kind, body, address + at + 8, found, blocks)
        at += 8 + size


def _v2_block(
    hdf: _File,
    address: int,
    length: int,
    flags: int,
    found: list[tuple[int, bytes, int]],
    blocks: list[tuple[int, int]],
) -> None:
    data = _header_block(hdf, address, length)
    header = 6 if flags & 0x04 else 4
    at = 0
    while at + header <= len(data):
        kind = data[at]
        (size,) = struct.unpack_from("<H", data, at + 1)
        body = data[at + header : at + header + size]
        if len(body) != size:
            raise Truncated("HDF5 header message runs past its block", address + at)
        _take(hdf, kind, body, address + at + header, found, blocks)
        at += header + size


def _take(
    hdf: _File, kind: int, body: bytes, offset: int, found: list[tuple[int, bytes, int]], blocks: list[tuple[int, int]]
) -> None:
    if kind == _CONTINUATION:
        if len(body) < hdf.offsets + hdf.lengths:
            raise Truncated("HDF5 continuation message is truncated", offset)
        blocks.append((hdf.absolute(hdf.address(body, 0)), hdf.length(body, hdf.offsets)))
    elif kind in (_ATTRIBUTE, _ATTRIBUTE_INFO):
        found.append((kind, body, offset))


def _pad8(count: int) -> int:
    return (count + 7) & ~7


def _attribute(hdf: _File, body: bytes, offset: int) -> _Attribute:
    if len(body) < 8:
        raise Truncated("HDF5 attribute message is truncated", offset)
    version = body[0]
    name_size, type_size, space_size = struct.unpack_from("<HHH", body, 2)
    if version == 1:
        at = 8
        name = body[at : at + name_size]
        at += _pad8(name_size)
        datatype = body[at : at + type_size]
        at += _pad8(type_size)
        dataspace = body[at : at + space_size]
        at += _pad8(space_size)
    elif version in (2, 3):
        at = 8 if version == 2 else 9
        name = body[at : at + name_size]
        at += name_size
        datatype = body[at : at + type_size]
        at += type_size
        dataspace = body[at : at + space_size]
        at += space_size
    else:
        raise AnalysisError(f"HDF5 attribute message version {version} is unknown", offset)
    text = name.split(b"\x00", 1)[0].decode("utf-8", "replace")
    return _Attribute(text, _string_value(hdf, datatype, dataspace, body[at:]), offset)


def _string_value(hdf: _File, datatype: bytes, dataspace: bytes, data: bytes) -> bytes | None:
    """A scalar or one-element string attribute's bytes (None for numbers and arrays)."""
    if len(datatype) < 8 or len(dataspace) < 2:
        return None
    if dataspace[1] > 1:
        return None  # a multi-dimensional array: layer names and weights, not a config
    kind = datatype[0] & 0x0F
    (size,) = struct.unpack_from("<I", datatype, 4)
    if kind == 3:  # fixed-length string
        return data[:size].split(b"\x00", 1)[0]
    if kind == 5:  # opaque: how pickled Python objects end up in some writers' attributes
        return data[:size]
    if kind == 9 and datatype[1] & 0x0F == 1:  # variable-length string: a global heap reference
        need = 4 + hdf.offsets + 4
        if len(data) < need:
            return None
        (length,) = struct.unpack_from("<I", data, 0)
        collection = hdf.address(data, 4)
        (index,) = struct.unpack_from("<I", data, 4 + hdf.offsets)
        return _global_heap_object(hdf, hdf.absolute(collection), index, length)
    return None


def _global_heap_object(hdf: _File, address: int, index: int, length: int) -> bytes:
    head = hdf.read(address, 8 + hdf.lengths, "global heap")
    if head[:4] != b"GCOL":
        raise AnalysisError("HDF5 variable-length string points at no global heap collection", address)
    size = min(hdf.length(head, 8), _MAX_VALUE + 4096)
    collection = hdf.read(address, min(size, hdf.size - address), "global heap")
    at = 8 + hdf.lengths
    while at + 8 + hdf.lengths <= len(collection):
        (object_index,) = struct.unpack_from("<H", collection, at)
        object_size = hdf.length(collection, at + 8)
        data_at = at + 8 + hdf.lengths
        if object_index == index:
            value = collection[data_at : data_at + min(object_size, length, _MAX_VALUE)]
            return value
        if object_index == 0:
            break  # free space: the rest of the collection holds no objects
        at = data_at + _pad8(object_size)
    raise AnalysisError(f"HDF5 global heap object {index} not found", address)


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    label = source.label or "hdf5"
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    hdf = _File(handle, handle.tell(), size)
    at = _find_superblock(hdf)
    hdf.base = at
    root = _root_header(hdf, at)
    for kind, body, offset in _messages(hdf, root, analysis):
        if kind != _ATTRIBUTE_INFO:
            _check_attribute(walk, source, label, _attribute(hdf, body, offset))
        elif _has_dense_storage(hdf, body):
            try:
                dense = dense_attributes(hdf, body)
            except (Unsupported, AnalysisError):
                _search_configs(hdf, analysis, label)
                continue
            for message, where_found in dense:
                _check_attribute(walk, source, label, _attribute(hdf, message, where_found))


def _check_attribute(walk: Walk, source: Source, label: str, attribute: _Attribute) -> None:
    if attribute.value is None:
        return
    attribute_label = inside(label, f"@{attribute.name[:60]}")
    if attribute.name in KERAS_ATTRIBUTES:
        keras.check_config(walk.analysis, attribute.value, attribute_label, strict=False)
    elif attribute.value[:2] in (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05"):
        nested = io.BytesIO(attribute.value)
        head = attribute.value[:HEAD]
        walk.walk(
            source.inside(nested, len(attribute.value), "attribute.pkl", attribute_label, seekable=True, head=head)
        )


def _has_dense_storage(hdf: _File, body: bytes) -> bool:
    if len(body) < 2 + hdf.offsets:
        return False
    at = 2 + (2 if body[1] & 0x01 else 0)
    return hdf.address(body, at) not in (0, _UNDEFINED, (1 << (8 * hdf.offsets)) - 1)


def _search_configs(hdf: _File, analysis: Analysis, label: str) -> None:
    """Attributes in dense storage: find the Keras config JSON by its opening instead."""
    import json

    overlap = b""
    offset = 0
    while offset < hdf.size:
        analysis.check_time()
        chunk = hdf.read(offset, min(1 << 20, hdf.size - offset), "data")
        window = overlap + chunk
        at = window.find(b'{"class_name"')
        if at != -1:
            start = offset - len(overlap) + at
            text = hdf.read(start, min(_MAX_VALUE, hdf.size - start), "data").decode("utf-8", "replace")
            try:
                config, _ = json.JSONDecoder().raw_decode(text)
            except (ValueError, RecursionError):
                return
            keras.check_config(analysis, json.dumps(config).encode(), where(label, start), strict=False)
            return
        overlap = window[-16:]
        offset += len(chunk)


HDF5 = Format("hdf5", lambda head: head.startswith(SIGNATURE), _read)
