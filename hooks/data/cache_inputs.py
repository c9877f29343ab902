"""What a data file's verdict depends on besides its bytes (for hooks/_core/cache.py): whether
Git LFS (`.gitattributes` along its path) or DVC (`<name>.dvc` beside it or a folder) tracks it
when it is over the size limit, and today's date (a birth date is only one if it is not in the future)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from hooks._core.policy import Policy


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    inputs: list[Path | str] = [f"date:{datetime.date.today().isoformat()}"]
    limit = int(float(policy.section("data").get("max_file_mb", 10)) * (1 << 20))
    try:
        if path.stat().st_size <= limit:
            return inputs  # LFS and DVC are only asked about files over the size limit
    except OSError:
        return None
    parts = PurePosixPath(display).parts
    root = str(policy.root)
    folders = [Path(root, *parts[:depth]) for depth in range(len(parts))]
    inputs += [folder / ".gitattributes" for folder in folders]
    inputs += [Path(root, *parts[: depth - 1], parts[depth - 1] + ".dvc") for depth in range(len(parts), 0, -1)]
    return inputs
