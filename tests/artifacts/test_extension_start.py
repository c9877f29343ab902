"""Data that opens with an EXT opcode and whose next byte is no opcode is no pickle: no pickler
writes EXT first, and every unpickler raises at that byte having built nothing (a bincode length
prefix, a checkpoint index's first varint). Named like an artifact it is unrecognised (MLS902,
still blocking: fail closed), never a broken pickle with an import in it. An EXT followed by
opcodes is read as the pickle it may be."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._core.findings import Severity
from tests.artifacts.helpers import scan_bytes
from tests.artifacts.test_broken_stream_oracle import _PAYLOAD, _run_loaders

_NOT_OPCODES = [0x00, 0x01, 0x02, 0x03, 0xF0, 0xFF]  # bytes that are no pickle opcode


def bincode_strings(*words: str) -> bytes:
    """serde's bincode of a Vec<String>: a u64 count, then each string's u64 length and bytes."""
    out = struct.pack("<Q", len(words))
    for word in words:
        out += struct.pack("<Q", len(word)) + word.encode()
    return out


@pytest.mark.parametrize(
    "data",
    [
        struct.pack("<Q", 0x0E84) + bincode_strings("number plates", "search of")[8:],  # EXT4 code 14, then 0x00
        b"\x82\x76\xf0" + bytes(64),  # EXT1 code 118, then 0xf0
        b"\x83\x10\x00\x00" + b"tail",  # EXT2, then 0x00
    ],
    ids=["bincode", "ext1", "ext2"],
)
def test_an_extension_then_no_opcode_is_unrecognised(tmp_path: Path, data: bytes) -> None:
    found = scan_bytes(tmp_path, "queries.bin", data)
    assert [(f.rule_id, f.severity) for f in found] == [("MLS902", Severity.HIGH)]


def test_an_extension_then_opcodes_is_read_as_a_pickle(tmp_path: Path) -> None:
    found = scan_bytes(tmp_path, "model.pkl", b"\x82\x05" + _PAYLOAD)
    assert {"MLS103", "MLS101"} <= {f.rule_id for f in found}


@settings(max_examples=40, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    opcode=st.sampled_from([0x82, 0x83, 0x84]),
    code=st.binary(min_size=4, max_size=4),
    breaking=st.sampled_from(_NOT_OPCODES),
    tail=st.binary(max_size=64),
)
def test_every_unpickler_raises_before_any_import(
    tmp_path_factory: object, opcode: int, code: bytes, breaking: int, tail: bytes
) -> None:
    folder: Path = tmp_path_factory.mktemp("ext")  # type: ignore[attr-defined]
    width = {0x82: 1, 0x83: 2, 0x84: 4}[opcode]
    data = bytes([opcode]) + code[:width] + bytes([breaking]) + tail + _PAYLOAD
    found = scan_bytes(folder, "data.bin", data)
    assert [f.rule_id for f in found] == ["MLS902"]
    (answer,) = _run_loaders([folder / "data.bin"])
    for loader, result in answer.items():
        assert result["find_class"] == 0, (loader, result)
        assert str(result["outcome"]).startswith("error:"), (loader, result)


def _zip_holding(member: str, data: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["model.pkl.zip", "weights.bin", "export.dat", "plain"])
def test_a_zip_behind_an_extension_opening_is_still_read_from_its_end(tmp_path: Path, name: str) -> None:
    """Found by stop 78's red team: zipfile (pandas' read_pickle of a `.zip`, Keras, skops)
    finds an archive from its end record whatever precedes it, and data that opens with an EXT
    is never read as a pickle, so nothing had reached the zip: its pickle's call went unseen."""
    data = b"\x82\x01\xff" + bytes(61) + _zip_holding("model.pkl", _PAYLOAD)
    found = scan_bytes(tmp_path, name, data)
    assert ("MLS101", Severity.CRITICAL) in {(f.rule_id, f.severity) for f in found}


def test_a_member_that_opens_with_an_extension_is_read_as_a_pickle(tmp_path: Path) -> None:
    """Found by stop 78's red team (fifth pass): a member's end is never read for a zip, so a
    member opening with an EXT is read as the pickle it may be (its import reported, critical)
    rather than dismissed as unrecognised, which a policy may turn off."""
    import io
    import tarfile

    polyglot = b"\x82\x01\xff" + bytes(61) + _zip_holding("model.pkl", _PAYLOAD)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo("inner.pkl.zip")
        info.size = len(polyglot)
        archive.addfile(info, io.BytesIO(polyglot))
    found = scan_bytes(tmp_path, "bundle.tar", buffer.getvalue())
    assert any(f.severity == Severity.CRITICAL for f in found), [(f.rule_id, f.severity) for f in found]
    assert "MLS902" not in {f.rule_id for f in found}


def test_a_zip_behind_an_extension_opening_that_cannot_be_read_fails_closed(tmp_path: Path) -> None:
    """Its sixth pass: an end record claiming 0xFFFF entries with no zip64 locator, which
    zipfile reads anyway (it ignores the count): the zip is what loaders read, so a zip the
    scanner cannot read is MLS901, not a tentative reading dropped in silence."""
    archive = bytearray(_zip_holding("model.pkl", _PAYLOAD))
    end = archive.rfind(b"PK\x05\x06")
    archive[end + 8 : end + 12] = b"\xff\xff\xff\xff"  # entries on this disk, entries in total
    found = scan_bytes(tmp_path, "model.pkl.zip", b"\x82\x01\xff" + bytes(61) + bytes(archive))
    assert ("MLS901", Severity.HIGH) in {(f.rule_id, f.severity) for f in found}
