"""Build hooks/deps/data/advisories.snapshot.gz, the advisory data shipped with mlsec-deps.

Inputs: the PyPA advisory database (its `vulns/` folder or an OSV PyPI zip export) and, optionally,
OSV's malicious-packages data for PyPI (`osv/malicious/pypi` of github.com/ossf/malicious-packages).
Every record is validated (`hooks/deps/osv.py`); invalid ones are counted and left out. See
hooks/deps/data/README.md for licences and attribution.

    python scripts/build_advisory_snapshot.py advisory-database/vulns --malicious malicious-packages/osv/malicious/pypi
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hooks.deps import snapshot


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("advisories", type=Path, help="PyPA advisory-database vulns/ folder or OSV zip export")
    parser.add_argument("--malicious", type=Path, help="ossf/malicious-packages osv/malicious/pypi folder")
    parser.add_argument("--output", type=Path, default=snapshot.PACKAGE_SNAPSHOT)
    args = parser.parse_args()
    built = snapshot.build(args.advisories, sources=["PyPA advisory database (CC-BY 4.0)"])
    if args.malicious is not None:
        malicious = snapshot.build(args.malicious, sources=["OSV malicious-packages (Apache-2.0)"])
        built = snapshot.merge(built, malicious)
    snapshot.write(built, args.output)
    print(
        f"{args.output}: {built.records} records ({built.skipped} invalid left out), newest {built.newest[:10]}, "
        f"{args.output.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
