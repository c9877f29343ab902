"""SARIF 2.1.0 as GitHub code scanning reads it, written with the standard library.

What GitHub does with each field decides its shape:
- rule `security-severity` ranks security alerts, so it carries the severity this run's policy
  gives the rule (an override such as `MLS501: {severity: critical}` reaches GitHub); each result
  also carries its own graded `level` and `security-severity`;
- GitHub shows the file as it is, so a notebook finding points at the line and column of that
  cell-source (or output) line inside the raw `.ipynb` JSON; `cell`/`output` stay in properties;
- `partialFingerprints.primaryLocationLineHash` is what GitHub tracks alerts by across commits:
  it is derived from our content fingerprint (never from the line number), so an edit elsewhere
  in the file keeps the alert;
- `help.markdown` is the rule's page (the same text as `docs/rules/ID.md` and `mlsec rule ID`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hooks._core.findings import FileError, Finding, Severity
from hooks._core.rules import Rule
from hooks._version import PROJECT_URL, VERSION
from hooks.reporters import ReportContext
from hooks.reporters.rule_docs import help_uri, rule_markdown, rule_text

if TYPE_CHECKING:
    from hooks._core.notebook_positions import NotebookPositions

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "mlsec-hooks"
LEVELS = {Severity.LOW: "note", Severity.MEDIUM: "warning", Severity.HIGH: "error", Severity.CRITICAL: "error"}
# GitHub code scanning ranks security alerts by this CVSS-like score: >= 9.0 critical,
# 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
SECURITY_SEVERITY = {Severity.LOW: "3.0", Severity.MEDIUM: "5.5", Severity.HIGH: "8.0", Severity.CRITICAL: "9.5"}
_PROBLEM_SEVERITY = {"note": "recommendation", "warning": "warning", "error": "error"}
MAX_SOURCE_BYTES = 32 << 20  # files read back to place regions; a larger one keeps line-only regions
MAX_TAGS = 10  # GitHub keeps only the first 10 tags of a rule


def _rule_descriptor(rule: Rule, context: ReportContext) -> dict[str, Any]:
    severity = context.severity_of(rule)
    level = LEVELS[severity]
    tags = ["security", rule.scanner]
    if rule.cwe:
        tags.append(f"external/cwe/cwe-{rule.cwe}")
    return {
        "id": rule.rule_id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.help or rule.title},
        "help": {"text": rule_text(rule), "markdown": rule_markdown(rule)},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": level},
        "properties": {
            "tags": tags[:MAX_TAGS],
            "precision": rule.precision,
            "security-severity": SECURITY_SEVERITY[severity],
            "problem.severity": _PROBLEM_SEVERITY[level],
        },
    }


class Sources:
    """The scanned files read back (bounded, regular files inside the root) to place regions."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        # Findings come sorted by path: one file is held at a time, so memory stays flat.
        self._texts: dict[str, str | None] = {}
        self._lines: dict[str, list[str]] = {}
        self._notebooks: dict[str, NotebookPositions | None] = {}

    def text(self, display: str) -> str | None:
        if display not in self._texts:
            self._texts.clear()
            self._lines.clear()
            self._notebooks.clear()
            self._texts[display] = self._read(display)
        return self._texts[display]

    def lines(self, display: str) -> list[str] | None:
        text = self.text(display)
        if text is None:
            return None
        if display not in self._lines:
            self._lines[display] = text.split("\n")
        return self._lines[display]

    def _read(self, display: str) -> str | None:
        from hooks._core.textfile import read_text

        path = (self.root / display).resolve()
        if path != self.root and self.root not in path.parents:
            return None
        try:
            read = read_text(path, MAX_SOURCE_BYTES)
        except (OSError, ValueError):
            return None
        return read.text if read.ok else None

    def notebook(self, display: str) -> NotebookPositions | None:
        from hooks._core.notebook_positions import NotebookPositions

        if display not in self._notebooks:
            text = self.text(display)
            self._notebooks.clear()
            self._notebooks[display] = None if text is None else NotebookPositions(text)
        return self._notebooks[display]

    def region(self, finding: Finding) -> dict[str, int]:
        if finding.cell is not None:
            return self._notebook_region(finding)
        region = {"startLine": finding.line, "startColumn": finding.column}
        last = finding.end_line or finding.line
        if last > finding.line:
            region["endLine"] = last
        lines = self.lines(finding.path) if not finding.path.endswith(".ipynb") else None
        if lines is not None and last <= len(lines):
            end_column = len(lines[last - 1].rstrip("\r")) + 1
            if last > finding.line or end_column > finding.column:
                region["endLine"] = last
                region["endColumn"] = end_column
        return region

    def _notebook_region(self, finding: Finding) -> dict[str, int]:
        assert finding.cell is not None
        positions = self.notebook(finding.path)
        if positions is None:
            return {"startLine": 1, "startColumn": 1}
        first = positions.span(finding.cell, finding.line, finding.output, finding.column)
        if first is None:
            return {"startLine": 1, "startColumn": 1}
        (line, column), (end_line, end_column) = first
        if finding.end_line is not None and finding.end_line > finding.line:
            last = positions.span(finding.cell, finding.end_line, finding.output)
            if last is not None:
                end_line, end_column = last[1]
        region = {"startLine": line, "startColumn": column}
        if (end_line, end_column) > (line, column):
            region["endLine"] = end_line
            region["endColumn"] = end_column
        return region


def _result(finding: Finding, rule_index: int, occurrence: int, sources: Sources) -> dict[str, Any]:
    message = finding.message
    properties: dict[str, Any] = {
        "severity": finding.severity.value,
        "security-severity": SECURITY_SEVERITY[finding.severity],
    }
    if finding.confidence is not None:
        properties["confidence"] = finding.confidence
        # GitHub code scanning's word for how often a result of this kind is right.
        properties["precision"] = finding.confidence
    if finding.cell is not None:
        place = f"cell {finding.cell}" + (f", output {finding.output}" if finding.output is not None else "")
        message = f"{message} ({place}, line {finding.line} of the cell)"
        properties["cell"] = finding.cell
        properties["output"] = finding.output
        properties["cellLine"] = finding.line
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.path, "uriBaseId": "%SRCROOT%"},
                    "region": sources.region(finding),
                }
            }
        ],
        "partialFingerprints": {
            "mlsecFingerprint/v1": finding.fingerprint,
            # GitHub's own form is `<hash>:<n>`, n counting equal hashes in one file.
            "primaryLocationLineHash": f"{finding.fingerprint[:16]}:{occurrence}",
        },
        "properties": properties,
    }


def render(findings: Sequence[Finding], errors: Sequence[FileError], context: ReportContext) -> str:
    used = sorted({f.rule_id for f in findings} | set(context.registry.ids()))
    index = {rule_id: position for position, rule_id in enumerate(used)}
    sources = Sources(context.root)
    seen: Counter[str] = Counter()
    results = []
    for finding in findings:
        seen[finding.fingerprint] += 1
        results.append(_result(finding, index[finding.rule_id], seen[finding.fingerprint], sources))
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{error.path}: {error.message}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": error.path, "uriBaseId": "%SRCROOT%"}}}],
        }
        for error in errors
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": VERSION,
                "semanticVersion": VERSION,
                "informationUri": PROJECT_URL,
                "rules": [_rule_descriptor(context.rule(rule_id), context) for rule_id in used],
            }
        },
        # The category GitHub keeps one analysis per (a hook, or `mlsec`); the trailing slash
        # lets GitHub number the runs.
        "automationDetails": {"id": f"{context.category or TOOL_NAME}/"},
        "results": results,
        "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2) + "\n"
