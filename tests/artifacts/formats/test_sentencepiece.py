"""SentencePiece tokenizer models, built by hand from sentencepiece_model.proto's wire layout (the
sentencepiece package, when installed, writes one too); read by the hook without any of it."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.helpers import judge_garbage, malicious_pickle, rules, scan_bytes, zip_of_malicious_pickle


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _piece(text: str, score: float, kind: int | None = None) -> bytes:
    body = _field(1, text.encode()) + _varint(2 << 3 | 5) + struct.pack("<f", score)
    if kind is not None:
        body += _varint(3 << 3) + _varint(kind)
    return _field(1, body)


def built(*, extra_piece: bytes = b"") -> bytes:
    """Pieces of every type, then trainer and normalizer settings, as spm_train writes them."""
    pieces = _piece("<unk>", 0.0, 2) + _piece("<s>", 0.0, 3) + _piece("</s>", 0.0, 3)
    pieces += _piece("\u2581the", -1.5) + _piece("ing", -2.25, 1) + _piece("<0x0A>", 0.0, 6) + extra_piece
    trainer = _field(1, b"corpus.txt") + _field(2, b"tokenizer") + _varint(3 << 3) + _varint(2)
    trainer += _varint(4 << 3) + _varint(8000)  # model type, vocabulary size
    normalizer = _field(1, b"nmt_nfkc") + _field(2, bytes(range(256)) * 4) + _varint(3 << 3) + _varint(1)
    return pieces + _field(2, trainer) + _field(3, normalizer)


def _written_by_sentencepiece(tmp_path: Path) -> bytes:
    spm = pytest.importorskip("sentencepiece", reason="sentencepiece (optional) writes the fixture")
    corpus = tmp_path / "corpus.txt"
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    corpus.write_text("\n".join(" ".join(words[(i + j) % 5] for j in range(8)) for i in range(200)))
    spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(tmp_path / "spm"), vocab_size=20, minloglevel=2)
    return (tmp_path / "spm.model").read_bytes()


@pytest.mark.parametrize("name", ["tokenizer.model", "spiece.model", "sentencepiece.bpe.model"])
def test_a_tokenizer_model_is_read_whole_and_is_clean(tmp_path: Path, name: str) -> None:
    assert scan_bytes(tmp_path, name, built()) == []


def test_a_model_written_by_sentencepiece_is_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "tokenizer.model", _written_by_sentencepiece(tmp_path)) == []


def test_a_model_cut_short_or_with_bytes_after_it_stays_an_unknown_format(tmp_path: Path) -> None:
    data = built()
    # Fail closed: what breaks the layout is no SentencePiece model, so it stays unknown.
    assert rules(scan_bytes(tmp_path, "tokenizer.model", data[:-7])) == ["MLS902"]
    assert rules(scan_bytes(tmp_path, "tokenizer.model", data + pickle.dumps(print))) == ["MLS902"]


@pytest.mark.parametrize(
    "piece",
    [
        _piece("x", 0.0, 9),  # a type the enum does not have
        _field(1, _field(1, b"x") + _field(7, b"extra")),  # a field a piece does not have
        _field(1, _field(1, b"\xff\xfe")),  # text that is not UTF-8
        _field(1, _varint(2 << 3 | 5) + struct.pack("<f", 1.0)),  # no text
        _field(1, _field(1, b"x") + _field(1, b"y")),  # a repeated field
        _field(9, b"unknown top-level field"),
        _varint(1 << 3) + _varint(5),  # field 1 as a number
    ],
)
def test_anything_the_format_does_not_hold_stays_an_unknown_format(tmp_path: Path, piece: bytes) -> None:
    assert rules(scan_bytes(tmp_path, "tokenizer.model", built(extra_piece=piece))) == ["MLS902"]


def test_look_alikes_stay_unknown_or_are_not_artifacts(tmp_path: Path) -> None:
    # settings alone, no pieces: not recognised as a tokenizer
    settings_only = _field(2, _field(1, b"corpus.txt"))
    assert rules(scan_bytes(tmp_path, "tokenizer.model", settings_only)) == ["MLS902"]
    # not named like an artifact: read only tentatively, and a broken one is no finding
    assert scan_bytes(tmp_path, "blob.dat", built()[:-3]) == []


def test_a_pickle_named_tokenizer_model_is_still_read_as_a_pickle(tmp_path: Path) -> None:
    found = rules(scan_bytes(tmp_path, "tokenizer.model", malicious_pickle(tmp_path / "canary")))
    assert found and all(rule.startswith("MLS1") for rule in found)
    assert not (tmp_path / "canary").exists()


def test_an_archive_inside_the_settings_is_not_cleared(tmp_path: Path) -> None:
    # zipfile finds an archive from its end record whatever precedes it
    payload = zip_of_malicious_pickle(tmp_path / "canary")
    data = built() + _field(4, _field(1, _field(1, b"in") + _field(2, payload)))
    assert rules(scan_bytes(tmp_path, "tokenizer.model", data)) != []
    assert not (tmp_path / "canary").exists()


_SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=150, deadline=None, suppress_health_check=_SLOW)
@given(data=st.data())
def test_garbage_in_a_model_is_a_finding_or_clean_never_a_crash(tmp_path: Path, data: st.DataObject) -> None:
    judge_garbage(tmp_path, "tokenizer.model", built(), data)
