"""7z archives, with and without the extra."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_7z_is_inspected_with_the_extra(tmp_path: Path) -> None:
    py7zr = pytest.importorskip("py7zr")
    archive_path = tmp_path / "model.7z"
    with py7zr.SevenZipFile(archive_path, "w") as archive:
        archive.writestr(malicious_pickle(tmp_path / "c"), "model/data.pkl")
    findings = scan_bytes(tmp_path, "copy.7z", archive_path.read_bytes())
    assert rules(findings) == ["MLS101"]


def test_7z_without_the_extra_is_a_clear_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "py7zr", None)
    data = b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 40
    findings = scan_bytes(tmp_path, "model.7z", data)
    assert rules(findings) == ["MLS904"]
    assert "mlsec-hooks[7z]" in findings[0].message
