"""Draw the findings to label: every blocking secret (MLS2xx) and artifact (MLS1xx) finding, and a
stratified random sample of the other blocking findings (fixed seed, up to PER_RULE per rule).

`python -m bench.realrepos.sample SPLIT [--per-rule N]` writes bench/out/realrepos/to_label_SPLIT.txt
(findings with their context, for reading) and to_label_SPLIT.jsonl (the records to label).
Findings already labelled are left out, so a sample can be extended without relabelling.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.realrepos.checkout import SPLITS, load_repos
from bench.realrepos.context import show
from bench.realrepos.score import BLOCKING, LABELS_FILE, LabelIndex, load_jsonl

SEED = 20261130
# What was labelled (README): 25 per rule on tune, 15 on heldout; raise to extend the same sample.
PER_RULE = {
    "tune": 25,
    "heldout": 15,
    "fresh": 15,
    "blind": 15,
    "blind2": 15,
    "blind3": 15,
    "blind4": 15,
    "blind5": 15,
    "blind6a": 15,
    "blind6b": 15,
    "blind7a": 15,
    "blind7b": 15,
    "blind8a": 15,
    "blind8b": 15,
    "blind9": 15,
    "blind10": 15,
    "blind11": 15,
    "blind12": 15,
    "blind13": 15,
    "blind14": 15,
    "blind15": 15,
    "blind16": 15,
    "blind17": 15,
    "blind18": 15,
    "blind19": 15,
    "blind20": 15,
    "blind21": 15,
    "blind22": 15,
    "blind23": 15,
    "blind24": 15,
}
OUT = Path(__file__).resolve().parents[1] / "out" / "realrepos"


def labelled_everywhere(rule_id: str) -> bool:
    return rule_id.startswith(("MLS1", "MLS2"))


def draw(findings: list[tuple[str, dict[str, Any]]], per_rule: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """Blocking findings to label: all of MLS1xx/MLS2xx, `per_rule` of every other rule (all if fewer).

    Exact duplicates (same repo and fingerprint) count once: one label covers them all.
    """
    seen: set[tuple[str, str]] = set()
    by_rule: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for repo, f in sorted(findings, key=lambda rf: (rf[0], rf[1]["path"], rf[1].get("cell") or 0, rf[1]["line"])):
        key = (repo, str(f["fingerprint"]))
        if f["severity"] not in BLOCKING or key in seen:
            continue
        seen.add(key)
        by_rule[str(f["rule_id"])].append((repo, f))
    chosen: list[tuple[str, dict[str, Any]]] = []
    for rule in sorted(by_rule):
        group = by_rule[rule]
        if labelled_everywhere(rule) or len(group) <= per_rule:
            chosen.extend(group)
        else:
            # One shuffle per rule, seeded by the rule: a larger per_rule extends the same prefix.
            order = list(group)
            random.Random(f"{seed}:{rule}").shuffle(order)
            chosen.extend(order[:per_rule])
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("split", choices=SPLITS)
    parser.add_argument("--per-rule", type=int, help="findings per rule (default: 25 tune, 15 heldout)")
    parser.add_argument("--run", type=Path, help="a run's --out folder (default: bench/out), its draw is written there")
    args = parser.parse_args()
    out = OUT if args.run is None else args.run.resolve() / "realrepos"
    repos = [r for r in load_repos() if r.split == args.split]
    findings: list[tuple[str, dict[str, Any]]] = []
    for repo in repos:
        saved = out / f"{repo.name}.json"
        findings.extend((repo.name, f) for f in json.loads(saved.read_text())["findings"])
    index = LabelIndex.build(load_jsonl(LABELS_FILE))
    seed = SEED + SPLITS.index(args.split)
    chosen = draw(findings, args.per_rule or PER_RULE[args.split], seed)
    todo = [(repo, f) for repo, f in chosen if index.find(repo, f) is None]
    with (
        (out / f"to_label_{args.split}.jsonl").open("w") as records,
        (out / f"to_label_{args.split}.txt").open("w") as text,
    ):
        for number, (repo, f) in enumerate(todo):
            record = {
                "repo": repo,
                "path": f["path"],
                "rule_id": f["rule_id"],
                "line": f["line"],
                "cell": f.get("cell"),
                "output": f.get("output"),
                "fingerprint": f["fingerprint"],
                "severity": f["severity"],
                "message": f["message"],
            }
            records.write(json.dumps(record) + "\n")
            cell = f":cell_{f['cell']}" if f.get("cell") is not None else ""
            text.write(
                f"#{number} [{repo}] {f['path']}{cell}:{f['line']} {f['rule_id']} [{f['severity']}] {f['message']}\n"
            )
            text.write(show(out / "checkouts" / repo, f, radius=3, whole_cell_max=14) + "\n\n")
    print(f"{len(chosen)} drawn, {len(todo)} not labelled yet -> {out}/to_label_{args.split}.txt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
