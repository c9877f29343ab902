"""HDF5 (Keras .h5) models."""

from __future__ import annotations

from pathlib import Path

from tests.artifacts.helpers import rules, scan_bytes


def test_keras_hdf5_lambda(tmp_path: Path) -> None:
    head = b"\x89HDF\r\n\x1a\n" + b"\x00" * 600
    config = b'{"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", "config": {}}]}}'
    assert rules(scan_bytes(tmp_path, "m.h5", head + config)) == ["MLS108"]
    assert scan_bytes(tmp_path, "ok.h5", head + config.replace(b"Lambda", b"Dense")) == []
