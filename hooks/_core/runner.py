"""Run scanners over files, then apply the policy (disabled rules, severity overrides)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hooks._core.errors import UsageError
from hooks._core.findings import FileError, Finding, make_finding
from hooks._core.paths import is_excluded
from hooks._core.policy import Policy
from hooks._core.scanner import Scanner
from hooks._core.selection import HookSpec, file_tags, selects


@dataclass
class ScanResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # one-line remarks for stderr, e.g. "no advisory source"


@dataclass(frozen=True)
class Target:
    path: Path
    display: str


def load_scanner(spec: HookSpec) -> Scanner:
    module_name, _, attribute = spec.scanner.partition(":")
    scanner: Scanner = getattr(importlib.import_module(module_name), attribute)()
    return scanner


PARALLEL_MIN_FILES = 64  # below this, starting workers costs more than it saves


def _jobs(count: int) -> int:
    override = os.environ.get("MLSEC_JOBS")
    if override is not None:
        return max(1, int(override)) if override.isdigit() else 1
    if count < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(os.cpu_count() or 1, count // (PARALLEL_MIN_FILES // 2)))


def _scan_chunk(spec: HookSpec, targets: Sequence[Target], policy: Policy) -> ScanResult:
    result = ScanResult()
    scanner = load_scanner(spec)
    for target in targets:
        try:
            result.findings.extend(scanner.scan_file(target.path, target.display, policy))
        except OSError as exc:
            result.errors.append(FileError(target.display, f"cannot read: {exc.strerror or exc}"))
        except UsageError:
            raise
        except Exception as exc:  # noqa: BLE001 - fail closed: a crash must not pass the file
            result.findings.append(
                make_finding(
                    "MLS900",
                    target.display,
                    f"{spec.hook_id} failed on this file ({type(exc).__name__}: {exc}); treated as not analysed",
                    content_key=f"{spec.hook_id}:{type(exc).__name__}",
                )
            )
    result.notices.extend(getattr(scanner, "notices", ()))
    return result


def _scan_spec(spec: HookSpec, targets: Sequence[Target], policy: Policy) -> ScanResult:
    """One scanner over its files; large batches are spread over the machine's cores."""
    jobs = _jobs(len(targets))
    if jobs == 1:
        return _scan_chunk(spec, targets, policy)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    chunks = [targets[index::jobs] for index in range(jobs)]
    merged = ScanResult()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
        for part in pool.map(_scan_chunk, [spec] * jobs, chunks, [policy] * jobs):
            merged.findings.extend(part.findings)
            merged.errors.extend(part.errors)
            merged.notices.extend(part.notices)
    return merged


def scan_targets(targets: Sequence[Target], specs: Sequence[HookSpec], policy: Policy, *, select: bool) -> ScanResult:
    """`select=False` is the pre-commit case: the hook already got exactly its files."""
    result = ScanResult()
    targets = [t for t in targets if not is_excluded(t.display, policy.exclude)]
    tags = {t.display: file_tags(t.path) for t in targets} if select else {}
    reported: set[str] = set()
    for spec in specs:
        chosen = [t for t in targets if not select or selects(spec, t.path, t.display, tags[t.display])]
        if not chosen:
            continue
        part = _scan_spec(spec, chosen, policy)
        result.findings.extend(part.findings)
        result.notices.extend(n for n in part.notices if n not in result.notices)
        for error in part.errors:
            if error.path not in reported:  # one line per unreadable file, whichever scanner met it
                reported.add(error.path)
                result.errors.append(error)
    result.findings = apply_rule_policy(result.findings, policy)
    return result


def apply_rule_policy(findings: Sequence[Finding], policy: Policy) -> list[Finding]:
    kept: list[Finding] = []
    for finding in findings:
        override = policy.rules.get(finding.rule_id)
        if override is None:
            kept.append(finding)
        elif override.enabled:
            kept.append(finding.with_severity(override.severity) if override.severity else finding)
    return kept
