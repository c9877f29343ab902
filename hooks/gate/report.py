"""The gate's output formats: a text table, JSON (the record), SARIF (each failed check a result
on the model file) and Markdown for a CI job summary."""

from __future__ import annotations

import json
from typing import Any

from hooks._core.findings import Finding, make_finding
from hooks.gate import rules
from hooks.gate.record import Outcome
from hooks.gate.text import markdown_cell, safe_text
from hooks.gate.verdict import Measurement


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _result(measurement: Measurement) -> str:
    return {True: "pass", False: "FAIL", None: "info"}[measurement.passed]


def _threshold(measurement: Measurement) -> str:
    if measurement.threshold is None:
        return "-"
    return f"{measurement.comparison} {measurement.threshold:.4f}"


def _headline(outcome: Outcome) -> str:
    if outcome.blocked:
        return "not loaded: the artifact scan found code execution risks (see above)"
    if outcome.refused is not None:
        return f"not loaded: the restricted unpickler refused {outcome.refused}"
    failed = sum(1 for m in outcome.measurements if m.passed is False)
    return f"{failed} check(s) failed" if failed else "every check passed"


def render_text(outcome: Outcome) -> str:
    lines = [f"mlsec gate: {safe_text(outcome.model_display)} on {safe_text(outcome.data_display)}"]
    for finding in outcome.blocked:
        lines.append(
            f"{finding.path}:{finding.line}:{finding.column}: {finding.rule_id} [{finding.severity.value}] "
            f"{finding.message}"
        )
    if outcome.adapter:
        lines.append(f"model attacked as: {outcome.adapter}")
    if outcome.measurements:
        rows = [("check", "metric", "value", "threshold", "result")]
        rows += [(m.check, m.metric, _number(m.value), _threshold(m), _result(m)) for m in outcome.measurements]
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        for row in rows:
            lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    lines.append(f"verdict: {outcome.verdict.upper()} ({_headline(outcome)})")
    return "\n".join(lines) + "\n"


def render_markdown(outcome: Outcome) -> str:
    mark = "✅ pass" if outcome.verdict == "pass" else "❌ fail"
    lines = [
        f"### mlsec gate: {mark}",
        "",
        f"Model `{markdown_cell(outcome.model_display)}` (sha256 `{outcome.model_sha256[:12]}`) on "
        f"`{markdown_cell(outcome.data_display)}` ({outcome.rows} rows): {markdown_cell(_headline(outcome), 200)}.",
        "",
    ]
    if outcome.blocked:
        lines += ["| rule | severity | finding |", "|---|---|---|"]
        lines += [f"| {f.rule_id} | {f.severity.value} | {markdown_cell(f.message, 200)} |" for f in outcome.blocked]
        lines.append("")
    if outcome.measurements:
        lines += ["| check | metric | value | threshold | result |", "|---|---|---:|---|---|"]
        for m in outcome.measurements:
            result = {True: "pass", False: "**fail**", None: "info"}[m.passed]
            threshold = markdown_cell(_threshold(m))
            lines.append(f"| {m.check} | {markdown_cell(m.metric)} | {_number(m.value)} | {threshold} | {result} |")
        lines.append("")
    if outcome.adapter:
        lines.append(
            f"Attacked as: {markdown_cell(outcome.adapter, 200)}. Policy sha256 `{outcome.policy_sha256[:12]}`."
        )
    return "\n".join(lines) + "\n"


def failed_findings(outcome: Outcome) -> list[Finding]:
    """A failed check as a finding on the model file (SARIF results), plus the blocking ones."""
    findings = list(outcome.blocked)
    if outcome.blocked or outcome.refused is not None:
        reason = "refused " + outcome.refused if outcome.refused is not None else "artifact scan findings"
        findings.append(
            make_finding(
                rules.MODEL_NOT_LOADED,
                outcome.model_display,
                f"model not loaded: {reason}",
                content_key=outcome.model_sha256,
            )
        )
    for m in outcome.measurements:
        if m.passed is False:
            message = f"{m.check} {m.metric} = {m.value:.4f}, policy requires {m.comparison} {m.threshold:.4f}"
            findings.append(
                make_finding(
                    m.rule, outcome.model_display, message, content_key=f"{outcome.model_sha256}:{m.check}:{m.metric}"
                )
            )
    return findings


def render(fmt: str, outcome: Outcome, record: dict[str, Any] | None = None) -> str:
    """text, markdown or json; SARIF is rendered by the command with the shared SARIF reporter
    from `failed_findings` (this package imports no reporter)."""
    if fmt == "text":
        return render_text(outcome)
    if fmt == "markdown":
        return render_markdown(outcome)
    if fmt == "json":
        return json.dumps(record if record is not None else outcome.as_record(), indent=2) + "\n"
    raise ValueError(f"unknown format {fmt!r}")
