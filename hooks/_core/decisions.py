"""A file's findings that are parts of one decision block once.

Some rules report parts of one thing a reviewer decides about a file: the personal data in a
dataset is one decision (keep the file out of git, replace its values, or allowlist it as public or
synthetic data), not one per column, and a notebook showing the table in four outputs is one file.
Such rules name their decision (`Rule.decided_per_file`). Of a file's blocking findings of one
decision, the most severe blocks and names the others (among equals the rule that is more often
right, a value that validated before a column's name, then the first in report order);
they stay in the report, lowered, each pointing at it. It runs last in the run's tail, after rule
overrides, the baseline and `--select`/`--ignore`, so what leads is what is shown: a disabled or
accepted finding never carries a file's decision, and a new column in a file whose old ones were
accepted blocks on its own. `profile: strict` leaves every finding as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hooks._core.findings import Finding, Severity
from hooks._core.registry import RuleRegistry

_NAMED_AT_MOST = 5  # the lead names this many of the others, then counts the rest
_GIST_CHARS = 120  # of each other finding's message, in the lead's
_EXAMPLE = ", e.g. "  # where a message's example starts: the gist stops before it
_PRECISION = {"very-high": 4, "high": 3, "medium": 2, "low": 1}  # Rule.precision, SARIF's scale


def one_decision_per_file(findings: Sequence[Finding], registry: RuleRegistry, profile: str) -> list[Finding]:
    """The findings, with each file's blocking findings of one decision blocking once."""
    if profile == "strict":
        return list(findings)
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        decision = _decision(finding.rule_id, registry)
        if decision and finding.severity.rank >= Severity.MEDIUM.rank:
            groups.setdefault((finding.path, decision), []).append(finding)
    changed: dict[int, Finding] = {}
    for (_, decision), group in groups.items():
        if len(group) > 1:
            changed.update(_decide(group, decision, registry))
    return [changed.get(id(f), f) for f in findings]


def _decide(group: list[Finding], decision: str, registry: RuleRegistry) -> dict[int, Finding]:
    lead = min(group, key=lambda f: (-f.severity.rank, -_PRECISION[registry[f.rule_id].precision], f.sort_key))
    others = sorted((f for f in group if f is not lead), key=lambda f: f.sort_key)
    named = "; ".join(f"{_gist(f)} ({f.rule_id} at {_place(f)})" for f in others[:_NAMED_AT_MOST])
    if len(others) > _NAMED_AT_MOST:
        named += f"; and {len(others) - _NAMED_AT_MOST} more"
    lead_message = f"{lead.message} [the file's {decision} blocks once, here; also: {named}]"
    changed = {id(lead): replace(lead, message=lead_message)}
    pointer = f" [the file's {decision} blocks once, on {lead.rule_id} at {_place(lead)}]"
    for finding in others:
        changed[id(finding)] = replace(finding, severity=Severity.LOW, message=finding.message + pointer)
    return changed


def _decision(rule_id: str, registry: RuleRegistry) -> str:
    # Only our own rules name a decision: a passthrough id (bandit's) is never looked up.
    return registry[rule_id].decided_per_file if registry.declares(rule_id) else ""


def _gist(finding: Finding) -> str:
    """Where, how many and of what: the message before its example, bounded."""
    gist = finding.message.split(_EXAMPLE, 1)[0]
    return gist if len(gist) <= _GIST_CHARS else gist[: _GIST_CHARS - 1] + "…"


def _place(finding: Finding) -> str:
    if finding.cell is None:
        return f"line {finding.line}"
    output = f", output {finding.output}" if finding.output is not None else ""
    return f"cell {finding.cell}{output}, line {finding.line}"
