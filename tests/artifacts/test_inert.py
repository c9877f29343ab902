"""Documents, images and macOS metadata named like artifacts: known formats no loader reads are low."""

from __future__ import annotations

import gzip
import io
import pickletools
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks._core.severity import Severity
from hooks.artifacts.inert import INERT_MAGICS, inert_kind, one_byte_fill
from tests.artifacts.builders import tar, zip_with
from tests.artifacts.helpers import malicious_pickle, scan_bytes

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize("magic", [magic for magic, _ in INERT_MAGICS])
def test_no_inert_magic_starts_with_a_pickle_opcode(magic: bytes) -> None:
    # The reason the finding is low: every unpickler refuses the first byte (CPython's own table).
    assert chr(magic[0]) not in {op.code for op in pickletools.opcodes}


@pytest.mark.parametrize(("magic", "kind"), INERT_MAGICS)
def test_a_file_named_like_a_model_holding_a_document_is_low(tmp_path: Path, magic: bytes, kind: str) -> None:
    findings = scan_bytes(tmp_path, "weights.bin", magic + bytes(range(256)) * 4)
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.LOW)]
    assert kind in findings[0].message


def test_office_embeddings_inside_a_deck_are_low(tmp_path: Path) -> None:
    deck = zip_with({"[Content_Types].xml": b"<Types/>", "ppt/embeddings/oleObject1.bin": OLE + bytes(600)})
    findings = scan_bytes(tmp_path, "slides.pptx", deck)
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.LOW)]


def test_a_near_miss_magic_or_a_program_still_blocks(tmp_path: Path) -> None:
    near_miss = OLE[:-1] + b"\xe0"
    elf = b"\x7fELF\x02\x01\x01" + bytes(200)
    for name, data in (("a.bin", near_miss + bytes(600)), ("b.bin", elf)):
        findings = scan_bytes(tmp_path, name, data)
        assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.HIGH)], name


def test_a_document_with_a_zip_behind_it_is_still_read_as_the_zip(tmp_path: Path) -> None:
    # zipfile finds an archive from its end record whatever precedes it (a PDF/zip polyglot).
    archive = zip_with({"m.pkl": malicious_pickle(tmp_path / "canary")})
    findings = scan_bytes(tmp_path, "paper.bin", b"%PDF-1.7\n" + bytes(64) + archive)
    assert "MLS101" in {f.rule_id for f in findings}


def test_inert_kind_is_none_for_other_data() -> None:
    assert inert_kind(b"\x80\x04\x95") is None
    assert inert_kind(b"") is None
    assert inert_kind(b"%PD") is None


def _lzma_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_LZMA) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _severities(findings: list) -> list[tuple[str, Severity]]:  # type: ignore[type-arg]
    return [(f.rule_id, f.severity) for f in findings]


def test_readers_that_start_past_byte_zero_keep_it_blocking(tmp_path: Path) -> None:
    """A magic prefix does not make data inert when zipfile (from the end record), HDF5 (after a
    user block), a protobuf parser (skipping unknown fields) or a flatbuffer (from its root
    offset) could still read it; pandas' read_pickle opens such a zip and runs its pickle."""
    payload = malicious_pickle(tmp_path / "canary")
    cases = {
        # a member the scanner cannot decompress: the zip from its end record adds nothing, so
        # only the unknown format stands between the payload and a loader
        "lzma.zip": b"%PDF-1.4\n" + _lzma_zip({"model.pkl": payload}),
        "h5.bin": OLE + bytes(504) + b"\x89HDF\r\n\x1a\n" + bytes(100),
        "proto.bin": b"%PDF-" + b"\x08\x07\x12\x03abc",  # field 4 (fixed32), then fields 1 and 2
        "sfx.bin": b"%PDF-1.4\n" + b"7z\xbc\xaf\x27\x1c" + bytes(64),  # 7-Zip -t7z finds it past the prefix
        "long.bin": b"%PDF-" + b"\x0b\x0c" * 5000 + bytes(3),  # more fields than are walked: maybe protobuf
    }
    for name, data in cases.items():
        findings = scan_bytes(tmp_path, name, data)
        assert ("MLS902", Severity.LOW) not in _severities(findings), name
        assert findings, name
    nested = gzip.compress(tar({"model/model.zip": b"%PDF-1.4\n" + zip_with({"m.pkl": payload})}))
    findings = scan_bytes(tmp_path, "model.tar.gz", nested)
    assert findings and ("MLS902", Severity.LOW) not in _severities(findings)


