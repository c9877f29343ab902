"""flake8/ruff/nbQA-shaped lines: `path:line:col: RULE [severity] message`."""

from __future__ import annotations

from collections.abc import Sequence

from hooks._core.display import printable
from hooks._core.findings import FileError, Finding
from hooks._core.registry import RuleRegistry


def format_finding(finding: Finding) -> str:
    """One line per finding, whatever the names in it hold (control characters are escaped)."""
    message = printable(finding.message)
    if finding.output is not None:
        message = f"{message} (output {finding.output})"
    where = printable(finding.path)
    if finding.cell is not None:
        where = f"{where}:cell_{finding.cell}"
    return f"{where}:{finding.line}:{finding.column}: {finding.rule_id} [{finding.severity.value}] {message}"


def render(findings: Sequence[Finding], errors: Sequence[FileError], rules: RuleRegistry) -> str:
    lines = [format_finding(f) for f in findings]
    lines += [f"{printable(e.path)}: error: {printable(e.message)}" for e in errors]
    return "\n".join(lines) + ("\n" if lines else "")
