"""`python -m bench secrets-heldout`: generate the splits, run the tools, print the tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.secrets_heldout import generate, scale, score, tools


def run(
    out: Path,
    bin_dir: Path,
    splits: list[str],
    gitleaks_config: Path | None,
    *,
    with_scale: bool,
    scale_mb: int,
    timeout: float,
    details: bool,
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    mlsec = tools.find_tool("mlsec-secrets", bin_dir)
    detect = tools.find_tool("detect-secrets", bin_dir)
    if mlsec is None:
        raise SystemExit("mlsec-secrets not found (install the project or pass --bin)")
    for split in splits:
        root = out / split
        manifest = generate.generate(root, split)
        entries = manifest["entries"]
        files = tools.tree_files(root)
        print(
            f"\n{split}: {manifest['files']} files, {manifest['bytes']:,} bytes, "
            f"{sum(e['expected'] == 'secret' for e in entries)} secrets, "
            f"{sum(e['expected'] == 'decoy' for e in entries)} decoys, "
            f"{sum(e['expected'] == 'low' for e in entries)} third-party tokens"
        )
        findings: dict[str, list[tools.Found]] = {"mlsec": tools.run_mlsec(root, mlsec, files)}
        if detect:
            findings["detect-secrets"] = tools.run_detect_secrets(root, detect)
        else:
            print("detect-secrets not installed: skipped")
        if gitleaks_config and gitleaks_config.is_file():
            found, skipped = tools.run_gitleaks_rules(root, gitleaks_config, files)
            findings["gitleaks-rules"] = found
            if skipped:
                print(f"gitleaks rules that did not compile and were skipped: {', '.join(skipped)}")
        else:
            print("no --gitleaks-config: gitleaks rule set skipped")
        summaries = {}
        for tool, found in findings.items():
            outcome = score.match(entries, found)
            summaries[tool] = score.summarise(entries, outcome)
            if details:
                _print_details(tool, entries, outcome)
        score.print_tables(split, summaries)
        results[split] = {tool: score.summary_json(s) for tool, s in summaries.items()}
    if with_scale:
        results["scale"] = _scale(out / "scale", mlsec, detect, scale_mb, timeout)
    (out / "results.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    return results


def _print_details(tool: str, entries: list[dict[str, Any]], outcome: score.Outcome) -> None:
    print(f"\n--- {tool}: missed secrets ---")
    for e in entries:
        if e["expected"] == "secret" and not outcome.hits.get(e["id"]):
            print(
                f"  MISS {e['id']} {e['place']:<20} {e['ctype']:<26} {e['file']}:{e.get('cell') or ''}:{e.get('line')}"
            )
    print(f"--- {tool}: findings on decoys ---")
    for f, e in outcome.fp_decoy:
        where = f"{f.file}:{f.cell or ''}:{f.line}"
        print(f"  FP   {e['family']}/{e['variant']} {where} {f.rule} {'blocking' if f.blocking else 'low'}")
    print(f"--- {tool}: findings on no entry ---")
    for f in outcome.fp_none:
        where = f"{f.file}:{f.cell or ''}:{f.output if f.output is not None else ''}:{f.line}"
        print(f"  FP?  {where} {f.rule} {'blocking' if f.blocking else 'low'}")


def _scale(folder: Path, mlsec: str, detect: str | None, size_mb: int, timeout: float) -> dict[str, Any]:
    paths = scale.write(folder, size_mb << 20)
    print(f"\nscale: single-line files of {size_mb} MiB, timeout {timeout:.0f} s")
    print(f"{'case':<20} {'mlsec-secrets s':>16} {'exit':>5}")
    out: dict[str, Any] = {}
    for path in paths:
        seconds, code = scale.time_tool([mlsec, path.name], folder, timeout)
        shown = f"{seconds:.2f}" if seconds is not None else f"> {timeout:.0f}"
        print(f"{path.name:<20} {shown:>16} {code if code is not None else '-':>5}")
        out[path.name] = {"mlsec_seconds": seconds, "exit": code}
    return out
