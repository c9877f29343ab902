"""What a model file's verdict depends on besides its bytes (for hooks/_core/cache.py): its gate
record, when the policy requires one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hooks._core.policy import Policy
from hooks._shared.gate_record import is_gated_model, record_path


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    if policy.section("artifacts").get("require_gate_record") and is_gated_model(display):
        return [record_path(path)]
    return []
