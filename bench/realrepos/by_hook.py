"""Before/after precision per hook (scanner), tune and heldout apart, from two saved runs.

`python -m bench.realrepos.by_hook BEFORE AFTER [--top N]` reads the `<name>.json` files that
`python -m bench realrepos --out DIR` saves (BEFORE and AFTER are such DIRs, or their `realrepos/`
folders) and joins both with labels.jsonl, the way `--score` does.

Per hook: blocking findings, how many of them carry a label, true/noise/false among those, and
the estimated true share: each rule's true rate in its labelled findings times its blocking
count, summed over the hook's rules, over the hook's blocking count. Blocking findings of rules
without any label count as not true and are shown in `no-label`. `lost` counts the labelled true
findings of the hook that block in the before run and no longer block in the after run (listed). The hook of a
rule is the scanner the run recorded for it (`mlsec rules`), else its rule-id prefix.

`--top N` lists, per hook, the N rules of the after run with the most blocking findings estimated
not true (the noise families to fix next), with their labels' most common reason.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.realrepos.checkout import SPLITS, load_repos
from bench.realrepos.runner import scanner_of
from bench.realrepos.score import BLOCKING, LABELS_FILE, LabelIndex, Record, load_jsonl, location_key, score_split

HOOKS = ("artifacts", "secrets", "code", "deps", "dockerfile", "data", "core")


@dataclass
class HookRow:
    blocking: int = 0
    labelled: Counter[str] = field(default_factory=Counter)
    estimated_true: float = 0.0
    no_label: int = 0
    lost: int = 0

    @property
    def labelled_total(self) -> int:
        return sum(self.labelled.values())

    @property
    def share(self) -> float | None:
        return self.estimated_true / self.blocking if self.blocking else None


def run_folder(folder: Path) -> Path:
    """The folder holding the `<name>.json` files: DIR itself or DIR/realrepos."""
    nested = folder / "realrepos"
    return nested if nested.is_dir() and not any(folder.glob("*.json")) else folder


def load_runs(folder: Path, split: str) -> list[dict[str, Any]]:
    names = [r.name for r in load_repos() if r.split == split]
    runs = []
    for name in names:
        saved = run_folder(folder) / f"{name}.json"
        if saved.is_file():
            runs.append(json.loads(saved.read_text()))
    return runs


def without_rules(runs: list[dict[str, Any]], rules: Sequence[str]) -> list[dict[str, Any]]:
    """The runs with the findings of `rules` left out (a rule the run's setting alone triggers)."""
    if not rules:
        return runs
    return [{**run, "findings": [f for f in run["findings"] if f["rule_id"] not in rules]} for run in runs]


def hooks_of(runs: Sequence[Record]) -> dict[str, str]:
    """rule id -> hook, as the run recorded it."""
    table: dict[str, str] = {}
    for run in runs:
        for f in run["findings"]:
            table.setdefault(str(f["rule_id"]), str(f.get("scanner") or scanner_of(str(f["rule_id"]), {})))
    return table


def hook_table(
    runs: Sequence[Record],
    labels: Sequence[Record],
    hook_of: dict[str, str],
    lost_labels: Sequence[Record] = (),
) -> dict[str, HookRow]:
    """One row per hook plus "TOTAL"; `hook_of` maps rule ids (else the rule-id prefix decides);
    `lost_labels` (from `lost_true`) are counted in the hooks of their rules."""
    score = score_split(runs, labels, [])
    rows: dict[str, HookRow] = {}

    def hook(rule_id: str) -> str:
        return hook_of.get(rule_id) or scanner_of(rule_id, {})

    for rule_id, rule in score.rules.items():
        for key in (hook(rule_id), "TOTAL"):
            row = rows.setdefault(key, HookRow())
            row.blocking += rule.blocking
            row.labelled.update(rule.labelled)
            row.estimated_true += rule.estimated_true or 0.0
            if rule.true_rate is None:
                row.no_label += rule.blocking
    for lost in lost_labels:
        for key in (hook(str(lost["rule_id"])), "TOTAL"):
            rows.setdefault(key, HookRow()).lost += 1
    return rows


def blocking_true(runs: Sequence[Record], labels: Sequence[Record]) -> dict[tuple[Any, ...], Record]:
    """The true labels that join a blocking finding of `runs`, by the place the label is about:
    two labels of one finding (drawn from runs whose fingerprints differ) are one finding."""
    index = LabelIndex.build(label for label in labels if label["repo"] in {str(r["repo"]) for r in runs})
    found: dict[tuple[Any, ...], Record] = {}
    for run in runs:
        for f in run["findings"]:
            if f["severity"] not in BLOCKING:
                continue
            lab = index.find(str(run["repo"]), f)
            if lab is not None and lab["label"] == "true":
                found[location_key(str(lab["repo"]), lab)] = lab
    return found


def lost_true(before: Sequence[Record], after: Sequence[Record], labels: Sequence[Record]) -> list[Record]:
    """Labelled true findings that block in the before run and no longer block in the after run.

    Compared run to run, not run to labels file: labels added for findings that only a later
    version reports are not "lost" by an earlier one.
    """
    was = blocking_true(before, labels)
    still = _blocking_keys(after)  # a finding that still blocks is not lost, whatever its other labels say
    return [
        lab
        for key, lab in was.items()
        if key not in still and (lab["repo"], str(lab["rule_id"]), str(lab["fingerprint"])) not in still
    ]


def _keys(repo: str, f: Record) -> tuple[tuple[str, str, str], tuple[str, str, str, int, int | None]]:
    return (repo, str(f["rule_id"]), str(f.get("fingerprint", ""))), location_key(repo, f)


def _blocking_keys(runs: Sequence[Record]) -> set[tuple[Any, ...]]:
    keys: set[tuple[Any, ...]] = set()
    for run in runs:
        for f in run["findings"]:
            if f["severity"] in BLOCKING:
                keys.update(_keys(str(run["repo"]), f))
    return keys


def stratified_true(
    runs: Sequence[Record], other: Sequence[Record], labels: Sequence[Record], hook_of: dict[str, str]
) -> dict[str, float]:
    """hook -> estimated true blocking findings of `runs`, each rule's rate taken apart for its
    findings that `other` also blocks and those it does not (when that part has labels; else the
    other part's rate).

    Why: labels drawn from an after run sit mostly on findings the change kept, so one rate per
    rule over both runs lets the kept findings' rate stand for the removed ones (and back).
    """
    shared = _blocking_keys(other)
    index = LabelIndex.build(label for label in labels if label["repo"] in {str(r["repo"]) for r in runs})
    counts: dict[tuple[str, bool], int] = Counter()
    labelled: dict[tuple[str, bool], Counter[str]] = {}
    for run in runs:
        repo = str(run["repo"])
        for f in run["findings"]:
            if f["severity"] not in BLOCKING:
                continue
            part = (str(f["rule_id"]), any(k in shared for k in _keys(repo, f)))
            counts[part] += 1
            lab = index.find(repo, f)
            if lab is not None:
                labelled.setdefault(part, Counter())[str(lab["label"])] += 1
    estimate: dict[str, float] = defaultdict(float)
    for (rule_id, kept), n in counts.items():
        tally = labelled.get((rule_id, kept)) or labelled.get((rule_id, not kept))
        if not tally:
            continue  # a rule without labels: not true, as in the scorer
        rate = tally["true"] / sum(tally.values())
        for key in (hook_of.get(rule_id) or scanner_of(rule_id, {}), "TOTAL"):
            estimate[key] += rate * n
    return estimate


def format_stratified(
    split: str, before: dict[str, float], after: dict[str, float], rows: dict[str, HookRow]
) -> list[str]:
    lines = [f"stratified estimate ({split}): est.true before -> after, rate per rule within kept/removed/new findings"]
    for hook in [h for h in (*HOOKS, "TOTAL") if h in before or h in after]:
        b_rows = rows.get(hook)
        lines.append(
            f"  {hook:<11} {before.get(hook, 0.0):>6.0f} -> {after.get(hook, 0.0):>6.0f}"
            + (
                f"  ({after.get(hook, 0.0) / b_rows.blocking:.1%} of {b_rows.blocking})"
                if b_rows and b_rows.blocking
                else ""
            )
        )
    return lines


def _share(row: HookRow | None) -> str:
    share = None if row is None else row.share
    return "     -" if share is None else f"{share:6.1%}"


def format_hooks(split: str, before: dict[str, HookRow], after: dict[str, HookRow]) -> list[str]:
    lines = [
        f"== {split}: per hook, before -> after (blocking = severity >= medium) ==",
        f"{'hook':<11} {'block':>6} {'est.true':>8} {'share':>6}   ->"
        f" {'block':>6} {'labelled':>8} {'t/n/f':>11} {'est.true':>8} {'share':>6} {'no-label':>8} {'lost':>4}",
    ]
    order = [h for h in HOOKS if h in before or h in after]
    order += sorted((set(before) | set(after)) - set(HOOKS) - {"TOTAL"})
    for hook in [*order, "TOTAL"]:
        b, a = before.get(hook), after.get(hook)
        b_block = b.blocking if b else 0
        b_true = b.estimated_true if b else 0.0
        a = a or HookRow()
        tnf = f"{a.labelled['true']}/{a.labelled['noise']}/{a.labelled['false']}"
        lines.append(
            f"{hook:<11} {b_block:>6} {b_true:>8.0f} {_share(b)}   ->"
            f" {a.blocking:>6} {a.labelled_total:>8} {tnf:>11} {a.estimated_true:>8.0f} {_share(a)}"
            f" {a.no_label:>8} {a.lost:>4}"
        )
    return lines


def noise_families(
    runs: Sequence[Record], labels: Sequence[Record], hook_of: dict[str, str], top: int
) -> dict[str, list[tuple[str, int, float, str]]]:
    """hook -> up to `top` (rule, blocking, estimated not true, most common noise/false reason)."""
    score = score_split(runs, labels, [])
    index = LabelIndex.build(label for label in labels if label["repo"] in {str(r["repo"]) for r in runs})
    reasons: dict[str, Counter[str]] = {}
    for run in runs:
        for f in run["findings"]:
            lab = index.find(str(run["repo"]), f)
            if lab is not None and lab["label"] != "true":
                reasons.setdefault(str(f["rule_id"]), Counter())[str(lab.get("reason", ""))] += 1
    families: dict[str, list[tuple[str, int, float, str]]] = {}
    for rule_id, rule in score.rules.items():
        rate = rule.true_rate
        not_true = rule.blocking * (1.0 - rate) if rate is not None else float(rule.blocking)
        if not_true < 0.5:
            continue  # all labelled true: not a noise family
        reason = reasons.get(rule_id, Counter()).most_common(1)
        entry = (rule_id, rule.blocking, not_true, reason[0][0] if reason else "(no label)")
        families.setdefault(hook_of.get(rule_id) or scanner_of(rule_id, {}), []).append(entry)
    return {hook: sorted(rows, key=lambda e: (-e[2], e[0]))[:top] for hook, rows in families.items()}


def format_families(split: str, families: dict[str, list[tuple[str, int, float, str]]]) -> list[str]:
    lines = [f"== {split}: largest not-true families per hook (after) =="]
    for hook in [h for h in HOOKS if h in families] + sorted(set(families) - set(HOOKS)):
        for rule_id, blocking, not_true, reason in families[hook]:
            lines.append(f"{hook:<11} {rule_id:<8} {blocking:>6} {not_true:>8.0f}  {reason[:110]}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("before", type=Path, help="the before run's --out folder")
    parser.add_argument("after", type=Path, help="the after run's --out folder")
    parser.add_argument("--top", type=int, default=0, help="list the N largest not-true rules per hook")
    parser.add_argument("--labels", type=Path, default=LABELS_FILE, help="labels file (default: labels.jsonl)")
    parser.add_argument(
        "--skip-rule", action="append", default=[], metavar="RULE", help="leave this rule out of both runs"
    )
    args = parser.parse_args(argv)
    labels = load_jsonl(args.labels)
    for split in SPLITS:
        before_runs = without_rules(load_runs(args.before, split), args.skip_rule)
        after_runs = without_rules(load_runs(args.after, split), args.skip_rule)
        hook_of = {**hooks_of(before_runs), **hooks_of(after_runs)}
        lost = lost_true(before_runs, after_runs, labels)
        before = hook_table(before_runs, labels, hook_of)
        after = hook_table(after_runs, labels, hook_of, lost)
        print("\n".join(["", *format_hooks(split, before, after)]))
        strat_before = stratified_true(before_runs, after_runs, labels, hook_of)
        strat_after = stratified_true(after_runs, before_runs, labels, hook_of)
        print("\n".join(format_stratified(split, strat_before, strat_after, after)))
        print(f"labelled true findings blocking before and not after: {len(lost)}")
        for lab in sorted(lost, key=lambda lab: (str(lab["rule_id"]), str(lab["repo"]), str(lab["path"]))):
            cell = f":cell_{lab['cell']}" if lab.get("cell") is not None else ""
            print(f"  {lab['rule_id']} {lab['repo']}: {lab['path']}{cell}:{lab['line']} ({lab.get('reason', '')})")
        if args.top:
            print("\n".join(["", *format_families(split, noise_families(after_runs, labels, hook_of, args.top))]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
