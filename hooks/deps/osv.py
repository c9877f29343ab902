"""OSV records: reading them from a folder or a zip export, validating them, matching versions.

Every record is validated before anything in it is used or shown: ids must have OSV id syntax,
the `affected` structure must have the schema's types. A record that fails is skipped and
counted, never fatal and never half-used. A source that cannot be read as a whole (a truncated
or non-zip file, an unreadable folder) is an `AdvisoryError`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from hooks._shared.requirements import normalize
from hooks.deps.disputed import disputed_by_vendor
from hooks.deps.tool_hangs import says_only_denial

# OSV ids: a prefix (PYSEC, GHSA, MAL, CVE, ...) and an id made of letters, digits, `-`, `_`, `.`.
_EVENT_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+!_*-]{0,63}")
OSV_ID = re.compile(r"^[A-Z][A-Z0-9]{1,15}-[A-Za-z0-9][A-Za-z0-9._:-]{0,80}$")
DISPUTED_MARK = "** DISPUTED **"
MAX_RECORD_BYTES = 4 << 20
MAX_ZIP_ENTRIES = 1_000_000  # OSV's PyPI export holds tens of thousands
SUFFIXES = (".json", ".yaml", ".yml")
FLAG_MALICIOUS = 1
FLAG_DISPUTED = 2
FLAG_DENIAL_ONLY = 4  # its whole text says denial of service and nothing worse (tool_hangs.py)


class AdvisoryError(Exception):
    """The advisory source cannot be used (missing, unreadable, truncated, unreachable)."""


@dataclass(frozen=True)
class Advisory:
    id: str
    aliases: tuple[str, ...]
    summary: str
    fixed: str | None
    malicious: bool
    disputed: bool = False
    denial_only: bool = False
    past_listed: bool = False  # only an open range takes the release in, and it is newer than every listed one


@dataclass
class Stored:
    """What matching needs of one record for one package (the compact snapshot's unit)."""

    id: str
    aliases: list[str]
    summary: str
    flags: int
    affected: dict[str, Any]  # {"ranges": [{"events": [{kind: version}]}], "versions": [...]}
    modified: str = ""

    def as_list(self) -> list[Any]:
        return [self.id, self.aliases, self.summary, self.flags, self.affected["ranges"], self.affected["versions"]]

    @classmethod
    def from_list(cls, item: list[Any]) -> Stored:
        return cls(item[0], item[1], item[2], item[3], {"ranges": item[4], "versions": item[5]})


@dataclass
class ReadCounts:
    records: int = 0
    skipped: int = 0
    newest: str = ""  # the latest `modified` seen (ISO 8601)
    packages: set[str] = field(default_factory=set)


def _parse(name: str, data: bytes) -> Any:
    if name.endswith(".json"):
        return json.loads(data)
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if b"*" in data:
        for event in yaml.parse(data, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise ValueError("aliases")  # no expansion bombs in advisory files either
    return yaml.load(data, Loader=loader)  # noqa: S506  # nosec B506 - CSafeLoader or SafeLoader


def _string_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return value


def _events(version_range: Any) -> list[dict[str, str]] | None:
    if not isinstance(version_range, dict) or not isinstance(version_range.get("events"), list):
        return None
    events = []
    for event in version_range["events"]:
        if not isinstance(event, dict) or len(event) != 1:
            return None
        ((kind, value),) = event.items()
        if kind not in ("introduced", "fixed", "last_affected", "limit") or not isinstance(value, (str, int, float)):
            return None
        # A fixed version is printed ("fixed in X"): only version-shaped text, never a payload.
        if not _EVENT_VERSION.fullmatch(str(value)):
            return None
        events.append({kind: str(value)})
    return events


def stored_entries(record: Any) -> list[tuple[str, Stored]] | None:
    """(normalised PyPI name, Stored) for each PyPI package the record affects; None if invalid."""
    if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not OSV_ID.match(record["id"]):
        return None
    aliases = _string_list(record.get("aliases"))
    affected_list = record.get("affected") or []
    if aliases is None or not isinstance(affected_list, list):
        return None
    if record.get("withdrawn"):
        return []  # retracted by its publisher
    summary_text = record.get("summary") or record.get("details") or ""
    details = record.get("details") or ""
    if not isinstance(summary_text, str) or not isinstance(details, str):
        return None
    flags = FLAG_MALICIOUS if record["id"].startswith("MAL-") else 0
    if DISPUTED_MARK in summary_text or DISPUTED_MARK in details:
        flags |= FLAG_DISPUTED
    heading = record.get("summary") or ""
    if isinstance(heading, str) and says_only_denial(f"{heading}\n{details}") and not _beyond_availability(record):
        flags |= FLAG_DENIAL_ONLY
    summary = " ".join(summary_text.split())[:200]
    modified = _date_text(record.get("modified"))
    entries = []
    for affected in affected_list:
        if not isinstance(affected, dict):
            return None
        package = affected.get("package") or {}
        if not isinstance(package, dict):
            return None
        name, ecosystem = package.get("name"), package.get("ecosystem", "")
        if not isinstance(name, str) or not isinstance(ecosystem, str):
            return None
        if ecosystem.split(":")[0] != "PyPI" or not name or len(name) > 200:
            continue
        ranges = []
        for version_range in affected.get("ranges") or []:
            if not isinstance(version_range, dict):
                return None
            if version_range.get("type") != "ECOSYSTEM":
                continue
            events = _events(version_range)
            if events is None:
                return None
            ranges.append({"events": events})
        versions = _string_list(affected.get("versions"))
        if versions is None:
            return None
        kept = {"ranges": ranges, "versions": sorted({canonical(v) for v in versions})}
        valid_aliases = [a for a in aliases if OSV_ID.match(a)]
        entries.append((normalize(name), Stored(record["id"], valid_aliases, summary, flags, kept, str(modified))))
    return entries


def _date_text(value: Any) -> str:
    """`modified` as ISO 8601 text (a YAML loader turns an unquoted timestamp into a datetime)."""
    if isinstance(value, str):
        return value[:40]
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else ""


def iter_entries(source: Path, counts: ReadCounts) -> Iterator[tuple[str, Stored]]:
    """Every valid (package, Stored) of an OSV folder or zip export; bad records are counted."""
    for name, data in _iter_files(source):
        try:
            record = _parse(name, data)
        except Exception:  # noqa: BLE001 - any parser failure: a bad record, skipped and counted
            counts.skipped += 1
            continue
        entries = stored_entries(record)
        if entries is None:
            counts.skipped += 1
            continue
        counts.records += 1
        for package, stored in entries:
            counts.newest = max(counts.newest, stored.modified)
            counts.packages.add(package)
            yield package, stored


def _check_entry_count(source: Path) -> None:
    """Refuse a zip whose directory lists more entries than any export has: ZipFile reads the
    whole directory into memory when it opens (a 1 GiB export of empty entries is ~20M objects)."""
    import zipfile

    with source.open("rb") as handle:
        try:
            end = zipfile._EndRecData(handle)  # type: ignore[attr-defined]  # stable since Python 2
        except AttributeError:
            return  # a Python without it: ZipFile's own checks remain
    if end is not None and end[zipfile._ECD_ENTRIES_TOTAL] > MAX_ZIP_ENTRIES:  # type: ignore[attr-defined]
        raise AdvisoryError(f"advisory file {source.name} lists more than {MAX_ZIP_ENTRIES:,} entries")


def _iter_files(source: Path) -> Iterator[tuple[str, bytes]]:
    import zipfile

    if source.is_file():
        try:
            _check_entry_count(source)
            with zipfile.ZipFile(source) as archive:
                for info in archive.infolist():
                    if info.filename.endswith(SUFFIXES) and not info.is_dir():
                        if info.file_size > MAX_RECORD_BYTES:
                            yield info.filename, b"\0"  # counted as a bad record
                            continue
                        yield info.filename, archive.read(info)  # checks the member's CRC
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            raise AdvisoryError(f"advisory file {source.name} is not a complete zip export ({exc})") from None
        return
    if not source.is_dir():
        raise AdvisoryError(f"advisory source {source} is neither a folder nor a zip file")

    def failed(error: OSError) -> None:
        raise AdvisoryError(f"advisory folder cannot be read ({error.strerror}: {error.filename})")

    for folder, _dirs, files in os.walk(source, onerror=failed):
        for file_name in sorted(files):
            if file_name.endswith(SUFFIXES):
                path = Path(folder) / file_name
                try:
                    if path.stat().st_size > MAX_RECORD_BYTES:
                        yield file_name, b"\0"
                        continue
                    yield file_name, path.read_bytes()
                except OSError as exc:
                    raise AdvisoryError(f"advisory file {path} cannot be read ({exc.strerror})") from None


# --- matching -----------------------------------------------------------------------------
@lru_cache(maxsize=1 << 16)
def _version(text: str) -> Any:
    """A parsed version, or None; cached, since every pin looked up parses the same advisories'
    range events again (a lock file hands over hundreds of pins at once)."""
    from packaging.version import InvalidVersion, Version

    try:
        return Version(text)
    except InvalidVersion:
        return None


def canonical(text: str) -> str:
    """A listed version in PEP 440 normal form, so lookups compare strings, not parse thousands."""
    parsed = _version(text)
    return str(parsed) if parsed is not None else text


# Each range's parsed and sorted events, by the range object (kept, so its id is not reused):
# every pin looked up walks the same advisories' ranges again (a lock file hands over hundreds).
_RANGE_EVENTS: dict[int, tuple[object, list[tuple[Any, str]]]] = {}
_RANGE_EVENTS_KEPT = 1 << 16


def _range_events(version_range: dict[str, Any]) -> list[tuple[Any, str]]:
    known = _RANGE_EVENTS.get(id(version_range))
    if known is not None and known[0] is version_range:
        return known[1]
    events = []
    for event in version_range.get("events", []):
        for kind, value in event.items():
            parsed = _version("0" if value == "0" else str(value))
            if parsed is not None:
                events.append((parsed, kind))
    events.sort(key=lambda item: (item[0], item[1] != "introduced"))
    if len(_RANGE_EVENTS) >= _RANGE_EVENTS_KEPT:
        _RANGE_EVENTS.clear()
    _RANGE_EVENTS[id(version_range)] = (version_range, events)
    return events


def affects(affected: dict[str, Any], version: str) -> tuple[bool, str | None]:
    """Whether `version` is affected, and the first fixed version above it if one is known."""
    wanted = _version(version)
    listed = affected.get("versions", [])
    hit = version in listed or (wanted is not None and str(wanted) in listed)
    fixed_above: list[Any] = []
    fixed_here = False  # a range's `fixed` event names this very release
    for version_range in affected.get("ranges", []):
        events = _range_events(version_range)
        fixed_here |= wanted is not None and any(kind == "fixed" and parsed == wanted for parsed, kind in events)
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
    # A record that lists a release among its affected versions and also names it as the fix
    # (gevent's PYSEC-2023-177: versions ... 23.9.0, range fixed 23.9.0) contradicts itself; the
    # fix event is the advisory's own statement about that release, the list is generated.
    return hit and not fixed_here, fixed


def past_listed(affected: dict[str, Any], version: str) -> bool:
    """Whether a record takes `version` in only through a range that names no fix, while the
    releases it lists as affected all come before it.

    A record's `versions` are the releases its authors (or the database's tooling) checked when
    they last wrote it; a range from some release on with no `fixed` or `last_affected` event
    says no fix was known then. A newer release than every listed one was never checked against
    the record: it may carry the flaw or not (langchain-experimental's PYSEC-2023-194, whose fix
    commit exists but was never mapped to a release). A record that lists nothing, or a range
    that closes above the release, is the record's own statement about it."""
    wanted = _version(version)
    listed = affected.get("versions", [])
    if wanted is None or not listed:
        return False
    for text in listed:
        parsed = _version(text)
        # By release numbers: a local build (`2.0.0+cpu`), a post-release or a pre-release of a
        # listed release is that release, not a newer one.
        if parsed is None or _version(parsed.base_version) >= _version(wanted.base_version):
            return False
    for version_range in affected.get("ranges", []):
        values = [value for event in version_range.get("events", []) for value in event.values()]
        if any(value != "0" and _version(str(value)) is None for value in values):
            return False  # an event this cannot read may be the fix
        inside = False
        closes_above = False
        for parsed, kind in _range_events(version_range):
            if kind == "introduced" and parsed <= wanted:
                inside = True
            elif (kind == "fixed" and parsed <= wanted) or (kind == "last_affected" and parsed < wanted):
                inside = False
            elif kind in ("fixed", "last_affected", "limit") and inside:
                closes_above = True
        if inside and closes_above:
            return False  # the record names a fix (or last affected release) above this one
    return True


def affects_every_version(affected: dict[str, Any]) -> bool:
    """A range from the first release on with no fix or last affected version (malware)."""
    for version_range in affected.get("ranges", []):
        kinds = {kind: value for event in version_range.get("events", []) for kind, value in event.items()}
        if kinds.get("introduced") == "0" and not ({"fixed", "last_affected", "limit"} & kinds.keys()):
            return True
    return False


_CVSS_BEYOND_AVAILABILITY = re.compile(r"/(?:C|I):[LH](?:/|$)")


def _beyond_availability(record: dict[str, Any]) -> bool:
    """Whether the record's CVSS vectors say confidentiality or integrity is hit too."""
    scores = record.get("severity")
    if not isinstance(scores, list):
        return False
    return any(
        isinstance(score, dict)
        and isinstance(score.get("score"), str)
        and _CVSS_BEYOND_AVAILABILITY.search(score["score"]) is not None
        for score in scores
    )


def advisory_of(stored: Stored, fixed: str | None, version: str) -> Advisory:
    """The advisory of a record matched for `version`, whose first fix above it is `fixed`."""
    return Advisory(
        stored.id,
        tuple(stored.aliases),
        stored.summary,
        fixed,
        bool(stored.flags & FLAG_MALICIOUS),
        bool(stored.flags & FLAG_DISPUTED) or disputed_by_vendor((stored.id, *stored.aliases)),
        bool(stored.flags & FLAG_DENIAL_ONLY),
        fixed is None and past_listed(stored.affected, version),
    )


def distinct(advisories: list[Advisory]) -> list[Advisory]:
    """One advisory per vulnerability: an export lists it under each id (PYSEC, GHSA) it has."""
    kept: list[Advisory] = []
    for advisory in sorted(advisories, key=lambda a: (not a.id.startswith("PYSEC"), a.id)):
        same = [i for i, other in enumerate(kept) if advisory.id in other.aliases or other.id in advisory.aliases]
        if same:
            if not advisory.past_listed:
                # Another record of the vulnerability lists this release or names a fix above it.
                kept[same[0]] = replace(kept[same[0]], past_listed=False)
            continue
        kept.append(advisory)
    return sorted(kept, key=lambda a: a.id)
