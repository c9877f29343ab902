"""Whether git's index holds a path: one question, asked the same way wherever a hook needs it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def holds(root: Path, relative: str, timeout: float = 30) -> bool | None:
    """Whether the index of the repository at `root` holds `relative` (a file, or any file below a
    folder), committed or staged: True or False, None when git cannot answer (not installed, not a
    repository, too slow). The path is passed literally, never as a pattern."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", f":(literal){relative}"],
            cwd=root,
            capture_output=True,
            check=False,
            timeout=timeout,
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    if listed.returncode != 0:
        return None
    return bool(listed.stdout.strip(b"\0"))
