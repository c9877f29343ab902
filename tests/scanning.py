"""Run one hook on one file the way the hook does (scanner, then the filtering tail)."""

from __future__ import annotations

from pathlib import Path

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks._core.runner import scan_file
from hooks._core.spec import HookSpec
from hooks._core.tail import TailContext
from hooks._shared.redaction import mask_credentials
from hooks.catalog import registry


def findings_of(spec: HookSpec, path: Path, display: str, policy: Policy) -> list[Finding]:
    return scan_file(spec, path, display, TailContext(policy, registry(), mask_credentials))
