"""What a data file's verdict depends on besides its bytes (for hooks/_core/cache.py): whether
Git LFS (`.gitattributes` along its path) or DVC (`<name>.dvc` beside it or a folder) tracks it, and today's date (a birth date is only one if it is not in the future)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from hooks._core.policy import Policy


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    parts = PurePosixPath(display).parts
    root = policy.root
    inputs: list[Path | str] = [f"date:{datetime.date.today().isoformat()}"]
    inputs += [root.joinpath(*parts[:depth]) / ".gitattributes" for depth in range(len(parts))]
    for depth in range(len(parts), 0, -1):
        target = root.joinpath(*parts[:depth])
        inputs.append(target.with_name(target.name + ".dvc"))
    return inputs
