"""joblib's inline numpy arrays inside pickle streams."""

from __future__ import annotations

from pathlib import Path

from tests import pickle_asm as asm
from tests.artifacts.builders import joblib_with_array
from tests.artifacts.helpers import rules, scan_bytes


def test_joblib_inline_array_bytes_are_skipped_exactly(tmp_path: Path) -> None:
    raw = b"cos\nsystem\n(S'x'\ntR."[:16].ljust(16, b".")  # opcode-looking numbers
    assert scan_bytes(tmp_path, "clf.joblib", joblib_with_array(raw)) == []


def test_joblib_payload_after_an_array_is_found(tmp_path: Path) -> None:
    tail = asm.POP + asm.global_("os", "system") + asm.text("id") + asm.TUPLE1 + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "clf.joblib", joblib_with_array(b"\x00" * 16, tail))) == ["MLS101"]
