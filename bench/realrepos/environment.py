"""What a real-repository run was made with, kept beside its results.

Two runs of the same code on two machines differed by 12 blocking findings on the 90 (stop 64:
the machine was rebuilt and nothing recorded the first run's install), and a worktree at an
older commit scored with that commit's labels file. Each run now writes `environment.json`: the
scanner checkout's commit, the Python version, the scanning interpreter's installed packages and
the labels file's digest, so two runs can be compared or told apart.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path


def _commit(checkout: Path) -> str | None:
    done = subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or None if done.returncode == 0 else None


def _packages(bin_dir: Path) -> list[str]:
    python = bin_dir / "python"
    if not python.exists():
        return []
    done = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--disable-pip-version-check"], capture_output=True, text=True, check=False
    )
    return sorted(line for line in done.stdout.splitlines() if line.strip())


def environment_record(checkout: Path, bin_dir: Path, labels: Path) -> dict[str, object]:
    digest = hashlib.sha256(labels.read_bytes()).hexdigest() if labels.is_file() else None
    return {
        "scanner_commit": _commit(checkout),
        "python": sys.version.split()[0],
        "packages": _packages(bin_dir),
        "labels": str(labels),
        "labels_sha256": digest,
    }


def write_environment(out: Path, record: dict[str, object]) -> Path:
    path = out / "environment.json"
    path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return path
