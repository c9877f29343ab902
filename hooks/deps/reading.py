"""Reading dependency files defensively: size cap, binary content, encodings."""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 8 << 20


class DependencyFileError(Exception):
    """The file cannot be read as the format its name promises (a finding, not a crash)."""


def read_text(path: Path) -> str:
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DependencyFileError(f"larger than {MAX_BYTES >> 20} MiB")
    if b"\x00" in data[:8192]:
        raise DependencyFileError("binary content, not a dependency list")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DependencyFileError("not UTF-8 text") from None
