"""hnswlib vector indexes, as hnswlib writes them: numbers only, read back with `fread` into
arrays, never deserialised into objects.

Two layouts are recognised, each only when the header agrees field by field with how hnswlib
builds an index (`HierarchicalNSW`'s constructor fixes them: `maxM0 = 2 * M`, `mult = 1 / ln(M)`,
a level-0 record of `maxM0` 4-byte links and a 4-byte count, then the vector, then an 8-byte
label):

- `saveIndex`'s single file: the header, then `cur_element_count` level-0 records, then each
  element's upper-level links behind a 4-byte length; the file ends exactly there. Chroma's fork
  (chroma-hnswlib) writes one 4-byte word per element between the records and the links.
- Chroma's persistent segment (a UUID directory beside `chroma.sqlite3`): `header.bin` (a 4-byte
  persistence version, then the same header), `data_level0.bin` (level-0 records), `length.bin`
  (a 4-byte word per element) and `link_lists.bin` (upper-level links). A segment file is
  recognised only beside a `header.bin` that is one, with the size that header gives it
  (`link_lists.bin`: at most every stored element's links at every level). Chroma writes words
  of `length.bin` it never set, so only its size is checked.

Whatever the words hold, hnswlib only reads them into arrays; what makes a file safe to call an
index is that no loader of code can take it: its first byte is no pickle opcode, or one at which
every unpickler stops (the walker's check), and no container stands past byte 0.
Chroma's `index_metadata.pickle` in the same directory is a pickle, and stays read as one.
"""

from __future__ import annotations

import math
import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

HEADER_BYTES = 96  # hnswlib's header: six size_t, an int and an unsigned int, three size_t, a double, a size_t
CHROMA_HEADER_BYTES = 4 + HEADER_BYTES  # Chroma's persistence version first
MAX_ELEMENTS = 100_000_000  # beyond any index a repository holds: a larger count is no index
MAX_LINKED_ELEMENTS = 2_000_000  # upper-level link lengths read one by one, at most this many
# hnswlib draws an element's level as -ln(u) * mult with u a double: below 64 for any M >= 2.
MAX_LEVELS = 64
_LAYOUT = struct.Struct("<6QiI3QdQ")
_SEGMENT_FILES = frozenset({"header.bin", "data_level0.bin", "length.bin", "link_lists.bin"})


@dataclass(frozen=True)
class Header:
    max_elements: int
    element_count: int
    record_bytes: int  # one level-0 record: links, vector, label
    max_links: int  # maxM: an upper level's links per element

    def upper_links(self, length: int) -> bool:
        """Whether `length` bytes are an element's upper-level links: one block of maxM links and
        a count per level above 0, at most MAX_LEVELS of them."""
        block = self.max_links * 4 + 4
        return length % block == 0 and length // block <= MAX_LEVELS

    @property
    def max_levels_bytes(self) -> int:
        return (self.max_links * 4 + 4) * MAX_LEVELS


def parse_header(data: bytes) -> Header | None:
    """The header, if every field is one hnswlib's constructor would have written."""
    if len(data) != HEADER_BYTES:
        return None
    (level0_offset, max_elements, count, record, label_offset, data_offset, max_level, _entry, max_m, max_m0, m,
     mult, ef_construction) = _LAYOUT.unpack(data)  # fmt: skip
    links_bytes = max_m0 * 4 + 4
    vector_bytes = label_offset - data_offset
    if not (level0_offset == 0 and 2 <= m <= 4096 and max_m == m and max_m0 == 2 * m):
        return None
    if not (math.isfinite(mult) and abs(mult - 1 / math.log(m)) < 1e-9 and 0 < ef_construction <= 1 << 24):
        return None
    if not (data_offset == links_bytes and vector_bytes > 0 and vector_bytes % 4 == 0 and record == label_offset + 8):
        return None
    if not (count <= max_elements <= MAX_ELEMENTS and -1 <= max_level < 64):
        return None
    return Header(max_elements, count, record, max_m)


def single_file_index(handle: BinaryIO, size: int) -> bool:
    """Whether the data from the handle's position is wholly one `saveIndex` file, as hnswlib or
    Chroma's fork writes it (the handle is left where it was)."""
    start = handle.tell()
    try:
        header = parse_header(handle.read(HEADER_BYTES))
        if header is None or header.element_count > MAX_LINKED_ELEMENTS:
            return False
        records_end = HEADER_BYTES + header.element_count * header.record_bytes
        return any(
            _links_end(handle, start, links_start, header, size) == size
            for links_start in (records_end, records_end + 4 * header.element_count)
        )
    finally:
        handle.seek(start)


def _links_end(handle: BinaryIO, start: int, position: int, header: Header, size: int) -> int | None:
    """Where the elements' upper-level links, read from `position`, end (None: they do not fit)."""
    for _ in range(header.element_count):
        if position + 4 > size:
            return None
        handle.seek(start + position)
        word = handle.read(4)
        if len(word) != 4:
            return None  # the data ends before the size it was given
        (length,) = struct.unpack("<I", word)
        if not header.upper_links(length):
            return None
        position += 4 + length
    if position > 0:
        handle.seek(start + position - 1)
        if len(handle.read(1)) != 1:
            return None  # the last list is cut short of where its length says it ends
    return position


def chroma_segment_file(path: Path, size: int) -> bool:
    """Whether the file on disk is one file of a Chroma segment whose `header.bin` is beside it,
    with the size that header gives it."""
    if path.name not in _SEGMENT_FILES:
        return False
    header_data = _read_small(path.parent / "header.bin", CHROMA_HEADER_BYTES)
    if header_data is None:
        return False
    (version,) = struct.unpack("<I", header_data[:4])
    header = parse_header(header_data[4:])
    if header is None or not 1 <= version <= 16:
        return False
    if path.name == "header.bin":
        return size == CHROMA_HEADER_BYTES
    if path.name == "data_level0.bin":
        return size in (header.max_elements * header.record_bytes, header.element_count * header.record_bytes)
    if path.name == "length.bin":
        return size == header.max_elements * 4
    # link_lists.bin: at most every stored element's links at every level.
    return size <= header.element_count * header.max_levels_bytes


def _read_small(path: Path, limit: int) -> bytes | None:
    """A regular file of exactly `limit` bytes, or None: a link or a device is never read."""
    try:
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size != limit:
            return None
        with path.open("rb") as handle:
            data = handle.read(limit)
    except OSError:
        return None
    return data if len(data) == limit else None
