"""One requirement, read and judged the same way wherever it is written.

A requirements line, a pyproject string, an environment.yml entry, a notebook's `!pip install
...` argument and a Dockerfile's `RUN pip install ...` argument all name a requirement; this
module reads one and says how well it is pinned. The caller passes the rules its findings are
reported under (the `ShellRules` pattern of `hooks/_shared/shell.py`).

Contract:

- `normalize(name) -> str`: PEP 503 (`Scikit_Learn` -> `scikit-learn`).
- `Requirement(name, specifier="", source="pypi", url="")`: `name` as written; `specifier` such
  as `==1.2.3`, `>=2,<3` or "" (none); `source` is `pypi`, `vcs`, `url`, `path` or `conda`;
  `url` the VCS/archive URL or local path. `.key` is the normalised name, `.pinned_version` the
  version of an exact `==`/`===` pin (not `==1.*`) or of `>=v,<=v`, or the release a wheel or
  sdist URL or path names in its file name (`archive_release`), else None.
- `parse_requirement(text) -> Requirement | None`: one pip requirement argument or line without
  its pip options (`torch==2.3.1`, `numpy>=1.26 ; python_version>"3.9"`, `pkg[extra]`,
  `name @ https://...`, `git+https://...@rev#egg=name`, a bare archive URL, `./local/path`, a
  `.whl`). None when it is not a requirement (the caller reports that, never quoting the text).
  Linear time; imports `packaging` only for lines the fast path cannot read.
- `parse_conda_spec(text) -> Requirement | None`: `pkg`, `pkg=1.2.3`, `pkg==1.2.3`,
  `pkg=1.2.3=build`, `channel::pkg>=1`, and MatchSpec's spaced `pkg 1.2.3 build` (source
  `conda`; `pkg=1.2` is a prefix, `pkg=1.2.3|1.2.4` a choice, neither a pin).
- `Pinning` and `pinning(requirement, hashes=()) -> Pinning`: EXACT, RANGE, UNPINNED,
  VCS_MOVABLE (no full 40-hex commit), VCS_COMMIT, URL_NO_HASH, URL_HASHED, LOCAL.
- `RequirementRules(vcs_without_commit, url_without_hash, unpinned, range_pin)`: a `Rule` or
  None (not reported) for each.
- `requirement_issues(requirement, line, rules) -> list[Issue]`: at most one issue:
  VCS_MOVABLE -> `vcs_without_commit` (key `vcs:NAME`), URL_NO_HASH -> `url_without_hash`
  (`url:NAME`), UNPINNED -> `unpinned` (`unpinned:NAME`), RANGE -> `range_pin` (`range:NAME`);
  NAME is the normalised name. Messages name the package, never a URL (URLs can carry tokens).
  A caller that groups findings per command (notebooks, Dockerfiles) uses `pinning()` and
  writes its own message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePosixPath

from hooks._core.findings import Issue
from hooks._core.rules import Rule
from hooks._shared.urls import url_host, without_credentials

_SEPARATORS = re.compile(r"[-_.]+")
_VCS = re.compile(r"^(?:git|hg|svn|bzr)\+", re.IGNORECASE)
_EGG = re.compile(r"[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)")
_ARCHIVE_NAME = re.compile(r"/([A-Za-z0-9][A-Za-z0-9._]*?)-\d[^/]*\.(?:whl|tar\.gz|zip|tar\.bz2|tgz)(?:[#?].*)?$")
_FULL_COMMIT = re.compile(r"@[0-9a-f]{40}(?:[#&]|$)")
_EXACT = re.compile(r"\s*===?\s*([^\s,;*]+)\s*")
# `name[extras] <specifiers>` without markers or URLs: most lines, read without `packaging`,
# whose import compiles large regular expressions on every hook start. No two `\s*` may meet:
# a long blank run would be split between them in every way (quadratic).
_SIMPLE = re.compile(
    r"^(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[A-Za-z0-9._,\s-]*\]\s*)?"
    r"(?P<spec>(?:(?:===|==|~=|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*(?:,\s*|$))*)$"
)
_CONDA_SPEC = re.compile(r"^(?:(?P<channel>[\w.-]+)::)?(?P<name>[A-Za-z0-9_.-]+)\s*(?P<spec>[=<>!~].*)?$")
# conda's MatchSpec also takes `name version [build]` with spaces (`numpy 1.19.0 py38h_0`,
# `pytorch 1.13.*`, `numpy *`). A bare version there is exact (conda's VersionSpec without an
# operator is `==`; only `name=1.13` is a prefix). Only plain release and build words are taken;
# anything else (`pillow == 8.0.0`, brackets, URLs) is read as before.
_CONDA_SPACED = re.compile(
    r"^(?P<head>(?:[\w.-]+::)?[A-Za-z0-9][A-Za-z0-9_.-]*) +(?P<version>[0-9][0-9A-Za-z._+!*|-]*|\*)"
    r"(?: +(?P<build>[A-Za-z0-9_.+*-]+))?$"
)
# A conda version that names one release: no operator, wildcard, alternative or range in it.
_CONDA_RELEASE = re.compile(r"[0-9][0-9A-Za-z._+!-]*")
# `>=1.2.3,<=1.2.3` admits one release, as `==1.2.3` does.
_CLOSED_RANGE = re.compile(r"\s*(?:>=\s*([^\s,;*<>=!~|]+)\s*,\s*<=\s*\1|<=\s*([^\s,;*<>=!~|]+)\s*,\s*>=\s*\2)\s*")


def normalize(name: str) -> str:
    """PEP 503 name normalisation: `Scikit_Learn` and `scikit-learn` are one project."""
    return _SEPARATORS.sub("-", name).lower()


@dataclass
class Requirement:
    name: str  # as written; normalize() for comparisons
    specifier: str = ""  # "==1.2.3", ">=2", "" (none)
    source: str = "pypi"  # pypi | vcs | url | path | conda
    url: str = ""

    @property
    def key(self) -> str:
        return normalize(self.name)

    @property
    def pinned_version(self) -> str | None:
        if self.source in ("url", "path"):
            return archive_release(self.name, self.url)
        match = _EXACT.fullmatch(self.specifier)
        if match:
            return match.group(1)
        closed = _CLOSED_RANGE.fullmatch(self.specifier)
        return (closed.group(1) or closed.group(2)) if closed else None


def archive_release(name: str, url: str) -> str | None:
    """The release a wheel or sdist URL or path installs, read from its file name as the wheel
    and sdist specifications define it (`ultralytics-8.3.41-py3-none-any.whl` is ultralytics
    8.3.41): the archive is that release whatever its host, so its advisories and compromised
    releases apply. None when the file is no archive of `name` (pip refuses a name mismatch) or
    its name does not parse."""
    named = archive_file(url)
    if named is None:
        return None
    from packaging.utils import canonicalize_name

    project, version = named
    return version if canonicalize_name(project) == normalize(name) else None


# What pip takes for an archive (its ARCHIVE_EXTENSIONS, matched without regard to case); the
# sdists among them are read as `<name>-<version><extension>`.
_SDIST_SUFFIXES = (".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar.lz", ".tar.lzma", ".tar", ".zip")
ARCHIVE_SUFFIXES = (".whl", *_SDIST_SUFFIXES)
_PROJECT_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,200}[A-Za-z0-9])?")
_TRAILING_EXTRAS = re.compile(r"\[[A-Za-z0-9._, -]{0,400}\]$")


def _archive_path(target: str) -> str:
    """The path of a URL or path as pip takes its file name from it: without marker, query,
    fragment, extras after a local archive (`./x-1.0.whl[gpu]`) or a URL's trailing `/`."""
    path = target.split(";")[0].strip().split("#")[0].split("?")[0]
    return _TRAILING_EXTRAS.sub("", path).rstrip("/")


