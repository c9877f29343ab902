"""`.mlsec-baseline.json`: accepted findings keyed by fingerprint, never by line number.

A reviewer reads the baseline's diff, so each entry says what was accepted and why: rule, path,
severity, the finding's message (already free of secret values), a `reason`, and how many equal
findings it covers. Version 1 files (fingerprint and count only) are still read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from hooks._core.errors import UsageError
from hooks._core.findings import Finding
from hooks._core.paths import BASELINE_FILE_NAME

__all__ = [
    "BASELINE_FILE_NAME",
    "Baseline",
    "Entry",
    "load_baseline",
    "render_entries",
    "update_baseline",
]

BASELINE_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_BASELINE_BYTES = 64 << 20


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    rule_id: str = ""
    path: str = ""
    severity: str = ""
    message: str = ""
    reason: str | None = None
    count: int = 1

    def as_dict(self) -> dict[str, object]:
        return {
            "fingerprint": self.fingerprint,
            "rule_id": self.rule_id,
            "path": self.path,
            "severity": self.severity,
            "message": self.message,
            "reason": self.reason,
            "count": self.count,
        }


@dataclass(frozen=True)
class Baseline:
    """How many findings of each fingerprint were accepted, and the entries that say so."""

    counts: Counter[str]
    entries: tuple[Entry, ...] = field(default=())

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """Findings not covered by the baseline, and how many it covered."""
        remaining = Counter(self.counts)
        kept: list[Finding] = []
        covered = 0
        for finding in findings:
            earlier = finding.earlier_fingerprint
            if remaining[finding.fingerprint] > 0:
                remaining[finding.fingerprint] -= 1
                covered += 1
            elif earlier is not None and remaining[earlier] > 0:  # written by 0.1: whitespace kept
                remaining[earlier] -= 1
                covered += 1
            else:
                kept.append(finding)
        return kept, covered


def entries_for(findings: Iterable[Finding], reason: str | None = None) -> list[Entry]:
    """One entry per fingerprint, counting equal findings (the first finding's message and the
    highest severity stand for them)."""
    grouped: dict[str, Entry] = {}
    ranks = {"low": 0, "medium": 1, "high": 2, "critical": 3}
    for finding in sorted(findings, key=lambda f: f.sort_key):
        found = grouped.get(finding.fingerprint)
        if found is None:
            grouped[finding.fingerprint] = Entry(
                finding.fingerprint, finding.rule_id, finding.path, finding.severity.value, finding.message, reason
            )
            continue
        severity = finding.severity.value if ranks[finding.severity.value] > ranks.get(found.severity, -1) else None
        grouped[finding.fingerprint] = replace(found, count=found.count + 1, severity=severity or found.severity)
    return list(grouped.values())


@dataclass(frozen=True)
class Update:
    """What `mlsec baseline` does to an existing file: the entries to write, and what changed."""

    entries: list[Entry]
    added: list[Entry]
    kept: list[Entry]
    stale: list[Entry]  # entries of scanned paths that no finding matches any more


def update_baseline(
    old: Sequence[Entry],
    findings: Sequence[Finding],
    scanned_paths: set[str] | None,
    *,
    reason: str | None,
    prune: bool,
) -> Update:
    """Today's findings replace the entries of the paths scanned (`None`: every path); entries of
    other paths are kept untouched. An accepted finding keeps its old reason; a new one gets
    `reason`. Entries of scanned paths that match nothing are stale: kept unless `prune`."""
    previous = {entry.fingerprint: entry for entry in old}
    # An entry written by 0.1 (whitespace kept in the fingerprint) is carried over to today's
    # fingerprint with its reason, not reported stale.
    earlier = {f.earlier_fingerprint: f.fingerprint for f in findings if f.earlier_fingerprint}
    for entry in old:
        renamed = earlier.get(entry.fingerprint)
        if renamed is not None and renamed not in previous:
            previous[renamed] = replace(entry, fingerprint=renamed)
    current = entries_for(findings, reason)
    added: list[Entry] = []
    kept: list[Entry] = []
    for index, entry in enumerate(current):
        before = previous.get(entry.fingerprint)
        if before is None:
            added.append(entry)
        else:
            current[index] = replace(entry, reason=before.reason if before.reason else reason)
            kept.append(current[index])
    matched = {entry.fingerprint for entry in current} | {old for old, new in earlier.items() if new in previous}
    stale: list[Entry] = []
    untouched: list[Entry] = []
    for entry in old:
        if entry.fingerprint in matched:
            continue
        if scanned_paths is None or entry.path in scanned_paths or not entry.path:
            stale.append(entry)
        else:
            untouched.append(entry)
    written = current + untouched + ([] if prune else stale)
    return Update(written, added, kept, stale)


def render_entries(entries: Iterable[Entry]) -> str:
    """Sorted, timestamp-free JSON so that a regenerated baseline diffs cleanly."""
    ordered = sorted(entries, key=lambda e: (e.path, e.rule_id, e.fingerprint))
    document = {"version": BASELINE_VERSION, "tool": "mlsec-hooks", "findings": [e.as_dict() for e in ordered]}
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def render_baseline(findings: Iterable[Finding], reason: str | None = None) -> str:
    return render_entries(entries_for(findings, reason))


def load_baseline(path: Path) -> Baseline:
    """Read a baseline; anything malformed is one line that says how to fix it."""
    regenerate = "; regenerate it with `mlsec baseline`"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BASELINE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the baseline ({exc.strerror})") from None
    if len(data) > MAX_BASELINE_BYTES:
        raise UsageError(f"{path}: larger than {MAX_BASELINE_BYTES >> 20} MiB{regenerate}")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise UsageError(f"{path}: not a JSON baseline{regenerate}") from None
    if not isinstance(document, dict) or document.get("version") not in READABLE_VERSIONS:
        raise UsageError(f"{path}: unsupported baseline format{regenerate}")
    raw_entries = document.get("findings", [])
    if not isinstance(raw_entries, list):
        raise UsageError(f"{path}: `findings` must be a list{regenerate}")
    counts: Counter[str] = Counter()
    entries: list[Entry] = []
    for index, raw in enumerate(raw_entries):
        if not isinstance(raw, dict) or not isinstance(raw.get("fingerprint"), str):
            raise UsageError(f"{path}: findings[{index}] is malformed{regenerate}")
        count = raw.get("count", 1)
        count = count if isinstance(count, int) and not isinstance(count, bool) and 0 < count < 1 << 31 else 1
        counts[raw["fingerprint"]] += count
        reason = raw.get("reason")
        entries.append(
            Entry(
                raw["fingerprint"],
                _text(raw.get("rule_id")),
                _text(raw.get("path")),
                _text(raw.get("severity")),
                _text(raw.get("message")),
                reason if isinstance(reason, str) else None,
                count,
            )
        )
    return Baseline(counts, tuple(entries))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
