"""Join a run's findings with the hand labels and estimate how many blocking findings are true.

Join: by (repo, fingerprint); when a fingerprint changed, by (repo, path, rule, line, cell).
Estimate: the labels of each rule are a random sample of that rule's blocking findings (all of
them for secrets and artifacts), so the rule's true rate in its labelled findings, times the
rule's blocking count, estimates its true findings; the share of true blocking findings is the
sum of those over the blocking count. Findings of rules without any label are counted apart and
lower the bound. Tune and heldout repositories are scored separately, always.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.realrepos.checkout import SPLITS

HERE = Path(__file__).resolve().parent
LABELS_FILE = HERE / "labels.jsonl"
MISSES_FILE = HERE / "misses.jsonl"
BLOCKING = frozenset({"medium", "high", "critical"})
LABELS = ("true", "noise", "false")

Record = Mapping[str, Any]


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def location_key(repo: str, record: Record) -> tuple[str, str, str, int, int | None]:
    return (repo, str(record["path"]), str(record["rule_id"]), int(record["line"]), record.get("cell"))


@dataclass
class LabelIndex:
    by_fingerprint: dict[tuple[str, str], Record] = field(default_factory=dict)
    by_location: dict[tuple[str, str, str, int, int | None], Record] = field(default_factory=dict)

    @classmethod
    def build(cls, labels: Iterable[Record]) -> LabelIndex:
        index = cls()
        for label in labels:
            if label.get("fingerprint"):
                index.by_fingerprint.setdefault((label["repo"], label["fingerprint"]), label)
            index.by_location.setdefault(location_key(label["repo"], label), label)
        return index

    def find(self, repo: str, finding: Record) -> Record | None:
        found = self.by_fingerprint.get((repo, str(finding.get("fingerprint", ""))))
        return found if found is not None else self.by_location.get(location_key(repo, finding))


@dataclass
class RuleScore:
    blocking: int = 0
    labelled: Counter[str] = field(default_factory=Counter)

    @property
    def labelled_total(self) -> int:
        return sum(self.labelled.values())

    @property
    def true_rate(self) -> float | None:
        return self.labelled["true"] / self.labelled_total if self.labelled_total else None

    @property
    def estimated_true(self) -> float | None:
        rate = self.true_rate
        return None if rate is None else rate * self.blocking


@dataclass
class SplitScore:
    rules: dict[str, RuleScore]
    repo_rules: dict[str, Counter[str]]
    lost_true: list[Record]
    demoted_true: list[Record]
    misses_found: list[Record]
    misses: list[Record]

    @property
    def blocking(self) -> int:
        return sum(r.blocking for r in self.rules.values())

    @property
    def estimated_true(self) -> float:
        return sum(r.estimated_true or 0.0 for r in self.rules.values())

    @property
    def unlabelled_blocking(self) -> int:
        return sum(r.blocking for r in self.rules.values() if r.true_rate is None)

    def repo_estimate(self, repo: str) -> tuple[int, float, int]:
        """(blocking, estimated true, blocking in rules without labels) for one repository."""
        counts = self.repo_rules.get(repo, Counter())
        estimated = 0.0
        unlabelled = 0
        for rule, n in counts.items():
            rate = self.rules[rule].true_rate
            if rate is None:
                unlabelled += n
            else:
                estimated += rate * n
        return sum(counts.values()), estimated, unlabelled


def _miss_found(miss: Record, findings: Sequence[Record]) -> bool:
    for f in findings:
        if f["severity"] not in BLOCKING or f["path"] != miss["path"] or f.get("cell") != miss.get("cell"):
            continue
        if int(f["line"]) != int(miss["line"]):
            continue
        if miss["rule_id"] in ("new", f["rule_id"]):
            return True
    return False


def score_split(runs: Sequence[Record], labels: Sequence[Record], misses: Sequence[Record]) -> SplitScore:
    """Score the runs of one split. `runs` are saved results: {"repo", "findings": [...]}."""
    repos = {str(r["repo"]) for r in runs}
    index = LabelIndex.build(label for label in labels if label["repo"] in repos)
    rules: dict[str, RuleScore] = defaultdict(RuleScore)
    repo_rules: dict[str, Counter[str]] = defaultdict(Counter)
    matched_blocking: set[int] = set()
    matched_any: set[int] = set()
    for run in runs:
        repo = str(run["repo"])
        for finding in run["findings"]:
            label = index.find(repo, finding)
            if label is not None:
                matched_any.add(id(label))
            if finding["severity"] not in BLOCKING:
                continue
            rule = rules[str(finding["rule_id"])]
            rule.blocking += 1
            repo_rules[repo][str(finding["rule_id"])] += 1
            if label is not None:
                matched_blocking.add(id(label))
                rule.labelled[str(label["label"])] += 1
    true_labels = [lab for lab in labels if lab["repo"] in repos and lab["label"] == "true"]
    lost = [lab for lab in true_labels if id(lab) not in matched_any]
    demoted = [lab for lab in true_labels if id(lab) in matched_any and id(lab) not in matched_blocking]
    split_misses = [m for m in misses if m["repo"] in repos]
    by_repo = {str(r["repo"]): list(r["findings"]) for r in runs}
    found = [m for m in split_misses if _miss_found(m, by_repo.get(str(m["repo"]), []))]
    return SplitScore(dict(rules), dict(repo_rules), lost, demoted, found, split_misses)


def _fmt_rate(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.0%}"


def format_score(split: str, score: SplitScore) -> list[str]:
    lines = [
        f"\n== {split}: labelled precision ==",
        f"{'rule':<9} {'blocking':>8} {'labelled':>8} "
        f"{'true':>5} {'noise':>5} {'false':>5} {'true%':>6} {'est.true':>8}",
    ]
    order = sorted(score.rules.items(), key=lambda item: (-item[1].blocking, item[0]))
    for rule_id, rule in order:
        est = rule.estimated_true
        lines.append(
            f"{rule_id:<9} {rule.blocking:>8} {rule.labelled_total:>8} {rule.labelled['true']:>5} "
            f"{rule.labelled['noise']:>5} {rule.labelled['false']:>5} {_fmt_rate(rule.true_rate):>6} "
            f"{'-' if est is None else f'{est:.0f}':>8}"
        )
    total = score.blocking
    labelled_mass = total - score.unlabelled_blocking
    lines.append(
        f"TOTAL     {total:>8}   estimated true {score.estimated_true:.0f} = "
        f"{_fmt_rate(score.estimated_true / labelled_mass if labelled_mass else None).strip()} of the "
        f"{labelled_mass} blocking findings in labelled rules; "
        f"{_fmt_rate(score.estimated_true / total if total else None).strip()} of all {total} "
        f"({score.unlabelled_blocking} in rules without labels, counted as not true)"
    )
    lines.append(f"{'repo':<26} {'blocking':>8} {'est.true':>8} {'true%':>6} {'no-label':>8}")
    for repo in sorted(score.repo_rules):
        blocking, estimated, unlabelled = score.repo_estimate(repo)
        lines.append(
            f"{repo:<26} {blocking:>8} {estimated:>8.0f} {_fmt_rate(estimated / blocking if blocking else None):>6} "
            f"{unlabelled:>8}"
        )
    lines.append(
        f"true findings lost: {len(score.lost_true)} no longer reported, "
        f"{len(score.demoted_true)} reported below the failing severity"
    )
    for lab in (score.lost_true + score.demoted_true)[:20]:
        cell = f":cell_{lab['cell']}" if lab.get("cell") is not None else ""
        lines.append(f"  {lab['repo']}: {lab['path']}{cell}:{lab['line']} {lab['rule_id']} ({lab.get('reason', '')})")
    lines.append(f"misses now found: {len(score.misses_found)} of {len(score.misses)}")
    return lines


def print_score(results: Sequence[Record], labels: Sequence[Record], misses: Sequence[Record]) -> None:
    for split in SPLITS:
        runs = [r for r in results if r["split"] == split]
        if runs:
            print("\n".join(format_score(split, score_split(runs, labels, misses))))
