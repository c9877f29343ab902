"""SARIF 2.1.0, written with the standard library; rule metadata comes from the registry."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from hooks._core.findings import FileError, Finding, Severity
from hooks._core.registry import RuleRegistry
from hooks._core.rules import Rule
from hooks._version import VERSION

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.LOW: "note", Severity.MEDIUM: "warning", Severity.HIGH: "error", Severity.CRITICAL: "error"}
# GitHub code scanning ranks alerts by this CVSS-like number.
_SECURITY_SEVERITY = {Severity.LOW: "3.0", Severity.MEDIUM: "5.5", Severity.HIGH: "8.0", Severity.CRITICAL: "9.5"}


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    tags = ["security", rule.scanner]
    if rule.cwe:
        tags.append(f"external/cwe/cwe-{rule.cwe}")
    return {
        "id": rule.rule_id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.help},
        "help": {"text": rule.help, "markdown": rule.help},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": tags, "security-severity": _SECURITY_SEVERITY[rule.severity]},
    }


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    message = finding.message
    if finding.cell is not None:
        place = f"cell {finding.cell}" + (f", output {finding.output}" if finding.output is not None else "")
        message = f"{message} ({place}, line {finding.line} of the cell)"
    properties: dict[str, Any] = {"severity": finding.severity.value}
    if finding.confidence is not None:
        # GitHub code scanning's word for how often a result of this kind is right.
        properties["precision"] = finding.confidence
    if finding.cell is not None:
        properties["cell"] = finding.cell
        properties["output"] = finding.output
    line = finding.line if finding.cell is None else 1
    column = finding.column if finding.cell is None else 1
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.path, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": line, "startColumn": column},
                }
            }
        ],
        "partialFingerprints": {"mlsecFingerprint/v1": finding.fingerprint},
        "properties": properties,
    }


def render(findings: Sequence[Finding], errors: Sequence[FileError], rules: RuleRegistry) -> str:
    used = sorted({f.rule_id for f in findings} | set(rules.ids()))
    index = {rule_id: position for position, rule_id in enumerate(used)}
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
                "name": "mlsec-hooks",
                "version": VERSION,
                "semanticVersion": VERSION,
                "rules": [_rule_descriptor(_rule(rules, rule_id)) for rule_id in used],
            }
        },
        "results": [_result(f, index[f.rule_id]) for f in findings],
        "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2) + "\n"


def _rule(rules: RuleRegistry, rule_id: str) -> Rule:
    found = rules.get(rule_id)
    if found is not None:
        return found
    return Rule(rule_id, "Unknown" + rule_id, "unknown", Severity.MEDIUM, rule_id, what="No description is available.")
