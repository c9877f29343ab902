"""Per-file analysis state: limits, the deadline and the issues found so far."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from hooks._core.findings import Severity
from hooks.artifacts.errors import LimitExceeded
from hooks.artifacts.globals_policy import GlobalsPolicy


@dataclass(frozen=True)
class Limits:
    max_seconds: float = 60.0
    max_opcodes: int = 50_000_000
    max_memo: int = 10_000_000
    max_depth: int = 4
    max_streams: int = 64
    max_decompressed_bytes: int = 4 << 30
    max_ratio: int = 1000
    max_member_in_memory: int = 512 << 20
    max_zip_members: int = 200_000


@dataclass(frozen=True)
class Issue:
    """A finding before it is placed in a file: where in the artifact, and what."""

    rule_id: str
    where: str  # "archive/data.pkl@0x1a3", "stream 2@0x40", ...
    message: str
    content_key: str
    severity: Severity | None = None


@dataclass
class Analysis:
    policy: GlobalsPolicy
    limits: Limits = field(default_factory=Limits)
    issues: list[Issue] = field(default_factory=list)
    deadline: float = 0.0
    opcodes: int = 0

    def __post_init__(self) -> None:
        if not self.deadline:
            self.deadline = time.monotonic() + self.limits.max_seconds

    def add(self, rule_id: str, where: str, message: str, content_key: str, severity: Severity | None = None) -> None:
        self.issues.append(Issue(rule_id, where, message, content_key, severity))

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"analysis took longer than {self.limits.max_seconds:g} s")


def inside(label: str, part: str) -> str:
    """The label of `part` found inside the container called `label` (outermost first)."""
    return f"{label}>{part}" if label else part


def where(label: str, offset: int | None) -> str:
    return label if offset is None else f"{label}@{offset:#x}"