def archive_file(target: str) -> tuple[str, str] | None:
    """(project, version) a wheel or sdist URL or path names in its file name (the last piece of
    its path, percent-decoded, after `/` or `\\`), else None."""
    from urllib.parse import unquote

    file_name = unquote(re.split(r"[\\/]", _archive_path(without_credentials(target)))[-1])
    return _archive_name(file_name)


def _archive_name(file_name: str) -> tuple[str, str] | None:
    """(project, version) of a wheel or sdist file name, else None (also for a project name that
    is not one: `x\nctx-1.0.tar.gz` names no project)."""
    lowered = file_name.lower()
    if len(file_name) > 512 or not lowered.endswith(ARCHIVE_SUFFIXES):
        return None
    from packaging.utils import InvalidSdistFilename, InvalidWheelFilename, parse_sdist_filename, parse_wheel_filename

    try:
        if lowered.endswith(".whl"):
            _project, version, _build, _tags = parse_wheel_filename(file_name)
            written = file_name.split("-", 1)[0]
        else:
            suffix = next(s for s in _SDIST_SUFFIXES if lowered.endswith(s))
            _project, version = parse_sdist_filename(file_name[: -len(suffix)] + ".tar.gz")
            written = file_name[: -len(suffix)].rpartition("-")[0]
    except (InvalidWheelFilename, InvalidSdistFilename, ValueError):
        return None
    # The name as the file writes it (`custom_kernels`), when it is a project's name at all.
    return (written, str(version)) if _PROJECT_NAME.fullmatch(written) else None


