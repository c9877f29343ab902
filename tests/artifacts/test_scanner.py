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
