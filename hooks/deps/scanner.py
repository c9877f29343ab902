"""`mlsec-deps`: vulnerable, malicious and unsafe dependencies, offline first."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from hooks._core.errors import UsageError
from hooks._core.findings import Finding, Severity, make_finding
from hooks._core.policy import Policy
from hooks._core.suppressions import is_suppressed
from hooks.deps.advisories import AdvisoryError, OfflineAdvisories, OnlineAdvisories
from hooks.deps.model import Dependency, DependencyFile, IndexOption, normalize
from hooks.deps.names import MALICIOUS, PLACEHOLDERS, typosquat_target
from hooks.deps.reading import DependencyFileError, read_text

DEFAULT_OSV_URL = "https://api.osv.dev"
_CREDENTIALS = re.compile(r"://[^/@\s]+@")
_FULL_COMMIT = re.compile(r"@[0-9a-f]{40}(?:[#&]|$)")
# Files the hook is handed on its own; an include with such a name is checked there, not twice.
DEPENDENCY_FILE = re.compile(
    r"(^|/)((requirements|constraints)[^/]*\.(txt|in)|requirements/[^/]+\.(txt|in)|environment[^/]*\.ya?ml"
    r"|pyproject\.toml)$"
)


@dataclass
class DepsSettings:
    source: OfflineAdvisories | OnlineAdvisories | None
    online_failure: str
    allowed_indexes: tuple[str, ...]
    allow_names: frozenset[str]
    project_kind: str | None


class DepsScanner:
    def __init__(self) -> None:
        self._cache: tuple[Policy, DepsSettings] | None = None
        self.notices: list[str] = []

    def _settings(self, policy: Policy) -> DepsSettings:
        if self._cache is not None and self._cache[0] is policy:
            return self._cache[1]
        section: dict[str, Any] = policy.section("deps")
        source: OfflineAdvisories | OnlineAdvisories | None = None
        try:
            if section.get("advisory_db"):
                path = Path(section["advisory_db"])
                source = OfflineAdvisories(path if path.is_absolute() else policy.root / path)
            elif section.get("online"):
                url = os.environ.get("MLSEC_OSV_URL") or section.get("osv_url") or DEFAULT_OSV_URL
                source = OnlineAdvisories(url, float(section.get("timeout_seconds", 5)))
        except AdvisoryError as exc:
            raise UsageError(f"deps: {exc}; fix deps.advisory_db / --advisory-db") from None
        if source is None:
            self.notices.append(
                "mlsec-deps: no advisory source configured, so known vulnerabilities were NOT checked "
                "(set deps.advisory_db or pass --advisory-db PATH, or --online); all other checks ran"
            )
        settings = DepsSettings(
            source=source,
            online_failure=str(section.get("online_failure", "error")),
            allowed_indexes=tuple(section.get("allowed_indexes", ())),
            allow_names=frozenset(normalize(n) for n in section.get("allow_names", ())),
            project_kind=section.get("project_kind"),
        )
        self._cache = (policy, settings)
        return settings

    def scan_file(self, path: Path, display: str, policy: Policy) -> list[Finding]:
        settings = self._settings(policy)
        name = PurePosixPath(display).name.lower()
        try:
            if name == "pyproject.toml":
                from hooks.deps.pyproject import parse_pyproject

                files = [(display, parse_pyproject(read_text(path), path, policy.root, settings.project_kind))]
            elif name.endswith((".yml", ".yaml")):
                from hooks.deps.conda import parse_environment

                files = [(display, parse_environment(read_text(path), path, policy.root))]
            else:
                from hooks.deps.requirements import read_with_includes

                main, included = read_with_includes(path, policy.root)
                files = [(display, main)] + [
                    (relative, parsed) for relative, parsed in included if not DEPENDENCY_FILE.search(relative)
                ]
        except DependencyFileError as exc:
            return [make_finding("MLS908", display, f"cannot be read as a dependency file: {exc}", content_key="parse")]
        findings: list[Finding] = []
        for file_display, parsed in files:
            findings.extend(self._check(parsed, file_display, settings))
        return findings

    # --- checks --------------------------------------------------------------------------
    def _check(self, parsed: DependencyFile, display: str, settings: DepsSettings) -> list[Finding]:
        issues: list[tuple[str, int, str, str, Severity | None]] = []  # rule, line, message, key, severity

        def add(rule: str, line: int, message: str, key: str, severity: Severity | None = None) -> None:
            issues.append((rule, line, message, key, severity))

        for option in parsed.indexes:
            self._index_checks(option, settings, add)
        for problem in parsed.problems:
            add(problem.rule_id, problem.line, problem.message, problem.key)
        pins: list[tuple[str, str]] = []
        for dependency in parsed.dependencies:
            self._dependency_checks(dependency, parsed, settings, add)
            version = dependency.pinned_version
            if version and dependency.source in ("pypi", "conda"):
                pins.append((dependency.name, version))
        if settings.source is not None and pins:
            self._advisory_checks(parsed, pins, settings, add)
        findings = []
        for rule, line, message, key, severity in issues:
            text = parsed.lines[line - 1] if 0 < line <= len(parsed.lines) else ""
            if is_suppressed(rule, text):
                continue
            findings.append(make_finding(rule, display, message, content_key=key, line=line, severity=severity))
        return findings

    @staticmethod
    def _index_checks(option: IndexOption, settings: DepsSettings, add: Any) -> None:
        value = option.value
        shown = _CREDENTIALS.sub("://***@", value)
        if option.option == "--trusted-host":
            add(
                "MLS407",
                option.line,
                f"--trusted-host {value} turns off TLS verification for that host",
                f"trusted:{value}",
            )
            return
        if option.option == "--extra-index-url":
            add(
                "MLS405",
                option.line,
                f"--extra-index-url {shown}: pip picks the highest version from any index, so "
                "a public package can shadow a private one (dependency confusion)",
                f"extra:{shown}",
            )
        if value.startswith("http://"):
            what = "conda channel" if option.option == "channel" else option.option
            add(
                "MLS406",
                option.line,
                f"{what} uses plain http ({shown}): packages can be swapped in transit",
                f"http:{shown}",
            )
        if _CREDENTIALS.search(value):
            add("MLS408", option.line, f"credentials embedded in {option.option} {shown}", f"creds:{shown}")
        if (
            settings.allowed_indexes
            and option.option in ("--index-url", "--extra-index-url", "--find-links")
            and not value.startswith(settings.allowed_indexes)
        ):
            add(
                "MLS409", option.line, f"{option.option} {shown} is not one of deps.allowed_indexes", f"allowed:{shown}"
            )

    @staticmethod
    def _dependency_checks(dependency: Dependency, parsed: DependencyFile, settings: DepsSettings, add: Any) -> None:
        key, line = dependency.key, dependency.line
        bad = MALICIOUS.get(key)
        if bad is not None:
            versions, story = bad
            if versions is None:
                add("MLS402", line, f"{dependency.name} is a known-malicious package: {story}", f"mal:{key}")
            elif dependency.pinned_version in versions:
                add(
                    "MLS402",
                    line,
                    f"{dependency.name} {dependency.pinned_version} is a compromised release: {story}",
                    f"mal:{key}:{dependency.pinned_version}",
                )
            elif not dependency.pinned_version and dependency.source in ("pypi", "conda"):
                from packaging.specifiers import InvalidSpecifier, SpecifierSet

                try:
                    admitted = [v for v in sorted(versions) if SpecifierSet(dependency.specifier).contains(v)]
                except InvalidSpecifier:
                    admitted = sorted(versions)
                if admitted:
                    add(
                        "MLS402",
                        line,
                        f"{dependency.name}{dependency.specifier or ''} admits compromised releases "
                        f"{', '.join(admitted)}: {story}",
                        f"mal:{key}:range",
                        Severity.HIGH,
                    )
        if key not in settings.allow_names and dependency.source != "conda":
            if key in PLACEHOLDERS:
                add("MLS404", line, f"{dependency.name}: {PLACEHOLDERS[key]}", f"placeholder:{key}")
            else:
                target = typosquat_target(dependency.name)
                if target is not None:
                    add("MLS403", line, f"{dependency.name} looks like a typosquat of {target}", f"typo:{key}")
        if dependency.source == "vcs" and not _FULL_COMMIT.search(dependency.url):
            add(
                "MLS410",
                line,
                f"{dependency.name} from version control without a full commit hash: the branch or tag can move",
                f"vcs:{key}",
            )
        elif dependency.source == "url" and "#sha256=" not in dependency.url and not dependency.hashes:
            add("MLS411", line, f"{dependency.name} from a direct URL without a #sha256= hash", f"url:{key}")
        if dependency.source not in ("pypi", "conda") or dependency.library or dependency.build_only:
            return
        if parsed.hash_checking and not dependency.hashes and dependency.source == "pypi":
            add(
                "MLS412",
                line,
                f"{dependency.name} has no --hash while the file is in hash-checking mode: pip refuses to install it",
                f"hash:{key}",
            )
        if not dependency.specifier:
            add(
                "MLS413",
                line,
                f"{dependency.name} is not pinned: every install can pick a different release",
                f"unpinned:{key}",
            )
        elif dependency.pinned_version is None:
            add(
                "MLS414",
                line,
                f"{dependency.name}{dependency.specifier} is a range, not an exact == pin",
                f"range:{key}",
            )

    def _advisory_checks(
        self, parsed: DependencyFile, pins: list[tuple[str, str]], settings: DepsSettings, add: Any
    ) -> None:
        assert settings.source is not None
        try:
            found = settings.source.lookup(pins)
        except AdvisoryError as exc:
            if settings.online_failure == "warn":
                self.notices.append(f"mlsec-deps: {exc}; vulnerabilities not checked (deps.online_failure: warn)")
                return
            raise UsageError(f"{exc}; check the network or set deps.online_failure: warn") from None
        by_pin = {(d.name, d.pinned_version): d for d in parsed.dependencies}
        for (name, version), advisories in found.items():
            dependency = by_pin.get((name, version))
            if dependency is None or not advisories:
                continue
            malicious = [a for a in advisories if a.malicious]
            if malicious:
                add(
                    "MLS402",
                    dependency.line,
                    f"{name} {version} is known malware ({', '.join(a.id for a in malicious)})",
                    f"osv-mal:{normalize(name)}:{version}",
                )
            ordinary = [a for a in advisories if not a.malicious]
            if ordinary:
                ids = ", ".join(f"{a.id} ({', '.join(a.aliases[:2])})" if a.aliases else a.id for a in ordinary[:6])
                more = f" and {len(ordinary) - 6} more" if len(ordinary) > 6 else ""
                fixes = [a.fixed for a in ordinary if a.fixed]
                fixed = f"; fixed in {_highest(fixes)}" if fixes else "; no fixed version published"
                add(
                    "MLS401",
                    dependency.line,
                    f"{name} {version} has known vulnerabilities: {ids}{more}{fixed}",
                    f"vuln:{normalize(name)}:{version}",
                )


def _highest(versions: list[str]) -> str:
    from packaging.version import InvalidVersion, Version

    try:
        return str(max(Version(v) for v in versions))
    except InvalidVersion:
        return versions[0]
