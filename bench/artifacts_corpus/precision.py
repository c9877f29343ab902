"""`python -m bench artifacts-precision`: caught and blocked per tool, family and split.

Every file of the corpus manifest is given to each tool found in `--bin`'s environment:
- mlsec-artifacts (its CLI, `--format json`): flagged = a finding at or above medium;
- picklescan (`scan_file_path`, what its CLI runs): flagged = a dangerous global (its CLI
  exits 1); a scan error is its exit 2;
- modelscan (`ModelScan.scan`, what its CLI runs): flagged = any issue (its CLI exits 1); a
  scan error is its exit 2; a file it does not support is its exit 3 (counted as not flagged);
- fickling (its `--check-safety` logic on every stacked pickle; in a zip, on its `.pkl`
  members, as its PyTorch wrapper reads data.pkl): flagged = a severity above LIKELY_SAFE;
  a parse failure (a compressed joblib file, an opcode it does not support) is its error exit.
blocked = flagged or error (both fail a pre-commit hook). For malicious files "caught" is
blocked; for benign files "blocked" is the false-positive count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

WORKER = r"""
import json, signal, sys, warnings, logging, io, contextlib
warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)
tool, paths = sys.argv[1], json.load(sys.stdin)

class Timeout(BaseException):
    pass

def alarm(*_):
    raise Timeout()

signal.signal(signal.SIGALRM, alarm)

def picklescan(path):
    from picklescan.scanner import scan_file_path
    result = scan_file_path(path)
    dangerous = sorted({f"{g.module}.{g.name}" for g in result.globals if str(g.safety).endswith("Dangerous")})
    error = "scan error" if result.scan_err else None
    return {"flagged": result.issues_count > 0, "error": error, "detail": ", ".join(dangerous)[:300]}

def modelscan(path):
    from modelscan.modelscan import ModelScan
    scanner = ModelScan()
    scanner.scan(path)
    issues = scanner.issues.all_issues
    detail = ", ".join(sorted({f"{i.severity.name}" for i in issues}))
    if not scanner.scanned:
        return {"flagged": False, "error": None, "detail": "not supported (exit 3)"}
    error = "; ".join(str(e)[:100] for e in scanner.errors) or None
    return {"flagged": bool(issues), "error": error, "detail": detail}

def fickling(path):
    import zipfile
    from fickling.analysis import Severity, check_safety
    from fickling import fickle
    worst = Severity.LIKELY_SAFE
    if zipfile.is_zipfile(path):
        # What fickling's PyTorchModelWrapper reads (the archive's data.pkl), without the
        # torch import that wrapper needs.
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.endswith("data.pkl") or n.endswith(".pkl")]
            if not names:
                return {"flagged": False, "error": "no pickle in the zip", "detail": ""}
            pickles = []
            for name in names:
                try:
                    data = io.BytesIO(archive.read(name))
                    pickles += list(fickle.StackedPickle.load(data, fail_on_decode_error=False))
                except fickle.PickleDecodeError as exc:
                    return {"flagged": False, "error": f"parse failure: {str(exc)[:100]}", "detail": ""}
    else:
        with open(path, "rb") as handle:
            try:
                pickles = list(fickle.StackedPickle.load(handle, fail_on_decode_error=False))
            except fickle.PickleDecodeError as exc:
                return {"flagged": False, "error": f"parse failure: {str(exc)[:100]}", "detail": ""}
    for pickled in pickles:
        with contextlib.redirect_stdout(io.StringIO()):
            severity = check_safety(pickled).severity
        worst = max(worst, severity)
    return {"flagged": worst > Severity.LIKELY_SAFE, "error": None, "detail": worst.name}

function = {"picklescan": picklescan, "modelscan": modelscan, "fickling": fickling}[tool]
out = []
for path in paths:
    signal.alarm(60)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            out.append(function(path))
    except Timeout:
        out.append({"flagged": False, "error": "timeout (60 s)", "detail": ""})
    except BaseException as exc:
        out.append({"flagged": False, "error": f"{type(exc).__name__}: {str(exc)[:100]}", "detail": ""})
    finally:
        signal.alarm(0)
