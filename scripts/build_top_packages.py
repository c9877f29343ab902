"""Build hooks/_shared/data/top_pypi_packages.txt.gz: the names of the most-downloaded PyPI projects.

Input: the `top-pypi-packages.min.json` (or `.json`) monthly dump published by Hugo van
Kemenade (github.com/hugovk/top-pypi-packages: 15,000 projects by downloads over 30 days).
Output: one PEP 503-normalised name a line, sorted, after a `#` header naming the source and
its date; gzipped. The typosquat check uses it to leave established projects alone (`ppft`
is not a typosquat of `peft`).

    python scripts/build_top_packages.py path/to/top-pypi-packages.min.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "hooks" / "_shared" / "data" / "top_pypi_packages.txt.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path, help="top-pypi-packages(.min).json")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    data = json.loads(args.dump.read_text(encoding="utf-8"))
    names = sorted({re.sub(r"[-_.]+", "-", str(row["project"])).lower() for row in data["rows"]})
    header = (
        f"# top {len(names)} PyPI projects by downloads (30 days), list of {data.get('last_update', '?')}\n"
        "# source: https://github.com/hugovk/top-pypi-packages (hugovk.dev/top-pypi-packages)\n"
    )
    # mtime=0: the same input gives the same bytes.
    with args.output.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write((header + "\n".join(names) + "\n").encode("utf-8"))
    print(f"{args.output}: {len(names)} names, {args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
