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
