"""What a script's verdict depends on besides its bytes (for hooks/_core/cache.py): the pipeline
definitions beside it, when it reads a SageMaker mount (hooks/code/pipeline_inputs.py lowers its
loads of what those definitions wire into the mount). A verdict that asked the project's tooling
about a fixed path (hooks/code/project_fetches.py) is not kept at all: the scanner marks it
uncacheable, so the next run asks again. And the dist-info RECORDs in the folders above it, which
may vouch for it as a release's own file (hooks/_shared/installed_copy.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hooks._core.policy import Policy

# A script that never names the mount is judged on its own bytes; looking for the name in its
# first bytes costs one read, beside the one the scan makes of it anyway.
_LOOKED_AT = 4 << 20


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    if display.lower().endswith(".ipynb"):
        return []  # a notebook's pipeline is its own cells
    from hooks._shared.installed_copy import records_above
    from hooks.code.pipeline_inputs import MOUNT_ROOT, neighbour_definitions

    try:
        with path.open("rb") as handle:
            head = handle.read(_LOOKED_AT)
    except OSError:
        return None  # unreadable: the scan reports it, nothing to cache
    records = records_above(path, policy.root)
    if MOUNT_ROOT.encode() not in head:
        return records
    return [*records, *neighbour_definitions(path)]
