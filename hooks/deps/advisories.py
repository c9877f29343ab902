"""Known vulnerabilities from OSV records: an offline folder or zip export, or the OSV API.

An offline source is indexed once into SQLite in the user's cache (keyed by the source's file
list, sizes and modification times, or a zip's hash), so a warm run reads a few rows instead
of thousands of YAML files. Version matching follows the OSV schema: explicit `versions` plus
ECOSYSTEM ranges of introduced / fixed / last_affected events.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hooks.deps.model import normalize

INDEX_VERSION = 3


class AdvisoryError(Exception):
    """The advisory source cannot be used (missing, unreadable, unreachable)."""


@dataclass(frozen=True)
class Advisory:
    id: str
    aliases: tuple[str, ...]
    summary: str
    fixed: str | None
    malicious: bool


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


# --- reading OSV records ------------------------------------------------------------------
def _parse_record(name: str, data: bytes) -> dict[str, Any] | None:
    try:
        if name.endswith(".json"):
            record = json.loads(data)
        else:
            import yaml

            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            record = yaml.load(data, Loader=loader)  # noqa: S506  # nosec B506 - CSafeLoader or SafeLoader
    except Exception:  # noqa: BLE001 - a broken record is skipped, not fatal
        return None
    return record if isinstance(record, dict) and isinstance(record.get("id"), str) else None


def iter_records(source: Path) -> Iterator[dict[str, Any]]:
    import zipfile

    suffixes = (".json", ".yaml", ".yml")
    if source.is_file() and zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            for info in archive.infolist():
                if info.filename.endswith(suffixes) and info.file_size < 16 << 20:
                    record = _parse_record(info.filename, archive.read(info))
                    if record is not None:
                        yield record
        return
    for folder, _dirs, files in os.walk(source):
        for file_name in sorted(files):
            if file_name.endswith(suffixes):
                record = _parse_record(file_name, (Path(folder) / file_name).read_bytes())
                if record is not None:
                    yield record


def _rows(record: dict[str, Any]) -> Iterator[tuple[str, str, str, str, str, int]]:
    if record.get("withdrawn"):
        return  # retracted by its publisher
    aliases = json.dumps([a for a in record.get("aliases") or [] if isinstance(a, str)])
    summary = str(record.get("summary") or record.get("details") or "")[:300]
    malicious = int(str(record["id"]).startswith("MAL-"))
    for affected in record.get("affected") or []:
        package = affected.get("package") or {}
        if str(package.get("ecosystem", "")).split(":")[0] != "PyPI" or not package.get("name"):
            continue
        ranges = [r for r in affected.get("ranges") or [] if r.get("type") == "ECOSYSTEM"]
        kept = {"ranges": ranges, "versions": sorted({_canonical(str(v)) for v in affected.get("versions") or []})}
        yield normalize(str(package["name"])), str(record["id"]), aliases, summary, json.dumps(kept), malicious


# --- matching -----------------------------------------------------------------------------
def _version(text: str) -> Any:
    from packaging.version import InvalidVersion, Version

    try:
        return Version(text)
    except InvalidVersion:
        return None


def _canonical(text: str) -> str:
    """A listed version in PEP 440 normal form, so lookups compare strings, not parse thousands."""
    parsed = _version(text)
    return str(parsed) if parsed is not None else text


def affects(affected: dict[str, Any], version: str) -> tuple[bool, str | None]:
    """Whether `version` is affected, and the first fixed version above it if one is known."""
    wanted = _version(version)
    listed = affected.get("versions", [])
    hit = version in listed or (wanted is not None and str(wanted) in listed)
    fixed_above: list[Any] = []
    for version_range in affected.get("ranges", []):
        events = []
        for event in version_range.get("events", []):
            for kind, value in event.items():
                parsed = _version("0" if value == "0" else str(value))
                if parsed is not None:
                    events.append((parsed, kind))
        events.sort(key=lambda item: (item[0], item[1] != "introduced"))
        state = False
        for parsed, kind in events:
            if wanted is None:
                break
            if kind == "introduced" and parsed <= wanted:
                state = True
            elif kind == "fixed":
                if parsed <= wanted:
                    state = False
                else:
                    fixed_above.append(parsed)
            elif kind == "last_affected" and parsed < wanted:
                state = False
        hit = hit or state
    fixed = str(min(fixed_above)) if fixed_above else None
    return hit, fixed


def distinct(advisories: list[Advisory]) -> list[Advisory]:
    """One advisory per vulnerability: an export lists it under each id (PYSEC, GHSA) it has."""
    kept: list[Advisory] = []
    for advisory in sorted(advisories, key=lambda a: (not a.id.startswith("PYSEC"), a.id)):
        if any(advisory.id in other.aliases or other.id in advisory.aliases for other in kept):
            continue
        kept.append(advisory)
    return sorted(kept, key=lambda a: a.id)


# --- offline index --------------------------------------------------------------------------
def _source_key(source: Path) -> str:
    """A zip by its bytes; a folder by every file's relative name, size and mtime (a stat each)."""
    digest = hashlib.sha256(f"v{INDEX_VERSION}:".encode())
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
    return digest.hexdigest()


