"""The one filtering tail every finding passes, the same way for every scanner and file type
(as flake8's style guide does it): exact duplicates, excluded paths, inline markers (ours and
each hook's foreign ones), marker hygiene (MLS001 bare, MLS002 unknown id, MLS003 unused),
rule overrides and the profile. The baseline comes last, over the whole run (`apply_baseline`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from hooks._core import rules as core_rules
from hooks._core.findings import Finding, make_finding
from hooks._core.markers import Marker, parse_markers
from hooks._core.paths import is_excluded
from hooks._core.policy import Policy
from hooks._core.registry import RuleRegistry
from hooks._core.rules import Rule
from hooks._core.scanner import FileReport
from hooks._core.selection import selects
from hooks._core.spec import HookSpec

if TYPE_CHECKING:
    from hooks._core.baseline import Baseline

PROSE_SUFFIXES = frozenset({".md", ".markdown", ".rst", ".txt"})


@dataclass
class TailContext:
    policy: Policy
    registry: RuleRegistry
    # The last pass over every message before it is kept, cached or shown: the run hands in
    # `hooks._shared.redaction.mask_credentials`, so no quoted credential reaches a report.
    shown: Callable[[str], str] | None = None

    def marker_owner(self, path: Path, display: str) -> HookSpec | None:
        """The hook that checks this file's suppression comments: among the hooks that would
        receive the file, the one with the lowest `marker_priority`."""
        prose = PurePosixPath(display).suffix.lower() in PROSE_SUFFIXES
        for spec in sorted(self.registry.specs, key=lambda s: s.marker_priority):
            if prose and not spec.marker_prose:
                continue
            if selects(spec, path, display):
                return spec
        return None


@dataclass
class _Part:
    """The markers of one text a scanner read (a file, or a notebook cell)."""

    lines: list[str]
    by_line: dict[int, list[Marker]] = field(default_factory=dict)
    used: set[tuple[int, str]] = field(default_factory=set)  # (line, id) of our markers that silenced something

    @classmethod
    def parse(cls, lines: list[str], spec: HookSpec) -> _Part:
        part = cls(lines)
        keywords = ("mlsec", *(m.keyword for m in spec.markers))
        for number, line in enumerate(lines, 1):
            lowered = line.lower()
            if any(keyword in lowered for keyword in keywords):
                found = parse_markers(line, spec.markers)
                if found:
                    part.by_line[number] = found
        return part

    def candidates(self, finding: Finding) -> Iterable[tuple[int, Marker]]:
        last = finding.end_line or finding.line
        for number in range(finding.line, last + 1):
            for marker in self.by_line.get(number, ()):
                if not marker.next_line_only:
                    yield number, marker
        for marker in self.by_line.get(finding.line - 1, ()):
            # Ours reach the next line from a comment line; other tools' only where they say so.
            if (marker.own_line and marker.kind == "mlsec") or marker.next_line_only:
                yield finding.line - 1, marker


def _names(rule_id: str, spec: HookSpec) -> set[str]:
    """The ids that stand for this finding in a marker: its own and its equivalents."""
    names = {rule_id}
    names |= spec.equivalent_ids.get(rule_id, frozenset())
    names |= {ours for ours, theirs in spec.equivalent_ids.items() if rule_id in theirs}
    return names


def _silences(marker: Marker, rule_id: str, spec: HookSpec) -> str | None:
    """The id through which `marker` silences `rule_id` ('*' for a bare foreign marker), else None."""
    if marker.ids:
        hit = _names(rule_id, spec) & set(marker.ids)
        return min(hit) if hit else None
    if marker.kind == "mlsec":
        return None  # a bare `# mlsec: ignore` silences nothing (MLS001 says so)
    foreign = next(m for m in spec.markers if m.name == marker.kind)
    return "*" if foreign.bare_covers and re.fullmatch(foreign.bare_covers, rule_id) else None


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    kept: list[Finding] = []
    for finding in findings:
        key = (
            finding.rule_id,
            finding.path,
            finding.cell,
            finding.output,
            finding.line,
            finding.column,
            finding.message,
        )
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def filter_file(report: FileReport, spec: HookSpec, context: TailContext, *, path: Path, display: str) -> list[Finding]:
    """What one hook reports for one file after markers, hygiene and the policy."""
    policy = context.policy
    findings = [f for f in _dedupe(report.findings) if not is_excluded(f.path, policy.exclude)]
    parts = {key: _Part.parse(lines, spec) for key, lines in report.texts.items()}
    parts = {key: part for key, part in parts.items() if part.by_line}
    kept: list[Finding] = []
    for finding in findings:
        part = parts.get((finding.path, finding.cell)) if finding.output is None else None
        if part is not None and _suppressed(finding, part, spec):
            continue
        kept.append(finding)
    if parts:
        hygiene = _hygiene(parts, spec, context, path, display)
        shown = context.shown
        # A marker's text is the file's own words (`# mlsec: ignore[AKIA...]`): masked like every message.
        kept.extend(hygiene if shown is None else [replace(f, message=shown(f.message)) for f in hygiene])
    return apply_rule_policy(kept, policy, context.registry)


def _suppressed(finding: Finding, part: _Part, spec: HookSpec) -> bool:
    for number, marker in part.candidates(finding):
        through = _silences(marker, finding.rule_id, spec)
        if through is not None:
            if marker.kind == "mlsec":
                part.used.add((number, through))
            return True
    return False


def _hygiene(
    parts: dict[tuple[str, int | None], _Part], spec: HookSpec, context: TailContext, path: Path, display: str
) -> list[Finding]:
    owner: HookSpec | bool | None = False  # computed on first need: it may read the file's head
    findings: list[Finding] = []

    def is_owner() -> bool:
        nonlocal owner
        if owner is False:
            owner = context.marker_owner(path, display)
        return owner is spec

    for (part_path, cell), part in parts.items():
        for number, markers in part.by_line.items():
            text = part.lines[number - 1].strip()
            for marker in markers:
                if marker.kind != "mlsec":
                    continue
                if marker.is_bare:
                    if is_owner():
                        findings.append(
                            make_finding(
                                core_rules.BARE_SUPPRESSION,
                                part_path,
                                "`# mlsec: ignore` without a rule id suppresses nothing; name the rule",
                                content_key=f"bare:{text}",
                                line=number,
                                column=marker.column,
                                cell=cell,
                            )
                        )
                    continue
                for rule_id in marker.ids:
                    problem = _marker_id_problem(rule_id, number, text, part, spec, context, is_owner)
                    if problem is not None:
                        rule, message, key = problem
                        findings.append(
                            make_finding(
                                rule, part_path, message, content_key=key, line=number, column=marker.column, cell=cell
                            )
                        )
    return findings


def _marker_id_problem(
    rule_id: str,
    number: int,
    text: str,
    part: _Part,
    spec: HookSpec,
    context: TailContext,
    is_owner: Callable[[], bool],
) -> tuple[Rule, str, str] | None:
    """MLS002 for an id no rule has (the owner hook says it), MLS003 for an id of this hook's
    that silenced nothing on its line."""
    registry = context.registry
    rule = registry.get(rule_id)
    if rule is None:
        if not is_owner():
            return None
        hint = ""
        import difflib

        close = difflib.get_close_matches(rule_id, registry.ids(), n=1)
        if close:
            hint = f"; did you mean {close[0]}?"
        return (
            core_rules.UNKNOWN_SUPPRESSION,
            f"`# mlsec: ignore[{_printable(rule_id)}]` names no known rule{hint}",
            f"unknown:{rule_id}:{text}",
        )
    if registry.owner_of(rule_id) is not spec or not rule_id.startswith("MLS"):
        return None  # another hook's rule (that hook judges it), or a passthrough id
    override = context.policy.rules.get(rule_id)
    if override is not None and not override.enabled:
        return None
    if (number, rule_id) in part.used:
        return None
    return (
        core_rules.UNUSED_SUPPRESSION,
        f"`# mlsec: ignore[{rule_id}]`: {rule_id} reports nothing here; remove the id or the marker",
        f"unused:{rule_id}:{text}",
    )


def _printable(text: str) -> str:
    return "".join(char if char.isprintable() else "?" for char in text)[:40]


def apply_rule_policy(findings: Sequence[Finding], policy: Policy, registry: RuleRegistry) -> list[Finding]:
    """Rule overrides (`rules: {MLS501: {severity: high}}`, `enabled: false`) and the profile."""
    kept: list[Finding] = []
    for finding in findings:
        override = policy.rules.get(finding.rule_id)
        if override is not None and not override.enabled:
            continue
        if override is not None and override.severity is not None:
            kept.append(finding.with_severity(override.severity))
            continue
        if policy.profile != "default":
            rule = registry.get(finding.rule_id)
            if rule is not None and finding.severity == rule.severity:
                finding = finding.with_severity(rule.severity_for(policy.profile))
        kept.append(finding)
    return kept


def apply_baseline(findings: Sequence[Finding], baseline: Baseline | None) -> tuple[list[Finding], int]:
    """Findings the baseline does not accept, and how many it accepted."""
    if baseline is None:
        return list(findings), 0
    return baseline.split(findings)


def collapse_run_wide(findings: Sequence[Finding], registry: RuleRegistry) -> list[Finding]:
    """Each finding of a run-wide rule (no advisory data for any file of the run) once per rule
    and message: on the first file it concerns by path, saying how many more it concerns, in the
    place that file's finding had. The per-file verdicts (and the cache) keep every file's."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if run_wide(finding.rule_id, registry):
            groups.setdefault((finding.rule_id, finding.message), []).append(finding)
    if not groups:
        return list(findings)
    collapsed = {id(f) for group in groups.values() for f in group}
    shown: dict[int, Finding] = {}
    for group in groups.values():
        first = min(group, key=lambda f: (f.path, f.cell if f.cell is not None else -1, f.line))
        more = len({f.path for f in group} - {first.path})
        message = f"{first.message} (and {more} more file(s) in this run)" if more else first.message
        shown[id(first)] = replace(first, message=message)
    return [shown.get(id(f), f) for f in findings if id(f) in shown or id(f) not in collapsed]


def run_wide(rule_id: str, registry: RuleRegistry) -> bool:
    # Only our own rules can be run-wide: a passthrough id (bandit's) is never looked up.
    return registry.declares(rule_id) and registry[rule_id].run_wide
