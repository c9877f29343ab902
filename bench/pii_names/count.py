"""How column names of public datasets are read as personal data, by `kind_of` of one checkout.

    python -m bench.pii_names.count NAMES.jsonl [--hooks-root DIR] [--show]

NAMES.jsonl holds one object per column: {"column", "dataset", "personal", "kind", "source", ...}
(the held-out set built by a helper who did not see the scanner's code, README.md). A name counts
as caught when `kind_of` gives any kind; a personal column caught as another kind is counted apart.
`--hooks-root` imports `hooks.data.schema_names` from another checkout (an older commit's worktree),
so two commits are compared on the same names. Names only: no value is read.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType


def _schema_names(root: Path | None) -> ModuleType:
    if root is None:
        from hooks.data import schema_names

        return schema_names
    path = root / "hooks" / "data" / "schema_names.py"
    spec = importlib.util.spec_from_file_location("_other_schema_names", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", type=Path)
    parser.add_argument("--hooks-root", type=Path, default=None)
    parser.add_argument("--show", action="store_true", help="list the names read wrongly")
    args = parser.parse_args(argv)
    module = _schema_names(args.hooks_root)
    rows = [json.loads(line) for line in args.names.read_text().splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    for row in rows:
        found = module.kind_of(row["column"])
        if row["personal"]:
            counts["personal"] += 1
            if found is None:
                counts["personal missed"] += 1
                wrong.append(f"missed      {row['column']!r} ({row['kind']}, {row['dataset']})")
            elif found != row["kind"]:
                counts["personal other kind"] += 1
                wrong.append(f"other kind  {row['column']!r} ({row['kind']} read as {found}, {row['dataset']})")
        else:
            counts["not personal"] += 1
            if found is not None:
                counts["not personal caught"] += 1
                wrong.append(f"false alarm {row['column']!r} (read as {found}, {row['dataset']})")
    personal, other = counts["personal"], counts["not personal"]
    caught = personal - counts["personal missed"]
    print(f"personal columns caught: {caught} of {personal} ({100 * caught / max(personal, 1):.1f}%)")
    print(f"  of them read as another kind: {counts['personal other kind']}")
    alarms = counts["not personal caught"]
    print(f"look-alike columns read as personal: {alarms} of {other} ({100 * alarms / max(other, 1):.1f}%)")
    if args.show:
        print("\n".join(sorted(wrong)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
