"""What a dependency file declares, whatever its format."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hooks._core.findings import Issue

_SEPARATORS = re.compile(r"[-_.]+")


def normalize(name: str) -> str:
    """PEP 503 name normalisation: `Scikit_Learn` and `scikit-learn` are one project."""
    return _SEPARATORS.sub("-", name).lower()


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

    @property
    def key(self) -> str:
        return normalize(self.name)

    @property
    def pinned_version(self) -> str | None:
        """The exact version of an `==`/`===` pin (not `==1.*`), else None."""
        match = re.fullmatch(r"\s*===?\s*([^\s,;*]+)\s*", self.specifier)
        return match.group(1) if match else None


@dataclass(frozen=True)
class IndexOption:
    line: int
    option: str  # --index-url, --extra-index-url, --find-links, --trusted-host, channel
    value: str


@dataclass
class DependencyFile:
    dependencies: list[Dependency] = field(default_factory=list)
    indexes: list[IndexOption] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)
    hash_checking: bool = False
    lines: list[str] = field(default_factory=list)  # the source, for inline suppressions
