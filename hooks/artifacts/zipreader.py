"""A zip reader that parses the central directory and every local header itself.

The standard zipfile module refuses members whose CRC does not match, while torch's reader
loads them; scanners built on zipfile were bypassed that way (CVE-2025-10156). This reader
tolerates what torch tolerates and reports the tricks as findings instead.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from hooks.artifacts.errors import AnalysisError, LimitExceeded

EOCD = b"PK\x05\x06"
ZIP64_LOCATOR = b"PK\x06\x07"
ZIP64_EOCD = b"PK\x06\x06"
CENTRAL = b"PK\x01\x02"
LOCAL = b"PK\x03\x04"
_EOCD_SEARCH = 65535 + 22


class ZipMember:
    """One central directory entry. (Plain classes, not dataclasses: hooks import this on every commit.)"""

    __slots__ = ("compressed_size", "crc", "flags", "local_offset", "method", "name", "size")

    def __init__(
        self, name: str, method: int, flags: int, crc: int, compressed_size: int, size: int, local_offset: int
    ) -> None:
        self.name = name
        self.method = method
        self.flags = flags
        self.crc = crc
        self.compressed_size = compressed_size
        self.size = size
        self.local_offset = local_offset


class ZipDirectory:
    __slots__ = ("members",)

    def __init__(self, members: list[ZipMember]) -> None:
        self.members = members


def find_eocd(handle: BinaryIO, file_size: int) -> int | None:
    """Offset of the last end-of-central-directory record, if the file ends like a zip: as
    Python's zipfile finds it, the last signature in the tail with a whole record after it,
    whether or not the comment length it gives fits in the file (zipfile never checks)."""
    start = max(0, file_size - _EOCD_SEARCH)
    handle.seek(start)
    tail = handle.read(file_size - start)
    position = tail.rfind(EOCD)
    while position != -1:
        if len(tail) - position >= 22:
            return start + position
        position = tail.rfind(EOCD, 0, position)
    return None


def read_directory(handle: BinaryIO, file_size: int, max_members: int) -> ZipDirectory:
    eocd = find_eocd(handle, file_size)
    if eocd is None:
        raise AnalysisError("zip end-of-central-directory record not found")
    handle.seek(eocd)
    record = handle.read(22)
    (_, _, _, _, count, cd_size, cd_offset, _) = struct.unpack("<4sHHHHIIH", record)
    # A zip64 end record and its locator sit between the central directory and the classic
    # end record whenever the writer emitted them (torch always does), not only on overflow.
    handle.seek(max(0, eocd - 20))
    if eocd >= 20 and handle.read(4) == ZIP64_LOCATOR:
        count, cd_size, cd_offset, eocd = _zip64_end(handle, eocd)
    elif count == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        raise AnalysisError("zip64 archive without its locator record")
    if count > max_members:
        raise LimitExceeded(f"zip holds more than {max_members} members")
    cd_start = eocd - cd_size
    if cd_start < 0:
        raise AnalysisError("zip central directory lies before the start of the file")
    prefix = cd_start - cd_offset
    if prefix < 0:
        raise AnalysisError("zip central directory offset points past its own record")
    handle.seek(cd_start)
    directory = handle.read(cd_size)
    if len(directory) != cd_size:
        raise AnalysisError("zip central directory is truncated")
    members: list[ZipMember] = []
    position = 0
    # zipfile reads entries until the directory's declared size is used up, whatever the end
    # record's count says; torch's reader trusts the count. Read every entry either would.
    while len(members) < count or (position + 46 <= cd_size and directory[position : position + 4] == CENTRAL):
        if len(members) >= max_members:
            raise LimitExceeded(f"zip holds more than {max_members} members")
        if directory[position : position + 4] != CENTRAL:
            raise AnalysisError(f"zip central directory entry {len(members)} is corrupt")
        fields = struct.unpack_from("<4sHHHHHHIIIHHHHHII", directory, position)
        flags, method, crc = fields[3], fields[4], fields[7]
        compressed, size = fields[8], fields[9]
        name_len, extra_len, comment_len = fields[10], fields[11], fields[12]
        local_offset = fields[16]
        name_bytes = directory[position + 46 : position + 46 + name_len]
        extra = directory[position + 46 + name_len : position + 46 + name_len + extra_len]
        size, compressed, local_offset = _zip64_extra(extra, size, compressed, local_offset)
        members.append(
            ZipMember(_decode_name(name_bytes, flags), method, flags, crc, compressed, size, local_offset + prefix)
        )
        position += 46 + name_len + extra_len + comment_len
    return ZipDirectory(members)


def _zip64_end(handle: BinaryIO, eocd: int) -> tuple[int, int, int, int]:
    """(count, cd size, cd offset, position of the zip64 end record) for a zip64 archive."""
    handle.seek(eocd - 20)
    locator = handle.read(20)
    (recorded_offset,) = struct.unpack_from("<Q", locator, 8)
    # The record normally sits right before its locator; the recorded offset is relative to
    # the archive's start, which differs from the file's when data precedes the archive.
    for position in (eocd - 20 - 56, recorded_offset):
        if position < 0:
            continue
        handle.seek(position)
        record = handle.read(56)
        if record[:4] == ZIP64_EOCD:
            count, cd_size, cd_offset = struct.unpack_from("<QQQ", record, 32)
            return count, cd_size, cd_offset, position
    raise AnalysisError("zip64 end record not found where its locator points")


def _zip64_extra(extra: bytes, size: int, compressed: int, offset: int) -> tuple[int, int, int]:
    position = 0
    while position + 4 <= len(extra):
        header_id, length = struct.unpack_from("<HH", extra, position)
        body = extra[position + 4 : position + 4 + length]
        if header_id == 0x0001:
            values = [v[0] for v in struct.iter_unpack("<Q", body[: len(body) // 8 * 8])]
            if size == 0xFFFFFFFF and values:
                size = values.pop(0)
            if compressed == 0xFFFFFFFF and values:
                compressed = values.pop(0)
            if offset == 0xFFFFFFFF and values:
                offset = values.pop(0)
        position += 4 + length
    return size, compressed, offset


def _decode_name(raw: bytes, flags: int) -> str:
    return raw.decode("utf-8" if flags & 0x800 else "cp437", "replace")


class LocalHeader:
    __slots__ = ("data_offset", "name")

    def __init__(self, name: str, data_offset: int) -> None:
        self.name = name
        self.data_offset = data_offset


def read_local_header(handle: BinaryIO, member: ZipMember) -> LocalHeader:
    handle.seek(member.local_offset)
    header = handle.read(30)
    if len(header) != 30 or header[:4] != LOCAL:
        raise AnalysisError(f"zip member {member.name!r}: no local header at {member.local_offset:#x}")
    flags = struct.unpack_from("<H", header, 6)[0]
    name_len, extra_len = struct.unpack_from("<HH", header, 26)
    name = _decode_name(handle.read(name_len), flags)
    return LocalHeader(name, member.local_offset + 30 + name_len + extra_len)
