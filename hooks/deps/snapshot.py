"""Compact advisory snapshots: one gzip file holding what matching needs, checked before use.

A snapshot is built from OSV records (a folder such as a PyPA advisory-database clone, or an
OSV zip export) and is what every offline lookup reads: the one shipped as package data, the
one `mlsec advisories update` writes into the user cache, and the one built (once) from a
folder or zip named by `deps.advisory_db`.

File layout (gzip): one JSON header line, then the JSON payload. The header holds the format
version, the newest `modified` date among the records (the snapshot's date), counts, the
sources and the sha256 of the payload bytes. A snapshot is used only when its header parses,
the digest matches and every entry has the expected shape; a cached snapshot that fails is
rebuilt from its source, a configured one that fails is an `AdvisoryError` (exit 2).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks.deps.osv import OSV_ID, AdvisoryError, ReadCounts, Stored, iter_entries

FORMAT = "mlsec-osv-snapshot"
# 2: an entry's flags may carry FLAG_DENIAL_ONLY (osv.py). A version 1 snapshot (an older
# `mlsec advisories update`) is still read, without it: its tool hangs stay high until updated.
# Builds of a folder or zip are keyed on the version, so they are made again.
FORMAT_VERSION = 2
READABLE_VERSIONS = frozenset({1, 2})
PACKAGE_SNAPSHOT = Path(__file__).with_name("data") / "advisories.snapshot.gz"
SNAPSHOT_NAME = "advisories.snapshot.gz"
MAX_SNAPSHOT_BYTES = 256 << 20  # decompressed; a real PyPI snapshot is a few MB


@dataclass
class Snapshot:
    """Advisories per normalised package name; a read snapshot decodes (and checks) a package's
    entries only when a pin of that package is looked up."""

    packages: dict[str, list[Stored]]
    newest: str  # ISO 8601 date of the newest record ("" when no record had one)
    records: int
    skipped: int
    sources: list[str] = field(default_factory=list)
    source_key: str = ""
    encoded: dict[str, bytes] = field(default_factory=dict)  # not yet decoded, by package
    origin: str = ""

    def entries(self, package: str) -> list[Stored]:
        if package not in self.packages and package in self.encoded:
            try:
                items = json.loads(self.encoded.pop(package))
            except (ValueError, RecursionError):
                items = None
            if not isinstance(items, list) or not all(_valid_item(item) for item in items):
                raise AdvisoryError(f"advisory snapshot {self.origin} holds malformed entries for {package}")
            self.packages[package] = [Stored.from_list(item) for item in items]
        return self.packages.get(package, [])

    def date(self) -> dt.date | None:
        return parse_date(self.newest)

    def age_days(self, today: dt.date | None = None) -> int | None:
        date = self.date()
        if date is None:
            return None
        return ((today or dt.datetime.now(dt.timezone.utc).date()) - date).days


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except (TypeError, ValueError):
        return None


def cache_dir() -> Path:
    """MLSEC_CACHE_DIR, else the XDG cache folder: never inside the repository."""
    explicit = os.environ.get("MLSEC_CACHE_DIR")
    folder = (
        Path(explicit) if explicit else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mlsec-hooks"
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AdvisoryError(f"cannot create the cache folder {folder} ({exc.strerror}); set MLSEC_CACHE_DIR") from None
    return folder


def user_snapshot_path() -> Path:
    """Where `mlsec advisories update` keeps its snapshot (it wins over the shipped one)."""
    return cache_dir() / SNAPSHOT_NAME


# --- building ------------------------------------------------------------------------------
def build(source: Path, *, sources: list[str] | None = None, source_key: str = "") -> Snapshot:
    """Read every record of a folder or zip export; AdvisoryError when none is valid."""
    counts = ReadCounts()
    packages: dict[str, list[Stored]] = {}
    for package, stored in iter_entries(source, counts):
        packages.setdefault(package, []).append(stored)
    if counts.records == 0:
        bad = f" ({counts.skipped} invalid)" if counts.skipped else ""
        raise AdvisoryError(f"advisory source {source.name} holds no valid OSV record{bad}")
    for entries in packages.values():
        entries.sort(key=lambda stored: stored.id)
    return Snapshot(packages, counts.newest, counts.records, counts.skipped, sources or [source.name], source_key)


def merge(first: Snapshot, second: Snapshot) -> Snapshot:
    """Two sources in one snapshot (the advisory database and the malicious-packages data)."""
    packages = {name: list(first.entries(name)) for name in set(first.packages) | set(first.encoded)}
    for name in set(second.packages) | set(second.encoded):
        known = {stored.id for stored in packages.get(name, [])}
        packages.setdefault(name, []).extend(s for s in second.entries(name) if s.id not in known)
    return Snapshot(
        packages,
        max(first.newest, second.newest),
        first.records + second.records,
        first.skipped + second.skipped,
        first.sources + second.sources,
    )


def _payload(snapshot: Snapshot) -> tuple[bytes, dict[str, list[int]]]:
    """Each package's entries as its own JSON text, and where each one starts and ends."""
    parts: list[bytes] = []
    index: dict[str, list[int]] = {}
    offset = 0
    for name in sorted(set(snapshot.packages) | set(snapshot.encoded)):
        part = json.dumps([stored.as_list() for stored in snapshot.entries(name)], separators=(",", ":")).encode()
        index[name] = [offset, len(part)]
        parts.append(part)
        offset += len(part)
    return b"".join(parts), index


