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


VENDORED = "sklearn.externals.joblib.numpy_pickle"  # joblib as scikit-learn < 0.23 shipped it


def test_arrays_of_the_joblib_old_scikit_learn_vendored_are_skipped_and_a_payload_after_them_found(
    tmp_path: Path,
) -> None:
    raw = b"\xf7J?Z\xc9V\r@\xe8\xacM5>!a\xc0"  # float bytes that are no pickle opcodes
    assert scan_bytes(tmp_path, "model.pkl", joblib_with_array(raw, module=VENDORED)) == []
    tail = asm.POP + asm.global_("os", "system") + asm.text("id") + asm.TUPLE1 + asm.REDUCE
    found = scan_bytes(tmp_path, "model.pkl", joblib_with_array(raw, tail, module=VENDORED))
    assert rules(found) == ["MLS101"]


def test_an_array_wrapper_of_another_module_is_not_skipped(tmp_path: Path) -> None:
    # A look-alike class name elsewhere is no joblib wrapper: its bytes are read as opcodes.
    raw = b"\xf7J?Z\xc9V\r@\xe8\xacM5>!a\xc0"
    found = scan_bytes(tmp_path, "model.pkl", joblib_with_array(raw, module="mylib.numpy_pickle"))
    assert rules(found) == ["MLS102", "MLS901"]  # a global outside the allowlist, then the stream breaks
