"""RAR archives: not inspectable here, reported (never passed)."""

from __future__ import annotations

from pathlib import Path

from tests.artifacts.helpers import rules, scan_bytes


def test_rar_archives_are_reported(tmp_path: Path) -> None:
    assert rules(scan_bytes(tmp_path, "model.rar", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 40)) == ["MLS904"]
    assert rules(scan_bytes(tmp_path, "weights.bin", b"Rar!\x1a\x07\x00" + b"\x00" * 40)) == ["MLS904"]
    assert scan_bytes(tmp_path, "notes.txt", b"Rar! is how a RAR file starts") == []