def write(snapshot: Snapshot, target: Path) -> None:
    """Atomically: a temporary file in the same folder, renamed over the target; none left behind."""
    payload, index = _payload(snapshot)
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "newest": snapshot.newest,
        "records": snapshot.records,
        "skipped": snapshot.skipped,
        "sources": snapshot.sources,
        "source_key": snapshot.source_key,
        "sha256": hashlib.sha256(payload).hexdigest(),
        "index": index,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".snapshot-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as compressed:
            compressed.write(json.dumps(header, sort_keys=True).encode() + b"\n" + payload)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- reading -------------------------------------------------------------------------------
def _valid_item(item: Any) -> bool:
    if not (isinstance(item, list) and len(item) == 6):
        return False
    advisory_id, aliases, summary, flags, ranges, versions = item
    if not (isinstance(advisory_id, str) and OSV_ID.match(advisory_id) and isinstance(summary, str)):
        return False
    if not (isinstance(flags, int) and 0 <= flags < 8):
        return False
    if not (isinstance(aliases, list) and all(isinstance(a, str) and OSV_ID.match(a) for a in aliases)):
        return False
    if not (isinstance(versions, list) and all(isinstance(v, str) for v in versions)):
        return False
    if not isinstance(ranges, list):
        return False
    for version_range in ranges:
        events = version_range.get("events") if isinstance(version_range, dict) else None
        if not isinstance(events, list):
            return False
        for event in events:
            if not (isinstance(event, dict) and len(event) == 1):
                return False
            ((kind, value),) = event.items()
            if kind not in ("introduced", "fixed", "last_affected", "limit") or not isinstance(value, str):
                return False
    return True


def read(path: Path) -> Snapshot:
    """The snapshot at `path`; AdvisoryError when it is missing, truncated, altered or malformed."""
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(MAX_SNAPSHOT_BYTES + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        reason = getattr(exc, "strerror", None) or "not a complete gzip file"
        raise AdvisoryError(f"advisory snapshot {path.name} cannot be read ({reason})") from None
    if len(data) > MAX_SNAPSHOT_BYTES:
        raise AdvisoryError(f"advisory snapshot {path.name} is larger than {MAX_SNAPSHOT_BYTES >> 20} MiB")
    header_bytes, _, payload = data.partition(b"\n")
    try:
        header = json.loads(header_bytes)
        ok = (
            isinstance(header, dict)
            and header.get("format") == FORMAT
            and header.get("version") in READABLE_VERSIONS
            and isinstance(header.get("sha256"), str)
            and isinstance(header.get("newest"), str)
            and isinstance(header.get("records"), int)
            and isinstance(header.get("skipped"), int)
            and isinstance(header.get("sources"), list)
            and all(isinstance(s, str) for s in header["sources"])
            and isinstance(header.get("source_key", ""), str)
        )
    except (ValueError, RecursionError):
        ok = False
    if not ok:
        raise AdvisoryError(f"advisory snapshot {path.name} has no valid header (not an mlsec snapshot)")
    if hashlib.sha256(payload).hexdigest() != header["sha256"]:
        raise AdvisoryError(f"advisory snapshot {path.name} does not match its checksum (altered or truncated)")
    index = header.get("index")
    if not isinstance(index, dict) or not all(_valid_span(span, len(payload)) for span in index.values()):
        raise AdvisoryError(f"advisory snapshot {path.name} has a malformed index")
    encoded = {str(name): payload[span[0] : span[0] + span[1]] for name, span in index.items()}
    return Snapshot(
        {},
        header["newest"],
        header["records"],
        header["skipped"],
        list(header["sources"]),
        str(header.get("source_key", "")),
        encoded=encoded,
        origin=path.name,
    )


def _valid_span(span: Any, size: int) -> bool:
    return (
        isinstance(span, list)
        and len(span) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in span)
        and span[0] >= 0
        and span[1] >= 0
        and span[0] + span[1] <= size
    )


def source_key(source: Path) -> str:
    """A zip by its bytes; a folder by every file's relative name, size and mtime (a stat each)."""
    digest = hashlib.sha256(f"{FORMAT}:{FORMAT_VERSION}:".encode())
    try:
        if source.is_file():
            with source.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
            return digest.hexdigest()
        pending = [str(source)]
        prefix = len(str(source))
        while pending:
            with os.scandir(pending.pop()) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    elif entry.is_file():
                        info = entry.stat()
                        digest.update(f"{entry.path[prefix:]}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    except OSError as exc:
        raise AdvisoryError(f"advisory source {source.name} cannot be read ({exc.strerror})") from None
    return digest.hexdigest()


def cached_build(source: Path, cache: Path | None = None) -> Snapshot:
    """The snapshot of a folder or zip, built once into the cache and checked on every use."""
    if not source.exists():
        raise AdvisoryError(f"advisory source {source} does not exist")
    if source.is_file() and _is_snapshot(source):
        return read(source)
    key = source_key(source)
    target = (cache or cache_dir()) / f"osv-{key[:32]}.snapshot.gz"
    if target.is_file():
        try:
            snapshot = read(target)
            if snapshot.source_key == key:
                return snapshot
        except AdvisoryError:
            pass  # altered or truncated cache: never trusted, rebuilt below
    snapshot = build(source, source_key=key)
    try:
        write(snapshot, target)
    except OSError:
        pass  # a read-only cache only costs the next run a rebuild
    return snapshot


def _is_snapshot(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(2) == b"\x1f\x8b"
    except OSError:
        return False
