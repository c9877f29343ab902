"""Reading dependency files defensively: size cap, binary content, encodings.

pip decodes a requirements file by its byte-order mark (UTF-8, UTF-16 or UTF-32, as Windows
editors and PowerShell's `>` write them), and YAML accepts the same marks; TOML is UTF-8 only.
A file with such a mark is read as the tool reads it, not called binary.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from hooks._core import textfile

MAX_BYTES = 8 << 20
# Longest marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DependencyFileError(Exception):
    """The file cannot be read as the format its name promises (a finding, not a crash)."""


def _wide_text(path: Path) -> str | None:
    """The text of a UTF-16/32 file that starts with its byte-order mark, else None."""
    with textfile.open_regular(path) as handle:
        head = handle.read(4)
        codec = next((name for bom, name in _WIDE_BOMS if head.startswith(bom)), None)
        if codec is None:
            return None
        data = head + handle.read(MAX_BYTES + 1 - len(head))
    if len(data) > MAX_BYTES:
        raise DependencyFileError(f"larger than {MAX_BYTES >> 20} MiB")
    try:
        return data.decode(codec)  # the codec reads and drops the mark
    except UnicodeDecodeError:
        raise DependencyFileError(f"not valid {codec.upper()} text after its byte-order mark") from None


def read_text(path: Path, *, wide: bool = True) -> str:
    """`wide=False` for TOML, which is UTF-8 only."""
    if wide:
        text = _wide_text(path)
        if text is not None:
            return text
    read = textfile.read_text(path, MAX_BYTES, strict=True)
    if not read.ok:
        raise DependencyFileError(
            "binary content, not a dependency list" if read.kind == "binary" else str(read.problem)
        )
    return read.text
