"""Whether a file is an unmodified copy of a file that a Python wheel installed.

`pip install --target lib` (App Engine's way of shipping libraries with an app), a committed
virtualenv's `site-packages` and similar trees keep, beside each installed package, a
`<name>-<version>.dist-info` folder whose RECORD lists every file the wheel installed with the
hash of its bytes (the wheel and installed-distribution specifications). A file that such a RECORD
lists with the hash of its present bytes is that release's own file, byte for byte: what the code
and secrets hooks find in its lines belongs to the release, and a reviewer acts on the release
(update or drop the copy; mlsec-deps checks its version against advisories through the same
folder's METADATA), not on the lines. A file that no RECORD lists, or whose bytes differ from
what RECORD says, is the project's own and keeps every finding as it is.

Everything read is bounded: the folders above the file up to the repository's top (at most
`_MAX_DEPTH`), the entries looked through in each, the bytes of each RECORD and of the file
itself. Past a bound the file counts as the project's own (its findings keep their severity).
Each folder is listed, and each RECORD parsed, once per run. Nothing is imported or executed.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import os
import posixpath
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from hooks._core.findings import Finding
from hooks._core.paths import run_generation
from hooks._core.severity import Severity

_MAX_DEPTH = 12  # folders above the file that may hold the dist-info folders
_MAX_ENTRIES = 20_000  # entries of one folder looked through
_MAX_RECORD_BYTES = 4 << 20
_MAX_FILE_BYTES = 64 << 20  # a larger file is not hashed, so it stays the project's own
_HASHES = frozenset({"sha256", "sha384", "sha512"})  # what RECORD may use; md5/sha1 are refused
# What a distribution's name and version may look like to be shown (the folder name is the
# committer's to choose; anything else is shown as "a distribution").
_SHOWN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+!]{0,99}")


@dataclass(frozen=True)
class InstalledCopy:
    """The release whose RECORD lists a file with its present hash."""

    name: str
    version: str
    record: str  # the RECORD's path, relative to the repository's top, `/`-separated

    @property
    def release(self) -> str:
        if _SHOWN.fullmatch(self.name) and _SHOWN.fullmatch(self.version):
            return f"{self.name} {self.version}"
        return "a distribution"


def installed_copy(path: Path, top: Path) -> InstalledCopy | None:
    """The release that installed this very file, or None when it is the project's own."""
    try:
        # Absolute without resolving links: RECORD names the file where it stands.
        absolute = Path(os.path.normpath(path if path.is_absolute() else Path.cwd() / path))
        root = Path(os.path.normpath(top if top.is_absolute() else Path.cwd() / top))
        folder = absolute.parent
        generation = run_generation()
        digests: dict[str, str] = {}
        for _ in range(_MAX_DEPTH):
            if folder != root and root not in folder.parents:
                return None
            for info in _dist_info_folders(str(folder), generation):
                record = str(folder / info / "RECORD")
                listed = _record(record, generation)
                if listed is None:
                    continue
                relative = absolute.relative_to(folder).as_posix()
                expected = listed.get(relative)
                if expected is None or not _same_bytes(absolute, expected, digests):
                    continue
                name, _, version = info[: -len(".dist-info")].partition("-")
                return InstalledCopy(name, version, Path(record).relative_to(root).as_posix())
            if folder == root:
                return None
            folder = folder.parent
    except (OSError, ValueError):
        return None
    return None


def lowered(findings: list[Finding], copy: InstalledCopy) -> list[Finding]:
    """The findings of an installed copy: low, saying whose lines they are. "Not analysed" findings
    (MLS9xx) keep their severity: a copy that could not be read is still unread."""
    note = (
        f" (in {copy.release}'s own file, unmodified as its RECORD {copy.record} lists it:"
        " act on the release, not on these lines)"
    )
    out: list[Finding] = []
    for finding in findings:
        if finding.severity.rank > Severity.LOW.rank and not finding.rule_id.startswith("MLS9"):
            finding = replace(finding, severity=Severity.LOW, message=finding.message + note)
        out.append(finding)
    return out


@lru_cache(maxsize=4096)
def _dist_info_folders(folder: str, generation: int) -> tuple[str, ...]:
    """The `*.dist-info` folders directly in `folder` (none past the entry bound: fail closed)."""
    del generation  # part of the cache key only: a new run lists again
    found: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= _MAX_ENTRIES:
                    return ()
                if entry.name.endswith(".dist-info") and entry.is_dir(follow_symlinks=False):
                    found.append(entry.name)
    except OSError:
        return ()
    return tuple(sorted(found))


@lru_cache(maxsize=1024)
def _record(record: str, generation: int) -> dict[str, str] | None:
    """RECORD's files (normalised relative paths) and their `algorithm=digest`, or None when it
    cannot be read whole."""
    del generation
    try:
        where = Path(record)
        if where.is_symlink() or where.stat().st_size > _MAX_RECORD_BYTES:
            return None
        with where.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    listed: dict[str, str] = {}
    for row in rows:
        if len(row) < 2 or not row[1]:
            continue
        name = posixpath.normpath(row[0].replace("\\", "/"))
        if name.startswith(("../", "/")) or name == "..":
            continue  # scripts and data installed outside the folder
        listed[name] = row[1]
    return listed


def _same_bytes(path: Path, expected: str, digests: dict[str, str]) -> bool:
    """Whether the file's bytes hash to RECORD's `algorithm=digest` (urlsafe base64, unpadded)."""
    algorithm, _, digest = expected.partition("=")
    if algorithm not in _HASHES or not digest:
        return False
    if algorithm not in digests:
        if path.is_symlink() or path.stat().st_size > _MAX_FILE_BYTES:
            return False
        raw = hashlib.new(algorithm, path.read_bytes()).digest()
        digests[algorithm] = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return digests[algorithm] == digest.rstrip("=")