class Pinning(Enum):
    EXACT = "exact"
    RANGE = "range"
    UNPINNED = "unpinned"
    VCS_MOVABLE = "vcs-movable"
    VCS_COMMIT = "vcs-commit"
    URL_NO_HASH = "url-no-hash"
    URL_HASHED = "url-hashed"
    LOCAL = "local"


@dataclass(frozen=True)
class RequirementRules:
    vcs_without_commit: Rule | None
    url_without_hash: Rule | None
    unpinned: Rule | None
    range_pin: Rule | None


def is_archive(target: str) -> bool:
    """Whether pip takes a URL or path for a wheel or sdist (by its suffix, any name)."""
    return _archive_path(target).lower().endswith(ARCHIVE_SUFFIXES)


def _archive_words(text: str) -> bool:
    """A word pip takes for a file: an archive's name (`x-1.0-py3-none-any.whl`), with no spaces."""
    return " " not in text and is_archive(text)


def parse_requirement(text: str) -> Requirement | None:
    text = text.strip()
    if "://" not in text and _archive_words(text.split(";")[0].strip()):
        return _direct(text)  # `ultralytics-8.3.41-py3-none-any.whl`: pip installs that file
    simple = _SIMPLE.match(text)
    if simple is not None:
        specifier = ",".join(part.replace(" ", "") for part in simple.group("spec").split(",") if part.strip())
        return Requirement(simple.group("name"), specifier=specifier)
    direct = _direct(text)
    if direct is not None:
        return direct
    from packaging.requirements import InvalidRequirement
    from packaging.requirements import Requirement as Pep508

    try:
        parsed = Pep508(text)
    except InvalidRequirement:
        return None
    if parsed.url:
        return _classify_url(parsed.name, parsed.url)
    return Requirement(parsed.name, specifier=str(parsed.specifier))


def _direct(text: str) -> Requirement | None:
    """Bare URLs, VCS links and local paths, which PEP 508 alone does not name."""
    target = text.split(";")[0].strip()
    if "://" not in target and not _VCS.match(target):
        # pip reads a line as a path when it holds a path separator or starts with a dot
        # (req_install's _looks_like_path): `packages/phoenix-evals` installs that directory. A
        # PEP 508 name holds neither, so no requirement is taken for a path.
        if _looks_like_path(target) or re.match(r"[A-Za-z]:\\", target) or _archive_words(target):
            named = archive_file(target)
            file_name = PurePosixPath(target).name or target
            return Requirement(named[0] if named else file_name, source="path", url=target)
        return None
    if " @ " in target or (" " not in target and "@" in target.split("://")[0]):
        return None  # `name @ url`: PEP 508 handles it
    # The name comes from the fragment or the path, never from the authority (credentials).
    bare = without_credentials(target)
    named = archive_file(target)
    if named is not None:  # a wheel or sdist: its file name, decoded, says which project
        return _classify_url(named[0], target)
    egg = _EGG.search(bare)
    archive = _ARCHIVE_NAME.search(bare)
    path = bare.split("://", 1)[-1].partition("/")[2]
    stem = PurePosixPath(path.split("#")[0].split("?")[0]).stem if path else ""
    name = egg.group(1) if egg else archive.group(1) if archive else stem
    name = re.sub(r"\.git$", "", name.split("@")[0]) or url_host(bare) or "a direct URL"
    return _classify_url(name, target)


def _looks_like_path(target: str) -> bool:
    if " @ " in target:
        return False  # `name @ file:...` is PEP 508's, with its own URL
    return "/" in target or "\\" in target or target.startswith((".", "~"))


def _classify_url(name: str, url: str) -> Requirement:
    source = "vcs" if _VCS.match(url) else "path" if url.startswith("file:") else "url"
    return Requirement(name, source=source, url=url)


