"""torch legacy (pre-1.6) checkpoints."""

from __future__ import annotations

import struct
from pathlib import Path

from tests import pickle_asm as asm
from tests.artifacts.builders import legacy_checkpoint
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_torch_legacy_payload_in_the_main_stream(tmp_path: Path) -> None:
    findings = scan_bytes(tmp_path, "m.pth", legacy_checkpoint(malicious_pickle(tmp_path / "c"), []))
    assert rules(findings) == ["MLS101"]
    assert "object@" in findings[0].message


def test_torch_legacy_storages_are_skipped_and_trailing_data_found(tmp_path: Path) -> None:
    pid = asm.MARK + asm.text("storage") + asm.global_("torch", "FloatStorage") + asm.text("0") + asm.text("cpu")
    pid += b"K\x02" + asm.TUPLE + b"Q"  # BINPERSID
    main = asm.proto(2) + asm.EMPTY_DICT + asm.text("w") + pid + asm.SETITEM + asm.STOP
    storage = struct.pack("<q", 2) + b"cos\nsyst"  # 2 floats that look like opcodes
    assert scan_bytes(tmp_path, "ok.pth", legacy_checkpoint(main, ["0"], storage)) == []
    trailing = legacy_checkpoint(main, ["0"], storage + malicious_pickle(tmp_path / "c"))
    assert rules(scan_bytes(tmp_path, "bad.pth", trailing)) == ["MLS101", "MLS105"]
