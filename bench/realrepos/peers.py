"""The peers on the same files: bandit (.py), nbqa bandit (notebooks), detect-secrets, hadolint.

Each returns counts, never the findings' text (a peer may print secrets it found). A peer that is
not installed is skipped; one that fails is recorded with its exit code.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections import Counter
from pathlib import Path

# Large repos: pass files in chunks so no command line gets near the OS limit.
_CHUNK = 400
_BANDIT_SEVERITY = re.compile(r"^\s*Severity: (Low|Medium|High)\b", re.MULTILINE)


def find_tool(name: str, folders: list[Path]) -> str | None:
    for folder in folders:
        found = shutil.which(name, path=str(folder))
        if found:
            return str(Path(found).resolve())
    return shutil.which(name)


def is_dockerfile(path: str) -> bool:
    base = Path(path).name.lower()
    return (
        base in ("dockerfile", "containerfile")
        or base.startswith(("dockerfile.", "containerfile."))
        or (base.endswith((".dockerfile", ".containerfile")))
    )


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _run(command: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)


def bandit_scripts(tool: str, checkout: Path, files: list[str], timeout: float) -> dict[str, object]:
    severities: Counter[str] = Counter()
    errors = 0
    start = time.perf_counter()
    for chunk in _chunks(files):
        done = _run([tool, "-q", "-f", "json", *chunk], checkout, timeout)
        try:
            report = json.loads(done.stdout)
        except json.JSONDecodeError:
            errors += len(chunk)
            continue
        severities.update(str(r.get("issue_severity", "")).lower() for r in report.get("results", []))
        errors += len(report.get("errors", []))
    return _bandit_counts(severities, errors, len(files), time.perf_counter() - start)


def nbqa_bandit_notebooks(tool: str, checkout: Path, files: list[str], timeout: float) -> dict[str, object]:
    # nbqa rewrites paths in the tool's output, which breaks bandit's JSON: count the text report.
    severities: Counter[str] = Counter()
    failed_runs = 0
    start = time.perf_counter()
    for chunk in _chunks(files):
        done = _run([tool, "bandit", *chunk, "-q"], checkout, timeout)
        if done.returncode not in (0, 1):
            failed_runs += 1
        severities.update(s.lower() for s in _BANDIT_SEVERITY.findall(done.stdout))
    return _bandit_counts(severities, failed_runs, len(files), time.perf_counter() - start)


def _bandit_counts(severities: Counter[str], errors: int, files: int, seconds: float) -> dict[str, object]:
    return {
        "files": files,
        "findings": sum(severities.values()),
        "blocking": severities["medium"] + severities["high"],
        "by_severity": dict(severities),
        "errors": errors,
        "seconds": round(seconds, 2),
    }


def detect_secrets(tool: str, checkout: Path, files: list[str], timeout: float) -> dict[str, object]:
    start = time.perf_counter()
    by_type: Counter[str] = Counter()
    errors = 0
    for chunk in _chunks(files):
        done = _run([tool, "scan", *chunk], checkout, timeout)
        try:
            report = json.loads(done.stdout)
        except json.JSONDecodeError:
            errors += 1
            continue
        for results in report.get("results", {}).values():
            by_type.update(str(r.get("type", "")) for r in results)
    total = sum(by_type.values())
    return {
        "files": len(files),
        "findings": total,
        "blocking": total,
        "by_type": dict(by_type),
        "errors": errors,
        "seconds": round(time.perf_counter() - start, 2),
    }


def hadolint(tool: str, checkout: Path, files: list[str], timeout: float) -> dict[str, object]:
    start = time.perf_counter()
    levels: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    errors = 0
    for chunk in _chunks(files):
        done = _run([tool, "--no-fail", "-f", "json", *chunk], checkout, timeout)
        try:
            report = json.loads(done.stdout or "[]")
        except json.JSONDecodeError:
            errors += 1
            continue
        for item in report:
            levels[str(item.get("level", ""))] += 1
            codes[str(item.get("code", ""))] += 1
    return {
        "files": len(files),
        "findings": sum(levels.values()),
        "blocking": levels["error"] + levels["warning"],
        "by_level": dict(levels),
        "by_code": dict(codes.most_common()),
        "errors": errors,
        "seconds": round(time.perf_counter() - start, 2),
    }


def run_peers(checkout: Path, files: list[str], folders: list[Path], timeout: float = 900) -> dict[str, object]:
    scripts = [f for f in files if f.endswith(".py")]
    notebooks = [f for f in files if f.endswith(".ipynb")]
    dockerfiles = [f for f in files if is_dockerfile(f)]
    results: dict[str, object] = {}
    plan = [
        ("bandit", "bandit", scripts, bandit_scripts),
        ("nbqa bandit", "nbqa", notebooks, nbqa_bandit_notebooks),
        ("detect-secrets", "detect-secrets", files, detect_secrets),
        ("hadolint", "hadolint", dockerfiles, hadolint),
    ]
    for label, executable, targets, runner in plan:
        tool = find_tool(executable, folders)
        if tool is None:
            results[label] = {"skipped": f"{executable} not installed"}
            continue
        if not targets:
            results[label] = {"files": 0, "findings": 0, "blocking": 0, "seconds": 0.0}
            continue
        try:
            results[label] = runner(tool, checkout, targets, timeout)
        except subprocess.TimeoutExpired:
            results[label] = {"skipped": f"timed out after {timeout:.0f} s"}
    return results
