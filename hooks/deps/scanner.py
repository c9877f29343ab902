"""`mlsec-deps`: vulnerable, malicious and unsafe dependencies, offline first."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from hooks._core.errors import UsageError
from hooks._core.findings import Issue, Severity, make_finding
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport
from hooks._core.settings import PolicySettings
from hooks.deps import rules
from hooks.deps.advisories import AdvisoryError, OfflineAdvisories, OnlineAdvisories
from hooks.deps.model import Dependency, DependencyFile, IndexOption, normalize
from hooks.deps.names import MALICIOUS, PLACEHOLDERS, typosquat_target
from hooks.deps.reading import DependencyFileError, read_text
from hooks.deps.spec import DEPENDENCY_FILES

DEFAULT_OSV_URL = "https://api.osv.dev"
_CREDENTIALS = re.compile(r"://[^/@\s]+@")
_FULL_COMMIT = re.compile(r"@[0-9a-f]{40}(?:[#&]|$)")
# Files the hook is handed on its own; an include with such a name is checked there, not twice.
DEPENDENCY_FILE = re.compile(DEPENDENCY_FILES)


@dataclass
class DepsSettings:
    source: OfflineAdvisories | OnlineAdvisories | None
    online_failure: str
    allowed_indexes: tuple[str, ...]
    allow_names: frozenset[str]
    project_kind: str | None


class DepsScanner:
    def __init__(self) -> None:
        self._settings = PolicySettings(self._load_settings)
        self.notices: list[str] = []
        self._lookup_failed = False  # this file's advisory lookup failed (online_failure: warn)

    def _load_settings(self, policy: Policy) -> DepsSettings:
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
        return DepsSettings(
            source=source,
            online_failure=str(section.get("online_failure", "error")),
            allowed_indexes=tuple(section.get("allowed_indexes", ())),
            allow_names=frozenset(normalize(n) for n in section.get("allow_names", ())),
            project_kind=section.get("project_kind"),
        )

    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        settings = self._settings(policy)
        self._lookup_failed = False
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
            message = f"cannot be read as a dependency file: {exc}"
            return FileReport([make_finding(rules.DEPENDENCY_FILE_UNREADABLE, display, message, content_key="parse")])
        report = FileReport()
        for file_display, parsed in files:
            report.findings.extend(issue.at(file_display) for issue in self._check(parsed, settings))
            report.texts[(file_display, None)] = list(parsed.lines)
        report.cacheable = not self._lookup_failed  # the next run may reach the advisories
        return report

    # --- checks --------------------------------------------------------------------------
    def _check(self, parsed: DependencyFile, settings: DepsSettings) -> list[Issue]:
        issues: list[Issue] = list(parsed.problems)
        for option in parsed.indexes:
            issues.extend(self._index_checks(option, settings))
        pins: list[tuple[str, str]] = []
        for dependency in parsed.dependencies:
            issues.extend(self._dependency_checks(dependency, parsed, settings))
            version = dependency.pinned_version
            if version and dependency.source in ("pypi", "conda"):
                pins.append((dependency.name, version))
        if settings.source is not None and pins:
            issues.extend(self._advisory_checks(parsed, pins, settings))
        return issues

    @staticmethod
    def _index_checks(option: IndexOption, settings: DepsSettings) -> Iterator[Issue]:
        value = option.value
        shown = _CREDENTIALS.sub("://***@", value)
        if option.option == "--trusted-host":
            yield Issue(
                rules.TRUSTED_HOST,
                f"--trusted-host {value} turns off TLS verification for that host",
                f"trusted:{value}",
                line=option.line,
            )
            return
        if option.option == "--extra-index-url":
            yield Issue(
                rules.EXTRA_INDEX_URL,
                f"--extra-index-url {shown}: pip picks the highest version from any index, so "
                "a public package can shadow a private one (dependency confusion)",
                f"extra:{shown}",
                line=option.line,
            )
        if value.startswith("http://"):
            what = "conda channel" if option.option == "channel" else option.option
            yield Issue(
                rules.PLAIN_HTTP_SOURCE,
                f"{what} uses plain http ({shown}): packages can be swapped in transit",
                f"http:{shown}",
                line=option.line,
            )
        if _CREDENTIALS.search(value):
            yield Issue(
                rules.INDEX_CREDENTIALS,
                f"credentials embedded in {option.option} {shown}",
                f"creds:{shown}",
                line=option.line,
            )
        if (
            settings.allowed_indexes
            and option.option in ("--index-url", "--extra-index-url", "--find-links")
            and not value.startswith(settings.allowed_indexes)
        ):
            yield Issue(
                rules.INDEX_NOT_ALLOWED,
                f"{option.option} {shown} is not one of deps.allowed_indexes",
                f"allowed:{shown}",
                line=option.line,
            )

    @staticmethod
    def _dependency_checks(dependency: Dependency, parsed: DependencyFile, settings: DepsSettings) -> Iterator[Issue]:
        key, line = dependency.key, dependency.line
        bad = MALICIOUS.get(key)
        if bad is not None:
            versions, story = bad
            if versions is None:
                yield Issue(
                    rules.MALICIOUS_PACKAGE,
                    f"{dependency.name} is a known-malicious package: {story}",
                    f"mal:{key}",
                    line=line,
                )
            elif dependency.pinned_version in versions:
                yield Issue(
                    rules.MALICIOUS_PACKAGE,
                    f"{dependency.name} {dependency.pinned_version} is a compromised release: {story}",
                    f"mal:{key}:{dependency.pinned_version}",
                    line=line,
                )
            elif not dependency.pinned_version and dependency.source in ("pypi", "conda"):
                from packaging.specifiers import InvalidSpecifier, SpecifierSet

                try:
                    admitted = [v for v in sorted(versions) if SpecifierSet(dependency.specifier).contains(v)]
                except InvalidSpecifier:
                    admitted = sorted(versions)
                if admitted:
                    yield Issue(
                        rules.MALICIOUS_PACKAGE,
                        f"{dependency.name}{dependency.specifier or ''} admits compromised releases "
                        f"{', '.join(admitted)}: {story}",
                        f"mal:{key}:range",
                        line=line,
                        severity=Severity.HIGH,
                    )
        if key not in settings.allow_names and dependency.source != "conda":
            if key in PLACEHOLDERS:
                yield Issue(
                    rules.PLACEHOLDER_PACKAGE,
                    f"{dependency.name}: {PLACEHOLDERS[key]}",
                    f"placeholder:{key}",
                    line=line,
                )
            else:
                target = typosquat_target(dependency.name)
                if target is not None:
                    yield Issue(
                        rules.TYPOSQUAT,
                        f"{dependency.name} looks like a typosquat of {target}",
                        f"typo:{key}",
                        line=line,
                    )
        if dependency.source == "vcs" and not _FULL_COMMIT.search(dependency.url):
            yield Issue(
                rules.VCS_WITHOUT_COMMIT,
                f"{dependency.name} from version control without a full commit hash: the branch or tag can move",
                f"vcs:{key}",
                line=line,
            )
        elif dependency.source == "url" and "#sha256=" not in dependency.url and not dependency.hashes:
            yield Issue(
                rules.URL_WITHOUT_HASH,
                f"{dependency.name} from a direct URL without a #sha256= hash",
                f"url:{key}",
                line=line,
            )
        if dependency.source not in ("pypi", "conda") or dependency.library or dependency.build_only:
            return
        if parsed.hash_checking and not dependency.hashes and dependency.source == "pypi":
            yield Issue(
                rules.MISSING_HASH,
                f"{dependency.name} has no --hash while the file is in hash-checking mode: pip refuses to install it",
                f"hash:{key}",
                line=line,
            )
        if not dependency.specifier:
            yield Issue(
                rules.UNPINNED,
                f"{dependency.name} is not pinned: every install can pick a different release",
                f"unpinned:{key}",
                line=line,
            )
        elif dependency.pinned_version is None:
            yield Issue(
                rules.RANGE_PIN,
                f"{dependency.name}{dependency.specifier} is a range, not an exact == pin",
                f"range:{key}",
                line=line,
            )

    def _advisory_checks(
        self, parsed: DependencyFile, pins: list[tuple[str, str]], settings: DepsSettings
    ) -> Iterator[Issue]:
        assert settings.source is not None
        try:
            found = settings.source.lookup(pins)
        except AdvisoryError as exc:
            if settings.online_failure == "warn":
                self._lookup_failed = True
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
                yield Issue(
                    rules.MALICIOUS_PACKAGE,
                    f"{name} {version} is known malware ({', '.join(a.id for a in malicious)})",
                    f"osv-mal:{normalize(name)}:{version}",
                    line=dependency.line,
                )
            ordinary = [a for a in advisories if not a.malicious]
            if ordinary:
                ids = ", ".join(f"{a.id} ({', '.join(a.aliases[:2])})" if a.aliases else a.id for a in ordinary[:6])
                more = f" and {len(ordinary) - 6} more" if len(ordinary) > 6 else ""
                fixes = [a.fixed for a in ordinary if a.fixed]
                fixed = f"; fixed in {_highest(fixes)}" if fixes else "; no fixed version published"
                yield Issue(
                    rules.VULNERABLE_DEPENDENCY,
                    f"{name} {version} has known vulnerabilities: {ids}{more}{fixed}",
                    f"vuln:{normalize(name)}:{version}",
                    line=dependency.line,
                )


def _highest(versions: list[str]) -> str:
    from packaging.version import InvalidVersion, Version

    try:
        return str(max(Version(v) for v in versions))
    except InvalidVersion:
        return versions[0]
