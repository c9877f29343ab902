"""Tar bundles and torch tar checkpoints."""

from __future__ import annotations

import pickle
from pathlib import Path

from tests.artifacts.builders import tar
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_tar_bundles_and_torch_tar_checkpoints(tmp_path: Path) -> None:
    assert rules(scan_bytes(tmp_path, "b.tar", tar({"m/model.pkl": malicious_pickle(tmp_path / "c")}))) == ["MLS101"]
    assert scan_bytes(tmp_path, "ok.tar", tar({"notes.txt": b"hello"})) == []
    zero = pickle.dumps(0, protocol=2)
    torch_tar = {
        "sys_info": pickle.dumps({}, protocol=2),
        "pickle": malicious_pickle(tmp_path / "c"),
        "storages": zero,
        "tensors": zero,
    }
    assert rules(scan_bytes(tmp_path, "old.tar", tar(torch_tar))) == ["MLS101"]


def _storages(trailing: bytes, count: int = 1) -> bytes:
    """torch's `storages` member: a count, then a (key, location, type) record and raw bytes (an
    int64 element count, then the elements) per storage, as torch.load's legacy tar path reads it."""
    from tests import pickle_asm as asm

    record = asm.proto(2) + asm.text("0") + asm.text("cpu") + asm.global_("torch", "ByteStorage")
    record += b"\x87" + asm.STOP  # TUPLE3
    raw = (4).to_bytes(8, "little") + b"B\x00\x00\x00"  # four bytes that read as BINBYTES to a scanner of plain pickles
    return pickle.dumps(count, protocol=2) + record + raw + trailing


def test_a_tar_holding_only_storages_is_read_as_torch_reads_it(tmp_path: Path) -> None:
    """torch.load extracts `storages` and runs its pickles before it asks for the other members: a
    tar with nothing else is a checkpoint to it, and the raw bytes are skipped by their size."""
    canary = tmp_path / "c"
    # the second storage's record is the attacker's pickle, behind the first one's raw bytes
    found = rules(scan_bytes(tmp_path, "model.pt", tar({"storages": _storages(malicious_pickle(canary), count=2)})))
    assert "MLS101" in found
    assert not canary.exists()
    # the same member with nothing after its storage is clean
    assert scan_bytes(tmp_path, "clean.pt", tar({"storages": _storages(b"")})) == []
