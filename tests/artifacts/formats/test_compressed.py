"""Compressed streams: every codec, concatenated members, bombs."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import pytest

from hooks._core.policy import Policy
from tests.artifacts.builders import BENIGN_STATE, COMPRESSORS
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_pickles(tmp_path: Path, suffix: str) -> None:
    compress = COMPRESSORS[suffix]
    assert rules(scan_bytes(tmp_path, f"m.pkl.{suffix}", compress(malicious_pickle(tmp_path / "c")))) == ["MLS101"]
    assert scan_bytes(tmp_path, f"ok.pkl.{suffix}", compress(BENIGN_STATE)) == []


def test_compressed_text_is_not_an_artifact_but_compressed_garbage_named_model_is(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "data.csv.gz", gzip.compress(b"a,b\n1,2\n")) == []
    assert rules(scan_bytes(tmp_path, "model.pkl.gz", gzip.compress(b"\x01\x02garbage"))) == ["MLS902"]
    assert rules(scan_bytes(tmp_path, "model.pkl.gz", b"\x1f\x8b\x08\x00broken")) == ["MLS901"]


def test_concatenated_gzip_members_are_all_read(tmp_path: Path) -> None:
    data = gzip.compress(pickle.dumps([1], protocol=2)) + gzip.compress(malicious_pickle(tmp_path / "c"))
    assert rules(scan_bytes(tmp_path, "m.pkl.gz", data)) == ["MLS101", "MLS105"]


def test_decompression_bomb_fails_closed(tmp_path: Path) -> None:
    bomb = gzip.compress(pickle.dumps(b"\x00" * (8 << 20), protocol=4), compresslevel=9)
    policy = Policy(root=tmp_path, sections={"artifacts": {"max_decompressed_mb": 1}})
    findings = scan_bytes(tmp_path, "m.pkl.gz", bomb, policy)
    assert rules(findings) == ["MLS903"]
    assert "bomb" in findings[0].message
