"""`mlsec-deps`: vulnerable, malicious and unsafe dependencies, offline first."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from hooks._core.errors import UsageError
from hooks._core.findings import Issue, Severity, make_finding
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport
from hooks._core.settings import PolicySettings
from hooks._shared.indexes import IndexRules, index_issues
from hooks._shared.names import NameRules, name_issues
from hooks._shared.requirements import RequirementRules, requirement_issues
from hooks.deps import rules
from hooks.deps.advisories import Advisory, AdvisoryError, OfflineAdvisories, OnlineAdvisories, installed_snapshot
from hooks.deps.installed_metadata import INSTALLED_METADATA, metadata_requirements
from hooks.deps.locks import lock_kind
from hooks.deps.model import Dependency, DependencyFile, IndexOption, normalize
from hooks.deps.reading import DependencyFileError, read_text
from hooks.deps.spec import DEPENDENCY_FILES, LOCK_FILES
from hooks.deps.tool_hangs import only_hangs_a_tool

DEFAULT_OSV_URL = "https://api.osv.dev"
DEFAULT_MAX_AGE_DAYS = 45
INDEX_RULES = IndexRules(
    extra_index_url=rules.EXTRA_INDEX_URL,
    plain_http=rules.PLAIN_HTTP_SOURCE,
    credentials=rules.INDEX_CREDENTIALS,
    trusted_host=rules.TRUSTED_HOST,
    not_allowed=rules.INDEX_NOT_ALLOWED,
)
REQUIREMENT_RULES = RequirementRules(
    vcs_without_commit=rules.VCS_WITHOUT_COMMIT,
    url_without_hash=rules.URL_WITHOUT_HASH,
    unpinned=rules.UNPINNED,
    range_pin=rules.RANGE_PIN,
)
# What beside a dependency file makes an installer take other than the newest release a range
# admits: a lock file (spec.LOCK_FILES), or a pyproject's uv resolution settings (lowest, a date,
# constraints, overrides).
_RESOLUTION_SETTINGS = re.compile(rb"resolution|exclude-newer|constraint|override-dependencies")


def installs_newest(path: Path) -> bool:
    """Whether an installer takes the newest release a range of this file admits: no lock file
    beside it, no resolution setting in a pyproject beside it, nothing unreadable."""
    if any((path.parent / name).exists() for name in LOCK_FILES):
        return False
    if (path.parent / "pyproject.toml").exists():
        try:
            with (path.parent / "pyproject.toml").open("rb") as handle:
                data = handle.read((1 << 20) + 1)
        except OSError:
            return False
        return len(data) <= 1 << 20 and _RESOLUTION_SETTINGS.search(data) is None
    return True


NAME_RULES = NameRules(malicious=rules.MALICIOUS_PACKAGE, typosquat=rules.TYPOSQUAT, decoy=rules.PLACEHOLDER_PACKAGE)
# A lock file's names are what the resolver took for names the project's own files declare (which
# are judged there): only its compromised releases are judged by name.
_LOCK_NAME_RULES = NameRules(malicious=rules.MALICIOUS_PACKAGE, typosquat=None, decoy=None)
_LOCK_NOTE = " (in a lock file, which lists every transitive release: reported low; `profile: strict` blocks it)"
_CHANNEL_NOTE = (
    " (a conda build of the C library or tool, whose build names no interpreter: PyPI's advisory may not "
    "describe it; reported low, `profile: strict` blocks it)"
)
# Files the hook is handed on its own; an include with such a name is checked there, not twice.
DEPENDENCY_FILE = re.compile(DEPENDENCY_FILES)
# The checks that judge a package by its name and release, for packages an install command names;
# ADVISORIES_NOT_CHECKED too, since a pinned install is looked up like a pinned requirement, and
# old or missing data must be said for it.
_INSTALLED_NAME_RULES = frozenset(
    rule.rule_id
    for rule in (
        rules.VULNERABLE_DEPENDENCY,
        rules.MALICIOUS_PACKAGE,
        rules.TYPOSQUAT,
        rules.PLACEHOLDER_PACKAGE,
        rules.ADVISORIES_NOT_CHECKED,
    )
)


@dataclass
class DepsSettings:
    source: OfflineAdvisories | OnlineAdvisories | None
    online_failure: str
    allowed_indexes: tuple[str, ...]
    allow_names: frozenset[str]
    project_kind: str | None
    source_gap: Issue | None = None  # MLS416 for every file: no source, old data, unread records
    strict: bool = False  # `profile: strict`: context never lowers a severity


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
                timeout = float(section.get("timeout_seconds", 5))
                source = OnlineAdvisories(url, timeout, float(section.get("online_deadline_seconds", 60)))
            else:
                source = installed_snapshot()
        except AdvisoryError as exc:
            fix = "fix deps.advisory_db / --advisory-db or run `mlsec advisories update`"
            raise UsageError(f"deps: {exc}; {fix}") from None
        max_age = int(section.get("max_snapshot_age_days", DEFAULT_MAX_AGE_DAYS))
        return DepsSettings(
            source=source,
            online_failure=str(section.get("online_failure", "error")),
            allowed_indexes=tuple(section.get("allowed_indexes", ())),
            allow_names=frozenset(normalize(n) for n in section.get("allow_names", ())),
            project_kind=section.get("project_kind"),
            source_gap=_source_gap(source, max_age),
            strict=policy.profile == "strict",
        )

    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        settings = self._settings(policy)
        self._lookup_failed = False
        name = PurePosixPath(display).name.lower()
        if name.endswith(".ipynb"):
            return self._scan_notebook(path, display, policy, settings)
        try:
            if (kind := lock_kind(PurePosixPath(display).name)) is not None:
                return self._scan_lock(path, display, kind, settings)
            if INSTALLED_METADATA.search(display):
                metadata = metadata_requirements(read_text(path, wide=False))
                files = [(display, _parse_written("requirements", metadata, path, policy, settings))]
            elif name == "uv.toml":
                from hooks.deps.uv_settings import parse_uv_toml

                files = [(display, parse_uv_toml(read_text(path, wide=False)))]
            elif name == "pyproject.toml" or name.endswith((".yml", ".yaml")):
                kind = "pyproject" if name == "pyproject.toml" else "environment"
                files = [
                    (display, _parse_written(kind, read_text(path, wide=kind != "pyproject"), path, policy, settings))
                ]
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
        newest = installs_newest(path)
        for file_display, parsed in files:
            report.findings.extend(issue.at(file_display) for issue in self._check(parsed, settings, newest))
            report.texts[(file_display, None)] = list(parsed.lines)
        report.cacheable = not self._lookup_failed  # the next run may reach the advisories
        return report

    def _scan_lock(self, path: Path, display: str, kind: str, settings: DepsSettings) -> FileReport:
        """A lock file's releases (hooks/deps/locks.py): known-malicious and known-vulnerable ones,
        at their entries; nothing in a lock is unpinned, and its names are the resolver's."""
        from hooks.deps.locks import parse_lock

        parsed = parse_lock(kind, read_text(path, wide=kind == "pipfile"))
        issues: list[Issue] = list(parsed.problems)
        for option in parsed.indexes:  # (a requirements.lock's index options)
            issues.extend(self._index_checks(option, settings))
        pins: list[tuple[str, str]] = []
        # A conda channel's build of a PyPI project (conda_locks.py) has the project's advisories,
        # but PyPI's names and malware records speak of PyPI's uploads, not of it.
        channel_builds = _channel_releases(parsed.dependencies, lambda dependency: dependency.source == "conda")
        for dependency in parsed.dependencies:
            found = name_issues(dependency.requirement, dependency.line, _LOCK_NAME_RULES, settings.allow_names)
            if dependency.source == "conda":
                # A channel's build of a compromised release (conda-forge builds from PyPI's
                # sdist: ultralytics 8.3.41) is that release; a name that is malware on PyPI
                # whatever its version is the channel's own project there (pytorch's torchtriton).
                found = [issue for issue in found if issue.key.count(":") >= 2 and not issue.key.endswith(":range")]
            issues.extend(found)
            pins.append((dependency.name, dependency.pinned_version or ""))
        pins = [pin for pin in pins if pin[1]]
        if settings.source_gap is not None and pins and settings.strict:
            # By default what the data says of a lock's releases is low (below) but for known
            # malware: the notice stands with the files whose verdicts block (strict: here too).
            issues.insert(len(parsed.problems), settings.source_gap)
        if settings.source is not None and pins:
            for issue in self._advisory_checks(parsed, pins, settings):
                if issue.rule is rules.MALICIOUS_PACKAGE and _release_of(issue) in channel_builds:
                    continue
                if issue.rule is rules.VULNERABLE_DEPENDENCY and not settings.strict:
                    # A lock lists every transitive release: an advisory there is worth a look and
                    # a relock, not a blocked commit (the project's own declared pins block where
                    # they are declared). Labelled on real repositories: 29% of them true.
                    issue = replace(issue, severity=Severity.LOW, message=f"{issue.message}{_LOCK_NOTE}")
                issues.append(issue)
        report = FileReport([issue.at(display) for issue in issues])
        report.texts[(display, None)] = list(parsed.lines)
        report.cacheable = not self._lookup_failed
        return report

    def _scan_notebook(self, path: Path, display: str, policy: Policy, settings: DepsSettings) -> FileReport:
        """The dependency files the notebook writes (`%%writefile requirements.txt`), at their cells."""
        from hooks._core.notebooks import NESTED_TOO_DEEPLY, NotebookError
        from hooks.deps.notebook import written_files

        report = FileReport()
        try:
            written = written_files(read_text(path, wide=False))
        except (DependencyFileError, NotebookError) as exc:
            message = f"notebook cannot be read, so the dependency files its cells write were not checked: {exc}"
            # As in mlsec-code: a file that is not JSON or not a notebook cannot be opened, so no
            # cell of it runs and writes nothing (low); one nested deeper than this reader goes is
            # a notebook editors open and run (it blocks).
            broken = isinstance(exc, NotebookError) and exc.args[:1] != (NESTED_TOO_DEEPLY,)
            report.findings.append(
                make_finding(
                    rules.DEPENDENCY_FILE_UNREADABLE,
                    display,
                    message,
                    content_key="notebook",
                    severity=Severity.LOW if broken else None,
                )
            )
            return report
        for file in written:
            offset = file.first_line - 1
            try:
                parsed = _parse_written(file.kind, file.body, path, policy, settings)
            except DependencyFileError as exc:
                issue = Issue(
                    rules.DEPENDENCY_FILE_UNREADABLE,
                    f"the {file.kind} file this cell writes cannot be read: {exc}",
                    f"written:{file.name}",
                )
                report.findings.append(issue.at(display, cell=file.cell, line_offset=offset))
                continue
            for issue in self._check(parsed, settings):
                report.findings.append(issue.at(display, cell=file.cell, line_offset=offset))
            report.texts[(display, file.cell)] = [""] * offset + list(parsed.lines)
        return report

    def scan_text(self, text: str, name: str, display: str, policy: Policy) -> FileReport:
        """A dependency file named `name` that another file writes (for a caller that finds
        written files itself, such as core handing on a Dockerfile heredoc), checked as
        `scan_file` checks one on disk, at the text's own line numbers, reported under
        `display`; its -r/-c includes are not followed."""
        settings = self._settings(policy)
        base = PurePosixPath(name).name
        lowered = base.lower()
        kind = (
            "pyproject"
            if lowered == "pyproject.toml"
            else "environment"
            if lowered.endswith((".yml", ".yaml"))
            else "requirements"
        )
        try:
            parsed = _parse_written(kind, text, policy.root / base, policy, settings)
        except DependencyFileError as exc:
            message = f"cannot be read as a dependency file: {exc}"
            return FileReport([make_finding(rules.DEPENDENCY_FILE_UNREADABLE, display, message, content_key="parse")])
        return FileReport([issue.at(display) for issue in self._check(parsed, settings)])

    def scan_installed(self, text: str, display: str, policy: Policy) -> FileReport:
        """The packages an install command names (`!pip install a b`, `RUN pip install a`), one
        requirement a line: judged by name and release (malicious, typosquat, decoy, known
        advisories, and MLS416 when pinned releases meet missing or old advisory data); pins and
        indexes are the installing hook's findings, not repeated here."""
        report = self.scan_text(text, "requirements.txt", display, policy)
        return FileReport([finding for finding in report.findings if finding.rule_id in _INSTALLED_NAME_RULES])

    # --- checks --------------------------------------------------------------------------
    def _check(self, parsed: DependencyFile, settings: DepsSettings, newest: bool = True) -> list[Issue]:
        """`newest`: an installer takes the newest release a range admits (no lock file or
        resolution setting beside the file says otherwise, see `installs_newest`)."""
        issues: list[Issue] = list(parsed.problems)
        for option in parsed.indexes:
            issues.extend(self._index_checks(option, settings))
        pins: list[tuple[str, str]] = []
        # An index or find-links option of its own (`--no-index --find-links ./wheels`, a
        # snapshot index) may offer only old releases: ranges are not judged by their newest.
        newest = newest and not any(not option.explicit for option in parsed.indexes)
        for dependency in parsed.dependencies:
            issues.extend(self._dependency_checks(dependency, parsed, settings, newest))
            version = dependency.pinned_version
            # A wheel or sdist named by URL or path is the release its file name says (vendored
            # wheels of an offline build are PyPI's releases).
            if version and dependency.source in ("pypi", "conda", "url", "path"):
                pins.append((dependency.name, version))
        # A conda build of a C library or tool (Dependency.channel_only) shares its name and, often,
        # its version numbers with a PyPI project (brotli, zstd): PyPI's advisory may describe it
        # or not, so it is reported low; PyPI's malware records speak of uploads it is not.
        channel = _channel_releases(parsed.dependencies, lambda dependency: dependency.channel_only)
        if settings.source_gap is not None and pins:
            # Advisory data judges pinned releases only: a file of ranges and bare names is
            # checked no differently with current data, so the gap does not concern it.
            issues.insert(len(parsed.problems), settings.source_gap)
        if settings.source is not None and pins:
            for issue in self._advisory_checks(parsed, pins, settings):
                release = _release_of(issue)
                if release in channel and issue.rule is rules.MALICIOUS_PACKAGE:
                    continue
                if release in channel and issue.rule is rules.VULNERABLE_DEPENDENCY and not settings.strict:
                    issue = replace(issue, severity=Severity.LOW, message=f"{issue.message}{_CHANNEL_NOTE}")
                issues.append(issue)
        return issues

    @staticmethod
    def _index_checks(option: IndexOption, settings: DepsSettings) -> list[Issue]:
        return index_issues(option, INDEX_RULES, settings.allowed_indexes, strict=settings.strict)

    @staticmethod
    def _dependency_checks(
        dependency: Dependency, parsed: DependencyFile, settings: DepsSettings, newest: bool = True
    ) -> Iterator[Issue]:
        requirement = dependency.requirement
        judged_strictly = settings.strict or not newest
        yield from name_issues(requirement, dependency.line, NAME_RULES, settings.allow_names, judged_strictly)
        checks_pin = dependency.source in ("pypi", "conda") and not (dependency.library or dependency.build_only)
        if parsed.hash_checking and checks_pin and not dependency.hashes and dependency.source == "pypi":
            yield Issue(
                rules.MISSING_HASH,
                f"{dependency.name} has no --hash while the file is in hash-checking mode: pip refuses to install it",
                f"hash:{dependency.key}",
                line=dependency.line,
            )
        if dependency.source in ("pypi", "conda") and not checks_pin:
            return
        yield from requirement_issues(requirement, dependency.line, REQUIREMENT_RULES, dependency.hashes)

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
                yield Issue(
                    rules.ADVISORIES_NOT_CHECKED,
                    f"known vulnerabilities were NOT checked: {exc} (deps.online_failure: warn)",
                    "online-failed",
                    severity=Severity.LOW,
                )
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
            ordinary = [a for a in advisories if not a.malicious and not a.disputed]
            disputed = [a for a in advisories if not a.malicious and a.disputed]
            hangs = [] if settings.strict else [a for a in ordinary if only_hangs_a_tool(name, a.denial_only)]
            ordinary = [a for a in ordinary if a not in hangs]
            unlisted = [] if settings.strict else [a for a in ordinary if a.past_listed]
            ordinary = [a for a in ordinary if a not in unlisted]
            if ordinary:
                yield Issue(
                    rules.VULNERABLE_DEPENDENCY,
                    f"{name} {version} has known vulnerabilities: {_summary(ordinary)}",
                    f"vuln:{normalize(name)}:{version}",
                    line=dependency.line,
                )
            # Low, not blocking: worth a look, not a held commit.
            low = (
                # a formatter or packaging tool that can be made to hang (tool_hangs.py): hygiene
                (hangs, "vuln-hang", "has known vulnerabilities that only make this development tool hang on "
                 "crafted input (denial of service): {}"),
                # records that name no fix and list only older releases were written before this
                # one came out (osv.past_listed): whether it still has the flaw is unknown, and no
                # upgrade is named that a reviewer could ask for
                (unlisted, "vuln-unlisted", "is newer than every release these advisories list as affected, and "
                 "they name no fix: {}; check whether this release still has the flaw"),
                # the project disputes these (the CVE text says ** DISPUTED **)
                (disputed, "vuln-disputed", "has disputed advisories (the project contests them): {}"),
            )  # fmt: skip
            for group, kind, text in low:
                if group:
                    yield Issue(
                        rules.VULNERABLE_DEPENDENCY,
                        f"{name} {version} {text.format(_summary(group))}",
                        f"{kind}:{normalize(name)}:{version}",
                        line=dependency.line,
                        severity=Severity.LOW,
                    )