def parse_conda_spec(text: str) -> Requirement | None:
    written = text.strip().split("#")[0].strip()
    if "://" in written:
        return None  # a URL is no conda spec, and may carry a token: unreadable, never quoted
    spaced = _CONDA_SPACED.match(written)
    if spaced is not None:
        head, version, build = spaced.group("head"), spaced.group("version"), spaced.group("build")
        if version == "*":
            written = head  # any release
        elif "*" in version or "|" in version:
            written = f"{head}={version}"  # a pattern, or a choice of releases
        else:
            written = f"{head}=={version}" + (f"={build}" if build else "")
    match = _CONDA_SPEC.match(written)
    if match is None:
        return None
    spec = (match.group("spec") or "").strip()
    # conda: `pkg=1.2.3` and `pkg==1.2.3` pin, `pkg=1.2` is a prefix, `pkg=1.2.3=build` adds a build;
    # `pkg=1.2.3|1.2.4` is a choice, `pkg=1.2.*` a pattern.
    version = spec.lstrip("=").split("=")[0].strip() if spec.startswith("=") else ""
    # A build string names one build of one release (`conda env export`'s `icu=75.1=he02047a_0`).
    built = spec.lstrip("=").count("=") == 1 and _CONDA_EQUALS_BUILD.match(written) is not None
    exact = _CONDA_RELEASE.fullmatch(version) is not None and (
        spec.startswith("==") or version.count(".") >= 2 or built
    )
    return Requirement(match.group("name"), specifier=f"=={version}" if exact else spec, source="conda")


# `name=1.2.3=build` (conda env export's spelling), `name==1.2.3=build`: one release and its build.
_CONDA_EQUALS_BUILD = re.compile(
    r"^(?:[\w.-]+::)?[A-Za-z0-9_][A-Za-z0-9_.-]*==?[0-9][0-9A-Za-z._+!-]*=(?P<build>[A-Za-z0-9_.+]{1,200})$"
)


def conda_build(text: str) -> str | None:
    """The build string a conda spec pins to one release (`zstd=1.5.5=hc292b87_0`, `zstd 1.5.5
    hc292b87_0`), else None: not for a range, a pattern (`py*`) or spaces after an operator
    (`ultralytics == 8.3.41` is a version, not a build)."""
    written = text.strip().split("#")[0].strip()
    spaced = _CONDA_SPACED.match(written)
    if spaced is not None:
        build, version = spaced.group("build"), spaced.group("version")
        return build if build and "*" not in build and _CONDA_RELEASE.fullmatch(version) else None
    found = _CONDA_EQUALS_BUILD.match(written)
    return found.group("build") if found else None


def pinning(requirement: Requirement, hashes: Sequence[str] = ()) -> Pinning:
    if requirement.source == "vcs":
        return Pinning.VCS_COMMIT if _FULL_COMMIT.search(requirement.url) else Pinning.VCS_MOVABLE
    if requirement.source == "url":
        return Pinning.URL_HASHED if "#sha256=" in requirement.url or hashes else Pinning.URL_NO_HASH
    if requirement.source == "path":
        return Pinning.LOCAL
    if not requirement.specifier:
        return Pinning.UNPINNED
    return Pinning.EXACT if requirement.pinned_version is not None else Pinning.RANGE


def requirement_issues(
    requirement: Requirement, line: int, rules: RequirementRules, hashes: Sequence[str] = ()
) -> list[Issue]:
    kind = pinning(requirement, hashes)
    name, key = requirement.name, requirement.key
    if kind is Pinning.VCS_MOVABLE and rules.vcs_without_commit is not None:
        message = f"{name} from version control without a full commit hash: the branch or tag can move"
        return [Issue(rules.vcs_without_commit, message, f"vcs:{key}", line=line)]
    if kind is Pinning.URL_NO_HASH and rules.url_without_hash is not None:
        message = f"{name} from a direct URL without a #sha256= hash"
        return [Issue(rules.url_without_hash, message, f"url:{key}", line=line)]
    if kind is Pinning.UNPINNED and rules.unpinned is not None:
        message = f"{name} is not pinned: every install can pick a different release"
        return [Issue(rules.unpinned, message, f"unpinned:{key}", line=line)]
    if kind is Pinning.RANGE and rules.range_pin is not None:
        message = f"{name}{requirement.specifier} is a range, not an exact == pin"
        return [Issue(rules.range_pin, message, f"range:{key}", line=line)]
    return []
