"""HDF5 dense attribute storage: attribute messages kept in a fractal heap, indexed by a v2 B-tree.

New-style object headers move their attributes there when there are many of them or one is
larger than a header message can be (64 KiB: a big Keras `model_config`). The Attribute Info
message gives the fractal heap (`FRHP`) and the name index (`BTHD`, record type 8). Each record
holds a heap ID: the object's offset and length in the heap's managed space, which lies in the
direct blocks (`FHDB`) of the root (a direct block, or the direct rows of the root indirect
block `FHIB`). Read here: B-trees of depth 0 (a leaf root, up to a few hundred attributes),
managed objects, heaps without I/O filters. Anything else raises `Unsupported`, and the caller
searches the file for the config instead. Layouts from the HDF5 File Format Specification 3.0,
sections III.G (fractal heap) and III.A.2 (version 2 B-trees).
"""

from __future__ import annotations

import struct
from typing import Protocol


class Unsupported(Exception):
    """A dense-storage layout this reader does not follow."""


class HdfFile(Protocol):
    offsets: int
    lengths: int

    def read(self, address: int, count: int, what: str) -> bytes: ...

    def address(self, data: bytes, at: int) -> int: ...

    def length(self, data: bytes, at: int) -> int: ...

    def absolute(self, address: int) -> int: ...


_MAX_OBJECT = 64 << 20
_MAX_RECORDS = 100_000


class _Heap:
    def __init__(self, hdf: HdfFile, address: int) -> None:
        o, n = hdf.offsets, hdf.lengths
        size = 4 + 1 + 2 + 2 + 1 + 4 + n + o + n + o + 8 * n + 2 + n + n + 2 + 2 + o + 2
        head = hdf.read(address, size, "fractal heap header")
        if head[:4] != b"FRHP":
            raise Unsupported("no fractal heap header")
        self.id_length, filters = struct.unpack_from("<HH", head, 5)
        self.flags = head[9]
        (max_object,) = struct.unpack_from("<I", head, 10)
        if filters:
            raise Unsupported("fractal heap with I/O filters")
        at = 14 + n + o + n + o + 8 * n
        (self.width,) = struct.unpack_from("<H", head, at)
        self.start_block = hdf.length(head, at + 2)
        self.max_direct = hdf.length(head, at + 2 + n)
        self.max_heap_bits, _ = struct.unpack_from("<HH", head, at + 2 + 2 * n)
        self.root = hdf.absolute(hdf.address(head, at + 2 + 2 * n + 4))
        (self.root_rows,) = struct.unpack_from("<H", head, at + 2 + 2 * n + 4 + o)
        if not self.width or not self.start_block or self.start_block > self.max_direct:
            raise Unsupported("fractal heap table is empty")
        self.offset_bytes = (self.max_heap_bits + 7) // 8
        self.length_bytes = (min(self.max_direct, max_object).bit_length() + 7) // 8
        self.hdf = hdf
        self._blocks: list[tuple[int, int, int]] | None = None  # (heap offset, size, file address)

    def blocks(self) -> list[tuple[int, int, int]]:
        if self._blocks is not None:
            return self._blocks
        if self.root_rows == 0:
            self._blocks = [(0, self.start_block, self.root)]
            return self._blocks
        hdf = self.hdf
        direct_rows = (self.max_direct // self.start_block).bit_length() + 1
        rows = min(self.root_rows, direct_rows)
        entries = rows * self.width
        if entries > _MAX_RECORDS:
            raise Unsupported("fractal heap root indirect block is larger than attributes need")
        header = 4 + 1 + hdf.offsets + self.offset_bytes
        data = hdf.read(self.root, header + entries * hdf.offsets, "fractal heap indirect block")
        if data[:4] != b"FHIB":
            raise Unsupported("no root indirect block")
        blocks = []
        heap_offset = 0
        for index in range(entries):
            row = index // self.width
            size = self.start_block if row < 2 else self.start_block << (row - 1)
            child = hdf.address(data, header + index * hdf.offsets)
            if child not in (0, (1 << (8 * hdf.offsets)) - 1):
                blocks.append((heap_offset, size, hdf.absolute(child)))
            heap_offset += size
        self._blocks = blocks
        return blocks

    def managed(self, heap_id: bytes) -> bytes:
        if (heap_id[0] >> 4) & 0x3:
            raise Unsupported("huge or tiny heap object")
        offset = int.from_bytes(heap_id[1 : 1 + self.offset_bytes], "little")
        length = int.from_bytes(heap_id[1 + self.offset_bytes : 1 + self.offset_bytes + self.length_bytes], "little")
        if length > _MAX_OBJECT:
            raise Unsupported("heap object too large")
        for start, size, address in self.blocks():
            if start <= offset and offset + length <= start + size:
                return self.hdf.read(address + offset - start, length, "fractal heap object")
        raise Unsupported("heap object outside the direct blocks")


def dense_attributes(hdf: HdfFile, info: bytes) -> list[tuple[bytes, int]]:
    """(attribute message, file offset) for every attribute kept in dense storage."""
    o = hdf.offsets
    at = 2 + (2 if info[1] & 0x01 else 0)
    if len(info) < at + 2 * o:
        raise Unsupported("attribute info message is truncated")
    heap = _Heap(hdf, hdf.absolute(hdf.address(info, at)))
    tree = hdf.absolute(hdf.address(info, at + o))
    head = hdf.read(tree, 4 + 1 + 1 + 4 + 2 + 2 + 2 + o + 2, "attribute name index")
    if head[:4] != b"BTHD" or head[5] != 8:
        raise Unsupported("no attribute name index")
    (node_size,) = struct.unpack_from("<I", head, 6)
    record_size, depth = struct.unpack_from("<HH", head, 10)
    root = hdf.absolute(hdf.address(head, 16))
    (records,) = struct.unpack_from("<H", head, 16 + o)
    if record_size < heap.id_length:
        raise Unsupported("attribute name index records")
    found = []
    for record in _records(hdf, root, records, depth, record_size, node_size):
        found.append((heap.managed(record[: heap.id_length]), root))
    return found


def _records(hdf: HdfFile, address: int, count: int, depth: int, record_size: int, node_size: int) -> list[bytes]:
    """The records of a v2 B-tree node and, for an internal node over leaves, of its children."""
    if count > _MAX_RECORDS:
        raise Unsupported("attribute name index records")
    if depth == 0:
        leaf = hdf.read(address, 6 + count * record_size, "attribute name index leaf")
        if leaf[:4] != b"BTLF":
            raise Unsupported("no attribute name index leaf")
        return [leaf[6 + i * record_size : 6 + (i + 1) * record_size] for i in range(count)]
    if depth != 1:
        raise Unsupported("attribute name index deeper than two levels")
    width = (((node_size - 10) // record_size).bit_length() + 7) // 8  # a leaf's record count
    pointer = hdf.offsets + width
    node = hdf.read(address, 6 + count * record_size + (count + 1) * pointer, "attribute name index node")
    if node[:4] != b"BTIN":
        raise Unsupported("no attribute name index node")
    found = [node[6 + i * record_size : 6 + (i + 1) * record_size] for i in range(count)]
    at = 6 + count * record_size
    for _ in range(count + 1):
        child = hdf.absolute(hdf.address(node, at))
        children = int.from_bytes(node[at + hdf.offsets : at + pointer], "little")
        found.extend(_records(hdf, child, children, 0, record_size, node_size))
        at += pointer
    return found