def test_a_flatbuffer_root_inside_the_data_is_another_reader() -> None:
    # JPEG's magic read as a flatbuffer's root offset is 0x00ffd8ff: data longer than that could be one.
    from hooks.artifacts.inert import another_reader_may_take

    head = b"\xff\xd8\xff\x00"
    longer = head + bytes(0x00FFD8FF)
    assert another_reader_may_take(io.BytesIO(longer), len(longer))
    shorter = b"\xff\xd8\xff\xe0" + bytes(4096)
    assert not another_reader_may_take(io.BytesIO(shorter), len(shorter))


def _field(number: int, wire: int, body: bytes) -> bytes:
    key, out = (number << 3) | wire, bytearray()
    while True:
        out.append((key & 0x7F) | (0x80 if key > 0x7F else 0))
        key >>= 7
        if not key:
            return bytes(out) + body


@given(st.binary(max_size=2048))
def test_the_protobuf_walk_takes_any_bytes(data: bytes) -> None:
    from hooks.artifacts.inert import _whole_protobuf

    assert _whole_protobuf(data) in (True, False)


@given(st.lists(st.tuples(st.integers(1, 5000), st.binary(max_size=40)), max_size=20))
def test_the_protobuf_walk_accepts_what_a_writer_writes(fields: list[tuple[int, bytes]]) -> None:
    from hooks.artifacts.inert import _whole_protobuf

    data = b"".join(_field(number, 2, bytes([len(body)]) + body) for number, body in fields)
    assert _whole_protobuf(data)


def test_an_office_documents_own_binary_parts_are_low(tmp_path: Path) -> None:
    """Excel keeps printer settings (a DEVMODE record, the printer's name in UTF-16) as
    `xl/printerSettings/*.bin`; in an Office package they are Office's, not models. The same
    member in a plain zip blocks, and a pickle there is still analysed."""
    devmode = "HP Officejet 4620".encode("utf-16-le") + bytes(200)
    office = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    findings = scan_bytes(
        tmp_path, "book.xlsx", zip_with({**office, "xl/printerSettings/printerSettings1.bin": devmode})
    )
    assert findings and all(f.severity == Severity.LOW for f in findings)
    plain = scan_bytes(tmp_path, "plain.zip", zip_with({"xl/printerSettings/printerSettings1.bin": devmode}))
    assert any(f.severity.rank >= Severity.MEDIUM.rank for f in plain)
    payload = malicious_pickle(tmp_path / "canary")
    hidden = scan_bytes(tmp_path, "evil.xlsx", zip_with({**office, "xl/printerSettings/printerSettings1.bin": payload}))
    assert "MLS101" in {f.rule_id for f in hidden}
    # a workbook saved under a sensitivity-labelling policy carries its label as an Office part
    labelled = {**office, "docMetadata/LabelInfo.xml": b"<clbl:labelList/>"}
    findings = scan_bytes(
        tmp_path, "labelled.xlsx", zip_with({**labelled, "xl/printerSettings/printerSettings1.bin": devmode})
    )
    assert findings and all(f.severity == Severity.LOW for f in findings)
    hidden = scan_bytes(
        tmp_path, "evil2.xlsx", zip_with({**labelled, "xl/printerSettings/printerSettings1.bin": payload})
    )
    assert "MLS101" in {f.rule_id for f in hidden}


def test_office_lowering_needs_an_office_only_package_and_a_part_with_no_format_of_its_own(tmp_path: Path) -> None:
    """An npz loads every member: a package with anything besides Office's folders is no Office
    file. And a part that announces a format (npy's magic) failing to parse is the scanner's
    failure, which blocks."""
    office = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    broken_npy = b"\x93NUMPY\x01\x00" + b"\x10\x00" + b"{'descr': '|O'  \n" + bytes(40)
    findings = scan_bytes(tmp_path, "a.xlsx", zip_with({**office, "xl/embeddings/oleObject1.bin": broken_npy}))
    assert any(f.severity.rank >= Severity.MEDIUM.rank for f in findings)
    devmode = "HP Officejet 4620".encode("utf-16-le") + bytes(200)
    mixed = zip_with({**office, "weights.npy": b"", "xl/printerSettings/printerSettings1.bin": devmode})
    assert any(f.severity.rank >= Severity.MEDIUM.rank for f in scan_bytes(tmp_path, "params.npz", mixed))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("colab_pre.p", b"# Only for when running on Colab:\n!pip install -q x\n"),
        ("state.ckpt", b'{"ModelManager.results": {"a": 1}}\n'),
        ("notes.pkl", b"<todo>: retrain\r\n\twith the new data\n"),
        ("iris_rf.tar.gz", b'<?xml version="1.0"?>\n<PMML version="4.3">' + b"<Node/>\n" * 40_000 + b"</PMML>\n"),
    ],
)
def test_short_text_named_like_a_model_is_low(tmp_path: Path, name: str, text: bytes) -> None:
    # The first byte is no opcode, so every pickle-based loader raises at once, and text holds no
    # container a loader finds instead.
    assert text[:1] not in {op.code.encode("latin-1") for op in pickletools.opcodes}
    findings = scan_bytes(tmp_path, name, text)
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.LOW)]
    assert "printable text" in findings[0].message