print(json.dumps(out))
"""


def available_tools(bin_dir: Path) -> dict[str, str]:
    """Tool name -> version, for the tools importable by the python in `bin_dir`."""
    python = bin_dir / "python"
    found: dict[str, str] = {}
    for tool, distribution in (("picklescan", "picklescan"), ("modelscan", "modelscan"), ("fickling", "fickling")):
        probe = subprocess.run(
            [str(python), "-c", f"import importlib.metadata as m; print(m.version({distribution!r}))"],
            capture_output=True,
            text=True,
        )
        if probe.returncode == 0:
            found[tool] = probe.stdout.strip()
    return found


def _run_worker(python: Path, tool: str, paths: list[str]) -> list[dict[str, Any]]:
    result = subprocess.run(
        [str(python), "-c", WORKER, tool], input=json.dumps(paths), capture_output=True, text=True, timeout=3600
    )
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        if len(paths) == 1:
            return [{"flagged": False, "error": f"worker died (exit {result.returncode})", "detail": ""}]
        return [item for path in paths for item in _run_worker(python, tool, [path])]


def run_peer(bin_dir: Path, tool: str, paths: list[Path]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for start in range(0, len(paths), 100):
        out += _run_worker(bin_dir / "python", tool, [str(p) for p in paths[start : start + 100]])
    return out


def run_mlsec(bin_dir: Path, root: Path, files: list[str]) -> list[dict[str, Any]]:
    flagged: dict[str, list[str]] = defaultdict(list)
    errors: dict[str, str] = {}
    for start in range(0, len(files), 200):
        chunk = files[start : start + 200]
        result = subprocess.run(
            [str(bin_dir / "mlsec-artifacts"), "--format", "json", *chunk],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        report = json.loads(result.stdout or "{}")
        for finding in report.get("findings", []):
            if finding["severity"] in ("medium", "high", "critical"):
                flagged[finding["path"]].append(f"{finding['rule_id']} {finding['message'][:160]}")
        for error in report.get("errors", []):
            errors[str(error.get("path", ""))] = str(error.get("message", error))[:200]
    # Reported paths are relative to the project root mlsec finds (here the checkout), so
    # they are matched by their tail, which is unique (every sample has its own folder).
    out = []
    for name in files:
        found = [d for path, details in flagged.items() if path == name or path.endswith("/" + name) for d in details]
        error = next((e for path, e in errors.items() if path == name or path.endswith("/" + name)), None)
        out.append({"flagged": bool(found), "error": error, "detail": " | ".join(found)[:600]})
    return out


def evaluate(manifest: Path, bin_dir: Path) -> dict[str, Any]:
    record = json.loads(manifest.read_text())
    root = manifest.parent
    files = [entry["file"] for entry in record["files"]]
    results: dict[str, list[dict[str, Any]]] = {"mlsec": run_mlsec(bin_dir, root, files)}
    peers = available_tools(bin_dir)
    for tool in peers:
        results[tool] = run_peer(bin_dir, tool, [root / f for f in files])
    return {"record": record, "results": results, "peers": peers}


def _blocked(result: dict[str, Any]) -> bool:
    return bool(result["flagged"] or result["error"])


def table(evaluation: dict[str, Any]) -> list[str]:
    record, results = evaluation["record"], evaluation["results"]
    tools = list(results)
    entries = record["files"]
    lines = [f"split {record['split']}: {sum(e['label'] == 'malicious' for e in entries)} malicious, "
             f"{sum(e['label'] == 'benign' for e in entries)} benign"]  # fmt: skip
    header = f"{'':<62}" + "".join(f"{t:>16}" for t in tools)
    for label, verb in (("malicious", "caught"), ("benign", "blocked")):
        picked = [i for i, e in enumerate(entries) if e["label"] == label]
        lines += ["", f"{label} ({verb}; errors in parentheses)", header]
        families = sorted({entries[i]["family"] for i in picked})
        for family in [*families, "ALL"]:
            rows = [i for i in picked if family == "ALL" or entries[i]["family"] == family]
            cells = []
            for tool in tools:
                hit = sum(_blocked(results[tool][i]) for i in rows)
                err = sum(bool(results[tool][i]["error"]) for i in rows)
                cells.append(f"{hit}/{len(rows)}" + (f" ({err})" if err else ""))
            lines.append(f"{family[:60]:<62}" + "".join(f"{c:>16}" for c in cells))
    return lines


def markdown_summary(evaluation: dict[str, Any]) -> list[str]:
    """The same numbers grouped by issue-13 family (malicious) and library family (benign), as a
    Markdown table for bench/README.md."""
    record, results = evaluation["record"], evaluation["results"]
    tools = list(results)
    groups: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(record["files"]):
        if entry["label"] == "malicious":
            family = entry["issue_family"]
            groups["malicious, " + ("classic families" if family == "classic" else f"issue family {family}")].append(
                index
            )
        else:
            groups["benign: " + entry["family"].split(":")[0]].append(index)

    def row(name: str, rows: list[int]) -> str:
        cells = []
        for tool in tools:
            hit = sum(_blocked(results[tool][i]) for i in rows)
            err = sum(bool(results[tool][i]["error"]) for i in rows)
            cells.append(f"{hit}" + (f" ({err} err)" if err else ""))
        return f"| {name} | {len(rows)} | " + " | ".join(cells) + " |"

    labels = [e["label"] for e in record["files"]]
    lines = [f"| {record['split']} | files | " + " | ".join(tools) + " |", "|---|---|" + "---|" * len(tools)]
    lines += [row(k, groups[k]) for k in sorted(groups) if k.startswith("malicious")]
    lines.append(row("**malicious caught**", [i for i, label in enumerate(labels) if label == "malicious"]))
    lines += [row(k, groups[k]) for k in sorted(groups) if k.startswith("benign")]
    lines.append(row("**benign blocked**", [i for i, label in enumerate(labels) if label == "benign"]))
    return lines


def blocked_benign_globals(evaluation: dict[str, Any], tool: str = "mlsec") -> list[tuple[str, int, str]]:
    """Why `tool` blocks benign files: each global (or non-global rule) it reports at a
    blocking level, with the number of blocked files naming it and their families."""
    import re

    counts: dict[str, int] = defaultdict(int)
    families: dict[str, set[str]] = defaultdict(set)
    for entry, result in zip(evaluation["record"]["files"], evaluation["results"][tool], strict=True):
        if entry["label"] != "benign" or not _blocked(result):
            continue
        found = set(re.findall(r"(?:calls|imports) ([\w.]+\.[\w.]+)", result["detail"]))
        if not found:
            found = {result["detail"][:70] or str(result["error"])[:70]}
        for key in found:
            counts[key] += 1
            families[key].add(entry["family"].split(":")[0])
    return sorted(((k, n, ", ".join(sorted(families[k]))) for k, n in counts.items()), key=lambda item: -item[1])


def main(out: Path, bin_dir: Path, splits: tuple[str, ...], rebuild: bool) -> int:
    from bench.artifacts_corpus.build import build

    manifests = build(out, splits, force=rebuild)
    for manifest in manifests.values():
        evaluation = evaluate(manifest, bin_dir)
        (manifest.parent / "results.json").write_text(json.dumps(evaluation["results"], indent=1))
        print(f"peers: {', '.join(f'{k} {v}' for k, v in evaluation['peers'].items()) or 'none found'}")
        print("\n".join(table(evaluation)))
        print("\n" + "\n".join(markdown_summary(evaluation)))
        print("\nmlsec blocks benign files for (files naming it, families):")
        for reason, count, where in blocked_benign_globals(evaluation)[:25]:
            print(f"  {count:>4}  {reason}  [{where}]")
        missed = [
            e
            for e, r in zip(evaluation["record"]["files"], evaluation["results"]["mlsec"], strict=True)
            if e["label"] == "malicious" and not _blocked(r)
        ]
        print(f"\nmlsec misses {len(missed)} malicious files:")
        for entry in missed:
            print(f"  {entry['file']}: {entry['family']} ({entry['container']}; reaches {entry['reached']})")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2]), ("tune", "heldout"), False))
