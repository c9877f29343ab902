"""What a dependency file's verdict depends on besides its own bytes (for hooks/_core/cache.py):
the advisory source's identity, and the files it includes."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from pathlib import Path

from hooks._core.policy import Policy

# `-r other.txt`, `--constraint c.txt`, also inside environment.yml pip lists: the verdict then
# depends on other files, so the file is not cached at all (dependency files are few and small).
_INCLUDE = re.compile(rb"(?:^|[\s\"'\[,=])(?:-r|-c|--requirements?|--constraints?)(?:\b|=)", re.MULTILINE)
ONLINE_TTL_SECONDS = 3600  # online advisories are trusted for at most this long


# The snapshot's identity, computed once per run: a run has one policy object, kept here so that
# its id is never reused. A process that runs twice (a test, an IDE) sees a refreshed snapshot.
_IDENTITIES: dict[str, tuple[Policy, str | None]] = {}


def _offline_identity(source: str, policy: Policy) -> str | None:
    known = _IDENTITIES.get(source)
    if known is not None and known[0] is policy:
        return known[1]
    from hooks.deps.advisories import _source_key

    try:
        identity: str | None = _source_key(Path(source))
    except OSError:
        identity = None
    _IDENTITIES[source] = (policy, identity)
    return identity


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    section = policy.section("deps")
    inputs: list[Path | str] = []
    if section.get("advisory_db"):
        database = Path(section["advisory_db"])
        identity = _offline_identity(str(database if database.is_absolute() else policy.root / database), policy)
        if identity is None:
            return None
        inputs.append(f"offline:{identity}")
    elif section.get("online"):
        url = os.environ.get("MLSEC_OSV_URL") or section.get("osv_url") or ""
        inputs.append(f"online:{url}:{int(time.time()) // ONLINE_TTL_SECONDS}")
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return None
    if _INCLUDE.search(head):
        return None
    return inputs