def test_text_that_a_loader_could_still_read_blocks(tmp_path: Path) -> None:
    cases = {
        "long.p": b"# a note\n" * (1 << 20) + b"#",  # over the 8 MiB read whole
        "utf8.p": "# caf\u00e9 notes\n".encode(),  # not printable ASCII: not shown to be only text
        "zlib.p": b"x = 1\n",  # joblib sniffs `x` as zlib before it reads a pickle
        "nul.p": b"# note\x00\n",
    }
    for name, data in cases.items():
        findings = scan_bytes(tmp_path, name, data)
        assert [f.severity for f in findings] == [Severity.HIGH], name


def test_text_in_an_archive_member_named_like_a_model_is_low_too(tmp_path: Path) -> None:
    findings = scan_bytes(tmp_path, "bundle.zip", zip_with({"templates/pre.p": b"# Get the code\n"}))
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.LOW)]
    findings = scan_bytes(tmp_path, "other.zip", zip_with({"templates/pre.p": b"#\x00 code"}))
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.HIGH)]


def test_the_macos_metadata_a_mac_archiver_adds_beside_each_file_is_low(tmp_path: Path) -> None:
    # `__MACOSX/Data/._x.npy`: the AppleDouble header (magic, version 2, 16 bytes of filler, entries).
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00" + b"Mac OS X        " + b"\x00\x02" + bytes(40)
    archive = zip_with({"Data/x.txt": b"1 2 3\n", "__MACOSX/Data/._x.npy": apple_double})
    findings = scan_bytes(tmp_path, "Data.zip", archive)
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.LOW)]
    assert "AppleDouble" in findings[0].message
    # Look-alikes: a pickle under a metadata name is read as what it holds; the magic with another
    # version is no AppleDouble header, and stays unrecognised.
    canary = tmp_path / "canary"
    payload = zip_with({"__MACOSX/Data/._x.npy": malicious_pickle(canary)})
    assert "MLS101" in {f.rule_id for f in scan_bytes(tmp_path, "Data.zip", payload)}
    other = zip_with({"__MACOSX/Data/._x.npy": b"\x00\x05\x16\x07\x00\x09\x00\x00" + bytes(40)})
    assert [(f.rule_id, f.severity) for f in scan_bytes(tmp_path, "Data.zip", other)] == [("MLS902", Severity.HIGH)]
    assert not canary.exists()


def test_a_zip_end_record_only_pytorchs_reader_reaches_keeps_the_file_blocking(tmp_path: Path) -> None:
    # Red team (stop 42): torch.jit.load and torch.package read zips with miniz, which needs no `PK`
    # at byte 0 and looks for the end record up to about 69.6 KB from the end; zipfile stops at
    # 65,557 bytes. An AppleDouble header, a zip, then 67,000 bytes: inert to zipfile only.
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00" + b"Mac OS X        " + b"\x00\x00"
    data = apple_double + zip_with({"archive/data.pkl": b"cos\nsystem\n(S'echo'\ntR."}) + bytes(67_000)
    assert [(f.rule_id, f.severity) for f in scan_bytes(tmp_path, "model.pt", data)] == [("MLS902", Severity.HIGH)]
    # Look-alike: past miniz's reach too, the data is what its first bytes say.
    far = apple_double + zip_with({"archive/data.pkl": b"cos\nsystem\n(S'echo'\ntR."}) + bytes(75_000)
    assert [(f.rule_id, f.severity) for f in scan_bytes(tmp_path, "model.pt", far)] == [("MLS902", Severity.LOW)]


