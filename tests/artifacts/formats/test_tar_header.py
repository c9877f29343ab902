"""tar headers as tarfile reads them: the checksum field the way its nti() parses it."""

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


def test_a_wrong_or_non_octal_checksum_is_not_a_header() -> None:
    assert not is_tar_header(_v7_header(b"1\x00"))
    assert not is_tar_header(_v7_header(b"9%o\x00"))
    assert not is_tar_header(b"\x00" * 512)


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=600))
def test_garbage_is_answered(data: bytes) -> None:
    assert is_tar_header(data) in (True, False)
