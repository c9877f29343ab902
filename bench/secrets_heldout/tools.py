"""Run each tool on a generated tree and bring its findings to one shape."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

_HASH = re.compile(r"\(hash ([0-9a-f]{8})\)")


@dataclass(frozen=True)
class Found:
    tool: str
    file: str
    line: int | None
    cell: int | None = None
    output: int | None = None
    blocking: bool = True
    rule: str = ""
    sha256_prefix: str = ""  # mlsec prints the first 8 hex of SHA-256(secret)
    sha1: str = ""  # detect-secrets' hashed_secret
    secret: str = ""  # gitleaks-rules approximation (we ran it, so we have the value)


def tree_files(root: Path) -> list[str]:
    return sorted(
        str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and ".git" not in p.relative_to(root).parts
    )


def run_mlsec(root: Path, executable: str, files: list[str]) -> list[Found]:
    found: list[Found] = []
    for start in range(0, len(files), 200):
        out = subprocess.run(
            [executable, "--format", "json", *files[start : start + 200]], cwd=root, capture_output=True, text=True
        )
        if out.returncode not in (0, 1):
            raise RuntimeError(f"mlsec-secrets exited {out.returncode}: {out.stderr[-2000:]}")
        for f in json.loads(out.stdout)["findings"]:
            match = _HASH.search(f.get("message", ""))
            found.append(
                Found(
                    "mlsec",
                    f["path"],
                    f.get("line"),
                    f.get("cell"),
                    f.get("output"),
                    f["severity"] not in ("low", "info"),
                    f["rule_id"],
                    match.group(1) if match else "",
                )
            )
    return found


def run_detect_secrets(root: Path, executable: str) -> list[Found]:
    out = subprocess.run([executable, "scan", "--all-files"], cwd=root, capture_output=True, text=True, check=True)
    found = []
    for path, items in json.loads(out.stdout)["results"].items():
        for item in items:
            found.append(
                Found("detect-secrets", path, item["line_number"], rule=item["type"], sha1=item["hashed_secret"])
            )
    return found


def run_gitleaks_rules(root: Path, config: Path, files: list[str]) -> tuple[list[Found], list[str]]:
    from bench.secrets_heldout import gitleaks_rules

    ruleset = gitleaks_rules.load(config)
    found = []
    for rel in files:
        text = (root / rel).read_text(encoding="utf-8", errors="replace")
        for rule_id, line, secret in gitleaks_rules.scan_text(ruleset, rel, text):
            found.append(Found("gitleaks-rules", rel, line, rule=rule_id, secret=secret))
    return found, ruleset.skipped


def find_tool(name: str, bin_dir: Path) -> str | None:
    candidate = bin_dir / name
    return str(candidate) if candidate.exists() else shutil.which(name)