def test_a_file_of_one_repeated_byte_is_low_read_to_its_end(tmp_path: Path) -> None:
    """blind56: IBM's AutoAI samples ship `model.tar.gz` holding a gzip of 1,024 zero bytes named
    `model.pickle`, a placeholder. One byte value repeated holds no format and no program."""
    for name, data in (("weights.bin", bytes(4096)), ("model.pt", b"\xff" * 5000)):
        findings = scan_bytes(tmp_path, name, data)
        assert _severities(findings) == [("MLS902", Severity.LOW)], name
        assert "one byte value" in findings[0].message
    nested = tar({"model.pickle": gzip.compress(bytes(1024))})
    findings = scan_bytes(tmp_path, "model.tar.gz", gzip.compress(nested))
    assert _severities(findings) == [("MLS902", Severity.LOW)]
    assert "model.pickle>gzip>data" in findings[0].message


def test_a_fill_with_one_other_byte_or_past_the_limit_still_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Look-alikes: one other byte anywhere, even the last, and the data is no fill.
    for data in (bytes(4000) + b"\x01", bytes(2000) + b"\xfe" + bytes(2000)):
        assert _severities(scan_bytes(tmp_path, "weights.bin", data)) == [("MLS902", Severity.HIGH)]
    # Past the limit the fill is not read to its end, so it is not shown one (fail closed).
    monkeypatch.setattr("hooks.artifacts.inert.FILL_LIMIT", 1000)
    monkeypatch.setattr("hooks.artifacts.walker.FILL_LIMIT", 1000)
    assert _severities(scan_bytes(tmp_path, "big.bin", bytes(4096))) == [("MLS902", Severity.HIGH)]


@given(st.binary(max_size=3000), st.integers(min_value=0, max_value=2500))
def test_one_byte_fill_agrees_with_the_set_of_its_bytes(data: bytes, offset: int) -> None:
    handle = io.BytesIO(b"prefix" + data)
    handle.seek(6)
    expected = data[0] if data and len(set(data)) == 1 else None
    assert one_byte_fill(handle, len(data)) == expected
    # Asked for more than is there: not read to its end, so no fill.
    handle.seek(6)
    assert one_byte_fill(handle, len(data) + 1 + offset) is None


@given(st.integers(min_value=0, max_value=255), st.integers(min_value=1, max_value=3000))
def test_a_fill_is_low_only_where_no_unpickler_reads_its_first_byte(
    tmp_path_factory: pytest.TempPathFactory, value: int, length: int
) -> None:
    findings = scan_bytes(tmp_path_factory.mktemp("fill"), "model.pkl", bytes([value]) * length)
    opcode = chr(value) in {op.code for op in pickletools.opcodes}
    fill = [f for f in findings if "one byte value" in f.message]
    # A fill is lowered only where every unpickler refuses its first byte; a fill of an opcode is
    # read as the broken pickle it is (the pickle reader judges it, as before).
    assert not (fill and opcode)
    if not opcode:
        assert _severities(findings) == [("MLS902", Severity.LOW)]


def test_a_stream_whose_head_is_a_fill_is_still_read_whole_by_the_checks_after(tmp_path: Path) -> None:
    """Review: a compressed stream is read once. Data that starts with a long run of one byte and
    then holds other bytes is no fill, and the later checks must still see all of it (read and
    not kept, it looked empty, which read as printable text: low)."""
    data = bytes(100_000) + bytes(range(1, 8)) * 400
    for name, packed in (
        ("weights.bin.gz", gzip.compress(data)),
        ("model.tar.gz", gzip.compress(tar({"model.bin": data}))),
    ):
        findings = scan_bytes(tmp_path, name, packed)
        assert _severities(findings) == [("MLS902", Severity.HIGH)], name
        assert "no recognised format" in findings[0].message


@given(st.integers(min_value=1, max_value=70_000), st.binary(max_size=40))
def test_a_compressed_fill_is_low_only_when_nothing_else_follows(
    tmp_path_factory: pytest.TempPathFactory, zeros: int, tail: bytes
) -> None:
    tail = bytes(b % 7 + 1 for b in tail)  # bytes 1-7: no magic, no text, no pickle opcode
    findings = scan_bytes(tmp_path_factory.mktemp("gz"), "weights.bin.gz", gzip.compress(bytes(zeros) + tail))
    expected = Severity.LOW if not tail else Severity.HIGH
    assert _severities(findings) == [("MLS902", expected)]
