"""Count which held-out model files `mlsec-artifacts` blocks, per manifest entry.

    python -m bench.heldout_models.count MANIFEST FILES_DIR MLSEC_ARTIFACTS OUT.jsonl

MANIFEST is one JSON object per line with at least "file" (a file or a folder, relative to
FILES_DIR or to the folder that holds FILES_DIR). An entry is blocked when the hook exits non-zero on its
files; OUT keeps each entry with the exit code and the blocking findings' rule, severity and the
first 160 characters of their message. The files themselves are not kept in this repository (the
malicious ones are live exploits); the manifests describe how each was made.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BLOCKING = {"medium", "high", "critical"}


def entry_paths(entry: dict[str, object], files: Path) -> list[Path]:
    relative = str(entry["file"])
    place = files / relative
    if not place.exists():
        place = files.parent / relative
    if place.is_file():
        return [place]
    found = sorted(path for path in place.rglob("*") if path.is_file())
    if not found:
        raise FileNotFoundError(f"no file for manifest entry {relative!r}")
    return found


def count(manifest: Path, files: Path, hook: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        paths = entry_paths(entry, files)
        done = subprocess.run([hook, "--format", "json", *map(str, paths)], capture_output=True, text=True, check=False)
        report = json.loads(done.stdout) if done.stdout.strip().startswith("{") else {"findings": []}
        blocking = [
            [finding["rule_id"], finding["severity"], finding["message"][:160]]
            for finding in report.get("findings", [])
            if finding.get("severity") in BLOCKING
        ]
        rows.append({**entry, "rc": done.returncode, "blocking": blocking})
    return rows


def main(argv: list[str]) -> int:
    manifest, files, hook, out = Path(argv[0]), Path(argv[1]), argv[2], Path(argv[3])
    rows = count(manifest, files, hook)
    out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    blocked = sum(1 for row in rows if row["rc"] != 0)
    print(f"{blocked} of {len(rows)} entries blocked")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
