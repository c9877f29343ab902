"""Pickle data in files: what follows the first stream (see also test_pickle_analysis.py)."""

from __future__ import annotations

from pathlib import Path

from tests.artifacts.builders import BENIGN_STATE, torch_zip
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_polyglot_pickle_then_zip_is_critical(tmp_path: Path) -> None:
    data = malicious_pickle(tmp_path / "c") + torch_zip(BENIGN_STATE)
    found = rules(scan_bytes(tmp_path, "model.pt", data))
    assert "MLS106" in found and "MLS101" in found


def test_clean_zip_after_clean_pickle_is_still_a_polyglot(tmp_path: Path) -> None:
    data = BENIGN_STATE + torch_zip(BENIGN_STATE)
    assert rules(scan_bytes(tmp_path, "model.pkl", data)) == ["MLS106"]
