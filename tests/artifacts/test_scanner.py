"""The hook's own settings around the walk: approved artifacts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hooks._core.policy import Policy
from tests import pickle_asm as asm
from tests.artifacts.helpers import rules, scan_bytes


def test_approved_artifact_by_sha256(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("mypkg", "Model") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    digest = hashlib.sha256(data).hexdigest()
    approved = {"approved": [{"path": "m.pkl", "sha256": digest, "reason": "reviewed"}]}
    assert scan_bytes(tmp_path, "m.pkl", data, Policy(root=tmp_path, sections={"artifacts": approved})) == []
    changed = data.replace(b"Model", b"Other")
    policy = Policy(root=tmp_path, sections={"artifacts": approved})
    assert rules(scan_bytes(tmp_path, "m.pkl", changed, policy)) == ["MLS102", "MLS110"]


def test_an_empty_file_named_like_a_model_is_low_and_unknown_bytes_still_block(tmp_path: Path) -> None:
    """Zero bytes are read in full and no loader runs anything from them; unknown bytes (two
    values, no format) are not analysed and fail closed. One value repeated is a fill, low."""
    for name in ("model.pt", "weights.pkl", "bundle.tar"):
        found = scan_bytes(tmp_path, name, b"")
        assert [(f.rule_id, f.severity.value) for f in found] == [("MLS902", "low")], name
        assert "empty" in found[0].message
    found = scan_bytes(tmp_path, "model.pt", b"\x00\x07")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS902", "high")]
    found = scan_bytes(tmp_path, "model.pt", b"\x00")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS902", "low")]
    assert scan_bytes(tmp_path, "notes.txt", b"") == []
