"""word2vec binary vectors: built by hand as the C tool and gensim write them (gensim itself is
not a test dependency); read by the hook without either."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes, zip_of_malicious_pickle

WORDS = ("king", "queen", "New_York", "caf\u00e9", "</s>")


def built(*, words: tuple[str, ...] = WORDS, dimensions: int = 4, newline: bool = True, declared: int = 0) -> bytes:
    """The C tool ends each vector with a newline; gensim writes none."""
    data = f"{declared or len(words)} {dimensions}\n".encode()
    for index, word in enumerate(words):
        data += word.encode() + b" " + struct.pack(f"<{dimensions}f", *([index / 7] * dimensions))
        data += b"\n" if newline else b""
    return data


@pytest.mark.parametrize("newline", [True, False])
@pytest.mark.parametrize("count", [1, 2, 3, 5])  # a header starting 1 or 2 is a pickle opcode; 3 and 5 are not
def test_vectors_are_read_to_their_last_byte(tmp_path: Path, newline: bool, count: int) -> None:
    words = tuple(f"w{i}" for i in range(count))
    assert scan_bytes(tmp_path, "GoogleNews-vectors-negative300.bin", built(words=words, newline=newline)) == []


def test_twelve_words_of_three_hundred_dimensions(tmp_path: Path) -> None:
    data = built(words=tuple(f"word{i}" for i in range(12)), dimensions=300, newline=False)
    assert data.startswith(b"12 300\n") and scan_bytes(tmp_path, "vectors.bin", data) == []


@pytest.mark.parametrize(
    "data",
    [
        built()[:-9],  # cut inside the last vector
        built() + pickle.dumps(print),  # bytes after the last vector
        built(declared=9),  # more words declared than written
        built(words=("ki\x01ng", "queen")),  # a control byte in a word
        built(words=("x" * 5000,)),  # a word past any vocabulary's
    ],
)
def test_what_breaks_the_layout_is_not_vouched_for(tmp_path: Path, data: bytes) -> None:
    found = rules(scan_bytes(tmp_path, "vectors.bin", data))
    assert found and set(found) <= {"MLS901", "MLS902"}


def test_a_first_opcode_break_that_is_no_layout_keeps_its_finding(tmp_path: Path) -> None:
    # "1 2\n" breaks pickle at byte 0 too, but what follows is not two floats per word: unknown
    assert rules(scan_bytes(tmp_path, "vectors.bin", b"1 2\nword " + b"\x00" * 3)) != []
    # not named like an artifact, a broken one is simply not an artifact
    assert scan_bytes(tmp_path, "vectors.txt.dat", built()[:-9]) == []


def test_a_pickle_named_like_vectors_is_still_read_as_a_pickle(tmp_path: Path) -> None:
    found = rules(scan_bytes(tmp_path, "vectors.bin", malicious_pickle(tmp_path / "canary")))
    assert found and all(rule.startswith("MLS1") for rule in found)
    assert not (tmp_path / "canary").exists()


def test_an_archive_inside_the_vectors_is_not_cleared(tmp_path: Path) -> None:
    payload = zip_of_malicious_pickle(tmp_path / "canary")
    payload += b"\x00" * (-len(payload) % 4)
    data = f"1 {len(payload) // 4}\n".encode() + b"word " + payload
    assert rules(scan_bytes(tmp_path, "vectors.bin", data)) != []
    assert not (tmp_path / "canary").exists()


_SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=150, deadline=None, suppress_health_check=_SLOW)
@given(data=st.data())
def test_garbage_in_vectors_is_a_finding_or_clean_never_a_crash(tmp_path: Path, data: st.DataObject) -> None:
    vectors = bytearray(built(newline=data.draw(st.booleans())))
    for _ in range(data.draw(st.integers(1, 6))):
        vectors[data.draw(st.integers(0, len(vectors) - 1))] = data.draw(st.integers(0, 255))
    vectors = vectors[: data.draw(st.integers(1, len(vectors)))]
    found = scan_bytes(tmp_path, "vectors.bin", bytes(vectors))
    assert set(rules(found)) <= {"MLS900", "MLS901", "MLS902", "MLS903", "MLS101", "MLS102", "MLS103", "MLS104"}
