"""`make demo`: run every hook on a copy of sample_repo/ through real pre-commit.

Prints what pre-commit prints, then compares the finding lines with
sample_repo/expected_findings.txt: exit 0 when they are equal, else show the difference, exit 1.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FINDING = re.compile(r"^\S+?:(cell_\d+:)?\d+:\d+: (MLS\d{3}|B\d{3}) \[(low|medium|high|critical)\] ")


def finding_lines(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if FINDING.match(line))


def run_pre_commit(work: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    subprocess.run(["git", "add", "-A"], cwd=work, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "PRE_COMMIT_COLOR": "never"}
    # try-repo runs the hooks of this checkout as it is on disk, uncommitted edits included.
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files", "--color", "never"]
    return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)


def main() -> int:
    expected = sorted((ROOT / "sample_repo" / "expected_findings.txt").read_text().splitlines())
    with tempfile.TemporaryDirectory(prefix="mlsec-demo-") as temp:
        work = Path(temp) / "sample_repo"
        shutil.copytree(ROOT / "sample_repo", work)
        result = run_pre_commit(work, Path(temp) / "pre-commit-home")
    print(result.stdout + result.stderr)
    found = finding_lines(result.stdout)
    if found == expected and result.returncode == 1:
        print(f"demo: OK, the hooks reported exactly the {len(expected)} expected findings.")
        return 0
    diff = difflib.unified_diff(expected, found, "expected_findings.txt", "pre-commit output", lineterm="")
    print("demo: the findings differ from sample_repo/expected_findings.txt:\n" + "\n".join(diff))
    if result.returncode != 1:
        print(f"demo: pre-commit exited {result.returncode}, expected 1 (findings)")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
