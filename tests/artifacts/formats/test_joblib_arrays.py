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


# The dtype's BUILD state as numpy pickles it: (version, endian, subarray, names, fields, elsize,
# alignment, flags). numpy applies `elsize` only to flexible kinds (bytes, text, void).
def _state(elsize: int, flags: int = 0, endian: str = "|") -> bytes:
    return b"K\x03" + asm.text(endian) + b"NNN" + asm.binint(elsize) + asm.binint(1) + asm.binint(flags)


_PAYLOAD = asm.global_("os", "system") + asm.text("id") + asm.TUPLE1 + asm.REDUCE + asm.POP


def test_a_fixed_size_dtype_keeps_its_own_size_whatever_elsize_its_state_declares(tmp_path: Path) -> None:
    # int8 x 8 with `elsize=64` in the state: numpy (and so joblib) reads 8 bytes, then unpickles
    # what follows. Skipping 8 * 64 bytes would step over the payload placed right there.
    hidden = _PAYLOAD + asm.NONE + asm.POP
    hidden += (asm.NONE + asm.POP) * ((8 * 64 - 8 - len(hidden)) // 2)
    blob = joblib_with_array(b"\x00" * 8, hidden, typestr="i1", count=8, dtype_state=_state(64))
    assert "MLS101" in rules(scan_bytes(tmp_path, "clf.joblib", blob))


def test_a_flexible_dtype_takes_its_size_from_the_state_as_numpy_does(tmp_path: Path) -> None:
    # Look-alike: 'S8' whose state says 16 bytes per element is read 16 bytes at a time by numpy;
    # opcode-looking bytes inside those 32 are array data, and nothing after them is hidden.
    raw = (b"cos\nsystem\n(S'x'\ntR." * 2)[:32]
    blob = joblib_with_array(raw, typestr="S8", count=2, dtype_state=_state(16))
    assert scan_bytes(tmp_path, "clf.joblib", blob) == []
    found = scan_bytes(
        tmp_path,
        "clf.joblib",
        joblib_with_array(raw, asm.POP + _PAYLOAD, typestr="S8", count=2, dtype_state=_state(16)),
    )
    assert "MLS101" in rules(found)


def test_text_without_a_state_counts_four_bytes_a_character(tmp_path: Path) -> None:
    # 'U2' x 2 is 16 bytes (numpy stores text as UTF-32): the payload right after them is found.
    blob = joblib_with_array(b"\x00" * 16, asm.POP + _PAYLOAD, typestr="U2", count=2, with_state=False)
    assert "MLS101" in rules(scan_bytes(tmp_path, "clf.joblib", blob))


def test_the_older_five_item_state_gives_elsize_in_its_own_place(tmp_path: Path) -> None:
    # (endian, subarray, fields, elsize, alignment): numpy reads elsize from item 3 of this layout.
    old_state = asm.text("|") + b"NN" + asm.binint(16) + asm.binint(1)
    raw = b"\x00" * 32
    assert (
        scan_bytes(tmp_path, "clf.joblib", joblib_with_array(raw, typestr="V8", count=2, dtype_state=old_state)) == []
    )
    found = scan_bytes(
        tmp_path, "clf.joblib", joblib_with_array(raw, asm.POP + _PAYLOAD, typestr="V8", count=2, dtype_state=old_state)
    )
    assert "MLS101" in rules(found)


def test_a_dtype_state_numpy_reads_no_known_way_is_not_skipped_but_reported(tmp_path: Path) -> None:
    six = b"K\x03" + asm.text("|") + b"NN" + asm.binint(64) + asm.binint(1)
    found = scan_bytes(tmp_path, "clf.joblib", joblib_with_array(b"\x00" * 8, typestr="i1", count=8, dtype_state=six))
    assert "MLS901" in rules(found)


def test_a_negative_elsize_of_a_flexible_dtype_is_reported_not_skipped(tmp_path: Path) -> None:
    found = scan_bytes(
        tmp_path, "clf.joblib", joblib_with_array(b"\x00" * 8, typestr="S1", count=8, dtype_state=_state(-1))
    )
    assert "MLS901" in rules(found)


def test_flags_that_say_objects_make_the_array_a_nested_pickle(tmp_path: Path) -> None:
    # Structured dtype whose flags carry NPY_ITEM_HASOBJECT: joblib pickles the array right there.
    nested = _PAYLOAD + asm.NONE + asm.STOP
    blob = joblib_with_array(b"", nested, typestr="V16", count=1, dtype_state=_state(16, flags=1), padded=False)
    assert "MLS101" in rules(scan_bytes(tmp_path, "clf.joblib", blob))
