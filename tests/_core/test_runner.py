from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from hooks._core.policy import Policy
from hooks._core.runner import Target, scan_targets
from hooks._core.tail import TailContext
from hooks.catalog import HOOKS as HOOK_SPECS
from hooks.catalog import registry
from tests.artifacts.helpers import malicious_pickle


def test_parallel_scan_equals_sequential(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    targets = []
    for index in range(80):
        path = tmp_path / f"m{index}.pkl"
        path.write_bytes(malicious_pickle(tmp_path / "c") if index % 3 == 0 else pickle.dumps([index]))
        targets.append(Target(path, path.name))
    targets.append(Target(tmp_path / "missing.pkl", "missing.pkl"))
    policy = TailContext(Policy(root=tmp_path), registry())
    monkeypatch.setenv("MLSEC_JOBS", "1")
    sequential = scan_targets(targets, HOOK_SPECS, policy, select=True)
    monkeypatch.setenv("MLSEC_JOBS", "3")
    parallel = scan_targets(targets, HOOK_SPECS, policy, select=True)
    assert sorted(f.sort_key for f in parallel.findings) == sorted(f.sort_key for f in sequential.findings)
    assert len(sequential.findings) == 27
    assert parallel.errors == sequential.errors == sequential.errors[:1]
