"""Known vulnerabilities: which advisory source a run uses, and looking pins up in it.

Sources, first match wins:

1. `deps.advisory_db` / `--advisory-db`: a folder of OSV records, an OSV zip export or an mlsec
   snapshot file; a folder or zip is built into a snapshot in the user cache once per content;
2. `deps.online` / `--online`: the OSV API (`hooks/deps/online.py`);
3. the snapshot `mlsec advisories update` wrote into the user cache;
4. the snapshot shipped as package data (`hooks/deps/data/`), when the release has one.

With none of them the scanner reports that vulnerabilities were not checked (MLS416). Version
matching follows the OSV schema (`hooks/deps/osv.py`).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hooks._shared.requirements import normalize
from hooks.deps import snapshot as snapshots
from hooks.deps.online import OnlineAdvisories
from hooks.deps.osv import Advisory, AdvisoryError, advisory_of, affects, distinct
from hooks.deps.snapshot import Snapshot, cache_dir

__all__ = [
    "Advisory",
    "AdvisoryError",
    "OfflineAdvisories",
    "OnlineAdvisories",
    "affects",
    "cache_dir",
    "installed_snapshot",
    "verdict_inputs",
]


class OfflineAdvisories:
    """Lookups in a snapshot (read and checked once per process)."""

    def __init__(self, source: Path, cache: Path | None = None, *, label: str | None = None) -> None:
        self.source = source
        self.snapshot: Snapshot = snapshots.cached_build(source, cache)
        self.label = label or f"advisory source {source.name}"

    def describe(self) -> str:
        return f"{self.label} (records up to {self.snapshot.newest[:10] or 'an unknown date'})"

    def lookup(self, pins: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Advisory]]:
        found: dict[tuple[str, str], list[Advisory]] = {}
        for name, version in pins:
            hits = []
            for stored in self.snapshot.entries(normalize(name)):
                hit, fixed = affects(stored.affected, version)
                if hit:
                    hits.append(advisory_of(stored, fixed, version))
            found[(name, version)] = distinct(hits)
        return found


def installed_snapshot() -> OfflineAdvisories | None:
    """The user-cache snapshot (from `mlsec advisories update`), else the shipped one, else None.

    A snapshot that exists but fails its checks is an AdvisoryError, never skipped in silence."""
    user = snapshots.user_snapshot_path()
    if user.is_file():
        return OfflineAdvisories(user, label="advisory snapshot from `mlsec advisories update`")
    if snapshots.PACKAGE_SNAPSHOT.is_file():
        return OfflineAdvisories(snapshots.PACKAGE_SNAPSHOT, label="advisory snapshot shipped with mlsec-hooks")
    return None


def verdict_inputs(section: dict[str, Any], root: Path) -> list[str] | None:
    """What a dependency file's verdict depends on besides its own bytes, for a result cache:
    the advisory source that `deps` settings `section` select (a configured folder or zip by its
    content key, the online API by URL and hour, else the user or shipped snapshot by size and
    mtime) and today's date (MLS416 turns on when data ages past deps.max_snapshot_age_days).
    None when the source cannot be identified: do not cache.

    No snapshot is read or built, but a configured zip is hashed and a folder stat'ed file by
    file: call it once per run, not once per file."""
    today = datetime.date.today().isoformat()
    try:
        if section.get("advisory_db"):
            path = Path(section["advisory_db"])
            return [f"offline:{snapshots.source_key(path if path.is_absolute() else root / path)}", today]
        if section.get("online"):
            url = os.environ.get("MLSEC_OSV_URL") or section.get("osv_url") or "default"
            hour = int(datetime.datetime.now(datetime.timezone.utc).timestamp()) // 3600
            return [f"online:{url}:{hour}", today]
        for label, path in (("user", snapshots.user_snapshot_path()), ("package", snapshots.PACKAGE_SNAPSHOT)):
            if path.is_file():
                info = path.stat()
                return [f"{label}:{info.st_size}:{info.st_mtime_ns}", today]
        return ["none", today]
    except (AdvisoryError, OSError):
        return None


def _source_key(source: Path) -> str:
    """The content key of a configured advisory folder or zip (the name the SQLite index had;
    kept for callers written against it). Prefer `verdict_inputs`."""
    return snapshots.source_key(source)