def _parse_written(kind: str, text: str, path: Path, policy: Policy, settings: DepsSettings) -> DependencyFile:
    if kind == "pyproject":
        from hooks.deps.pyproject import parse_pyproject

        return parse_pyproject(text, path, policy.root, settings.project_kind)
    if kind == "environment":
        from hooks.deps.conda import parse_environment

        return parse_environment(text, path, policy.root)
    from hooks.deps.requirements import parse_requirements

    # Includes of a written file are relative to wherever the notebook runs: not followed.
    return parse_requirements(text, path, policy.root, include=False)[0]


def _channel_releases(
    dependencies: list[Dependency], is_channel: Callable[[Dependency], bool]
) -> set[tuple[str, str | None]]:
    """(name, version) of the releases a file holds only as a conda channel's builds: a PyPI
    release of the same version beside one is PyPI's upload and keeps PyPI's verdicts."""
    built = {(d.key, d.pinned_version) for d in dependencies if is_channel(d)}
    return built - {(d.key, d.pinned_version) for d in dependencies if not is_channel(d)}


def _release_of(issue: Issue) -> tuple[str, str | None] | None:
    """(name, version) of an advisory finding, from its key (`vuln:name:1.0`, `vuln-disputed:...`,
    `osv-mal:name:1.0`)."""
    kind, _, release = issue.key.partition(":")
    if not kind.startswith(("vuln", "osv-mal")):
        return None
    name, _, version = release.partition(":")
    return name, version


