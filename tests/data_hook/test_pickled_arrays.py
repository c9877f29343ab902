"""Numeric array buffers in a pickle are not text; the strings beside them still are.

The pickles are written here with `pickle.dumps` (writing runs nothing of the file); nothing in
these tests unpickles anything.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks.data.pickled_arrays import numeric_spans
from hooks.data.rules import PHONES_IN_DATA
from tests.data_hook.helpers import ids, scan

# Text a detector reads as phone numbers: as the bytes of a uint8 "image" it must not be.
PHONE_TEXT = "".join(f"call +1 212 555 {1000 + 37 * i:04d} today\n" for i in range(40)).encode()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _spans(data: bytes, max_opcodes: int = 2_000_000, max_read: int = 64 << 20) -> list[tuple[int, int]]:
    return numeric_spans(io.BytesIO(data), len(data), max_opcodes, max_read)


def _covered(data: bytes, spans: list[tuple[int, int]], needle: bytes) -> bool:
    at = data.find(needle)
    assert at != -1
    return any(start <= at and at + len(needle) <= stop for start, stop in spans)


@pytest.mark.parametrize("protocol", [2, 3, 4, 5])
@pytest.mark.parametrize("dtype", [np.uint8, np.int16, np.float32])
def test_the_buffer_of_a_numeric_array_is_found_at_every_protocol(protocol: int, dtype: type) -> None:
    pixels: np.ndarray = np.frombuffer(PHONE_TEXT[: len(PHONE_TEXT) // 4 * 4], dtype=np.uint8).view(dtype)
    data = pickle.dumps({"train_x": pixels, "label": "cats"}, protocol=protocol)
    spans = _spans(data)
    assert len(spans) == 1
    start, stop = spans[0]
    if protocol != 2:  # protocol 2 stores the buffer as latin-1 text: the same bytes here (all ASCII)
        assert data[start:stop] == pixels.tobytes()
    assert _covered(data, spans, PHONE_TEXT[:40])
    assert not _covered(data, [(0, start), (stop, len(data))], PHONE_TEXT[:40])


@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_text_arrays_and_values_beside_arrays_stay_text(protocol: int) -> None:
    numbers = np.arange(64, dtype=np.int64)
    data = pickle.dumps(
        {
            "ids": numbers,
            "note": PHONE_TEXT[:200],  # bytes after an array: a value of its own, not its buffer
            "names": np.array(["+1 212 555 0147"], dtype="S16"),  # byte strings: text
            "objects": np.array(["+1 212 555 0148"], dtype=object),
            "more": numbers + 1,  # the dtype comes back as a memo reference
        },
        protocol=protocol,
    )
    spans = _spans(data)
    assert len(spans) == 2  # the two int64 buffers, nothing else
    assert not _covered(data, spans, PHONE_TEXT[:40])
    assert not _covered(data, spans, b"+1 212 555 0147")
    assert not _covered(data, spans, b"+1 212 555 0148")


def test_a_data_frame_written_by_pandas_keeps_its_text_column() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"pixel": np.frombuffer(PHONE_TEXT, dtype=np.uint8), "who": "+1 212 555 0199"})
    buffer = io.BytesIO()
    frame.to_pickle(buffer)
    data = buffer.getvalue()
    spans = _spans(data)
    assert _covered(data, spans, PHONE_TEXT[:40])
    assert not _covered(data, spans, b"+1 212 555 0199")


def test_a_truncated_or_foreign_stream_keeps_what_was_found_and_reads_the_rest() -> None:
    data = pickle.dumps([np.frombuffer(PHONE_TEXT, dtype=np.uint8), "tail"], protocol=4)
    assert _spans(data[: data.index(b"tail") + 2]) == _spans(data)  # cut after the array
    assert _spans(data[:200]) == []  # cut inside it: nothing to blank
    assert _spans(data[: data.index(b"tail") - 8]) == []  # the buffer, but not the state that makes it an array's
    assert _spans(b"\x78\x9c" + data) == []  # zlib-compressed joblib file: not a pickle stream
    assert _spans(data, max_opcodes=5) == []  # budget spent before the array


def test_pickles_written_one_after_another_are_all_walked() -> None:
    first = pickle.dumps(np.frombuffer(PHONE_TEXT[:400], dtype=np.uint8), protocol=4)
    second = pickle.dumps(np.frombuffer(PHONE_TEXT[400:800], dtype=np.uint8), protocol=4)
    assert len(_spans(first + second)) == 2


def test_pixels_are_not_phone_numbers_but_pickled_strings_are(tmp_path: Path) -> None:
    pixels = np.frombuffer(PHONE_TEXT, dtype=np.uint8).reshape(-1, 1)
    assert ids(scan(tmp_path, "images.pickle", pickle.dumps({"x": pixels}, protocol=4))) == []
    contacts = PHONE_TEXT.decode().splitlines()
    assert ids(scan(tmp_path, "contacts.pkl", pickle.dumps({"rows": contacts}, protocol=4))) == [PHONES_IN_DATA.rule_id]
    # The same text as a byte-string array (dtype S) is text too.
    texts = np.array(contacts, dtype="S40")
    assert ids(scan(tmp_path, "texts.pkl", pickle.dumps(texts, protocol=4))) == [PHONES_IN_DATA.rule_id]


@FUZZ
@given(st.binary(max_size=600), st.sampled_from([b"", b"\x80\x04", b"\x80\x02", b"\x80\x05\x95" + bytes(8)]))
def test_garbage_never_raises_and_spans_stay_inside_the_file(tail: bytes, head: bytes) -> None:
    data = head + tail
    spans = _spans(data)
    assert all(0 <= start <= stop <= len(data) for start, stop in spans)
    assert spans == sorted(spans)


@FUZZ
@given(st.lists(st.sampled_from(["u1", "f4", "i8", "U4", "S3", "O", "b1", "M8[s]"]), min_size=1, max_size=4), st.data())
def test_generated_arrays_blank_exactly_the_numeric_buffers(kinds: list[str], data: st.DataObject) -> None:
    # Two bytes at least: CPython keeps one-byte bytes objects as singletons, and the pickler then
    # writes a second array's buffer as a memo reference to the first (no bytes to blank).
    arrays = [np.zeros(data.draw(st.integers(2, 40)), dtype=kind) for kind in kinds]
    protocol = data.draw(st.sampled_from([2, 3, 4, 5]))
    pickled = pickle.dumps(arrays, protocol=protocol)
    numeric = [a for a in arrays if a.dtype.kind in "biufcmM"]
    assert len(_spans(pickled)) == len(numeric)


EMAILS = " ".join(f"user{i}.name@gmail.com" for i in range(25))
TOKEN = "hf_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG"


def _codecs_encode() -> object:
    import codecs

    return codecs.encode


@pytest.mark.parametrize("protocol", [2, 3, 4, 5])
@pytest.mark.parametrize(
    "build",
    [
        # One-byte buffers are written once and referenced after: the next bytes value is not one.
        lambda: [{"label": np.uint8(i % 2), "raw": f"From: {EMAILS}\n".encode()} for i in range(3)],
        lambda: [(np.array([i % 2], np.uint8), f"From: {EMAILS}".encode()) for i in range(3)],
        lambda: [np.dtype("int64"), EMAILS.encode()],  # a dtype on its own, then a value
        lambda: {"e": np.zeros((0, 3)), "tok": TOKEN.encode()},  # an empty array, then a value
        lambda: [np.float32(0.5), "F", np.uint8(70), EMAILS],
        lambda: [np.dtype("f8"), _codecs_encode(), EMAILS],  # look-alike of protocol 2's buffer
        # A structured record array: its buffer holds the byte-string field's text.
        lambda: np.array([(e.encode(), i) for i, e in enumerate(EMAILS.split())], dtype=[("m", "S40"), ("i", "i4")]),
    ],
)
def test_text_that_is_no_numeric_arrays_buffer_stays_text(protocol: int, build: object) -> None:
    data = pickle.dumps(build(), protocol=protocol)  # type: ignore[operator]
    spans = _spans(data)
    for needle in (b"user3.name@gmail.com", TOKEN.encode()):
        if needle in data:
            assert not _covered(data, spans, needle)


def test_long_names_and_many_memo_entries_stay_bounded() -> None:
    names = (b"c" + b"A" * 60_000 + b"\n" + b"B" * 60_000 + b"\n" + b"\x940") * 200
    assert _spans(names, max_read=1 << 20) == []
    memoised = b"\x80\x04" + b"N\x94" * 300_000
    assert _spans(memoised) == []  # stops at its memo bound, spans found so far (none) stand
