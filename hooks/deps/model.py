"""What a dependency file declares, whatever its format."""

from __future__ import annotations

from dataclasses import dataclass, field

from hooks._core.findings import Issue
from hooks._shared.indexes import IndexOption
from hooks._shared.requirements import Requirement, normalize

__all__ = ["Dependency", "DependencyFile", "IndexOption", "normalize"]


@dataclass
class Dependency:
    name: str  # as written; normalize() for comparisons
    line: int
    raw: str
    source: str = "pypi"  # pypi | vcs | url | path | conda
    specifier: str = ""  # "==1.2.3", ">=2", "" (none)
    url: str = ""
    hashes: list[str] = field(default_factory=list)
    library: bool = False  # declared by a library's pyproject: ranges are expected
    build_only: bool = False
    # A conda package that is no PyPI project (a C library's build): named as before, PyPI's
    # advisories of that name reported low (scanner._CHANNEL_NOTE).
    channel_only: bool = False

    @property
    def key(self) -> str:
        return normalize(self.name)

    @property
    def requirement(self) -> Requirement:
        return Requirement(self.name, self.specifier, self.source, self.url)

    @property
    def pinned_version(self) -> str | None:
        """The exact version of an `==`/`===` pin (not `==1.*`), else None."""
        return self.requirement.pinned_version

    @classmethod
    def of(cls, requirement: Requirement, line: int, raw: str) -> Dependency:
        return cls(requirement.name, line, raw, requirement.source, requirement.specifier, requirement.url)


@dataclass
class DependencyFile:
    dependencies: list[Dependency] = field(default_factory=list)
    indexes: list[IndexOption] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)
    hash_checking: bool = False
    lines: list[str] = field(default_factory=list)  # the source, for inline suppressions
