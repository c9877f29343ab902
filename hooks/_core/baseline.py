"""`.mlsec-baseline.json`: accepted findings keyed by fingerprint, never by line number."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hooks._core.errors import UsageError
from hooks._core.findings import Finding

BASELINE_FILE_NAME = ".mlsec-baseline.json"
BASELINE_VERSION = 1


@dataclass(frozen=True)
class Baseline:
    """How many findings of each fingerprint were accepted."""

    counts: Counter[str]

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """Findings not covered by the baseline, and how many it covered."""
        remaining = Counter(self.counts)
        kept: list[Finding] = []
        covered = 0
        for finding in findings:
            if remaining[finding.fingerprint] > 0:
                remaining[finding.fingerprint] -= 1
                covered += 1
            else:
                kept.append(finding)
        return kept, covered


def render_baseline(findings: Iterable[Finding]) -> str:
    """Sorted, timestamp-free JSON so that a regenerated baseline diffs cleanly."""
    grouped: dict[str, dict[str, object]] = {}
    for finding in findings:
        entry = grouped.setdefault(
            finding.fingerprint,
            {"fingerprint": finding.fingerprint, "rule_id": finding.rule_id, "path": finding.path, "count": 0},
        )
        entry["count"] = int(str(entry["count"])) + 1
    entries = sorted(grouped.values(), key=lambda e: (str(e["path"]), str(e["rule_id"]), str(e["fingerprint"])))
    document = {"version": BASELINE_VERSION, "tool": "mlsec-hooks", "findings": entries}
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


MAX_BASELINE_BYTES = 64 << 20


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
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
        raise UsageError(f"{path}: unsupported baseline format{regenerate}")
    entries = document.get("findings", [])
    if not isinstance(entries, list):
        raise UsageError(f"{path}: `findings` must be a list{regenerate}")
    counts: Counter[str] = Counter()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise UsageError(f"{path}: findings[{index}] is malformed{regenerate}")
        count = entry.get("count", 1)
        counts[entry["fingerprint"]] += count if isinstance(count, int) and 0 < count < 1 << 31 else 1
    return Baseline(counts)
