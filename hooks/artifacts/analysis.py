"""Per-file analysis state: limits, the deadline and the issues found so far."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from hooks._core.findings import Issue, Severity
from hooks._core.rules import Rule
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


@dataclass
class Analysis:
    policy: GlobalsPolicy
    limits: Limits = field(default_factory=Limits)
    issues: list[Issue] = field(default_factory=list)
    deadline: float = 0.0
    opcodes: int = 0
    _keys: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.deadline:
            self.deadline = time.monotonic() + self.limits.max_seconds

    def add(self, rule: Rule, where: str, message: str, content_key: str, severity: Severity | None = None) -> None:
        """`where` places it inside the artifact: "file", "archive/data.pkl@0x1a3", "stream 2@0x40"."""
        if content_key in self._keys.get(rule.rule_id, ()):
            return  # the same thing seen again (a flood of one opcode): one finding, bounded memory
        self._keys.setdefault(rule.rule_id, set()).add(content_key)
        text = message if where == "file" else f"{where} {message}"
        self.issues.append(Issue(rule, text, content_key, severity=severity))

    def rollback(self, mark: int) -> None:
        """Forget the issues found since `mark` (a tentative parse that turned out not to apply)."""
        for issue in self.issues[mark:]:
            self._keys.get(issue.rule.rule_id, set()).discard(issue.key)
        del self.issues[mark:]

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"analysis took longer than {self.limits.max_seconds:g} s")


def inside(label: str, part: str) -> str:
    """The label of `part` found inside the container called `label` (outermost first)."""
    return f"{label}>{part}" if label else part


def where(label: str, offset: int | None) -> str:
    return label if offset is None else f"{label}@{offset:#x}"
