"""What a script's verdict depends on besides its bytes (for hooks/_core/cache.py): the pipeline
definitions beside it, when it reads a SageMaker mount (hooks/code/pipeline_inputs.py lowers its
loads of what those definitions wire into the mount); and, when it may load or run a fixed file,
the project's tooling around it (hooks/code/project_fetches.py: what Makefiles, scripts, CI and
the scripts beside it fetch keeps such a load's severity)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from hooks._core.policy import Policy

# A script that never names the mount is judged on its own bytes; looking for the name in its
# first bytes costs one read, beside the one the scan makes of it anyway.
_LOOKED_AT = 4 << 20
# Loads and runs of a file: the calls whose fixed paths the project's tooling may fill.
_MAY_LOAD = re.compile(rb"load|read_pickle|exec|eval|open_dataset|Unpickler")


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(_LOOKED_AT)
    except OSError:
        return None  # unreadable: the scan reports it, nothing to cache
    inputs: list[Path | str] = []
    if _MAY_LOAD.search(head):
        import posixpath

        from hooks.code.project_fetches import tooling_digest

        try:
            folder = path.parent.resolve()
        except (OSError, RuntimeError):
            return None
        digest = tooling_digest(folder, posixpath.dirname(posixpath.normpath(display.replace("\\", "/"))))
        if digest is None:
            return None  # the tooling around it cannot be told: no verdict to keep
        inputs.append(f"tooling:{digest}")
    if display.lower().endswith(".ipynb"):
        return inputs  # a notebook's pipeline is its own cells
    from hooks.code.pipeline_inputs import MOUNT_ROOT, neighbour_definitions

    if MOUNT_ROOT.encode() in head:
        inputs.extend(neighbour_definitions(path))
    return inputs
