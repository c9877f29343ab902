"""Run `mlsec scan` (and the peers) on each pinned repository; print and write the counts.

Results go to bench/out/realrepos/<repo>.json: every finding mlsec reported (its own JSON
records), its errors, elapsed time, and the peers' counts. Peers' results are cached per commit
in bench/out/realrepos/peers/ (the peers are not what changes between runs); --rerun-peers
refreshes them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.realrepos.checkout import SPLITS, Repo, materialise, tracked_files
from bench.realrepos.peers import run_peers

BLOCKING = frozenset({"medium", "high", "critical"})
PEER_NAMES = ("bandit", "nbqa bandit", "detect-secrets", "hadolint")
_PREFIX_SCANNER = {
    "MLS0": "core",
    "MLS1": "artifacts",
    "MLS2": "secrets",
    "MLS3": "code",
    "MLS4": "deps",
    "MLS5": "dockerfile",
}


def rule_scanners(mlsec: str) -> dict[str, str]:
    """rule id -> scanner, from `mlsec rules` (the public listing)."""
    try:
        done = subprocess.run([mlsec, "rules"], capture_output=True, text=True, check=False)
    except OSError:
        return {}
    table: dict[str, str] = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            table[parts[0]] = parts[2]
    return table


def scanner_of(rule_id: str, table: dict[str, str]) -> str:
    if rule_id in table:
        return table[rule_id]
    if rule_id.startswith("B"):
        return "code"
    return _PREFIX_SCANNER.get(rule_id[:4], "other")


def advisory_args(advisory_db: Path | None) -> list[str]:
    if advisory_db is None:
        return []
    vulns = advisory_db / "vulns"
    folder = vulns if vulns.is_dir() else advisory_db
    return ["--advisory-db", str(folder)] if folder.is_dir() else []


def scan_repo(repo: Repo, checkout: Path, mlsec: str, advisory_db: Path | None, report: Path) -> dict[str, object]:
    report.parent.mkdir(parents=True, exist_ok=True)
    command = [mlsec, "scan", "--format", "json", "--output", str(report), *advisory_args(advisory_db)]
    if repo.subdir:
        command.append(repo.subdir)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=checkout, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or not report.is_file():
        raise RuntimeError(f"mlsec scan failed on {repo.name} (exit {done.returncode}): {done.stderr[-2000:]}")
    data = json.loads(report.read_text())
    return {"exit_code": done.returncode, "seconds": round(elapsed, 2), "stderr": done.stderr[-2000:], **data}


def summarise(findings: list[dict[str, object]], scanners: dict[str, str]) -> dict[str, object]:
    blocking = [f for f in findings if f["severity"] in BLOCKING]
    return {
        "findings": len(findings),
        "blocking": len(blocking),
        "blocking_by_rule": dict(Counter(str(f["rule_id"]) for f in blocking).most_common()),
        "blocking_by_scanner": dict(Counter(scanner_of(str(f["rule_id"]), scanners) for f in blocking).most_common()),
        "by_severity": dict(Counter(str(f["severity"]) for f in findings)),
    }


def peers_for(
    repo: Repo, checkout: Path, files: list[str], folders: list[Path], cache: Path, rerun: bool
) -> dict[str, object]:
    cached = cache / f"{repo.name}.json"
    if cached.is_file() and not rerun:
        data = json.loads(cached.read_text())
        if data.get("commit") == repo.commit and data.get("subdir") == repo.subdir:
            return dict(data["peers"])
    peers = run_peers(checkout, files, folders)
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps({"commit": repo.commit, "subdir": repo.subdir, "peers": peers}, indent=2) + "\n")
    return peers


def run(
    repos: list[Repo],
    out: Path,
    mlsec: str,
    peer_folders: list[Path],
    advisory_db: Path | None,
    with_peers: bool = True,
    rerun_peers: bool = False,
) -> list[dict[str, object]]:
    scanners = rule_scanners(mlsec)
    results = []
    for repo in repos:
        checkout = materialise(repo, out / "checkouts")
        files = tracked_files(checkout, repo.subdir)
        print(f"[{repo.name}] {len(files)} files: mlsec scan ...", file=sys.stderr, flush=True)
        scan = scan_repo(repo, checkout, mlsec, advisory_db, out / "reports" / f"{repo.name}.mlsec.json")
        findings = list(scan["findings"])  # type: ignore[call-overload]
        peers: dict[str, object] = {}
        if with_peers:
            print(f"[{repo.name}] peers ...", file=sys.stderr, flush=True)
            peers = peers_for(repo, checkout, files, peer_folders, out / "peers", rerun_peers)
        result = {
            "repo": repo.name,
            "source": repo.repo,
            "commit": repo.commit,
            "split": repo.split,
            "subdir": repo.subdir,
            "files": len(files),
            "mlsec": {
                "seconds": scan["seconds"],
                "exit_code": scan["exit_code"],
                "errors": scan.get("errors", []),
                **summarise(findings, scanners),
            },
            "peers": peers,
            "findings": [{**f, "scanner": scanner_of(str(f["rule_id"]), scanners)} for f in findings],
        }
        (out / f"{repo.name}.json").write_text(json.dumps(result, indent=1) + "\n")
        results.append(result)
    return results


def _peer_cell(peers: dict[str, Any], name: str) -> str:
    data = peers.get(name)
    if not isinstance(data, dict):
        return "-"
    if "skipped" in data:
        return "n/a"
    return f"{data['blocking']}/{data['findings']}"


SCANNER_COLUMNS = (("artifacts", "art"), ("secrets", "sec"), ("code", "code"), ("deps", "deps"), ("dockerfile", "dock"))


def _scanner_cells(by_scanner: dict[str, int]) -> str:
    known = {name for name, _ in SCANNER_COLUMNS}
    other = sum(n for name, n in by_scanner.items() if name not in known)
    cells = [f"{by_scanner.get(name, 0):>5}" for name, _ in SCANNER_COLUMNS]
    return " ".join(cells) + f" {other:>5}"


def print_tables(results: list[dict[str, Any]]) -> None:
    """Per split: one row per repository (mlsec's counts, blocking per scanner, the peers' counts),
    a total row, then blocking findings per rule with the repositories they come from."""
    for split in SPLITS:
        rows = [r for r in results if r["split"] == split]
        if not rows:
            continue
        print(f"\n== {split}: mlsec scan (blocking = severity >= medium) and peers (blocking/all) ==")
        scanner_header = " ".join(f"{short:>5}" for _, short in SCANNER_COLUMNS) + f" {'other':>5}"
        peers_header = "  ".join(f"{p:>15}" for p in PEER_NAMES)
        print(f"{'repo':<24} {'files':>6} {'secs':>6} {'all':>6} {'block':>6}  {scanner_header}  {peers_header}")
        totals: Counter[str] = Counter()
        rules: Counter[str] = Counter()
        scanners: Counter[str] = Counter()
        peer_totals: dict[str, Counter[str]] = {p: Counter() for p in PEER_NAMES}
        peers_missing: set[str] = set()
        for r in rows:
            m = r["mlsec"]
            peers = r["peers"]
            cells = "  ".join(f"{_peer_cell(peers, p):>15}" for p in PEER_NAMES)
            print(
                f"{r['repo']:<24} {r['files']:>6} {m['seconds']:>6.1f} {m['findings']:>6} {m['blocking']:>6}  "
                f"{_scanner_cells(m['blocking_by_scanner'])}  {cells}"
            )
            totals.update({"files": int(r["files"]), "findings": int(m["findings"]), "blocking": int(m["blocking"])})
            totals["centiseconds"] += round(float(m["seconds"]) * 100)
            rules.update(m["blocking_by_rule"])
            scanners.update(m["blocking_by_scanner"])
            for p in PEER_NAMES:
                data = peers.get(p)
                if isinstance(data, dict) and "findings" in data:
                    peer_totals[p].update({"blocking": data["blocking"], "findings": data["findings"]})
                else:
                    peers_missing.add(p)
        marks = {p: "*" if p in peers_missing else "" for p in PEER_NAMES}
        cells = "  ".join(
            f"{peer_totals[p]['blocking']}/{peer_totals[p]['findings']}{marks[p]}".rjust(15) for p in PEER_NAMES
        )
        secs = totals["centiseconds"] / 100
        print(
            f"{'TOTAL':<24} {totals['files']:>6} {secs:>6.1f} {totals['findings']:>6} {totals['blocking']:>6}  "
            f"{_scanner_cells(dict(scanners))}  {cells}"
        )
        if peers_missing:
            print("  * some repositories have no result for this peer (not installed, timed out, or --no-peers)")
        print(f"blocking by rule ({split}):")
        for rule, count in rules.most_common():
            counts = [(r["repo"], r["mlsec"]["blocking_by_rule"].get(rule)) for r in rows]
            per_repo = ", ".join(f"{repo} {n}" for repo, n in counts if n)
            print(f"  {rule:<8} {count:>6}   {per_repo}")
