"""safetensors headers."""

from __future__ import annotations

import json
import struct
from pathlib import Path

from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_safetensors(tmp_path: Path) -> None:
    header = json.dumps({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}).encode()
    good = struct.pack("<Q", len(header)) + header + b"\x00" * 4
    assert scan_bytes(tmp_path, "model.safetensors", good) == []
    assert rules(scan_bytes(tmp_path, "model.safetensors", struct.pack("<Q", 50) + b"{broken")) == ["MLS901"]
    assert rules(scan_bytes(tmp_path, "model.safetensors", malicious_pickle(tmp_path / "c"))) == ["MLS101"]
