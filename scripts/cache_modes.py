"""The cache never changes a result: run the scanners' tests three times over ONE shared result
cache folder (cold: it starts empty; warm: every verdict the first run stored is there; corrupted:
one byte of every stored entry flipped) and require the same outcome for every test each time.

    .venv/bin/python scripts/cache_modes.py                  # the scanners' test folders
    .venv/bin/python scripts/cache_modes.py tests/secrets    # or any pytest paths

tests/conftest.py points every test at the shared folder when MLSEC_TEST_SHARED_CACHE is set and
counts the verdicts served from it (tests/cache_modes_plugin.py), so a warm run that hit nothing
is reported rather than taken as proof. Exit 0 only when all three runs pass test for test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SCANNER_TESTS = (
    "tests/artifacts",
    "tests/secrets",
    "tests/code",
    "tests/deps",
    "tests/docker",
    "tests/data_hook",
    "tests/hostile",
    "tests/test_e2e.py",
    "tests/test_mlsec_cli.py",
)


def _outcomes(junit: Path) -> dict[str, str]:
    outcomes: dict[str, str] = {}
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        name = f"{case.get('classname')}::{case.get('name')}"
        kinds = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
        outcomes[name] = kinds[0] if kinds else "passed"
    return outcomes


def _corrupt(results: Path) -> int:
    damaged = 0
    for entry in results.glob("??/*"):
        if entry.is_file() and not entry.name.startswith("."):
            data = bytearray(entry.read_bytes())
            data[len(data) // 2] ^= 0x20
            entry.write_bytes(bytes(data))
            damaged += 1
    return damaged


def main(argv: list[str]) -> int:
    paths = argv or list(SCANNER_TESTS)
    with tempfile.TemporaryDirectory(prefix="mlsec-cache-modes-") as scratch:
        shared = Path(scratch) / "cache"
        env = {**os.environ, "MLSEC_TEST_SHARED_CACHE": str(shared)}
        env.pop("MLSEC_NO_CACHE", None)
        runs: dict[str, dict[str, str]] = {}
        failed = False
        for mode in ("cold", "warm", "corrupted"):
            note = ""
            if mode == "corrupted":
                note = f", {_corrupt(shared / 'results-v1')} entries damaged first"
            junit = Path(scratch) / f"{mode}.xml"
            command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}", *paths]
            done = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, check=False)
            runs[mode] = _outcomes(junit) if junit.is_file() else {}
            counts = json.loads((Path(scratch) / "counts.json").read_text())
            tally = {kind: sum(1 for v in runs[mode].values() if v == kind) for kind in ("passed", "skipped")}
            print(
                f"{mode}: pytest exit {done.returncode}; {tally['passed']} passed, {tally['skipped']} skipped; "
                f"cache: {counts.get('hits', 0)} verdicts served, {counts.get('misses', 0)} misses, "
                f"{counts.get('refused', 0)} refused{note}",
                flush=True,
            )
            if done.returncode != 0:
                failed = True
                print(done.stdout[-4000:], file=sys.stderr)
            if mode == "warm" and not counts.get("hits"):
                failed = True  # the code changed under the run, or nothing reaches the cache
                print("warm: no verdict came from the cache; this run proves nothing", file=sys.stderr)
        differ = sorted(name for name in runs["cold"] if len({runs[m].get(name) for m in runs}) > 1)
        for name in differ:
            print(f"outcome differs: {name}: " + ", ".join(f"{m}={runs[m].get(name)}" for m in runs))
        return 1 if failed or differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
