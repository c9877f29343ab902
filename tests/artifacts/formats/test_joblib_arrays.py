"""joblib's inline numpy arrays inside pickle streams."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    ("typestr", "state"),
    [
        ("U2", b""),  # no state: joblib never writes one
        ("V8", asm.text("|") + b"NN" + asm.binint(16) + asm.binint(1)),  # numpy 1.6's 5-item layout
        ("i1", b"K\x02" + asm.text("|") + b"NNN" + asm.binint(-1) + asm.binint(-1) + asm.binint(1)),  # version 2
        ("i1,i8", None),  # a record: 9 bytes to numpy
        ("bytes", None),
        ("float64", None),
        ("i3", None),
    ],
)
def test_a_dtype_not_in_the_form_numpy_pickles_is_reported_not_skipped(
    tmp_path: Path, typestr: str, state: bytes | None
) -> None:
    # numpy reads each of these its own way (a record's fields, a state's recomputed flags, an
    # alias's size): not the form joblib writes, so no skip is trusted (fail closed).
    blob = joblib_with_array(
        b"\x00" * 16, typestr=typestr, count=2, dtype_state=state or _state(8), with_state=state != b""
    )
    assert "MLS901" in rules(scan_bytes(tmp_path, "clf.joblib", blob))


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


def test_object_flags_decide_whether_the_array_is_pickled_whatever_the_kind(tmp_path: Path) -> None:
    # 'O8' whose flags lack NPY_ITEM_HASOBJECT is 8 raw bytes an element to numpy (and joblib): the
    # payload right after them is found, not read as the start of a nested pickle.
    blob = joblib_with_array(b"\x00" * 16, asm.POP + _PAYLOAD, typestr="O8", count=2, dtype_state=_state(-1, flags=0))
    assert "MLS101" in rules(scan_bytes(tmp_path, "clf.joblib", blob))


def _wrapper_by(construction: bytes) -> bytes:
    """The wrapper made another way than NEWOBJ: the bytes up to BUILD swapped in."""
    blob = joblib_with_array(b"\x00" * 16)
    made = asm.global_("joblib.numpy_pickle", "NumpyArrayWrapper") + asm.EMPTY_TUPLE + asm.NEWOBJ
    assert made in blob
    return blob.replace(made, construction, 1)


def test_a_wrapper_made_by_calling_its_class_is_reported_not_skipped(tmp_path: Path) -> None:
    # NumpyArrayWrapper(...) runs __init__: its default alignment makes joblib read padding the
    # state does not declare. joblib never writes this.
    called = asm.global_("joblib.numpy_pickle", "NumpyArrayWrapper") + asm.EMPTY_TUPLE + asm.REDUCE
    assert "MLS901" in rules(scan_bytes(tmp_path, "clf.joblib", _wrapper_by(called)))


def test_a_wrapper_made_by_copyregs_reconstructor_is_skipped_like_joblibs_old_protocols(tmp_path: Path) -> None:
    # joblib.dump(..., protocol=0 or 1) makes the wrapper with copyreg._reconstructor(cls, object, None).
    made = asm.global_("copyreg", "_reconstructor") + asm.MARK + asm.global_("joblib.numpy_pickle", "NumpyArrayWrapper")
    made += asm.global_("builtins", "object") + asm.NONE + asm.TUPLE + asm.REDUCE
    assert scan_bytes(tmp_path, "clf.joblib", _wrapper_by(made)) == []


def test_a_wrapper_given_its_state_twice_is_reported_not_skipped(tmp_path: Path) -> None:
    # The second BUILD reads with the first one's keys still set: not the state alone.
    made = asm.proto(4) + asm.global_("joblib.numpy_pickle", "NumpyArrayWrapper") + asm.EMPTY_TUPLE + asm.NEWOBJ
    blob = joblib_with_array(b"\x00" * 16)
    state = blob[len(made) : blob.rindex(b"ub") + 1]  # the state dict, up to its SETITEMS
    once = made + b"2" + state + asm.BUILD + b"\x00" + b"\x00" * 16  # DUP, BUILD, no padding, the array
    twice = once + asm.POP + state + asm.BUILD + b"\x00" + b"\x00" * 16 + asm.STOP
    assert scan_bytes(tmp_path, "clf.joblib", once + asm.POP + asm.STOP) == []
    assert "MLS901" in rules(scan_bytes(tmp_path, "clf.joblib", twice))


@pytest.mark.parametrize("protocol", [0, 1, 2, 4, 5])
@pytest.mark.parametrize("compress", [0, 3])
def test_real_joblib_files_of_every_dtype_scan_clean(tmp_path: Path, protocol: int, compress: int) -> None:
    # Look-alike of the fail-closed forms above: what joblib.dump really writes (test extra).
    np = pytest.importorskip("numpy")
    joblib = pytest.importorskip("joblib")
    arrays = {
        "i1": np.arange(10, dtype="i1"),
        "f8": np.ones((5, 3)),
        "bool": np.array([True, False]),
        "c16": np.array([1 + 2j]),
        "datetime": np.array(["2020-01-01"], dtype="datetime64[ns]"),
        "text": np.array(["abc", "de"]),
        "bytes": np.array([b"abc", b"x"]),
        "record": np.zeros(3, dtype=[("a", "<i4"), ("b", "<f8")]),
        "subarray": np.zeros(2, dtype=("<i4", (2, 3))),
        "big_endian": np.zeros(2, dtype=">u8"),
        "longdouble": np.zeros(2, dtype=np.longdouble),
        "fortran": np.asfortranarray(np.ones((3, 4))),
        "scalar": np.array(5.0),
        "empty": np.zeros((0, 3)),
    }
    path = tmp_path / "arrays.joblib"
    joblib.dump(arrays, path, protocol=protocol, compress=compress)
    assert scan_bytes(tmp_path, "arrays.joblib", path.read_bytes()) == []
