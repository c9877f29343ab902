"""What a scanner is: a pure per-file function from a file to a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from hooks._core.findings import Finding
from hooks._core.policy import Policy

PartKey = tuple[str, "int | None"]  # (display path, notebook cell or None)


@dataclass(frozen=True)
class WrittenFile:
    """A file another file writes: its name as written, its text, and where that text stands."""

    name: str
    text: str
    cell: int | None
    first_line: int  # line of the cell (or file) where the written text's first line stands
    # The packages an install command names (`!pip install a b`, `RUN pip install a`), one
    # requirement a line, rather than a file: they go to hooks that judge installed packages
    # (`scan_installed`), and every finding stands at `first_line`, the command's line.
    installed: bool = False
    # Written by IPython's own `%%writefile`, which a hook that reads the writing file itself
    # finds there (mlsec-deps reads a notebook's written requirements); False: by a cell magic the
    # notebook defines, which only the code hook follows, so every hook of the name is handed it.
    plain: bool = True


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
    # Files the scanned file writes (a notebook's `%%writefile Dockerfile` cell): core hands each
    # to the hook that checks files of that name and reports its findings at the writing cell.
    written: list[WrittenFile] = field(default_factory=list)

    def read(self, path: str, text: str, cell: int | None = None) -> None:
        self.texts[(path, cell)] = text.split("\n")


class Scanner(Protocol):
    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        """Findings for one file. Raise OSError only when the file cannot be read at all."""
        ...


class TextScanner(Protocol):
    def scan_text(self, text: str, name: str, display: str, policy: Policy) -> FileReport:
        """Findings for the text of a file named `name` that another file writes; reported at
        `display` with lines counted from the text's first line."""
        ...


class InstalledScanner(Protocol):
    def scan_installed(self, text: str, display: str, policy: Policy) -> FileReport:
        """Findings for the packages an install command names (one requirement a line), judged
        by name and release only: the installing hook judges pins and indexes itself."""
        ...
