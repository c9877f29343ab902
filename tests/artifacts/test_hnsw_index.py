"""hnswlib indexes and Chroma's persistent segments (hnsw_index.py), written by chroma-hnswlib
itself (a test-only writer; the hook parses the files on its own and never imports it)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks._core.severity import Severity
from hooks.artifacts.hnsw_index import HEADER_BYTES, chroma_segment_file, parse_header, single_file_index
from hooks.artifacts.spec import SPEC
from tests.artifacts.helpers import malicious_pickle, scan_bytes, zip_of_malicious_pickle
from tests.scanning import findings_of

hnswlib = pytest.importorskip("hnswlib", reason="chroma-hnswlib (test extra) writes the indexes")
np = pytest.importorskip("numpy")

SEGMENT_FILES = ("header.bin", "data_level0.bin", "length.bin", "link_lists.bin")


def _vectors(count: int, dim: int) -> object:
    return np.random.default_rng(count * 31 + dim).random((count, dim)).astype("float32")


# Chroma leaves words of length.bin (and link_lists.bin) it never set: heap bytes, different on
# every run. The tests write such words themselves, so that each run reads the same bytes: as
# zeros, and as starts a pickle reader takes for opcodes (PROTO 141, STRING without a quote,
# BININT then an unknown opcode, STACK_GLOBAL on an empty stack).
UNSET_WORDS = (b"", b"\x80\x8d^\xfb\x99\x7f\x00\x00", b"S\xbf\xf8l", b"J\x00\x00\x00\x00\x00", b"\x93")


def _settled(segment: Path, unset: bytes) -> None:
    for name in ("length.bin", "link_lists.bin"):
        path = segment / name
        size = path.stat().st_size
        path.write_bytes((unset + bytes(range(3, 250))).ljust(size, b"\x00")[:size] if size else b"")


def _segment(
    directory: Path, *, dim: int = 8, m: int = 16, max_elements: int = 50, count: int = 30, unset: bytes = b""
) -> Path:
    """A Chroma persistent segment as chroma-hnswlib writes it (a UUID directory's four files),
    its unset words made the same on every run."""
    segment = directory / "chroma" / "2a7f1d9b-4e6c-4a0f-8d3b-5c7e9a1f4b6d"
    segment.mkdir(parents=True)
    index = hnswlib.Index(space="l2", dim=dim)
    index.init_index(
        max_elements=max_elements, ef_construction=100, M=m, is_persistent_index=True, persistence_location=str(segment)
    )
    if count:
        index.add_items(_vectors(count, dim), np.arange(count))
    index.persist_dirty()
    _settled(segment, unset)
    return segment


def _saved(path: Path, *, dim: int = 8, m: int = 16, count: int = 30) -> bytes:
    index = hnswlib.Index(space="cosine", dim=dim)
    index.init_index(max_elements=count + 5, ef_construction=64, M=m)
    index.add_items(_vectors(count, dim), np.arange(count))
    index.save_index(str(path))
    return path.read_bytes()


def _scan_file(path: Path) -> list[Finding]:
    return findings_of(SPEC, path, path.name, Policy(root=path.parent))


@pytest.mark.parametrize("unset", UNSET_WORDS)
@pytest.mark.parametrize(("dim", "m", "max_elements", "count"), [(8, 16, 50, 30), (1536, 16, 100, 12), (3, 5, 7, 7)])
def test_a_chroma_segment_is_an_index_not_an_unknown_format(
    tmp_path: Path, dim: int, m: int, max_elements: int, count: int, unset: bytes
) -> None:
    segment = _segment(tmp_path, dim=dim, m=m, max_elements=max_elements, count=count, unset=unset)
    for name in SEGMENT_FILES:
        path = segment / name
        assert path.exists(), name
        assert _scan_file(path) == [] or (name == "link_lists.bin" and path.stat().st_size == 0), name


def test_an_empty_collection_segment(tmp_path: Path) -> None:
    segment = _segment(tmp_path, count=0)
    for name in ("header.bin", "length.bin"):
        assert _scan_file(segment / name) == []


@pytest.mark.parametrize(("dim", "m", "count"), [(8, 16, 30), (64, 4, 200), (2, 2, 1)])
def test_a_saved_index_file_is_an_index(tmp_path: Path, dim: int, m: int, count: int) -> None:
    data = _saved(tmp_path / "made.bin", dim=dim, m=m, count=count)
    assert scan_bytes(tmp_path, "index.bin", data) == []
    assert single_file_index(io.BytesIO(data), len(data))


def test_a_pickle_in_the_segment_is_still_read_as_one(tmp_path: Path) -> None:
    segment = _segment(tmp_path)
    (segment / "index_metadata.pickle").write_bytes(malicious_pickle(tmp_path / "canary"))
    assert any(f.severity.rank >= Severity.HIGH.rank for f in _scan_file(segment / "index_metadata.pickle"))
    # A pickle put in place of a segment file is read as a pickle, whatever its size: also one
    # padded to the very size the header gives the file.
    payload = malicious_pickle(tmp_path / "canary")
    for data in (payload, payload.ljust(50 * 4, b"\x07")):
        (segment / "length.bin").write_bytes(data)
        assert any(f.rule_id.startswith("MLS1") for f in _scan_file(segment / "length.bin"))


def test_a_segment_file_of_another_size_fails_closed(tmp_path: Path) -> None:
    segment = _segment(tmp_path)
    data = segment / "data_level0.bin"
    data.write_bytes(data.read_bytes() + b"\x00")
    assert [(f.rule_id, f.severity) for f in _scan_file(data)] == [("MLS902", Severity.HIGH)]
    links = segment / "link_lists.bin"
    links.write_bytes(bytes(range(1, 9)) * (30 * 68 * 8 + 1))  # past every level's links
    assert [(f.rule_id, f.severity) for f in _scan_file(links)] == [("MLS902", Severity.HIGH)]


@pytest.mark.parametrize(("offset", "value"), [(4 + 88, 0.5), (4 + 64, 33)])  # mult; maxM0 not 2 * M
def test_a_header_hnswlib_would_not_write_makes_every_file_fail_closed(
    tmp_path: Path, offset: int, value: float
) -> None:
    segment = _segment(tmp_path)
    header = bytearray((segment / "header.bin").read_bytes())
    header[offset : offset + 8] = struct.pack("<d", value) if isinstance(value, float) else struct.pack("<Q", value)
    (segment / "header.bin").write_bytes(bytes(header))
    for name in ("header.bin", "data_level0.bin"):
        assert ("MLS902", Severity.HIGH) in [(f.rule_id, f.severity) for f in _scan_file(segment / name)], name


def test_a_zip_inside_a_segment_file_is_read(tmp_path: Path) -> None:
    """torch.load and zipfile find an archive from its end record: one standing inside the
    vectors is read, however well the size fits."""
    segment = _segment(tmp_path)
    data = segment / "data_level0.bin"
    archive = zip_of_malicious_pickle(tmp_path / "canary")
    original = data.read_bytes()
    data.write_bytes(original[: len(original) - len(archive)] + archive)
    assert any(f.rule_id != "MLS902" and f.severity.rank >= Severity.HIGH.rank for f in _scan_file(data))


def test_the_same_files_elsewhere_are_unknown(tmp_path: Path) -> None:
    segment = _segment(tmp_path)
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    (moved / "data_level0.bin").write_bytes((segment / "data_level0.bin").read_bytes())
    assert [(f.rule_id, f.severity) for f in _scan_file(moved / "data_level0.bin")] == [("MLS902", Severity.HIGH)]


@pytest.mark.parametrize("change", ["cut", "longer"])
def test_a_saved_index_cut_or_lengthened_fails_closed(tmp_path: Path, change: str) -> None:
    data = _saved(tmp_path / "made.bin")
    data = data[:-1] if change == "cut" else data + b"\x00"
    assert [(f.rule_id, f.severity) for f in scan_bytes(tmp_path, "index.bin", data)] == [("MLS902", Severity.HIGH)]


def test_a_saved_index_shorter_than_its_given_size_is_none(tmp_path: Path) -> None:
    """A member's size is what its container says; data that ends first is no index, never an error."""
    data = _saved(tmp_path / "made.bin")
    for cut in (len(data) - 1, HEADER_BYTES + 3, 50):
        assert not single_file_index(io.BytesIO(data[:cut]), len(data))


def test_the_header_fields_are_parsed_as_hnswlib_writes_them(tmp_path: Path) -> None:
    data = _saved(tmp_path / "made.bin", dim=8, m=16, count=30)
    header = parse_header(data[:HEADER_BYTES])
    assert header is not None
    assert (header.max_elements, header.element_count, header.record_bytes, header.max_links) == (35, 30, 172, 16)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=HEADER_BYTES, max_size=HEADER_BYTES))
def test_any_header_bytes(data: bytes) -> None:
    parse_header(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.integers(min_value=0, max_value=700))
def test_any_bytes_as_a_saved_index(data: bytes, claimed: int) -> None:
    handle = io.BytesIO(data)
    assert single_file_index(handle, len(data)) in (True, False)
    assert handle.tell() == 0
    single_file_index(io.BytesIO(data), claimed)  # a size that lies is no index either, never an error


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=120), st.sampled_from(SEGMENT_FILES), st.integers(min_value=0, max_value=10_000))
def test_any_header_beside_a_segment_file(
    tmp_path_factory: pytest.TempPathFactory, header: bytes, name: str, size: int
) -> None:
    directory = tmp_path_factory.mktemp("segment")
    (directory / "header.bin").write_bytes(header)
    assert chroma_segment_file(directory / name, size) in (True, False)