class OfflineAdvisories:
    def __init__(self, source: Path, cache: Path | None = None) -> None:
        if not source.exists():
            raise AdvisoryError(f"advisory source {source} does not exist")
        self.source = source
        self.index_path = (cache or cache_dir()) / f"osv-{_source_key(source)[:32]}.sqlite"
        if not self.index_path.is_file():
            self._build()
        self.connection = sqlite3.connect(f"file:{self.index_path}?mode=ro", uri=True)

    def _build(self) -> None:
        temporary = self.index_path.with_suffix(f".{os.getpid()}.tmp")
        connection = sqlite3.connect(temporary)
        with connection:
            connection.execute(
                "CREATE TABLE advisories (package TEXT, id TEXT, aliases TEXT, summary TEXT, "
                "affected TEXT, malicious INTEGER)"
            )
            connection.executemany(
                "INSERT INTO advisories VALUES (?, ?, ?, ?, ?, ?)",
                (row for record in iter_records(self.source) for row in _rows(record)),
            )
            connection.execute("CREATE INDEX by_package ON advisories (package)")
        connection.close()
        temporary.replace(self.index_path)  # atomic: parallel hook processes may race here

    def lookup(self, pins: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Advisory]]:
        found: dict[tuple[str, str], list[Advisory]] = {}
        for name, version in pins:
            key = normalize(name)
            rows = self.connection.execute(
                "SELECT id, aliases, summary, affected, malicious FROM advisories WHERE package = ?", (key,)
            ).fetchall()
            hits = []
            for advisory_id, aliases, summary, affected, malicious in rows:
                hit, fixed = affects(json.loads(affected), version)
                if hit:
                    hits.append(Advisory(advisory_id, tuple(json.loads(aliases)), summary, fixed, bool(malicious)))
            found[(name, version)] = distinct(hits)
        return found


# --- online: the OSV batch API --------------------------------------------------------------
class OnlineAdvisories:
    def __init__(self, base_url: str, timeout: float = 5.0, cache: Path | None = None) -> None:
        if not base_url.startswith(("https://", "http://")):
            raise AdvisoryError(f"OSV URL {base_url!r} is not an http(s) URL")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.cache = (cache or cache_dir()) / "osv-online"
        self.cache.mkdir(parents=True, exist_ok=True)

    def _request(self, path: str, body: dict[str, Any] | None = None) -> Any:
        import urllib.error
        import urllib.request

        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 - an http(s) URL from the policy or the default
            f"{self.base_url}{path}",
            data=data,
            headers={"Content-Type": "application/json"},
            method="POST" if data is not None else "GET",
        )
        try:
            # nosec B310: the scheme was checked in __init__ (http or https only).
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310  # nosec B310
                return json.loads(response.read())
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise AdvisoryError(f"OSV query to {self.base_url} failed ({reason})") from None

    def _vulnerability(self, advisory_id: str, modified: str) -> dict[str, Any]:
        safe_name = hashlib.sha256(f"{advisory_id}\0{modified}".encode()).hexdigest()[:32]
        cached = self.cache / f"{safe_name}.json"
        if cached.is_file():
            record: dict[str, Any] = json.loads(cached.read_text())
            return record
        record = self._request(f"/v1/vulns/{advisory_id}")
        cached.write_text(json.dumps(record))
        return record

    def lookup(self, pins: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Advisory]]:
        pins = list(dict.fromkeys(pins))
        found: dict[tuple[str, str], list[Advisory]] = {pin: [] for pin in pins}
        if not pins:
            return found
        queries = [{"package": {"name": name, "ecosystem": "PyPI"}, "version": version} for name, version in pins]
        answer = self._request("/v1/querybatch", {"queries": queries})
        results = answer.get("results", []) if isinstance(answer, dict) else []
        for pin, result in zip(pins, results, strict=False):
            for vuln in (result or {}).get("vulns", []) or []:
                record = self._vulnerability(str(vuln.get("id")), str(vuln.get("modified", "")))
                for _package, advisory_id, aliases, summary, affected, malicious in _rows(record):
                    if _package != normalize(pin[0]):
                        continue
                    _hit, fixed = affects(json.loads(affected), pin[1])
                    found[pin].append(
                        Advisory(advisory_id, tuple(json.loads(aliases)), summary, fixed, bool(malicious))
                    )
        return {pin: distinct(advisories) for pin, advisories in found.items()}
