"""mlsec-secrets against detect-secrets-hook on a generated, secret-free 2,000-file ML repo."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from bench.measure import Measurement, measure
from bench.mlrepo import generate


def _count_ours(command: list[str], cwd: Path) -> int:
    out = subprocess.run([*command, "--format", "json"], cwd=cwd, capture_output=True, text=True)
    return len(json.loads(out.stdout)["findings"])


def _count_detect_secrets(command: list[str], cwd: Path) -> int:
    out = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return sum(1 for line in out.stdout.splitlines() if line.strip().startswith("Location:"))


def run(folder: Path, bin_dir: Path, repeat: int) -> list[tuple[str, str, Measurement, int]]:
    (folder / ".git").mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(folder)) for p in generate(folder)]
    rows = []
    ours = [str(bin_dir / "mlsec-secrets"), *files]
    rows.append(("2,000-file ML repo", "mlsec-secrets", measure(ours, repeat, cwd=folder), _count_ours(ours, folder)))
    peer = shutil.which("detect-secrets-hook", path=str(bin_dir)) or shutil.which("detect-secrets-hook")
    if peer:
        command = [peer, *files]
        rows.append(
            (
                "2,000-file ML repo",
                "detect-secrets-hook",
                measure(command, repeat, cwd=folder),
                _count_detect_secrets(command, folder),
            )
        )
    return rows
