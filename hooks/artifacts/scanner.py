"""`mlsec-artifacts`: model files analysed for code execution, by content, never loaded."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from hooks._core.errors import UsageError
from hooks._core.findings import Finding, make_finding
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport
from hooks._shared.gate_record import is_gated_model, missing_pass
from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, Limits, where
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.globals_policy import GlobalsPolicy, is_dangerous
from hooks.artifacts.pickle_vm import NotAPickle
from hooks.artifacts.walker import Walker


def _limits(section: dict[str, Any]) -> Limits:
    defaults = Limits()
    return Limits(
        max_seconds=float(section.get("max_seconds", defaults.max_seconds)),
        max_depth=int(section.get("max_depth", defaults.max_depth)),
        max_decompressed_bytes=int(section.get("max_decompressed_mb", defaults.max_decompressed_bytes >> 20)) << 20,
    )


def _globals_policy(policy: Policy) -> GlobalsPolicy:
    extra: list[tuple[str, str]] = []
    for index, entry in enumerate(policy.section("artifacts").get("allow_globals", [])):
        module, name = entry["module"], entry["name"]
        if is_dangerous(module, name):
            raise UsageError(
                f"{policy.source}: artifacts.allow_globals[{index}]: {module}.{name} is on the denylist of "
                "dangerous globals and cannot be allowed; remove the entry"
            )
        extra.append((module, name))
    return GlobalsPolicy(extra, project_root=policy.root)


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _gate_record_findings(path: Path, display: str) -> list[Finding]:
    actual = _sha256(path)
    reason = missing_pass(path, actual)
    if reason is None:
        return []
    return [make_finding(rules.MODEL_WITHOUT_GATE_RECORD, display, reason, content_key=actual)]


class ArtifactScanner:
    def __init__(self) -> None:
        self._policy_cache: tuple[Policy, GlobalsPolicy, Limits] | None = None

    def _settings(self, policy: Policy) -> tuple[GlobalsPolicy, Limits]:
        if self._policy_cache is None or self._policy_cache[0] is not policy:
            section = policy.section("artifacts")
            self._policy_cache = (policy, _globals_policy(policy), _limits(section))
        return self._policy_cache[1], self._policy_cache[2]

    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        globals_policy, limits = self._settings(policy)
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
            return FileReport()  # a link's target is scanned as itself; devices and folders are not artifacts
        findings: list[Finding] = []
        if policy.section("artifacts").get("require_gate_record") and is_gated_model(display):
            findings.extend(_gate_record_findings(path, display))
        approval = next((a for a in policy.section("artifacts").get("approved", []) if a["path"] == display), None)
        if approval is not None:
            actual = _sha256(path)
            if actual == approval["sha256"]:
                return FileReport()
            findings.append(
                make_finding(
                    rules.APPROVED_ARTIFACT_CHANGED,
                    display,
                    f"approved artifact changed since its review (sha256 {actual[:12]}…, approved "
                    f"{approval['sha256'][:12]}…); analyse and approve it again",
                    content_key=actual,
                )
            )
        analysis = Analysis(globals_policy, limits)
        limited = False  # stopped by a limit (time and memory among them): never a cached verdict
        with path.open("rb") as handle:
            try:
                Walker(analysis).walk_path(handle, info.st_size, display, path)
            except NotAPickle:
                pass  # text that merely begins like a pickle
            except AnalysisError as exc:
                analysis.add(
                    rules.ARTIFACT_UNPARSEABLE,
                    where("file", exc.offset),
                    f"cannot be analysed: {exc.reason}",
                    "unparseable",
                )
            except LimitExceeded as exc:
                analysis.add(rules.ANALYSIS_LIMIT, "file", f"analysis stopped: {exc.reason}", "limit")
                limited = True
            except (MemoryError, RecursionError) as exc:
                analysis.add(rules.ANALYSIS_LIMIT, "file", f"analysis stopped: {type(exc).__name__}", "limit")
                limited = True
        findings.extend(issue.at(display) for issue in analysis.issues)
        return FileReport(findings, cacheable=not limited)
