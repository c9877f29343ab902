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

Only what pip installs from a package index counts: a dist-info folder holding `direct_url.json`
(installed from a local folder, a VCS checkout or a URL: the team's own package, `pip install
--target lib .`) vouches for nothing, nor does one at the repository's top (an install target is
a folder of its own, never the project itself), nor a RECORD and METADATA that git's index does
not hold (ignored or untracked, they never reach the commit). A committed RECORD is the
committer's file like any other: one more line in it lowers a file, which is as visible in review
as a suppression comment, and what it lowers stays reported.

Everything read is bounded: the folders above the file up to the repository's top (at most
`_MAX_DEPTH`), the entries looked through in each, the bytes of each RECORD and of the file
itself. Past a bound the file counts as the project's own (its findings keep their severity).
Each folder is listed once per run; a RECORD is kept as its text (a few at a time) and searched
for the one path asked, and the RECORD bytes read in one run are bounded. Nothing is imported or
executed.
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
_MAX_RUN_RECORD_BYTES = 64 << 20  # RECORD text read in one run; past it nothing more is vouched for
_MAX_FILE_BYTES = 64 << 20  # a larger file is not hashed, so it stays the project's own
_HASHES = frozenset({"sha256", "sha384", "sha512"})  # what RECORD may use; md5/sha1 are refused
# What a distribution's name and version may look like to be shown (the folder name is the
# committer's to choose; anything else is shown as "a distribution").
_SHOWN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+!]{0,99}")
_SHOWN_PATH = re.compile(r"[A-Za-z0-9._+!/-]{1,300}")
_READ = [0, 0]  # [run generation, RECORD bytes read in it]


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

    @property
    def shown_record(self) -> str:
        return self.record if _SHOWN_PATH.fullmatch(self.record) else "its dist-info RECORD"


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
            if folder == root or root not in folder.parents:
                return None  # an install target is a folder of its own inside the repository
            for info in _dist_info_folders(str(folder), generation):
                if (folder / info / "direct_url.json").exists():
                    continue  # installed from a folder, a VCS checkout or a URL: no published release
                record = str(folder / info / "RECORD")
                expected = _listed_digest(record, absolute.relative_to(folder).as_posix(), generation)
                if expected is None or not _same_bytes(absolute, expected, digests):
                    continue
                if not _tracked(str(folder / info), str(root), generation):
                    continue  # only a RECORD the commit carries (and its METADATA, which mlsec-deps checks)
                name, _, version = info[: -len(".dist-info")].partition("-")
                return InstalledCopy(name, version, Path(record).relative_to(root).as_posix())
            folder = folder.parent
    except (OSError, ValueError):
        return None
    return None


def lowered(findings: list[Finding], copy: InstalledCopy) -> list[Finding]:
    """The findings of an installed copy: low, saying whose lines they are. "Not analysed" findings
    (MLS9xx) keep their severity: a copy that could not be read is still unread."""
    note = (
        f" (in {copy.release}'s own file, unmodified as {copy.shown_record} lists it:"
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


def records_above(path: Path, top: Path) -> list[Path | str]:
    """The RECORD files that could vouch for `path`, the `direct_url.json` beside each that would
    void it, and whether git's index holds each (for the result cache: a verdict depends on them,
    and on their coming and going)."""
    try:
        absolute = Path(os.path.normpath(path if path.is_absolute() else Path.cwd() / path))
        root = Path(os.path.normpath(top if top.is_absolute() else Path.cwd() / top))
        folder = absolute.parent
        found: list[Path | str] = []
        generation = run_generation()
        for _ in range(_MAX_DEPTH):
            if folder == root or root not in folder.parents:
                break
            for info in _dist_info_folders(str(folder), generation):
                found += [folder / info / "RECORD", folder / info / "direct_url.json"]
                found.append(f"tracked:{info}:{_tracked(str(folder / info), str(root), generation)}")
            folder = folder.parent
        return found
    except (OSError, ValueError):
        return []


def _listed_digest(record: str, relative: str, generation: int) -> str | None:
    """RECORD's `algorithm=digest` for the file at `relative` (its folder's path), or None when
    RECORD does not list it, cannot be read whole, or the run's RECORD budget is spent."""
    try:
        state = Path(record).lstat()
    except OSError:
        return None
    text = _record_text(record, state.st_size, state.st_mtime_ns, generation)
    if text is None:
        return None
    for line in _lines_naming(text, relative):
        try:
            row = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            continue
        if len(row) < 2 or not row[1]:
            continue
        name = posixpath.normpath(row[0].replace("\\", "/"))
        if name.startswith(("../", "/")) or name == "..":
            continue  # scripts and data installed outside the folder
        if name == relative:
            return row[1]
    return None


def _lines_naming(text: str, relative: str) -> list[str]:
    """The lines of RECORD that may list `relative`: found by a substring search (fast on a large
    RECORD), then parsed as CSV by the caller. A quoted path (RECORD quotes paths with commas or
    quotes) is looked for by its name alone."""
    lines: list[str] = []
    for needle in (relative + ",", '"'):
        start = 0
        while len(lines) < 64:
            found = text.find(needle, start)
            if found == -1:
                break
            line_start = text.rfind("\n", 0, found) + 1
            line_end = text.find("\n", found)
            line_end = len(text) if line_end == -1 else line_end
            line = text[line_start:line_end]
            if relative in line and line not in lines:
                lines.append(line)
            start = line_end + 1
        if lines or '"' not in text:
            break
    return lines


@lru_cache(maxsize=1024)
def _tracked(info: str, root: str, generation: int) -> bool:
    """Whether git's index holds the dist-info folder's RECORD and METADATA: a RECORD that is
    ignored or untracked never reaches the commit, so it vouches for nothing (nor without git)."""
    del generation
    import subprocess

    try:
        relative = Path(info).relative_to(root).as_posix()
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", f":(literal){relative}/RECORD", f":(literal){relative}/METADATA"],
            cwd=root,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, ValueError, subprocess.SubprocessError):
        return False
    names = {name for name in listed.stdout.decode("utf-8", "surrogateescape").split("\0") if name}
    return listed.returncode == 0 and {f"{relative}/RECORD", f"{relative}/METADATA"} <= names


@lru_cache(maxsize=8)
def _record_text(record: str, size: int, mtime_ns: int, generation: int) -> str | None:
    """A RECORD's text, within its own bound and the run's; None past either or when unreadable.
    Kept by size and time as well, so a RECORD rewritten in the same run is read again."""
    del mtime_ns
    if _READ[0] != generation:
        _READ[:] = [generation, 0]
    try:
        where = Path(record)
        if where.is_symlink():
            return None
        if size > _MAX_RECORD_BYTES or _READ[1] + size > _MAX_RUN_RECORD_BYTES:
            return None
        _READ[1] += size
        return where.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


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
