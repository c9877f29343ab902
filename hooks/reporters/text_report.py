"""flake8/ruff/nbQA-shaped lines: `path:line:col: RULE [severity] message`."""

from __future__ import annotations

from collections.abc import Sequence

from hooks._core.display import printable
from hooks._core.findings import FileError, Finding, Severity
from hooks.reporters import ReportContext

_BOLD, _RESET = "\033[1m", "\033[0m"
_SEVERITY_COLORS = {
    Severity.CRITICAL: "\033[1;31m",
    Severity.HIGH: "\033[31m",
    Severity.MEDIUM: "\033[33m",
    Severity.LOW: "\033[36m",
}


def format_finding(finding: Finding, color: bool = False) -> str:
    """One line per finding, whatever the names in it hold (control characters are escaped)."""
    message = printable(finding.message)
    if finding.output is not None:
        message = f"{message} (output {finding.output})"
    where = printable(finding.path)
    if finding.cell is not None:
        where = f"{where}:cell_{finding.cell}"
    severity = f"[{finding.severity.value}]"
    place = f"{where}:{finding.line}:{finding.column}:"
    if color:
        paint = _SEVERITY_COLORS[finding.severity]
        place = f"{_BOLD}{place}{_RESET}"
        severity = f"{paint}{severity}{_RESET}"
        return f"{place} {paint}{finding.rule_id}{_RESET} {severity} {message}"
    return f"{place} {finding.rule_id} {severity} {message}"


def render(findings: Sequence[Finding], errors: Sequence[FileError], context: ReportContext) -> str:
    lines = [format_finding(f, context.color) for f in findings]
    lines += [f"{printable(e.path)}: error: {printable(e.message)}" for e in errors]
    return "\n".join(lines) + ("\n" if lines else "")
