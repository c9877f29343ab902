"""Reading dependency files defensively: size cap, binary content, encodings."""

from __future__ import annotations

from pathlib import Path

from hooks._core import textfile

MAX_BYTES = 8 << 20


class DependencyFileError(Exception):
    """The file cannot be read as the format its name promises (a finding, not a crash)."""


def read_text(path: Path) -> str:
    read = textfile.read_text(path, MAX_BYTES, strict=True)
    if not read.ok:
        raise DependencyFileError(
            "binary content, not a dependency list" if read.kind == "binary" else str(read.problem)
        )
    return read.text
