"""numpy .npy files and .npz zips of them."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

import pytest

from tests.artifacts.builders import npy, zip_with
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_npy_object_array_pickle_is_analysed(tmp_path: Path) -> None:
    assert rules(scan_bytes(tmp_path, "x.npy", npy("|O", malicious_pickle(tmp_path / "c", 3)))) == ["MLS101"]
    assert scan_bytes(tmp_path, "y.npy", npy("<f4", b"\x00" * 8)) == []
    assert scan_bytes(tmp_path, "z.npy", npy("|O", pickle.dumps(["a", "b"], protocol=3))) == []


def test_npy_with_a_broken_header_fails_closed(tmp_path: Path) -> None:
    data = b"\x93NUMPY\x01\x00" + struct.pack("<H", 12) + b"__import__()"
    assert rules(scan_bytes(tmp_path, "x.npy", data)) == ["MLS901"]


def test_npz_members(tmp_path: Path) -> None:
    bad = zip_with({"x.npy": npy("<f8", b"\x00" * 16), "names.npy": npy("|O", malicious_pickle(tmp_path / "c"))})
    assert rules(scan_bytes(tmp_path, "a.npz", bad)) == ["MLS101"]
    assert scan_bytes(tmp_path, "b.npz", zip_with({"x.npy": npy("<f8", b"\x00" * 16)})) == []


def _npy_with_header(header: str, data: bytes, major: int = 1) -> bytes:
    raw = header.encode("latin-1")
    raw += b" " * (-(10 + len(raw) + 1) % 64) + b"\n"
    length = struct.pack("<H", len(raw)) if major == 1 else struct.pack("<I", len(raw))
    return b"\x93NUMPY" + bytes([major, 0]) + length + raw + data


def test_a_python2_header_is_read_as_numpy_reads_it(tmp_path: Path) -> None:
    # Python 2 wrote shapes as (2L,); numpy drops the suffix for version 1 and 2 headers.
    plain = _npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2L,), }", b"\x00" * 16)
    assert scan_bytes(tmp_path, "old.npy", plain) == []
    objects = _npy_with_header(
        "{'descr': '|O', 'fortran_order': False, 'shape': (3L,), }", malicious_pickle(tmp_path / "c")
    )
    assert rules(scan_bytes(tmp_path, "old_objects.npy", objects)) == ["MLS101"]
    # version 3 headers are read as they are: numpy refuses the suffix there too
    version3 = _npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2L,), }", b"\x00" * 16, major=3)
    assert rules(scan_bytes(tmp_path, "v3.npy", version3)) == ["MLS901"]


def test_every_canonical_descr_numpy_writes_is_judged_as_numpy_builds_it() -> None:
    np = pytest.importorskip("numpy")
    from numpy.lib.format import dtype_to_descr

    from hooks.artifacts.formats.npy import descr_holds_objects

    dtypes = [
        "f8", "<i4", ">u2", "?", "c16", "S5", "U10", "V16", "M8[ns]", "m8[D]", "O", "f2",
        [("a", "<f8"), ("b", "O")],
        [("a", "<f8", (2, 3)), ("b", [("c", "i4"), ("d", "U3")])],
        [("x", "O", (2,)), ("y", "i8")],
        np.dtype({"names": ["a", "b"], "formats": ["i4", "f8"], "offsets": [0, 8], "itemsize": 24}),
        np.dtype([(("title", "name"), "f4")]),
        np.dtype(("f8", (3,))),
    ]  # fmt: skip
    for spec in dtypes:
        dtype = np.dtype(spec)
        assert descr_holds_objects(dtype_to_descr(dtype)) == dtype.hasobject, spec


@pytest.mark.parametrize(
    "descr", ["'<i4,O'", "'b1,object'", "'2O'", "['xO']", "[['x', 'O', 1, 2]]", "{'xO': 1}", "'int32'"]
)
def test_a_descr_numpy_reads_but_never_writes_fails_closed(tmp_path: Path, descr: str) -> None:
    # numpy builds object dtypes from comma strings, repeats, dict keys: not judged, so not passed
    data = _npy_with_header(f"{{'descr': {descr}, 'fortran_order': False, 'shape': (1,), }}", b"\x00" * 8)
    assert rules(scan_bytes(tmp_path, "x.npy", data)) == ["MLS901"]
