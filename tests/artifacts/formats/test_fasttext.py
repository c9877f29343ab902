"""fastText models: built by hand from the layout src/fasttext.cc writes (and, when the fasttext
package is installed, written by it); read by the hook without it."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.helpers import judge_garbage, malicious_pickle, rules, scan_bytes, zip_of_malicious_pickle

MAGIC = 793712314


def built(
    *, version: int = 12, words: tuple[str, ...] = ("red", "green", "</s>"), labels: tuple[str, ...] = ("__label__a",),
    dim: int = 4, pruned: int = -1, quantized: bool = False,
) -> bytes:  # fmt: skip
    data = struct.pack("<ii", MAGIC, version)
    data += struct.pack("<12id", dim, 5, 5, 1, 5, 1, 1, 3, 2_000_000, 0, 0, 100, 1e-4)
    entries = [(word, 0) for word in words] + [(label, 1) for label in labels]
    data += struct.pack("<iiiqq", len(entries), len(words), len(labels), 12_345, pruned)
    for text, kind in entries:
        data += text.encode() + b"\x00" + struct.pack("<qb", 7, kind)
    data += b"".join(struct.pack("<ii", i, i) for i in range(max(pruned, 0)))
    rows = len(words) + 3  # word rows plus hashed n-gram buckets
    if quantized:
        data += b"\x01" + quantized_matrix(rows, dim)
    else:
        data += struct.pack("<?qq", False, rows, dim) + b"\x00" * (rows * dim * 4)
    data += struct.pack("<?qq", False, len(labels), dim) + b"\x00" * (len(labels) * dim * 4)
    return data


def _quantizer(dim: int, dsub: int) -> bytes:
    parts = -(-dim // dsub)
    return struct.pack("<iiii", dim, parts, dsub, dim % dsub or dsub) + b"\x00" * (dim * 256 * 4)


def quantized_matrix(rows: int, dim: int, *, dsub: int = 2, norms: bool = True, code_size: int | None = None,
                     quantizer_dim: int | None = None) -> bytes:  # fmt: skip
    """src/quantmatrix.cc `save`: norms flag, rows, columns, code size, codes, product quantizer,
    then (with norms) a byte per row and a one-dimensional quantizer."""
    parts = -(-dim // dsub)
    size = rows * parts if code_size is None else code_size
    data = struct.pack("<?qqi", norms, rows, dim, size) + b"\x07" * size
    data += _quantizer(dim if quantizer_dim is None else quantizer_dim, dsub)
    if norms:
        data += b"\x03" * rows + _quantizer(1, 1)
    return data


def _quantized_with(matrix: bytes) -> bytes:
    dense = built()
    start = dense.index(struct.pack("<?qq", False, 6, 4))
    return dense[:start] + b"\x01" + matrix + dense[start + 17 + 6 * 4 * 4 :]


def _written_by_fasttext(tmp_path: Path) -> bytes:
    fasttext = pytest.importorskip("fasttext", reason="fasttext (optional) writes the fixture")
    corpus = tmp_path / "train.txt"
    words = ["red", "green", "blue", "cat"]
    lines = [f"__label__{'ab'[i % 2]} " + " ".join(words[(i + j) % 4] for j in range(5)) for i in range(100)]
    corpus.write_text("\n".join(lines) + "\n")
    model = fasttext.train_supervised(str(corpus), dim=8, epoch=1, minCount=1, verbose=0)
    model.save_model(str(tmp_path / "model.bin"))
    return (tmp_path / "model.bin").read_bytes()


@pytest.mark.parametrize("version", [11, 12])
def test_a_dense_model_is_read_to_its_last_byte(tmp_path: Path, version: int) -> None:
    assert scan_bytes(tmp_path, "lid.176.bin", built(version=version)) == []
    assert scan_bytes(tmp_path, "cc.en.300.bin", built(labels=(), pruned=3)) == []


@pytest.mark.parametrize("norms", [True, False])
@pytest.mark.parametrize("dsub", [1, 2, 3])
def test_a_quantized_model_is_read_to_its_last_byte(tmp_path: Path, norms: bool, dsub: int) -> None:
    assert (
        scan_bytes(tmp_path, "lid.176.ftz.bin", _quantized_with(quantized_matrix(6, 4, dsub=dsub, norms=norms))) == []
    )
    assert scan_bytes(tmp_path, "model.bin", built(quantized=True)) == []


def test_a_model_quantized_by_fasttext_is_clean(tmp_path: Path) -> None:
    fasttext = pytest.importorskip("fasttext", reason="fasttext (optional) writes the fixture")
    corpus = tmp_path / "train.txt"
    words = [f"w{i}" for i in range(300)]
    lines = [
        f"__label__{'abc'[i % 3]} " + " ".join(words[(i * 7 + j * 13) % 300] for j in range(8)) for i in range(1500)
    ]
    corpus.write_text("\n".join(lines) + "\n")
    for qnorm, dsub in ((True, 2), (False, 3)):
        model = fasttext.train_supervised(str(corpus), dim=10, epoch=1, minCount=1, bucket=100, wordNgrams=2, verbose=0)
        model.quantize(input=str(corpus), retrain=False, qnorm=qnorm, dsub=dsub)
        model.save_model(str(tmp_path / "model.ftz"))
        assert scan_bytes(tmp_path, "model.bin", (tmp_path / "model.ftz").read_bytes()) == []


def test_a_model_written_by_fasttext_is_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "model.bin", _written_by_fasttext(tmp_path)) == []


def test_a_model_cut_short_or_with_bytes_after_it_stays_an_unknown_format(tmp_path: Path) -> None:
    data = built()
    assert rules(scan_bytes(tmp_path, "model.bin", data[:-5])) == ["MLS902"]
    assert rules(scan_bytes(tmp_path, "model.bin", data + pickle.dumps(print))) == ["MLS902"]


@pytest.mark.parametrize(
    "data",
    [
        built(version=13),  # a version the loader refuses
        _quantized_with(quantized_matrix(6, 4, code_size=13)),  # codes that are not rows x parts
        _quantized_with(quantized_matrix(6, 4, quantizer_dim=5)),  # a quantizer of other columns
        _quantized_with(quantized_matrix(6, 4)[:-1]),  # cut inside the norm quantizer
        built(dim=0),
        built()[:64] + struct.pack("<iiiqq", 5, 3, 1, 0, -1) + built()[64 + 28 :],  # counts that do not add up
    ],
)
def test_what_the_reader_does_not_vouch_for_stays_an_unknown_format(tmp_path: Path, data: bytes) -> None:
    assert rules(scan_bytes(tmp_path, "model.bin", data)) == ["MLS902"]


def test_an_entry_type_the_dictionary_does_not_have_stays_unknown(tmp_path: Path) -> None:
    data = bytearray(built())
    at = data.index(b"red\x00") + 4 + 8  # the entry's text, its NUL, its count
    data[at] = 2
    assert rules(scan_bytes(tmp_path, "model.bin", bytes(data))) == ["MLS902"]


def test_not_named_like_an_artifact_a_broken_one_is_no_finding(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "vectors.dat", built()[:-3]) == []


def test_a_pickle_named_like_a_fasttext_model_is_still_read_as_a_pickle(tmp_path: Path) -> None:
    found = rules(scan_bytes(tmp_path, "lid.176.bin", malicious_pickle(tmp_path / "canary")))
    assert found and all(rule.startswith("MLS1") for rule in found)
    assert not (tmp_path / "canary").exists()


def test_an_archive_inside_the_matrix_is_not_cleared(tmp_path: Path) -> None:
    payload = zip_of_malicious_pickle(tmp_path / "canary")
    padded = payload + b"\x00" * (-len(payload) % 16)
    data = bytearray(built(labels=(), dim=4))
    output_at = len(data) - struct.calcsize("<?qq")  # an output matrix of no rows
    rows = len(padded) // 16
    data[output_at:] = struct.pack("<?qq", False, rows, 4) + padded
    assert rules(scan_bytes(tmp_path, "model.bin", bytes(data))) != []
    assert not (tmp_path / "canary").exists()


_SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=150, deadline=None, suppress_health_check=_SLOW)
@given(data=st.data())
def test_garbage_in_a_model_is_a_finding_or_clean_never_a_crash(tmp_path: Path, data: st.DataObject) -> None:
    judge_garbage(tmp_path, "model.bin", built(), data)
