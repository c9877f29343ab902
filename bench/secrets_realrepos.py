"""Blocking secrets findings on the real repositories of `bench/realrepos`, before and after.

`python -m bench.secrets_realrepos --realrepos DIR [--out DIR] [--split tune|heldout|all] [--details]`

DIR is a `bench/realrepos` folder (its `repos.json` and `labels.jsonl`) whose `bench/out/realrepos/`
holds the checkouts and the saved `mlsec scan` runs (`<repo>.json`): the saved run is "before"
(the code that produced it), and this script runs the `mlsec-secrets` of the running interpreter
on each checkout's tracked files for "after". Findings are joined to the labels by fingerprint,
then by (path, rule, line, cell). Only counts are printed; `--details` lists the tune split's
blocking findings that have no label, or a label other than true (never the heldout split's: the
heldout labels are for the before/after check only). Messages never hold secret values.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

BLOCKING = frozenset({"medium", "high", "critical"})
_BATCH = 400


def _secrets(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if str(f["rule_id"]).startswith("MLS2") and f["severity"] in BLOCKING]


def _tracked(checkout: Path, subdir: str | None) -> list[str]:
    command = ["git", "ls-files", "-z", *([subdir] if subdir else [])]
    done = subprocess.run(command, cwd=checkout, capture_output=True, check=True)
    return [name for name in done.stdout.decode("utf-8", "surrogateescape").split("\0") if name]


def run_after(checkout: Path, subdir: str | None, hook: str) -> tuple[list[dict[str, Any]], float]:
    import time

    files = [name for name in _tracked(checkout, subdir) if (checkout / name).is_file()]
    found: list[dict[str, Any]] = []
    start = time.perf_counter()
    for index in range(0, len(files), _BATCH):
        batch = files[index : index + _BATCH]
        done = subprocess.run(
            [hook, "--format", "json", "--", *batch], cwd=checkout, capture_output=True, text=True, check=False
        )
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{hook} failed in {checkout} (exit {done.returncode}): {done.stderr[-500:]}")
        found.extend(json.loads(done.stdout)["findings"])
    return found, time.perf_counter() - start


def _label_index(labels: list[dict[str, Any]]) -> tuple[dict[tuple[str, str], str], dict[tuple[Any, ...], str]]:
    by_print = {(entry["repo"], entry["fingerprint"]): entry["label"] for entry in labels}
    by_place = {
        (entry["repo"], entry["path"], entry["rule_id"], entry["line"], entry["cell"]): entry["label"]
        for entry in labels
    }
    return by_print, by_place


def _label(repo: str, finding: dict[str, Any], index: tuple[dict[Any, str], dict[Any, str]]) -> str:
    by_print, by_place = index
    found = by_print.get((repo, finding["fingerprint"]))
    if found is None:
        found = by_place.get((repo, finding["path"], finding["rule_id"], finding["line"], finding.get("cell")))
    return found or "unlabelled"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realrepos", type=Path, required=True, help="a bench/realrepos folder")
    parser.add_argument("--out", type=Path, help="checkouts and saved runs (default: DIR/../out/realrepos)")
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--hook", default=str(Path(sys.executable).with_name("mlsec-secrets")))
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    folder: Path = args.realrepos
    out: Path = args.out or folder.parent / "out" / "realrepos"
    repos = json.loads((folder / "repos.json").read_text())["repos"]
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines() if line.strip()]
    index = _label_index(labels)
    totals: dict[str, Counter[str]] = {}
    rows = []
    for repo in repos:
        if args.split != "all" and repo["split"] != args.split:
            continue
        name = repo["name"]
        saved = json.loads((out / f"{name}.json").read_text())
        before = _secrets(saved["findings"])
        after_all, seconds = run_after(out / "checkouts" / name, repo.get("subdir"), args.hook)
        after = _secrets(after_all)
        counts: Counter[str] = Counter()
        for when, findings in (("before", before), ("after", after)):
            counts[when] = len(findings)
            for finding in findings:
                counts[f"{when}:{_label(name, finding, index)}"] += 1
        counts["low after"] = sum(1 for f in after_all if str(f["rule_id"]).startswith("MLS2")) - len(after)
        # A true finding of before whose rule changed no longer joins its label: look for it by place.
        places: dict[tuple[Any, ...], bool] = {}
        for finding in after_all:
            if str(finding["rule_id"]).startswith("MLS2"):
                key = (finding["path"], finding["line"], finding.get("cell"))
                blocking = finding["severity"] in BLOCKING
                places[key] = places.get(key, False) or blocking
        for finding in before:
            if _label(name, finding, index) == "true":
                where = places.get((finding["path"], finding["line"], finding.get("cell")))
                counts["true kept"] += where is True
                counts["true low"] += where is False
                counts["true lost"] += where is None
        totals.setdefault(repo["split"], Counter()).update(counts)
        rows.append((repo["split"], name, counts, seconds))
        if args.details and repo["split"] == "tune":
            for finding in after:
                label = _label(name, finding, index)
                if label != "true":
                    print(
                        f"  [{label}] {name}:{finding['path']}:{finding['line']} cell={finding.get('cell')} "
                        f"{finding['rule_id']} {finding['message']}"
                    )
    kinds = "(true/noise/false/unlabelled)"
    print(f"| split | repo | blocking before {kinds} | blocking after {kinds} | low after | true kept/low/lost | s |")
    print("|---|---|---|---|---|---|---|")

    def cell(counts: Counter[str], when: str) -> str:
        parts = "/".join(str(counts[f"{when}:{kind}"]) for kind in ("true", "noise", "false", "unlabelled"))
        return f"{counts[when]} ({parts})"

    def kept(counts: Counter[str]) -> str:
        return f"{counts['true kept']}/{counts['true low']}/{counts['true lost']}"

    for split, name, counts, seconds in rows:
        row = [split, name, cell(counts, "before"), cell(counts, "after"), str(counts["low after"]), kept(counts)]
        print("| " + " | ".join([*row, f"{seconds:.1f}"]) + " |")
    for split, counts in totals.items():
        row = [split, "**all**", cell(counts, "before"), cell(counts, "after"), str(counts["low after"]), kept(counts)]
        print("| " + " | ".join([*row, ""]) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
