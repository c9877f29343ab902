"""What a scanner is: a pure per-file function from a file to findings."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from hooks._core.findings import Finding
from hooks._core.policy import Policy


class Scanner(Protocol):
    def scan_file(self, path: Path, display: str, policy: Policy) -> list[Finding]:
        """Findings for one file. Raise OSError only when the file cannot be read at all."""
        ...
