"""A content-addressed cache of what one hook reports for one file, so that an unchanged file is
never scanned twice.

What a cached verdict may depend on, all of it in the key (sha256):
- the file's bytes (sha256 of its content), and its repo-relative path (findings carry it);
- the hook, the code of this package, the Python version and every installed distribution
  (a changed scanner, rule set or backend is a different key);
- the parts of the policy that reach that hook's report: its own section, rule overrides,
  the profile and the excludes (the failing severity and the baseline apply later, per run);
- anything else the hook's `cache_inputs` declares (an advisory database, a sidecar file), or
  no caching at all for that file when the hook says its verdict depends on more.

An entry is never trusted blindly: it is read without following links, capped in size,
authenticated with HMAC-SHA256 under a per-cache secret, bound to its own key and validated
field by field; anything else is a miss, and the file is scanned again. Writes are atomic (a
temporary file renamed into place), so concurrent runs never see half an entry. The folder is
bounded (oldest entries pruned first) and refused when git tracks it: a cache must never come
from the repository being scanned.

Besides one entry per file and hook, each hook's run leaves a bundle (the verdicts of all its
files, keyed by all their keys), so an unchanged repository costs one read per hook; a bundle
is checked like an entry, and when it is missing or refused the entries are read one by one.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from hooks._core.findings import REPORT_FIELDS, Finding, Severity
from hooks._core.policy import Policy
from hooks._core.registry import RuleRegistry
from hooks._core.spec import HookSpec

ENTRY_FORMAT = 1
RESULTS_FOLDER = f"results-v{ENTRY_FORMAT}"
HMAC_KEY_FILE = "secret"
MAX_ENTRY_BYTES = 4 << 20  # a report larger than this is not worth caching
MAX_BUNDLE_BYTES = 64 << 20  # one hook's verdicts on every file of a run
DEFAULT_MAX_MEGABYTES = 256
PRUNE_TO = 0.8  # pruning leaves the folder at this share of its bound
STALE_TEMPORARY_SECONDS = 3600
# A run that added entries prunes only when the last prune is older than this: pruning stats
# every entry (1.6 s for the 217,000 entries of a full cache), far more than a commit's scan.
# Between two prunes the folder can pass its bound by what one hour of runs writes.
PRUNE_INTERVAL_SECONDS = 3600
PRUNE_STAMP = ".last-prune"
MAX_FINDINGS_PER_ENTRY = 5000
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
TOUCH_AFTER_SECONDS = 86400
_RULE_ID = re.compile(r"[A-Z][A-Z0-9]{1,15}")
_FINGERPRINT = re.compile(r"[0-9a-f]{24}")
_SHARD_NAME = re.compile(r"[0-9a-f]{2}")
_ENTRY_NAME = re.compile(r"[0-9a-f]{62}")
_CONFIDENCE = (None, "high", "medium", "low")
_TRUE = ("1", "true", "yes", "on")


class CacheUnavailable(Exception):
    """The cache folder cannot be used safely; the run goes on without a cache."""


def disabled_by_environment() -> bool:
    return os.environ.get("MLSEC_NO_CACHE", "").strip().lower() in _TRUE


def cache_home() -> Path:
    """MLSEC_CACHE_DIR, else the XDG cache folder (the same home as the advisory index)."""
    explicit = os.environ.get("MLSEC_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mlsec-hooks"


def max_bytes_from_environment() -> int:
    text = os.environ.get("MLSEC_CACHE_MAX_MB", "").strip()
    megabytes = int(text) if text.isdigit() and int(text) > 0 else DEFAULT_MAX_MEGABYTES
    return megabytes << 20


# --- fingerprints -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """This package's files, the interpreter, and the names (with versions) of every installed
    distribution: any upgrade of a backend (bandit, detect-secrets, py7zr...) or any edit of a
    rule changes every key."""
    return fingerprint_of(Path(__file__).resolve().parents[1], sys.path)


def fingerprint_of(package: Path, path_entries: Sequence[str]) -> str:
    # The package's files are taken by name, size and modification time, as git's index takes a
    # work tree, not by content: hashing all ~200 source files cost 10 ms on every run, most of
    # a small hook run's start-up. An install or an edit rewrites the file, so its time changes.
    digest = hashlib.sha256(f"format {ENTRY_FORMAT}\0{sys.version}\0{sys.platform}\0".encode())
    top = os.fspath(package)
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        relative = os.path.relpath(folder, top).replace(os.sep, "/")
        for name in sorted(files):
            if name.endswith((".py", ".json")):
                try:
                    info = os.stat(os.path.join(folder, name))  # noqa: PTH116, PTH118 - hot loop, plain strings
                except OSError:
                    continue
                digest.update(
                    f"{relative}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode("utf-8", "surrogateescape")
                )
    installed: set[str] = set()
    here = os.getcwd()  # noqa: PTH109 - compared as a string
    for entry in path_entries:
        if not entry or entry == here:  # the scanned folder: not what is installed
            continue
        try:
            names = os.listdir(entry)  # noqa: PTH208 - names only, once per path entry
            installed.update(name for name in names if name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    digest.update("/".join(sorted(installed)).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def policy_fingerprint(spec: HookSpec, policy: Policy) -> str:
    """The parts of the policy that reach this hook's per-file report (see tail.filter_file)."""
    rules = {
        rule_id: [override.severity.value if override.severity else None, override.enabled]
        for rule_id, override in sorted(policy.rules.items())
    }
    material = {
        "profile": policy.profile,
        "exclude": list(policy.exclude),
        "rules": rules,
        "section": policy.section(spec.policy_section),
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()


# A NamedTuple, not a dataclass, like the other plain records a hook run defines: each dataclass
# costs about 0.3 ms to create at start-up, on every commit (bench artifacts: python -m bench artifacts).
class FileState(NamedTuple):
    """What the file looked like when it was hashed; a scan is stored only if it still does."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileState:
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def content_digest(path: Path) -> tuple[str, FileState]:
    """sha256 of a regular file's bytes and its state when read (OSError if unreadable)."""
    descriptor = os.open(path, os.O_RDONLY | _BINARY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path}: not a regular file")
        if sys.version_info >= (3, 11):
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        else:  # pragma: no cover - 3.10
            hasher = hashlib.sha256()
            while chunk := handle.read(1 << 20):
                hasher.update(chunk)
            digest = hasher.hexdigest()
    return digest, FileState.of(info)


# --- entries --------------------------------------------------------------------------------------


class Probe(NamedTuple):
    """A file's key, computed before its scan; `state` guards the store after it."""

    key: str
    path: Path
    display: str
    state: FileState


class Entry(NamedTuple):
    findings: tuple[Finding, ...]
    notices: tuple[str, ...]


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    uncacheable: int = 0
    rejected: int = 0  # entries present but refused: corrupt, tampered, or failing validation

    def describe(self) -> str:
        text = f"{self.hits} verdict(s) from cache, {self.misses + self.uncacheable} computed"
        return text + (f", {self.rejected} cache entries refused" if self.rejected else "")


def _known_rule(rule_id: str, registry: RuleRegistry) -> bool:
    """A registered id, or one a hook passes through (bandit's Bnnn), without importing the backend."""
    return registry.declares(rule_id) or registry.owner_of(rule_id) is not None


def _finding_from(data: Any, display: str, registry: RuleRegistry) -> Finding:
    """A cached finding, checked field by field; ValueError on anything unexpected."""
    if not isinstance(data, dict) or set(data) != set(_FINDING_FIELDS):
        raise ValueError("fields")
    rule_id, path, message, fp = data["rule_id"], data["path"], data["message"], data["fingerprint"]
    if not (isinstance(rule_id, str) and _RULE_ID.fullmatch(rule_id) and _known_rule(rule_id, registry)):
        raise ValueError("rule id")
    if path != display or not isinstance(message, str) or len(message) > 20000:
        raise ValueError("path or message")
    if not (isinstance(fp, str) and _FINGERPRINT.fullmatch(fp)):
        raise ValueError("fingerprint")
    earlier = data["earlier_fingerprint"]
    if earlier is not None and not (isinstance(earlier, str) and _FINGERPRINT.fullmatch(earlier)):
        raise ValueError("earlier fingerprint")
    for name, least, optional in (("line", 1, False), ("column", 1, False), ("cell", 0, True), ("output", 0, True),
                                  ("end_line", 1, True)):  # fmt: skip
        value = data[name]
        if value is None and optional:
            continue
        if type(value) is not int or not least <= value < 1 << 40:
            raise ValueError(name)
    if data["confidence"] not in _CONFIDENCE:
        raise ValueError("confidence")
    return Finding(
        rule_id=rule_id,
        severity=Severity(data["severity"]),
        path=path,
        line=data["line"],
        column=data["column"],
        message=message,
        fingerprint=fp,
        cell=data["cell"],
        output=data["output"],
        end_line=data["end_line"],
        confidence=data["confidence"],
        earlier_fingerprint=earlier,
    )


def _finding_document(finding: Finding) -> dict[str, object]:
    """A finding as the cache keeps it: its report fields, and the 0.1 fingerprint that no report
    shows but an old baseline matches (a warm run must accept what a cold run accepts)."""
    return {**finding.as_dict(), "earlier_fingerprint": finding.earlier_fingerprint}


_FINDING_FIELDS = (*REPORT_FIELDS, "earlier_fingerprint")


# --- the cache --------------------------------------------------------------------------------


@dataclass
class ResultCache:
    """One run's view of the cache folder. Plain data, so it travels to worker processes."""

    folder: Path  # .../results-v1, checked to be a real folder of ours
    secret: bytes
    max_bytes: int = DEFAULT_MAX_MEGABYTES << 20
    stats: CacheStats = field(default_factory=CacheStats)
    _spec_keys: dict[str, tuple[Policy, str]] = field(default_factory=dict)
    # One run reads each file once, however many hooks take it, unless its state changes.
    _digests: dict[str, tuple[str, FileState] | None] = field(default_factory=dict)
    _shards: dict[str, str] = field(default_factory=dict)

    # opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, home: Path, repo_root: Path | None = None, max_bytes: int | None = None) -> ResultCache:
        """The cache under `home`, created if needed; CacheUnavailable when it cannot be used safely."""
        try:
            home.mkdir(parents=True, exist_ok=True, mode=0o700)
            folder = home.resolve() / RESULTS_FOLDER
            if repo_root is not None:
                _refuse_tracked(folder, repo_root)
            try:
                folder.mkdir(mode=0o700)
            except FileExistsError:
                pass
            _check_own_folder(folder)
            secret = _load_secret(folder)
        except OSError as exc:
            raise CacheUnavailable(f"cannot use {home} ({exc.strerror or exc})") from None
        return cls(folder=folder, secret=secret, max_bytes=max_bytes or max_bytes_from_environment())

    # keys ---------------------------------------------------------------------------------------
    def _spec_key(self, spec: HookSpec, policy: Policy) -> str:
        memo = self._spec_keys.get(spec.hook_id)
        if memo is not None and memo[0] is policy:  # the policy object itself is kept, so its id is never reused
            return memo[1]
        material = f"{code_fingerprint()}\0{spec.hook_id}\0{policy_fingerprint(spec, policy)}"
        key = hashlib.sha256(material.encode()).hexdigest()
        self._spec_keys[spec.hook_id] = (policy, key)
        return key

    def probe(
        self, spec: HookSpec, path: Path, display: str, policy: Policy, also: Sequence[HookSpec] = ()
    ) -> Probe | None:
        """The file's key, or None when its verdict cannot be cached (unreadable, or the hook
        says it depends on more than it can name). `also`: the hooks of `spec.cache_with`, whose
        policy and inputs reach this hook's verdicts through the files its files write."""
        extra: list[Path | str] = []
        for owner in (spec, *also):
            if owner is not spec:
                extra.append(f"policy:{owner.hook_id}:{policy_fingerprint(owner, policy)}")
            if owner.cache_inputs is not None:
                module_name, _, attribute = owner.cache_inputs.partition(":")
                inputs = getattr(importlib.import_module(module_name), attribute)(path, display, policy)
                if inputs is None:
                    self.stats.uncacheable += 1
                    return None
                extra.extend(inputs)
        read = self._digest(path)
        if read is None:
            self.stats.uncacheable += 1
            return None
        digest, state = read
        inputs = (self._input(item, policy.root) for item in extra)
        material = "\0".join([self._spec_key(spec, policy), display, digest, *inputs])
        key = hashlib.sha256(material.encode("utf-8", "surrogateescape")).hexdigest()
        return Probe(key, path, display, state)

    def _digest(self, path: Path) -> tuple[str, FileState] | None:
        name = os.fspath(path)
        known = self._digests.get(name)
        if known is not None:
            try:
                if FileState.of(os.stat(name)) == known[1]:  # noqa: PTH116 - a str path, once per file and hook
                    return known
            except OSError:
                pass
        try:
            known = content_digest(path)
        except OSError:
            known = None
        self._digests[name] = known
        return known

    def _input(self, item: Path | str, root: Path) -> str:
        """A declared input: a value, or a file by content under its repository-relative name
        (so that two checkouts of one commit in different folders share their verdicts)."""
        if isinstance(item, str):
            return f"s:{item}"
        read = self._digest(item)
        try:
            name = "r:" + item.relative_to(root).as_posix()
        except ValueError:
            name = item.as_posix()
        return f"f:{name}:{read[0] if read is not None else 'absent'}"

    # reading ------------------------------------------------------------------------------------
    def lookup(self, probe: Probe, registry: RuleRegistry) -> Entry | None:
        data = self._load(probe.key, MAX_ENTRY_BYTES)
        entry = None
        if data is not None:
            try:
                entry = self._entry(data, probe.display, registry)
            except (ValueError, KeyError, TypeError):
                entry = None
            if entry is None:
                self.stats.rejected += 1
        if entry is None:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return entry

    def lookup_bundle(
        self, spec: HookSpec, probes: Sequence[Probe], registry: RuleRegistry
    ) -> tuple[dict[str, Entry], tuple[str, ...]] | None:
        """The verdicts one earlier run stored for exactly these files (one read instead of one
        per file), or None. Files the bundle does not cover are looked up one by one."""
        data = self._load(bundle_key(spec, probes), MAX_BUNDLE_BYTES)
        if data is None:
            return None
        try:
            files = data["files"]
            displays = {probe.key: probe.display for probe in probes}
            if not isinstance(files, dict) or not set(files) <= set(displays):
                raise ValueError("files")
            entries = {key: self._entry(item, displays[key], registry) for key, item in files.items()}
            notices = _notices(data["notices"])
        except (ValueError, KeyError, TypeError):
            self.stats.rejected += 1
            return None
        if any(entry is None for entry in entries.values()):
            self.stats.rejected += 1
            return None
        self.stats.hits += len(entries)
        return {key: entry for key, entry in entries.items() if entry is not None}, notices

    def _entry(self, data: Any, display: str, registry: RuleRegistry) -> Entry | None:
        items, notices = data["findings"], data["notices"]
        if not isinstance(items, list) or len(items) > MAX_FINDINGS_PER_ENTRY:
            return None
        findings = tuple(_finding_from(item, display, registry) for item in items)
        return Entry(findings, _notices(notices))

    def _load(self, key: str, limit: int) -> Any | None:
        """The authenticated document stored under `key`, or None (a refused one is counted)."""
        raw = self._read(key, limit)
        if raw is None:
            return None
        mac, newline, body = raw.partition(b"\n")
        if newline and len(raw) <= limit and hmac.compare_digest(mac, self._mac(key, body).encode()):
            try:
                data = json.loads(body)
                if isinstance(data, dict) and data.get("key") == key and data.get("format") == ENTRY_FORMAT:
                    return data
            except (ValueError, RecursionError):
                pass
        self.stats.rejected += 1
        return None

    def _shard(self, key: str) -> str | None:
        """The entry's folder, if it is a real folder of ours (checked once per run)."""
        name = key[:2]
        known = self._shards.get(name)
        if known is None:
            path = os.path.join(self.folder, name)  # noqa: PTH118 - plain strings on the hot path
            try:
                _check_own_folder(Path(path))
            except OSError:
                return None  # not there (yet), or not safe: a miss, and asked again next time
            known = self._shards[name] = path
        return known

    def _read(self, key: str, limit: int) -> bytes | None:
        shard = self._shard(key)
        if shard is None:
            return None
        name = os.path.join(shard, key[2:])  # noqa: PTH118 - plain strings on the hot path
        try:
            descriptor = os.open(name, os.O_RDONLY | _NOFOLLOW | _BINARY | _NONBLOCK)
        except OSError:
            return None
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return b""  # present but unusable: counted as refused
            chunks = []
            remaining = info.st_size + 1
            while remaining > 0:
                chunk = os.read(descriptor, remaining)
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
            if time.time() - info.st_mtime > TOUCH_AFTER_SECONDS:
                try:
                    os.utime(descriptor)  # recently used: pruned last (once a day is precise enough)
                except (OSError, NotImplementedError):
                    pass
            return b"".join(chunks)
        except OSError:
            return b""
        finally:
            os.close(descriptor)

    def _mac(self, key: str, body: bytes) -> str:
        return hmac.new(self.secret, key.encode() + b"\n" + body, hashlib.sha256).hexdigest()

    # writing ------------------------------------------------------------------------------------
    def store(self, probe: Probe, findings: Iterable[Finding], notices: Iterable[str]) -> bool:
        """Keep this verdict, unless the file changed while it was scanned or the report is not
        a plain per-file result. Never raises: a cache that cannot be written is only slower."""
        findings = list(findings)
        if not storable(probe, findings):
            return False
        try:
            if FileState.of(probe.path.stat()) != probe.state:
                return False
        except OSError:
            return False
        document = {
            "format": ENTRY_FORMAT,
            "key": probe.key,
            "findings": [_finding_document(f) for f in findings],
            "notices": list(dict.fromkeys(notices))[:20],
        }
        return self._write(probe.key, document, MAX_ENTRY_BYTES)

    def store_bundle(
        self, spec: HookSpec, probes: Sequence[Probe], verdicts: Mapping[str, Sequence[Finding]], notices: Iterable[str]
    ) -> bool:
        """One document with the verdicts of every file of this hook's run that has one."""
        files = {
            probe.key: {"findings": [_finding_document(f) for f in verdicts[probe.key]], "notices": []}
            for probe in probes
            if probe.key in verdicts
        }
        key = bundle_key(spec, probes)
        document = {"format": ENTRY_FORMAT, "key": key, "files": files, "notices": list(dict.fromkeys(notices))[:20]}
        return self._write(key, document, MAX_BUNDLE_BYTES)

    def _write(self, key: str, document: dict[str, Any], limit: int) -> bool:
        body = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
        data = self._mac(key, body).encode() + b"\n" + body
        if len(data) > limit:
            return False
        try:
            shard = self.folder / key[:2]
            try:
                shard.mkdir(mode=0o700)
            except FileExistsError:
                pass
            _check_own_folder(shard)
            temporary = shard / _temporary_name(".tmp-")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(data)
                temporary.replace(shard / key[2:])  # atomic: readers see the old entry or the new
            except BaseException:
                _unlink(temporary)
                raise
        except OSError:
            return False
        return True

    # bounding -----------------------------------------------------------------------------------
    def prune_if_due(self, now: float | None = None) -> int:
        """Prune when no run has done so for PRUNE_INTERVAL_SECONDS (the stamp file's time says
        when one last did); returns how many files were removed."""
        now = time.time() if now is None else now
        stamp = self.folder / PRUNE_STAMP
        try:
            if now - stamp.lstat().st_mtime < PRUNE_INTERVAL_SECONDS:
                return 0
        except OSError:
            pass  # never pruned (or unreadable): prune
        try:
            descriptor = os.open(stamp, os.O_WRONLY | os.O_CREAT | _NOFOLLOW | _BINARY, 0o600)
            try:
                os.utime(descriptor, (now, now))
            finally:
                os.close(descriptor)
        except OSError:
            pass  # a linked or unwritable stamp: prune anyway, every time
        return self.prune()

    def prune(self) -> int:
        """Delete the least recently used entries until the folder is back under its bound, and
        temporary files a killed run left behind. Returns how many files were removed."""
        entries: list[tuple[float, int, Path]] = []
        removed = 0
        now = time.time()
        try:
            shards = [e for e in os.scandir(self.folder) if e.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        for shard in shards:
            if not _SHARD_NAME.fullmatch(shard.name):
                continue
            try:
                with os.scandir(shard.path) as listing:
                    for item in listing:
                        if not item.is_file(follow_symlinks=False):
                            continue
                        info = item.stat(follow_symlinks=False)
                        if item.name.startswith(".tmp-"):
                            if now - info.st_mtime > STALE_TEMPORARY_SECONDS:
                                removed += _unlink(Path(item.path))
                        elif _ENTRY_NAME.fullmatch(item.name):
                            entries.append((info.st_mtime, info.st_size, Path(item.path)))
            except OSError:
                continue
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return removed
        target = int(self.max_bytes * PRUNE_TO)
        for _, size, path in sorted(entries):
            if total <= target:
                break
            removed += _unlink(path)
            total -= size
        return removed

    def size(self) -> tuple[int, int]:
        """(entries, bytes) in the folder."""
        count = total = 0
        for shard in self.folder.iterdir():
            if shard.is_dir() and not shard.is_symlink() and _SHARD_NAME.fullmatch(shard.name):
                for item in shard.iterdir():
                    if _ENTRY_NAME.fullmatch(item.name) and not item.is_symlink():
                        count += 1
                        total += item.stat().st_size
        return count, total

    def clear(self) -> int:
        removed = 0
        for shard in self.folder.iterdir():
            if shard.is_dir() and not shard.is_symlink() and _SHARD_NAME.fullmatch(shard.name):
                for item in shard.iterdir():
                    if not item.is_dir():
                        removed += _unlink(item)
        return removed


def storable(probe: Probe, findings: Sequence[Finding]) -> bool:
    """A plain per-file verdict: cross-file reports are always recomputed. (Results that may not
    come out the same for the same bytes, a scanner crash or an analysis stopped by a limit, never
    get here: their FileReport says `cacheable=False`.)"""
    return len(findings) <= MAX_FINDINGS_PER_ENTRY and not any(f.path != probe.display for f in findings)


def bundle_key(spec: HookSpec, probes: Sequence[Probe]) -> str:
    material = "\0".join(["bundle", spec.hook_id, *(probe.key for probe in probes)])
    return hashlib.sha256(material.encode()).hexdigest()


def _notices(items: Any) -> tuple[str, ...]:
    if not isinstance(items, list) or len(items) > 20 or not all(isinstance(n, str) and len(n) <= 2000 for n in items):
        raise ValueError("notices")
    return tuple(items)


def _unlink(path: Path) -> int:
    try:
        path.unlink()
    except OSError:
        return 0
    return 1


def _check_own_folder(folder: Path) -> None:
    """A real folder (not a link), owned by this user, that others cannot write (a CI cache
    restored with loose modes is tightened: it is ours, and entries need the secret anyway)."""
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise OSError(f"{folder} is not a folder (a link or a file)")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise OSError(f"{folder} belongs to another user")
    if info.st_mode & 0o022:
        folder.chmod(0o700)


def _load_secret(folder: Path) -> bytes:
    """The cache's HMAC key: 32 random bytes in a file only this user can read, created once
    (a hard link publishes it atomically, so two first runs agree on one secret). A key that
    others could have read (loose mode, another owner, a link) is replaced: every entry signed
    with it is then refused and rescanned."""
    path = folder / HMAC_KEY_FILE
    for attempt in range(3):
        try:
            descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY)
        except FileNotFoundError:
            _create_secret(folder, path)
            continue
        except OSError:
            if attempt:
                raise
            _create_secret(folder, path, replace=True)  # a link or worse where the key should be
            continue
        try:
            info = os.fstat(descriptor)
            private = stat.S_ISREG(info.st_mode) and info.st_size == 32 and not info.st_mode & 0o077
            if private and (not hasattr(os, "getuid") or info.st_uid == os.getuid()):
                return os.read(descriptor, 32)
        finally:
            os.close(descriptor)
        if attempt:
            break
        _create_secret(folder, path, replace=True)
    raise OSError(f"{path}: cannot create a private key")


def _temporary_name(prefix: str) -> str:
    """A fresh name for a file created with O_EXCL (what tempfile.mkstemp does, without importing
    tempfile, random and shutil on every run)."""
    return f"{prefix}{os.getpid()}-{os.urandom(8).hex()}"


def _create_secret(folder: Path, path: Path, *, replace: bool = False) -> None:
    temporary = folder / _temporary_name(".tmp-secret-")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
    try:
        os.write(descriptor, os.urandom(32))  # what secrets.token_bytes returns
    finally:
        os.close(descriptor)
    try:
        if replace:
            temporary.replace(path)  # atomic, and never through a link
        else:
            os.link(temporary, path)
    except FileExistsError:
        pass  # another run published its secret first; use that one
    finally:
        _unlink(temporary)


def _refuse_tracked(folder: Path, repo_root: Path) -> None:
    """A cache inside the repository must not be tracked: a committed entry (and secret) would
    let the code under review write its own verdict."""
    root = repo_root.resolve()
    if folder != root and root not in folder.parents:
        return
    from hooks._core.git_index import holds

    relative = folder.relative_to(root).as_posix() if folder != root else "."
    if holds(root, relative, timeout=60):  # no git, or no answer: nothing can be tracked
        raise OSError(f"{folder} holds files tracked by git; a cache must never come from the repository")
