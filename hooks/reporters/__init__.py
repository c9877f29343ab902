"""One formatter per output format behind one function, imported only when used."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hooks._core.findings import FileError, Finding, Severity
from hooks._core.policy import Policy
from hooks._core.registry import RuleRegistry
from hooks._core.rules import Rule

FORMATS = ("text", "json", "sarif", "gitlab")


@dataclass(frozen=True)
class ReportContext:
    """What a formatter may need beyond the findings: rule metadata, the policy that graded
    them, and the repository root (SARIF places notebook findings in the raw file)."""

    registry: RuleRegistry
    root: Path = field(default_factory=Path.cwd)
    policy: Policy | None = None
    category: str | None = None  # SARIF automationDetails.id, e.g. one shard of a split run
    color: bool = False

    def rule(self, rule_id: str) -> Rule:
        found = self.registry.get(rule_id)
        if found is not None:
            return found
        return Rule(rule_id, "Unknown" + rule_id, "unknown", Severity.MEDIUM, rule_id, what="No description.")

    def severity_of(self, rule: Rule) -> Severity:
        """The rule's severity as this run's policy grades it (override, then profile)."""
        if self.policy is None:
            return rule.severity
        override = self.policy.rules.get(rule.rule_id)
        if override is not None and override.severity is not None:
            return override.severity
        return rule.severity_for(self.policy.profile)


def render(fmt: str, findings: Sequence[Finding], errors: Sequence[FileError], context: ReportContext) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"hooks.reporters.{fmt}_report")
    ordered = sorted(findings, key=lambda f: f.sort_key)
    text: str = module.render(ordered, list(errors), context)
    return text