def _summary(advisories: list[Advisory]) -> str:
    ids = ", ".join(f"{a.id} ({', '.join(a.aliases[:2])})" if a.aliases else a.id for a in advisories[:6])
    more = f" and {len(advisories) - 6} more" if len(advisories) > 6 else ""
    fixes = [a.fixed for a in advisories if a.fixed]
    fixed = f"; fixed in {_highest(fixes)}" if fixes else "; no fixed version published"
    return f"{ids}{more}{fixed}"


def _source_gap(source: OfflineAdvisories | OnlineAdvisories | None, max_age: int) -> Issue | None:
    """Why this run's vulnerability verdicts cannot be trusted in full, as one MLS416 issue."""
    if source is None:
        return Issue(
            rules.ADVISORIES_NOT_CHECKED,
            "known vulnerabilities were NOT checked: no advisory data (run `mlsec advisories update`, "
            "or set deps.advisory_db / --advisory-db, or --online); all other checks ran",
            "no-source",
        )
    if isinstance(source, OnlineAdvisories):
        return None
    snapshot = source.snapshot
    age = snapshot.age_days()
    if age is None:
        return Issue(
            rules.ADVISORIES_NOT_CHECKED,
            f"the {source.label} has no record dates, so its age is unknown; refresh it (`mlsec advisories update`)",
            "undated",
        )
    if age > max_age:
        return Issue(
            rules.ADVISORIES_NOT_CHECKED,
            f"vulnerabilities checked against the {source.label}, whose newest record is from "
            f"{snapshot.newest[:10]} ({age} days old, more than deps.max_snapshot_age_days {max_age}); "
            "refresh it: `mlsec advisories update`",
            "stale",
        )
    if snapshot.skipped:
        return Issue(
            rules.ADVISORIES_NOT_CHECKED,
            f"{snapshot.skipped} of {snapshot.records + snapshot.skipped} records of the {source.label} could not "
            "be read (invalid OSV); pins were checked against the others only",
            "skipped-records",
        )
    return None


def _highest(versions: list[str]) -> str:
    from packaging.version import InvalidVersion, Version

    try:
        return str(max(Version(v) for v in versions))
    except InvalidVersion:
        return versions[0]
