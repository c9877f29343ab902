from __future__ import annotations

import os
import pickle
from pathlib import Path

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks.artifacts.spec import SPEC
from tests.scanning import findings_of


class Payload:
    """Pickles as `func(*args)`. Dumping never runs it; only loading would."""

    def __init__(self, func: object, *args: object) -> None:
        self.func, self.args = func, args

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return self.func, self.args


def canary_command(canary: Path) -> str:
    return f"touch {canary}"


def malicious_pickle(canary: Path, protocol: int = 2) -> bytes:
    return pickle.dumps(Payload(os.system, canary_command(canary)), protocol=protocol)


def scan_bytes(directory: Path, name: str, data: bytes, policy: Policy | None = None) -> list[Finding]:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return findings_of(SPEC, path, name, policy or Policy(root=directory))


def rules(findings: list[Finding]) -> list[str]:
    return sorted(f.rule_id for f in findings)
