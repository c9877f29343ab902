"""numpy .npy files and .npz zips of them."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

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
