"""What a scanner is: a pure per-file function from a file to a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from hooks._core.findings import Finding
from hooks._core.policy import Policy

PartKey = tuple[str, "int | None"]  # (display path, notebook cell or None)


@dataclass
class FileReport:
    """A scanner's findings for one file, and the text it read where suppression comments may
    stand (a file, each notebook code cell, each included requirements file), so that core can
    apply markers the same way for every scanner."""

    findings: list[Finding] = field(default_factory=list)
    texts: dict[tuple[str, int | None], list[str]] = field(default_factory=dict)
    # False when this verdict may not come out the same for the same bytes next time (an online
    # lookup that failed and was only warned about): the result cache must not keep it.
    cacheable: bool = True

    def read(self, path: str, text: str, cell: int | None = None) -> None:
        self.texts[(path, cell)] = text.split("\n")


class Scanner(Protocol):
    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        """Findings for one file. Raise OSError only when the file cannot be read at all."""
        ...
