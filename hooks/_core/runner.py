"""Run scanners over files; every file's report goes through the one filtering tail."""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from hooks._core import rules
from hooks._core.cache import Probe, ResultCache
from hooks._core.errors import UsageError
from hooks._core.findings import FileError, Finding, make_finding
from hooks._core.paths import is_excluded
from hooks._core.scanner import FileReport, Scanner, TextScanner, WrittenFile
from hooks._core.selection import file_tags, selects
from hooks._core.spec import HookSpec
from hooks._core.tail import TailContext, apply_rule_policy, filter_file, run_wide
from hooks._core.time_budget import DEFAULT_SECONDS, AnalysisTimeExceeded, cpu_budget


@dataclass
class ScanResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # one-line remarks for stderr, e.g. "no advisory source"
    verdicts: dict[str, list[Finding]] = field(default_factory=dict)  # cache key -> findings, of cached files


# A NamedTuple, not a dataclass, like the other plain records a hook run defines: each dataclass
# costs about 0.3 ms to create at start-up, on every commit (bench artifacts: python -m bench artifacts).
class Target(NamedTuple):
    path: Path
    display: str


def load_scanner(spec: HookSpec) -> Scanner:
    module_name, _, attribute = spec.scanner.partition(":")
    scanner: Scanner = getattr(importlib.import_module(module_name), attribute)()
    return scanner


PARALLEL_MIN_FILES = 64  # below this, starting workers costs more than it saves
MAX_JOBS = 64


