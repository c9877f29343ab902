"""One blocking finding per file for the personal data in it.

What a reviewer decides about personal data in a committed file is one thing about the file: keep it
out of git, replace its values, or allowlist it as a public or synthetic dataset. A table of people
with an email, a card and a birth-date column is that one decision, not three; a notebook showing the
table in four outputs is one too. So of a file's blocking personal-data findings the most severe (the
first in report order among equals) blocks and names the others; they stay in the report, lowered,
each saying which finding carries the file's decision. Other families (size, credentials, parse
failures) are other decisions and are left as they are. `profile: strict` keeps one blocking finding
per column, as before this grouping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hooks._core.findings import Finding, Severity
from hooks.data import rules

PERSONAL_DATA_RULES = frozenset(
    {rule.rule_id for rule in rules.RULE_FOR_KIND.values()} | {rules.PERSONAL_DATA_COLUMN.rule_id}
)
_NAMED_AT_MOST = 5  # the lead names this many of the others, then counts the rest
_EXAMPLE = ", e.g. "  # where a value finding's redacted example starts: the gist stops before it


def one_decision_per_file(findings: Sequence[Finding]) -> list[Finding]:
    """The findings of one file, with its personal data blocking once."""
    blocking = [f for f in findings if f.rule_id in PERSONAL_DATA_RULES and f.severity.rank >= Severity.MEDIUM.rank]
    if len(blocking) < 2:
        return list(findings)
    lead = min(blocking, key=lambda f: (-f.severity.rank, f.sort_key))
    others = sorted((f for f in blocking if f is not lead), key=lambda f: f.sort_key)
    named = "; ".join(f"{_gist(f)} ({f.rule_id})" for f in others[:_NAMED_AT_MOST])
    if len(others) > _NAMED_AT_MOST:
        named += f"; and {len(others) - _NAMED_AT_MOST} more"
    lead_message = f"{lead.message} [the file's personal data blocks once, here; it also holds: {named}]"
    pointer = f" [the file's personal data blocks once, on {lead.rule_id} at {_place(lead)}]"
    lowered = {id(f) for f in others}
    grouped: list[Finding] = []
    for finding in findings:
        if finding is lead:
            grouped.append(replace(lead, message=lead_message))
        elif id(finding) in lowered:
            grouped.append(replace(finding, severity=Severity.LOW, message=finding.message + pointer))
        else:
            grouped.append(finding)
    return grouped


def _gist(finding: Finding) -> str:
    """The finding's message without its redacted example: where, how many and of what."""
    return finding.message.split(_EXAMPLE, 1)[0]


def _place(finding: Finding) -> str:
    if finding.cell is None:
        return f"line {finding.line}"
    output = f", output {finding.output}" if finding.output is not None else ""
    return f"cell {finding.cell}{output}, line {finding.line}"
