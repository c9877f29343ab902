"""GitLab Code Quality JSON (the `codequality` report artifact): one issue object per finding,
shown in merge-request widgets and diffs.

Fields GitLab requires: `description`, `check_name`, `fingerprint` (unique per issue), `severity`
(info, minor, major, critical, blocker) and `location.path` with `location.lines.begin`. Notebook
findings point at the line of the raw `.ipynb` file, as in SARIF, because GitLab shows the file
as it is.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from hooks._core.findings import FileError, Finding, Severity
from hooks.reporters import ReportContext

SEVERITIES = {Severity.LOW: "minor", Severity.MEDIUM: "major", Severity.HIGH: "critical", Severity.CRITICAL: "blocker"}


def _issue(finding: Finding, occurrence: int, context: ReportContext, line: int, end_line: int) -> dict[str, Any]:
    rule = context.rule(finding.rule_id)
    description = f"{finding.rule_id} {finding.message}"
    if finding.cell is not None:
        place = f"cell {finding.cell}" + (f", output {finding.output}" if finding.output is not None else "")
        description += f" ({place}, line {finding.line} of the cell)"
    unique = f"{finding.fingerprint}:{occurrence}"
    return {
        "type": "issue",
        "check_name": finding.rule_id,
        "description": description,
        "content": {"body": rule.help or rule.title},
        "categories": ["Security"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": hashlib.sha256(unique.encode()).hexdigest()[:32],
        "location": {"path": finding.path, "lines": {"begin": line, "end": max(line, end_line)}},
    }


def render(findings: Sequence[Finding], errors: Sequence[FileError], context: ReportContext) -> str:
    from hooks.reporters.sarif_report import Sources

    sources = Sources(context.root)
    seen: Counter[str] = Counter()
    issues: list[dict[str, Any]] = []
    for finding in findings:
        seen[finding.fingerprint] += 1
        region = sources.region(finding)
        start = region["startLine"]
        issues.append(_issue(finding, seen[finding.fingerprint], context, start, region.get("endLine", start)))
    for error in errors:
        key = hashlib.sha256(f"error\0{error.path}\0{error.message}".encode("utf-8", "surrogatepass"))
        issues.append(
            {
                "type": "issue",
                "check_name": "unreadable",
                "description": f"{error.path}: {error.message} (not analysed)",
                "categories": ["Security"],
                "severity": "blocker",
                "fingerprint": key.hexdigest()[:32],
                "location": {"path": error.path, "lines": {"begin": 1}},
            }
        )
    return json.dumps(issues, indent=2) + "\n"
