"""Run a command and report its wall time and peak resident memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_CHILD = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "rc": done.returncode,
                  "max_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_mb: float
    exit_code: int


def measure(
    command: list[str], repeat: int = 3, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Measurement:
    """Best of `repeat` runs; each run in a fresh wrapper so its peak RSS is its own. `env`: variables
    set for the command on top of this process's environment."""
    best: Measurement | None = None
    environment = {**os.environ, **env} if env else None
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, *command],
            capture_output=True,
            text=True,
            check=True,
            cwd=cwd,
            env=environment,
        )
        data = json.loads(out.stdout)
        current = Measurement(data["seconds"], data["max_rss_kb"] / 1024, data["rc"])
        if best is None or current.seconds < best.seconds:
            best = current
    assert best is not None
    return best