def _jobs(count: int) -> int:
    """Worker processes for `count` files: never more than files, cores (x2 when asked) or MAX_JOBS."""
    cores = os.cpu_count() or 1
    override = os.environ.get("MLSEC_JOBS", "").strip()
    if override:
        wanted = int(override) if override.isdigit() else 1
        return max(1, min(wanted, count, 2 * cores, MAX_JOBS))
    if count < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(cores, count // (PARALLEL_MIN_FILES // 2)))


def _scan_and_filter(
    scanner: Scanner, spec: HookSpec, target: Target, context: TailContext
) -> tuple[FileReport, list[Finding]]:
    """The file's report and what the tail keeps of it, both within the hook's CPU-time budget:
    the scan, the files it writes (checked by other hooks) and the tail (markers, hygiene) all
    read text the file's author chose. Over the budget, the file is one MLS914."""
    # The policy schemas hold `max_seconds` to a number.
    seconds = float(context.policy.section(spec.policy_section).get("max_seconds", DEFAULT_SECONDS))
    finished: tuple[FileReport, list[Finding]] | None = None
    try:
        with cpu_budget(seconds) as budget:
            report = _scan_one(scanner, spec, target, context)
            finished = report, filter_file(report, spec, context, path=target.path, display=target.display)
    except AnalysisTimeExceeded:
        pass
    # A spent budget whose exception was lost on the way (another error raised while unwinding is
    # MLS900's) still means what came back is not a full analysis.
    if finished is not None and not budget.spent:
        return finished
    key = f"{spec.policy_section}.max_seconds"
    message = f"analysis stopped after {seconds:g} s of CPU time ({key}); not fully analysed"
    finding = make_finding(rules.ANALYSIS_TIME_EXCEEDED, target.display, message, content_key=spec.hook_id)
    report = FileReport([finding], cacheable=False)  # a faster machine may finish it
    return report, filter_file(report, spec, context, path=target.path, display=target.display)


def _scan_one(scanner: Scanner, spec: HookSpec, target: Target, context: TailContext) -> FileReport:
    try:
        report = scanner.scan_file(target.path, target.display, context.policy)
    except (OSError, UsageError):
        raise
    except Exception as exc:  # noqa: BLE001 - fail closed: a crash must not pass the file
        message = f"{spec.hook_id} failed on this file ({type(exc).__name__}); treated as not analysed"
        finding = make_finding(
            rules.SCANNER_FAILED, target.display, message, content_key=f"{spec.hook_id}:{type(exc).__name__}"
        )
        return FileReport([finding], cacheable=False)  # memory, the environment: the next run may pass
    judges: set[str] = set()
    for written in report.written:
        report.findings.extend(_written_findings(written, spec, target, context, judges))
    if context.shown is not None:
        # Messages quote words of the file (a package, an index, a magic's name): no credential
        # among them is kept, cached or shown.
        shown = context.shown
        report.findings = [
            finding if (message := shown(finding.message)) == finding.message else replace(finding, message=message)
            for finding in report.findings
        ]
    if not judges <= set(spec.cache_with):
        # A hook judged what this file writes under its own policy section and inputs, which
        # this hook's key does not hold (spec.cache_with does not name it): not cached.
        report.cacheable = False
    return report


_TEXT_SCANNERS: dict[str, TextScanner | None] = {}
MAX_SHOWN_NAME = 80


def _text_scanner(spec: HookSpec) -> TextScanner | None:
    """The hook's scanner when it can check a text that is not a file on disk (loaded once)."""
    if spec.hook_id not in _TEXT_SCANNERS:
        scanner = load_scanner(spec)
        _TEXT_SCANNERS[spec.hook_id] = scanner if callable(getattr(scanner, "scan_text", None)) else None  # type: ignore[assignment]
    return _TEXT_SCANNERS[spec.hook_id]


def _written_findings(
    written: WrittenFile, spec: HookSpec, target: Target, context: TailContext, judges: set[str]
) -> list[Finding]:
    """A file the scanned file writes (`%%writefile Dockerfile`), checked by the hooks that check
    files of that name, as if it were committed; findings stand at the writing cell's lines. A
    hook that reads the writing file itself (mlsec-deps reads a notebook's written requirements)
    is left to do so, so nothing is reported twice."""
    display = target.display
    found: list[Finding] = []
    offset = written.first_line - 1
    shown = written.name[:MAX_SHOWN_NAME]
    for other in context.registry.specs:
        if other is spec or not selects(other, Path(written.name), written.name, {"file", "text"}):
            continue
        if written.plain and not written.installed and selects(other, target.path, display):
            continue
        scanner = _text_scanner(other)
        if scanner is None:
            continue
        judges.add(other.hook_id)
        installed = getattr(scanner, "scan_installed", None) if written.installed else None
        if written.installed and not callable(installed):
            continue  # this hook checks files of that name, not installed packages
        try:
            if installed is not None:
                report = installed(written.text, display, context.policy)
            else:
                report = scanner.scan_text(written.text, written.name, display, context.policy)
        except UsageError:
            raise
        except Exception as exc:  # noqa: BLE001 - fail closed, as for a file on disk
            message = f"{other.hook_id} failed on {shown}, which this cell writes ({type(exc).__name__})"
            key = f"{other.hook_id}:written:{written.name}:{type(exc).__name__}"
            found.append(
                make_finding(
                    rules.SCANNER_FAILED, display, message, content_key=key, cell=written.cell, line=written.first_line
                )
            )
            continue
        for finding in report.findings:
            if run_wide(finding.rule_id, context.registry):
                # The run's notice (MLS416) says the same wherever it stands: one message, so the
                # run shows it once (tail.collapse_run_wide), at the command's or the text's line.
                line = written.first_line if written.installed else finding.line + offset
                found.append(replace(finding, line=line, end_line=None, cell=written.cell))
                continue
            if written.installed:
                line, end_line, where = written.first_line, None, "installed by the command on this line"
            else:
                line = finding.line + offset
                end_line = None if finding.end_line is None else finding.end_line + offset
                where = f"in {shown}, which this cell writes"
            found.append(
                replace(
                    finding, line=line, end_line=end_line, cell=written.cell, message=f"{finding.message} ({where})"
                )
            )
    return found


def _scan_chunk(
    spec: HookSpec,
    targets: Sequence[Target],
    context: TailContext,
    cache: ResultCache | None = None,
    probes: Sequence[Probe | None] = (),
) -> ScanResult:
    result = ScanResult()
    scanner = load_scanner(spec)
    for index, target in enumerate(targets):
        try:
            report, findings = _scan_and_filter(scanner, spec, target, context)
        except OSError as exc:
            result.errors.append(FileError(target.display, f"cannot read: {exc.strerror or type(exc).__name__}"))
            continue
        result.findings.extend(findings)
        probe = probes[index] if index < len(probes) else None
        if (
            cache is not None
            and probe is not None
            and report.cacheable
            and cache.store(probe, findings, getattr(scanner, "notices", ()))
        ):
            result.verdicts[probe.key] = findings
    result.notices.extend(getattr(scanner, "notices", ()))
    return result


def _from_cache(
    spec: HookSpec, targets: Sequence[Target], context: TailContext, cache: ResultCache, result: ScanResult
) -> tuple[list[Target], list[Probe | None], list[Probe], set[str] | None]:
    """Findings of the files the cache knows go to `result` (and their verdicts to
    `result.verdicts`); returned: the files to scan with their keys, every key, and the keys
    the run's bundle covered (None: no bundle)."""
    also = [other for other in context.registry.specs if other.hook_id in spec.cache_with] if spec.cache_with else []
    probes = [cache.probe(spec, target.path, target.display, context.policy, also) for target in targets]
    known = [probe for probe in probes if probe is not None]
    bundle = cache.lookup_bundle(spec, known, context.registry) if known else None
    entries, notices = bundle if bundle is not None else ({}, ())
    result.notices.extend(n for n in notices if n not in result.notices)
    missing: list[Target] = []
    missing_probes: list[Probe | None] = []
    for target, probe in zip(targets, probes, strict=True):
        entry = None
        if probe is not None:
            entry = entries.get(probe.key) or cache.lookup(probe, context.registry)
        if entry is not None and probe is not None:
            result.findings.extend(entry.findings)
            result.notices.extend(n for n in entry.notices if n not in result.notices)
            result.verdicts[probe.key] = list(entry.findings)
            continue
        missing.append(target)
        missing_probes.append(probe)
    return missing, missing_probes, known, set(entries) if bundle is not None else None


def _scan_spec(
    spec: HookSpec, targets: Sequence[Target], context: TailContext, cache: ResultCache | None = None
) -> ScanResult:
    """One scanner over its files; large batches are spread over the machine's cores. With a
    cache, only the files it does not know are scanned, and their verdicts are stored."""
    if cache is not None:
        cached = ScanResult()
        missing, probes, known, covered = _from_cache(spec, targets, context, cache, cached)
        if missing:
            fresh = _scan_missing(spec, missing, context, cache, probes)
            cached.findings.extend(fresh.findings)
            cached.errors.extend(fresh.errors)
            cached.notices.extend(n for n in fresh.notices if n not in cached.notices)
            cached.verdicts.update(fresh.verdicts)
        if known and cached.verdicts and (covered is None or set(cached.verdicts) - covered):
            cache.store_bundle(spec, known, cached.verdicts, cached.notices)
        return cached
    return _scan_missing(spec, targets, context, None, ())


def _scan_missing(
    spec: HookSpec,
    targets: Sequence[Target],
    context: TailContext,
    cache: ResultCache | None,
    probes: Sequence[Probe | None],
) -> ScanResult:
    jobs = _jobs(len(targets))
    if jobs == 1:
        return _scan_chunk(spec, targets, context, cache, probes)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    chunks = [targets[index::jobs] for index in range(jobs)]
    probe_chunks = [list(probes[index::jobs]) for index in range(jobs)]
    merged = ScanResult()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
        for part in pool.map(_scan_chunk, [spec] * jobs, chunks, [context] * jobs, [cache] * jobs, probe_chunks):
            merged.findings.extend(part.findings)
            merged.errors.extend(part.errors)
            merged.notices.extend(part.notices)
            merged.verdicts.update(part.verdicts)  # what the workers stored: the run's bundle lists them
    return merged


def _readable(target: Target, root: Path, result: ScanResult, *, walked: bool) -> Target | None:
    """The target to read, or None with the reason recorded: only regular files are read; a
    symbolic link inside the repository is read as its target, one leaving it is a finding."""
    try:
        info = os.lstat(target.path)
    except OSError as exc:
        result.errors.append(FileError(target.display, f"cannot read: {exc.strerror or type(exc).__name__}"))
        return None
    if stat.S_ISLNK(info.st_mode):
        try:
            real = target.path.resolve(strict=True)
        except (OSError, RuntimeError):
            message = "symbolic link that is dangling or part of a loop; nothing to read"
            result.findings.append(make_finding(rules.SYMLINK_BROKEN, target.display, message, content_key="broken"))
            return None
        resolved_root = root.resolve()
        if real != resolved_root and resolved_root not in real.parents:
            link = str(target.path.readlink())
            message = f"symbolic link to {link} leaves the repository; not read"
            result.findings.append(make_finding(rules.SYMLINK_OUTSIDE, target.display, message, content_key=link))
            return None
        git_dir = resolved_root / ".git"
        if real == git_dir or git_dir in real.parents:
            # .git/config holds the token actions/checkout persists: never read through a link.
            link = str(target.path.readlink())
            message = f"symbolic link to {link} reaches into .git/; not read"
            result.findings.append(make_finding(rules.SYMLINK_OUTSIDE, target.display, message, content_key=link))
            return None
        if real.is_dir():
            if walked:
                return None  # a folder link met in a listing: its files are scanned where they live
            result.errors.append(
                FileError(target.display, "is a link to a folder; pass its files (mlsec scan walks folders)")
            )
            return None
        target = Target(real, target.display)
        info = real.stat()
    if stat.S_ISDIR(info.st_mode):
        result.errors.append(FileError(target.display, "is a folder; pass its files (mlsec scan walks folders)"))
        return None
    if not stat.S_ISREG(info.st_mode):
        result.errors.append(FileError(target.display, "not a regular file (a FIFO, socket or device); not read"))
        return None
    return target


def scan_targets(
    targets: Sequence[Target],
    specs: Sequence[HookSpec],
    context: TailContext,
    *,
    select: bool,
    cache: ResultCache | None = None,
) -> ScanResult:
    """`select=False` is the pre-commit case: the hook already got exactly its files."""
    result = ScanResult()
    root = context.policy.root
    readable = (
        _readable(t, root, result, walked=select) for t in targets if not is_excluded(t.display, context.policy.exclude)
    )
    targets = [t for t in readable if t is not None]
    result.findings = apply_rule_policy(result.findings, context.policy, context.registry)
    tags = {t.display: file_tags(t.path) for t in targets} if select else {}
    reported: set[str] = set()
    for spec in specs:
        chosen = [t for t in targets if not select or selects(spec, t.path, t.display, tags[t.display])]
        if not chosen:
            continue
        part = _scan_spec(spec, chosen, context, cache)
        result.findings.extend(part.findings)
        result.notices.extend(n for n in part.notices if n not in result.notices)
        for error in part.errors:
            if error.path not in reported:  # one line per unreadable file, whichever scanner met it
                reported.add(error.path)
                result.errors.append(error)
    return result


def scan_file(spec: HookSpec, path: Path, display: str, context: TailContext) -> list[Finding]:
    """One hook on one file, through the filtering tail: what the hook reports for it."""
    return _scan_and_filter(load_scanner(spec), spec, Target(path, display), context)[1]
