"""Deps findings before/after a change, on the real-repository checkouts, tune and heldout apart.

Runs two `mlsec-deps` executables (say, main's and a branch's) over each checkout's dependency
files (each executable's own selection: the files its spec's regex takes from `git ls-files`),
joins the blocking findings with `labels.jsonl` and prints, per split, blocking findings per rule
with how many of them carry a true / noise / false label. MLS416 (advisory data too old: the
PyPA snapshot used here is frozen in 2024) is counted apart, since a user with current data does
not see it.

    python -m bench.realrepos.deps_compare --before /work/main/.venv/bin/mlsec-deps \\
        --after .venv/bin/mlsec-deps --checkouts bench/out/realrepos/checkouts
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bench.realrepos.checkout import SPLITS
from bench.realrepos.score import BLOCKING, LABELS_FILE, LabelIndex, load_jsonl

HERE = Path(__file__).resolve().parent
ADVISORIES = Path("/work/shared/advisory-db/vulns")
CHUNK = 400


def _files_regex(executable: Path) -> str:
    python = executable.parent / "python"
    code = "from hooks.deps.spec import SPEC; print(SPEC.files)"
    # -I: the executable's own installed code, not whatever `hooks` the current folder holds.
    done = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _scan(executable: Path, checkout: Path, files: list[str], advisories: Path) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = []
    for start in range(0, len(files), CHUNK):
        command = [str(executable), "--format", "json", "--advisory-db", str(advisories), "--"]
        done = subprocess.run(
            command + files[start : start + CHUNK], cwd=checkout, capture_output=True, text=True, check=False
        )
        if done.returncode not in (0, 1):
            print(f"{checkout.name}: exit {done.returncode}: {done.stderr.strip()[:300]}", file=sys.stderr)
        if done.stdout.strip():
            findings.extend(json.loads(done.stdout)["findings"])
    return findings


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--checkouts", type=Path, required=True)
    parser.add_argument("--advisories", type=Path, default=ADVISORIES)
    parser.add_argument("--dump", type=Path, help="write each side's findings here as JSON (for reading them)")
    args = parser.parse_args()
    repos = json.loads((HERE / "repos.json").read_text())["repos"]
    labels = LabelIndex.build(load_jsonl(LABELS_FILE))
    table: dict[tuple[str, str], dict[str, Counter[str]]] = {}
    per_repo: list[tuple[str, str, int, int]] = []
    for side, executable in (("before", args.before.absolute()), ("after", args.after.absolute())):
        pattern = re.compile(_files_regex(executable))
        for repo in repos:
            checkout = args.checkouts / repo["name"]
            if not (checkout / ".git").exists():
                print(f"{repo['name']}: no checkout, skipped", file=sys.stderr)
                continue
            listed = subprocess.run(
                ["git", "ls-files", "-z"], cwd=checkout, capture_output=True, check=True
            ).stdout.decode("utf-8", "replace")
            # Files the mirror left out (its largest) are listed by git but absent: both sides skip them.
            files = [
                name
                for name in listed.split("\0")
                if name and pattern.search(name) and os.path.lexists(checkout / name)
            ]
            found = _scan(executable, checkout, files, args.advisories)
            if args.dump is not None:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / f"{repo['name']}.{side}.json").write_text(json.dumps(found, indent=1))
            blocking = [f for f in found if f["severity"] in BLOCKING]
            counts = table.setdefault((repo["split"], side), {})
            for finding in blocking:
                rule = finding["rule_id"]
                label = labels.find(repo["name"], finding)
                counts.setdefault(rule, Counter())["blocking"] += 1
                counts[rule][label["label"] if label else "unlabelled"] += 1
            per_repo.append((repo["name"], side, len(blocking), sum(f["rule_id"] == "MLS416" for f in blocking)))
    for split in SPLITS:
        print(f"\n## {split}: deps blocking findings (labelled true/noise/false/unlabelled)\n")
        print("| rule | before | after |")
        print("|---|---|---|")
        rules = sorted(set(table.get((split, "before"), {})) | set(table.get((split, "after"), {})))
        for rule in rules:
            cells = []
            for side in ("before", "after"):
                c = table.get((split, side), {}).get(rule, Counter())
                cells.append(f"{c['blocking']} ({c['true']}/{c['noise']}/{c['false']}/{c['unlabelled']})")
            print(f"| {rule} | {cells[0]} | {cells[1]} |")
    print("\n| repo | side | blocking | of which MLS416 |\n|---|---|---|---|")
    for name, side, blocking, stale in per_repo:
        print(f"| {name} | {side} | {blocking} | {stale} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
