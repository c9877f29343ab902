"""tar headers as tarfile reads them: the checksum field and the other numeric fields the way its nti() parses them."""

from __future__ import annotations

import io
import tarfile

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.artifacts.formats.tar_header import is_tar_header


def _v7_header(checksum_field: bytes) -> bytes:
    info = tarfile.TarInfo("storages")
    info.size = 0
    header = bytearray(info.tobuf(format=tarfile.GNU_FORMAT)[:512])
    header[257:265] = b"\x00" * 8  # no ustar magic: a pre-POSIX header
    header[148:156] = b" " * 8
    checksum = sum(header)
    header[148:156] = checksum_field.replace(b"%o", b"%o" % checksum)[:8].ljust(8, b"\x00")
    return bytes(header)


def test_a_checksum_ended_by_a_nul_is_read_as_tarfile_reads_it() -> None:
    for field in (b"%o\x00", b"%o\x00zzz", b" %o \x00", b"0%o\x00", b"+%o\x00", b"0o%o\x00", b"\x1c%o\x00"):
        header = _v7_header(field)
        assert is_tar_header(header), field
        with tarfile.open(fileobj=io.BytesIO(header + b"\x00" * 1024), mode="r:") as archive:
            assert [m.name for m in archive.getmembers()] == ["storages"]  # tarfile agrees


def test_an_empty_first_name_is_a_header_as_tarfile_reads_it() -> None:
    # Red team (stop 41): a v7 tar whose first member has an all-NUL name, then `storages`:
    # tarfile lists ['', 'storages'] and torch's legacy loader unpickles the second.
    empty = bytearray(_v7_header(b"%o\x00"))
    empty[0:100] = b"\x00" * 100
    header = _with_checksum(empty)
    assert is_tar_header(header)
    with tarfile.open(fileobj=io.BytesIO(header + _v7_header(b"%o\x00") + b"\x00" * 1024), mode="r:") as archive:
        assert [m.name for m in archive.getmembers()] == ["", "storages"]


def test_a_wrong_or_non_octal_checksum_is_not_a_header() -> None:
    assert not is_tar_header(_v7_header(b"1\x00"))
    assert not is_tar_header(_v7_header(b"9%o\x00"))
    assert not is_tar_header(b"\x00" * 512)


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=600))
def test_garbage_is_answered(data: bytes) -> None:
    assert is_tar_header(data) in (True, False)


def _with_checksum(block: bytearray) -> bytes:
    """`block` with an empty checksum field when its signed byte sum is 0, else its octal sum."""
    block[148:156] = b" " * 8
    block[148:156] = (b"%o\x00" % sum(block)).ljust(8, b"\x00")
    return bytes(block)


def _tarfile_takes(block: bytes) -> bool:
    try:
        tarfile.TarInfo.frombuf(block, "utf-8", "surrogateescape")
    except tarfile.HeaderError:
        return False
    return True


def test_a_header_whose_other_numbers_tarfile_refuses_is_no_tar() -> None:
    # An image's first block (a real PNG matched an empty checksum field: its signed byte sum is
    # 0): the checksum agrees, but mode, uid, ... are no numbers and tarfile raises "invalid header".
    block = bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200, 256)) * 9)[:512]
    image = _with_checksum(block)
    assert not _tarfile_takes(image)
    assert not is_tar_header(image)
    # The same block with its numeric fields made octal is a header for both.
    for start, width in ((100, 8), (108, 8), (116, 8), (124, 12), (136, 12), (329, 8), (337, 8)):
        block[start : start + width] = b"0" * (width - 1) + b"\x00"
    header = _with_checksum(block)
    assert _tarfile_takes(header) and is_tar_header(header)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=512, max_size=512), st.lists(st.integers(0, 6), max_size=7))
def test_agrees_with_tarfiles_own_header_parser(data: bytes, octal_fields: list[int]) -> None:
    """With its checksum made right, a block is a header exactly when tarfile's frombuf takes it."""
    fields = ((100, 8), (108, 8), (116, 8), (124, 12), (136, 12), (329, 8), (337, 8))
    block = bytearray(data)
    block[257:262] = b"xxxxx"  # no ustar magic: the checksum path
    for index in octal_fields:  # some fields made numbers, so both answers occur
        start, width = fields[index]
        block[start : start + width] = b"0" * (width - 1) + b"\x00"
    header = _with_checksum(block)
    assert is_tar_header(header) == _tarfile_takes(header)
