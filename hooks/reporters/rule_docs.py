"""A rule's documentation, ruff-style: what it finds, why it is dangerous, an example, the fix
and references. The same text is `mlsec rule ID`, the SARIF `help` and `docs/rules/ID.md`."""

from __future__ import annotations

from collections.abc import Iterable

from hooks._core import rules as core_rules
from hooks._core.rules import Rule
from hooks._version import PROJECT_URL, VERSION

_MARKER_RULES = (core_rules.BARE_SUPPRESSION, core_rules.UNKNOWN_SUPPRESSION, core_rules.UNUSED_SUPPRESSION)


def help_uri(rule: Rule) -> str:
    if rule.rule_id.startswith("MLS"):
        return f"{PROJECT_URL}/blob/v{VERSION}/docs/rules/{rule.rule_id}.md"
    return rule.references[0] if rule.references else PROJECT_URL


def rule_markdown(rule: Rule) -> str:
    """The rule's page in Markdown."""
    lines = [f"# {rule.rule_id} {rule.name}", "", f"**{rule.title}**", ""]
    facts = [f"Hook: `{_hook(rule)}`", f"Severity: {rule.severity.value}"]
    if rule.strict_severity is not None:
        facts.append(f"with `profile: strict`: {rule.strict_severity.value}")
    if rule.cwe:
        facts.append(f"[CWE-{rule.cwe}](https://cwe.mitre.org/data/definitions/{rule.cwe}.html)")
    facts.append(f"Precision: {rule.precision}")
    lines += [" · ".join(facts), ""]
    lines += ["## What it finds", "", rule.what, ""]
    if rule.decided_per_file:
        lines += [
            f"A file's {rule.decided_per_file} is one decision: of its blocking findings of the rules that share it,"
            " the most severe blocks and names the others, which are reported low, pointing at it"
            " (`profile: strict` blocks each).",
            "",
        ]
    if rule.why:
        lines += ["## Why it matters", "", rule.why, ""]
    if rule.example:
        lines += ["## Example", "", "```", rule.example, "```", ""]
    if rule.fix:
        lines += ["## How to fix it", "", rule.fix, ""]
    if rule.rule_id.startswith("MLS") and rule not in _MARKER_RULES:
        lines += [
            "## Accepting it",
            "",
            f"On the line or the comment line above: `# mlsec: ignore[{rule.rule_id}] reason`; for the whole"
            f" repository: `rules: {{{rule.rule_id}: {{enabled: false}}}}` in `.mlsec.yaml`; or a baseline"
            " entry (`mlsec baseline --reason ...`).",
            "",
        ]
    if rule.references:
        lines += ["## References", "", *(f"- {reference}" for reference in rule.references), ""]
    return "\n".join(lines)


def rule_text(rule: Rule) -> str:
    """The same page for a terminal: plain text, paragraphs wrapped at 88 columns."""
    import textwrap

    out = [f"{rule.rule_id} {rule.name}: {rule.title}", f"  hook {_hook(rule)}, severity {rule.severity.value}"]
    if rule.strict_severity is not None:
        out[-1] += f" (strict profile: {rule.strict_severity.value})"
    if rule.cwe:
        out[-1] += f", CWE-{rule.cwe}"

    def paragraph(heading: str, body: str) -> None:
        if body:
            out.extend(["", f"{heading}:", *textwrap.wrap(body, 88, initial_indent="  ", subsequent_indent="  ")])

    paragraph("What it finds", rule.what)
    paragraph("Why it matters", rule.why)
    if rule.example:
        out += ["", "Example:", *(f"  {line}" for line in rule.example.splitlines())]
    paragraph("Fix", rule.fix)
    if rule.references:
        out += ["", "References:", *(f"  {reference}" for reference in rule.references)]
    return "\n".join(out) + "\n"


def _hook(rule: Rule) -> str:
    return {"core": "all hooks", "dockerfile": "mlsec-dockerfile"}.get(rule.scanner, f"mlsec-{rule.scanner}")


def rule_record(rule: Rule) -> dict[str, object]:
    """The rule as `mlsec rule ID --format json` and `mlsec rules --format json` print it."""
    return {
        "id": rule.rule_id,
        "name": rule.name,
        "hook": _hook(rule),
        "severity": rule.severity.value,
        "strict_severity": rule.strict_severity.value if rule.strict_severity is not None else None,
        "title": rule.title,
        "cwe": rule.cwe,
        "precision": rule.precision,
        "what": rule.what,
        "why": rule.why,
        "example": rule.example,
        "fix": rule.fix,
        "references": list(rule.references),
        "help_uri": help_uri(rule),
    }


def rules_table_markdown(rules: Iterable[Rule]) -> str:
    """README's rule table, each id linked to its page (docs/rules/ for ours), with the severity
    under each profile."""
    lines = ["| id | scanner | severity | strict | title | CWE |", "|---|---|---|---|---|---|"]
    for rule in rules:
        cwe = f"CWE-{rule.cwe}" if rule.cwe else ""
        target = f"docs/rules/{rule.rule_id}.md" if rule.rule_id.startswith("MLS") else help_uri(rule)
        link = f"[{rule.rule_id}]({target})"
        strict = rule.severity_for("strict").value
        lines.append(f"| {link} | {rule.scanner} | {rule.severity.value} | {strict} | {rule.title} | {cwe} |")
    return "\n".join(lines)


def rule_pages(rules: Iterable[Rule]) -> dict[str, str]:
    """`docs/rules/` as it should be: file name -> content (a test keeps the folder equal to it)."""
    pages = {f"{rule.rule_id}.md": rule_markdown(rule) for rule in rules}
    index = ["# Rules", "", "Generated from the rule registry by `python scripts/sync_readme.py`; do not edit.", ""]
    index += [f"- [{name[:-3]}]({name})" for name in sorted(pages)]
    pages["README.md"] = "\n".join(index) + "\n"
    return pages
