"""`python -m bench realrepos`: run the scan on the chosen repositories, then print or score it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.realrepos.checkout import load_repos, select
from bench.realrepos.environment import environment_record, write_environment
from bench.realrepos.runner import print_tables, run
from bench.realrepos.score import LABELS_FILE, MISSES_FILE, load_jsonl, print_score

_SHARED_ADVISORY_DB = Path("/work/shared/advisory-db")


def _advisory_db(given: Path) -> Path | None:
    for candidate in (given, given.parent, _SHARED_ADVISORY_DB):
        if candidate.is_dir():
            return candidate
    return None


def main(args: argparse.Namespace, bench_dir: Path) -> int:
    repos = select(load_repos(), args.split, args.repo)
    if not repos:
        print(f"no repository matches --split {args.split} --repo {args.repo}", file=sys.stderr)
        return 2
    # Absolute: `mlsec scan --output` runs from inside each checkout.
    out = args.out.resolve() / "realrepos"
    out.mkdir(parents=True, exist_ok=True)
    if args.score and args.no_scan:
        results = []
        for repo in repos:
            saved = out / f"{repo.name}.json"
            if not saved.is_file():
                print(f"no saved run for {repo.name}: run without --no-scan first", file=sys.stderr)
                return 2
            result = json.loads(saved.read_text())
            cached_peers = out / "peers" / f"{repo.name}.json"
            if not result.get("peers") and cached_peers.is_file():
                cache = json.loads(cached_peers.read_text())
                if cache.get("commit") == repo.commit:
                    result["peers"] = cache["peers"]
            results.append(result)
    else:
        mlsec = args.bin / "mlsec"
        if not mlsec.exists():
            print(f"mlsec is not installed in {args.bin} (use --bin)", file=sys.stderr)
            return 2
        peer_folders = [args.bin, bench_dir.parent / ".venv-bench" / "bin"]
        results = run(
            repos,
            out,
            str(mlsec),
            peer_folders,
            _advisory_db(args.advisory_db),
            with_peers=not args.no_peers,
            rerun_peers=args.rerun_peers,
        )
    labels = args.labels or LABELS_FILE
    if not args.no_scan:
        write_environment(out, environment_record(bench_dir.parent, args.bin, labels))
    print_tables(results)
    if args.score:
        print_score(results, load_jsonl(labels), load_jsonl(MISSES_FILE))
    return 0
