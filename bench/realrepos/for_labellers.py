"""Split a drawn sample into the labellers' parts, and merge their labels back.

`sample.py SPLIT --run DIR` writes `DIR/realrepos/to_label_SPLIT.{txt,jsonl}`. This module hands it
to helpers who never see the scanner's code:

    python -m bench.realrepos.for_labellers split SPLIT DIR/realrepos OUT
        OUT/todo_A, todo_B, todo_C (thirds, for three labellers) and todo_D (every fourth finding,
        for an independent second labeller), each as .txt (what they read) and .jsonl (what they
        copy their labels into)
    python -m bench.realrepos.for_labellers merge SPLIT OUT
        appends OUT/labels_A/B/C.jsonl to labels.jsonl under SPLIT and prints the counts and how
        often labels_D agrees with them

The labelling rules the helpers follow are the "Definitions" and "Decision rules" sections of
README.md, copied to OUT/RULES.md by `split`.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels.jsonl"
PARTS = ("A", "B", "C")
KEYS = ("split", "repo", "path", "rule_id", "line", "cell", "output", "fingerprint", "severity", "message")
_BLOCK = re.compile(r"(?m)^(?=#\d+ \[)")


def _rules_text() -> str:
    text = (HERE / "README.md").read_text()
    start = text.index("### Definitions")
    end = text.index("\n## ", start)
    return text[start:end].strip() + "\n"


def split(name: str, drawn: Path, out: Path) -> dict[str, int]:
    """Write the parts; return how many findings each holds."""
    records = [line for line in (drawn / f"to_label_{name}.jsonl").read_text().splitlines() if line.strip()]
    blocks = [b for b in _BLOCK.split((drawn / f"to_label_{name}.txt").read_text()) if b.startswith("#")]
    if len(blocks) != len(records):
        raise SystemExit(f"{len(blocks)} findings in the text, {len(records)} in the jsonl")
    count = len(records)
    parts = {
        "A": range(0, count // 3),
        "B": range(count // 3, 2 * count // 3),
        "C": range(2 * count // 3, count),
        "D": range(0, count, 4),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "RULES.md").write_text(_rules_text())
    for part, indexes in parts.items():
        (out / f"todo_{part}.jsonl").write_text("".join(records[i] + "\n" for i in indexes))
        (out / f"todo_{part}.txt").write_text("".join(blocks[i] for i in indexes))
    return {part: len(indexes) for part, indexes in parts.items()}


def merge(name: str, out: Path, labels: Path = LABELS) -> tuple[Counter[str], int, int]:
    """Append the three parts' labels; return the label counts and (agreeing, compared) of part D."""
    merged = [json.loads(line) for part in PARTS for line in (out / f"labels_{part}.jsonl").read_text().splitlines()]
    by_finding = {(m["repo"], m["fingerprint"]): m["label"] for m in merged}
    second_path = out / "labels_D.jsonl"
    second = [json.loads(line) for line in second_path.read_text().splitlines()] if second_path.exists() else []
    agreeing = sum(by_finding.get((d["repo"], d["fingerprint"])) == d["label"] for d in second)
    with labels.open("a") as handle:
        for label in merged:
            entry = {key: label.get(key) for key in KEYS}
            entry.update(split=name, label=label["label"], reason=label["reason"])
            handle.write(json.dumps(entry) + "\n")
    return Counter(m["label"] for m in merged), agreeing, len(second)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    split_command = commands.add_parser("split")
    split_command.add_argument("split")
    split_command.add_argument("drawn", type=Path, help="the run's realrepos folder holding to_label_SPLIT.*")
    split_command.add_argument("out", type=Path)
    merge_command = commands.add_parser("merge")
    merge_command.add_argument("split")
    merge_command.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "split":
        print(split(args.split, args.drawn, args.out))
    else:
        counts, agreeing, compared = merge(args.split, args.out)
        print(dict(counts), f"second labeller agrees on {agreeing} of {compared}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
